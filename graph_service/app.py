"""The app factory: a starlette app serving GraphQL and health checks over one Neo4j driver."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from graph_service.errors import ServiceError
from graph_service.loaders import Loaders
from graph_service.repository import Repository
from graph_service.schema import Context, build_schema, warm_up
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


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view, handed the app's repository as its context."""

    async def render_graphql_ide(self, request: Request) -> Response:
        # Our own GraphiQL build: strawberry's page loads GraphiQL from a CDN.
        return page("graphiql.html")

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        repository: Repository = request.app.state.repository
        settings: Settings = request.app.state.settings
        request_id = _request_id(request.headers.get("x-request-id"))
        if isinstance(response, Response):
            response.headers["X-Request-ID"] = request_id
        return Context(
            repository=repository,
            loaders=Loaders(repository),
            request_id=request_id,
            write_token=settings.token,
            request=request if isinstance(request, Request) else None,
        )


def _request_id(given: str | None) -> str:
    """The caller's request id when it is a sane token, else a fresh one."""
    if given and len(given) <= 64 and given.replace("-", "").isalnum():
        return given
    return uuid.uuid4().hex


async def explorer(request: Request) -> Response:
    return page("index.html")


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    repository: Repository = request.app.state.repository
    try:
        await repository.ping()
    except ServiceError as error:
        return JSONResponse({"status": "unavailable", "reason": str(error)}, status_code=503)
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
        try:
            await repository.apply_schema()
        except ServiceError as error:
            # Serve anyway: /readyz reports the database, and the schema is applied by `load`.
            logger.warning("schema not applied at start-up: %s", error)
        else:
            # Before serving, so the first requests find their plans cached (and the statement
            # counts a request causes are its own). Skipped when the database is unusable:
            # retrying bad credentials only gets the user locked out by Neo4j.
            await _warm_up(repository)
        try:
            yield {}
        finally:
            await repository.close()

    graphql = GraphQLApp(build_schema(), graphql_ide="graphiql")
    static = web_dir()
    routes = [
        Route("/", explorer),
        Mount("/static", StaticFiles(directory=static, check_dir=False), name="static"),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/graphql", graphql, methods=["GET", "POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.settings = settings
    return app
