"""The app factory: a starlette app serving GraphQL and health checks over one Neo4j driver."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph_service.db.repository import Repository
from graph_service.http.graphql import GraphQLApp
from graph_service.http.pages import PAGE_ROUTES, explorer, page, web_dir
from graph_service.http.readiness import Readiness, healthz, readyz
from graph_service.http.warmup import plan, prepare
from graph_service.settings import Settings

# How long after Neo4j restarts the service runs only a few operations at once.
COLD_SECONDS = 8.0


def create_app(settings: Settings) -> Starlette:
    """The ASGI app; the driver is opened when it starts and closed when it stops."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        repository = Repository.connect(settings)
        app.state.repository = repository

        def refused() -> None:
            # The Neo4j that comes back is a new process: it plans every statement anew on a
            # cold JVM, and a few requests at a time are answered in a second or two where
            # all of them at once take many. Throttled from now until a while after it is back.
            graphql.admission.throttle(COLD_SECONDS)

        async def recovered(restarted: bool) -> None:
            if restarted:
                await asyncio.sleep(COLD_SECONDS)
            # The schema outlives a restart; only the plan cache is gone. The common
            # statements the requests have not planned yet are planned now, one at a time.
            await plan(repository, settings, serving=True)

        readiness = app.state.readiness = Readiness(repository, recovered, refused)
        ready = await prepare(repository, settings)
        readiness.start(down=not ready)
        try:
            yield {}
        finally:
            await readiness.stop()
            await repository.close()

    graphql = GraphQLApp(settings, ide=lambda: page("graphiql.html"))
    static = web_dir()
    routes = [
        *(Route(path, explorer) for path in PAGE_ROUTES),
        Mount("/static", StaticFiles(directory=static, check_dir=False), name="static"),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        # Every method reaches the endpoint, which refuses all but GET and POST with a code.
        Route("/graphql", graphql),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.settings = settings
    app.state.admission = graphql.admission
    return app


def app_from_environment() -> Starlette:
    """The app in each of `serve --workers N`'s processes: the settings from the environment
    the command passed on (with the local server's address and password in it)."""
    return create_app(Settings())
