"""Health checks: /healthz (the process is up) and /readyz (Neo4j answers), from a probe run in
the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from graph_service.db.repository import Repository
from graph_service.errors import ServiceError

logger = logging.getLogger("graph_service")


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
