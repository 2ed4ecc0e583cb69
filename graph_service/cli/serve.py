"""`graph-service serve`: GraphQL, the pages and health checks over HTTP."""

from __future__ import annotations

import asyncio
import os
from enum import StrEnum
from typing import Annotated

import typer

from graph_service.cli.common import connected_settings, fail, out, settings_of
from graph_service.localneo4j.host import port_is_free


class Loop(StrEnum):
    """uvicorn's event loops. asyncio is the default whatever is installed, so that the bench
    extras (which bring uvloop) do not change what is measured; uvloop is not a dependency:
    1.00x-1.09x the standard loop's throughput here, docs/benchmarks.md."""

    auto = "auto"
    asyncio = "asyncio"
    uvloop = "uvloop"


class Http(StrEnum):
    """uvicorn's HTTP/1.1 parsers. h11 is the default: httptools refuses a URL over 64 KiB
    before the service sees it, with a plain-text 400 instead of a GraphQL error. With h11 each
    response goes out in one write (graph_service/wire.py)."""

    h11 = "h11"
    httptools = "httptools"


def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Interface [default: 127.0.0.1]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: 8000]")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Processes on the port [default: GRAPH_SERVICE_WORKERS, or one per core]"
        ),
    ] = None,
    loop: Annotated[Loop, typer.Option(help="Event loop (see docs/benchmarks.md)")] = Loop.asyncio,
    http: Annotated[Http, typer.Option(help="HTTP parser (see docs/benchmarks.md)")] = Http.h11,
) -> None:
    """Serve GraphQL at /graphql (with NEO4J_URI unset: on the local Neo4j, started if needed)."""
    import uvicorn

    from graph_service.http.app import create_app
    from graph_service.http.protocol import H11JoinedProtocol

    configured = settings_of(ctx)
    bind_host = host or configured.host
    bind_port = port or configured.port
    processes = workers or configured.workers or os.cpu_count() or 1
    if not port_is_free(bind_port, bind_host):
        fail(f"port {bind_port} on {bind_host} is in use: choose another with --port")
    settings = connected_settings(ctx)
    out.print(
        f"GraphQL: http://{bind_host}:{bind_port}/graphql "
        f"({processes} worker process{'es' if processes > 1 else ''})"
    )
    protocol: type[asyncio.Protocol] | str = H11JoinedProtocol if http is Http.h11 else http.value
    if processes == 1:
        uvicorn.run(
            create_app(settings),
            host=bind_host,
            port=bind_port,
            loop=loop.value,
            http=protocol,
            log_level="info",
        )
        return
    # The workers are new interpreters that read their settings from the environment: the
    # local server's address and password, found here, go with it.
    if settings.neo4j_uri is not None:
        os.environ["NEO4J_URI"] = settings.neo4j_uri
    if settings.neo4j_password is not None:
        os.environ["NEO4J_PASSWORD"] = settings.neo4j_password.get_secret_value()
    uvicorn.run(
        "graph_service.http.app:app_from_environment",
        factory=True,
        workers=processes,
        host=bind_host,
        port=bind_port,
        loop=loop.value,
        http=protocol,
        log_level="info",
    )
