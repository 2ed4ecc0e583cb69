"""The app factory: a starlette app serving GraphQL and health checks over one Neo4j driver."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph_service.api import warm_up
from graph_service.api.endpoint import GraphQLApp
from graph_service.errors import ServiceError
from graph_service.repository import Repository
from graph_service.settings import Settings

logger = logging.getLogger("graph_service")


def web_dir() -> Path:
    """The built explorer and GraphiQL (`make` builds `web/dist` from `web/`)."""
    return Path(__file__).resolve().parent.parent / "web" / "dist"


MISSING_WEB = (
    "<!doctype html><title>graph_service</title><p>The web pages are not built: run "
    "<code>make web</code> (or <code>make run</code>). GraphQL answers at "
    "<code>POST /graphql</code>.</p>"
)


def page(name: str) -> Response:
    path = web_dir() / name
    if not path.is_file():
        return HTMLResponse(MISSING_WEB, status_code=503)
    return FileResponse(path, media_type="text/html")


# The page app's routes: each view has an address of its own that a reload or a shared
# link opens; the page reads the address and draws the view.
PAGE_ROUTES = (
    "/",
    "/papers",
    "/paper/{id:path}",
    "/similar/{id:path}",
    "/author/{id:path}",
    "/topic/{id:path}",
    "/institution/{id:path}",
)


async def explorer(request: Request) -> Response:
    return page("index.html")


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


class Readiness:
    """Whether Neo4j answers, from a probe run at most once per FRESH seconds, one at a time.

    Polled under load, readiness must not add to it or wait behind it: the probe has a
    connection of its own, callers share the probe in flight, and its answer is kept for
    FRESH seconds. A probe is bounded (PING_TIMEOUT), so a dead or frozen Neo4j gets a 503.
    """

    FRESH = 1.0

    def __init__(self, repository: Repository) -> None:
        self._repository = repository
        self._checked = float("-inf")
        self._problem: str | None = None
        self._probe: asyncio.Task[None] | None = None

    async def problem(self) -> str | None:
        """None when Neo4j answered the last probe, else why it did not."""
        if time.monotonic() - self._checked > self.FRESH:
            if self._probe is None or self._probe.done():
                self._probe = asyncio.create_task(self._run())
            await asyncio.shield(self._probe)
        return self._problem

    async def _run(self) -> None:
        try:
            await self._repository.ping()
        except ServiceError as error:
            self._problem = str(error)
        else:
            self._problem = None
        self._checked = time.monotonic()


async def readyz(request: Request) -> Response:
    readiness: Readiness = request.app.state.readiness
    problem = await readiness.problem()
    if problem is not None:
        return JSONResponse({"status": "unavailable", "reason": problem}, status_code=503)
    return JSONResponse({"status": "ready"})


async def _warm_up(repository: Repository) -> None:
    try:
        await warm_up(repository)
    except ServiceError as error:
        logger.warning("query plans not warmed up at start-up: %s", error)


def create_app(settings: Settings) -> Starlette:
    """The ASGI app; the driver is opened when it starts and closed when it stops."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        repository = Repository.connect(settings)
        app.state.repository = repository
        app.state.readiness = Readiness(repository)
        try:
            await repository.apply_schema()
        except ServiceError as error:
            # Serve anyway: /readyz reports the database, and the schema is applied by `load`.
            logger.warning("schema not applied at start-up: %s", error)
        else:
            # Before serving, so the first requests find their plans cached (and the statement
            # counts a request causes are its own). Skipped when the database is unusable:
            # retrying bad credentials only gets the user locked out by Neo4j.
            if settings.warm_up:
                await _warm_up(repository)
        try:
            yield {}
        finally:
            await repository.close()

    graphql = GraphQLApp(settings, ide=lambda: page("graphiql.html"))
    static = web_dir()
    routes = [
        *(Route(path, explorer) for path in PAGE_ROUTES),
        Mount("/static", StaticFiles(directory=static, check_dir=False), name="static"),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/graphql", graphql, methods=["GET", "POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.settings = settings
    return app
