"""The session's Neo4j prepared in a thread while the unit tests run: started, the shared graph
loaded, its common statements planned and, for the pages, the service started over it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar

from graph_service.http.child import served
from tests.support.neo4j import Neo4jTarget, session_target
from tests.support.shared import SharedGraph

T = TypeVar("T")


class Preparation:
    """What the session's tests need of Neo4j, made in the background in the order they need
    it; each part is waited for where a fixture asks for it."""

    def __init__(self, folder: Path, shared: bool, serve: bool) -> None:
        self._folder = folder
        self._stack = ExitStack()
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="session")
        self._target = self._pool.submit(self._start)
        self._shared = self._pool.submit(self._share) if shared else None
        self._service = self._pool.submit(self._serve) if serve else None

    def _start(self) -> Neo4jTarget:
        return self._stack.enter_context(session_target(self._folder / "neo4j-home"))

    def _share(self) -> SharedGraph:
        shared = SharedGraph(self._target.result(), self._folder / "shared")
        shared.ready()
        shared.plan()
        return shared

    def _serve(self) -> str:
        env = {**os.environ, **self._target.result().env()}
        if self._shared is not None:
            self._shared.result()
        return self._stack.enter_context(served(env, ready_within=120)).base

    def target(self) -> Neo4jTarget:
        return self._target.result()

    def shared(self) -> SharedGraph:
        """The shared graph, loaded (or to be loaded by its first reader, if nothing asked for
        it when the session started)."""
        return waited(self._shared, lambda: SharedGraph(self.target(), self._folder / "shared"))

    def service(self) -> str:
        """`graph-service serve`'s address, over the session's Neo4j."""
        return waited(self._service, self._serve)

    def close(self, keep: bool = False) -> None:
        """Stop the service and the server; their folder goes too unless `keep`."""
        self._pool.shutdown(cancel_futures=True)
        self._stack.close()
        if not keep:
            shutil.rmtree(self._folder, ignore_errors=True)


def waited(future: Future[T] | None, otherwise: Callable[[], T]) -> T:
    return future.result() if future is not None else otherwise()
