"""The app factory: a starlette app serving GraphQL and health checks over one Neo4j driver."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph_service.api import warm_up
from graph_service.db.repository import Repository
from graph_service.errors import ReadOnly, ServiceError
from graph_service.http.graphql import GraphQLApp
from graph_service.settings import Settings

logger = logging.getLogger("graph_service")
# How long after Neo4j restarts the service runs only a few operations at once.
COLD_SECONDS = 8.0


def web_dir() -> Path:
    """The built explorer and GraphiQL (`make` builds `web/dist` from `web/`)."""
    return Path(__file__).resolve().parents[2] / "web" / "dist"


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
    """Whether Neo4j answers, from a probe run in the background every FRESH seconds on a
    connection of its own, so polling readiness under load adds nothing to it.

    A probe that has not answered within STALL seconds (a frozen server never does) makes
    readiness fail at once, without waiting for the probe's own timeout. When Neo4j answers
    again after failing, `on_recovery` runs, told whether Neo4j refused connections meanwhile
    (a restarted server, with a cold JVM and an empty plan cache, not a frozen one).
    `on_refused` runs after each probe Neo4j refused.
    """

    # A frozen server is seen within FRESH + STALL (and a poll's interval) of freezing.
    FRESH = 0.2
    STALL = 0.6

    def __init__(
        self,
        repository: Repository,
        on_recovery: Callable[[bool], Coroutine[Any, Any, None]] | None = None,
        on_refused: Callable[[], None] | None = None,
    ) -> None:
        self._repository = repository
        self._on_recovery = on_recovery
        self._on_refused = on_refused
        self._problem: str | None = None
        self._refused = False
        self._answered = asyncio.Event()
        self._probing_since: float | None = None
        self._monitor: asyncio.Task[None] | None = None
        self._recovery: asyncio.Task[None] | None = None

    def start(self, down: bool = False) -> None:
        """Probe from now on; `down` when the app already knows Neo4j did not answer."""
        self._problem = "Neo4j has not answered yet" if down else None
        self._monitor = asyncio.create_task(self._watch())

    async def stop(self) -> None:
        for task in (self._monitor, self._recovery):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def problem(self) -> str | None:
        """None when Neo4j answered the last probe, else why it did not."""
        if not self._answered.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.STALL):
                    await self._answered.wait()
        since = self._probing_since
        if since is not None and time.monotonic() - since > self.STALL:
            return f"Neo4j has not answered a probe for {time.monotonic() - since:.1f}s"
        if not self._answered.is_set():
            return "Neo4j has not answered yet"
        return self._problem

    async def _watch(self) -> None:
        while True:
            self._probing_since = time.monotonic()
            try:
                await self._repository.ping()
            except ServiceError as error:
                problem: str | None = str(error)
            else:
                problem = None
            self._probing_since = None
            recovered = self._problem is not None and problem is None
            self._problem = problem
            if self._repository.unreachable:
                self._refused = True
                if self._on_refused:
                    self._on_refused()
            self._answered.set()
            if recovered:
                logger.info("Neo4j answers again")
                if self._on_recovery and (self._recovery is None or self._recovery.done()):
                    self._recovery = asyncio.create_task(self._on_recovery(self._refused))
                self._refused = False
            elif problem is not None:
                logger.warning("Neo4j does not answer: %s", problem)
            await asyncio.sleep(self.FRESH)


async def readyz(request: Request) -> Response:
    readiness: Readiness = request.app.state.readiness
    problem = await readiness.problem()
    if problem is not None:
        return JSONResponse({"status": "unavailable", "reason": problem}, status_code=503)
    return JSONResponse({"status": "ready"})


async def plan(repository: Repository, settings: Settings) -> None:
    """Plan the common statements (when the settings say so), so the first requests find
    their plans cached; a failure is logged, the requests then plan on first use."""
    if settings.warm_up:
        try:
            await warm_up(repository)
        except ServiceError as error:
            logger.warning("query plans not warmed up: %s", error)


async def prepare(repository: Repository, settings: Settings) -> bool:
    """Apply the schema, then plan the common statements; False when Neo4j did not answer.

    Before serving, so the first requests find their plans cached (and the statement counts
    a request causes are its own). A read-only database still gets its plans. Skipped when
    the database is unusable: retrying bad credentials only gets the user locked out.
    """
    try:
        if await repository.read_only():
            logger.warning(
                "Neo4j's database %s is read-only: serving reads; writes get READ_ONLY",
                settings.neo4j_database,
            )
        created = await repository.apply_schema()
    except ReadOnly:
        logger.warning(
            "the database is read-only and lacks some of the schema: serving without it "
            "(load the data on the primary, then copy it)"
        )
    except ServiceError as error:
        # Serve anyway: /readyz reports the database, and the schema is applied by `load`.
        logger.warning("schema not applied: %s", error)
        return False
    else:
        if created:
            logger.info("created the schema's %s", ", ".join(created))
    await plan(repository, settings)
    return True


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
            # statements the requests have not planned yet are planned now.
            await plan(repository, settings)

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
