"""Neo4j servers for tests and benchmarks: a home of their own (never the user's), free ports,
little memory, and a stop that does not wait for clients."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.server import LocalServer, ServerStatus

HEAP = "1g"
PAGECACHE = "512m"
# A scratch server has no clients to let finish when it stops: without these Bolt waits 5 s
# for its connections and 5 s more for its threads, 10 s per stop (internal settings of 5.26).
QUICK_STOP = {
    "internal.server.bolt.connection_shutdown_wait_time": "0s",
    "internal.server.bolt.thread_pool_shutdown_wait_time": "0s",
    "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
    "internal.dbms.bolt.netty_server_shutdown_timeout": "1s",
}


def scratch_home(home: Path) -> LocalServer:
    """A server installed in `home`, set to stop at once; not started."""
    server = LocalServer(home)
    server.install()
    quick_stop(server)
    return server


def quick_stop(server: LocalServer) -> None:
    """Set an installed server to stop at once (QUICK_STOP)."""
    for name, value in QUICK_STOP.items():
        server.conf.set_setting(name, value)


def start_free(
    server: LocalServer, heap: str = HEAP, pagecache: str = PAGECACHE, timeout: float = 180.0
) -> ServerStatus:
    """Start `server` on free Bolt and HTTP ports."""
    return server.start(
        bolt_port=free_port(),
        http_port=free_port(),
        heap=heap,
        pagecache=pagecache,
        timeout=timeout,
    )


@contextmanager
def scratch_server(
    home: Path, heap: str = HEAP, pagecache: str = PAGECACHE
) -> Iterator[LocalServer]:
    """A scratch server in `home`, started on free ports; stopped after."""
    server = scratch_home(home)
    start_free(server, heap, pagecache)
    try:
        yield server
    finally:
        server.stop()
