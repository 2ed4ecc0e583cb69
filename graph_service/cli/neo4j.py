"""`graph-service neo4j`: the project-managed local Neo4j server."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from graph_service.cli.common import (
    HomeOption,
    err,
    fail,
    local_server,
    out,
    ports,
    server_of,
    settings_of,
)
from graph_service.localneo4j.clone import clone as clone_home
from graph_service.localneo4j.distribution import LocalServerError

neo4j_app = typer.Typer(no_args_is_help=True, help="The project-managed local Neo4j server.")


@neo4j_app.command()
def install(ctx: typer.Context, home: HomeOption = None) -> None:
    """Fetch Neo4j, Browser and APOC (cached) and lay out the home. Safe to repeat."""
    server = server_of(ctx, home)
    try:
        with err.status("installing Neo4j"):
            server.install(say=lambda line: err.print(line))
    except LocalServerError as error:
        fail(str(error))
    out.print(f"Neo4j {server.version} installed in {server.home}")


@neo4j_app.command()
def start(
    ctx: typer.Context,
    home: HomeOption = None,
    bolt_port: Annotated[
        int | None, typer.Option(help="Bolt port [default: the one the home last used, or 7687]")
    ] = None,
    http_port: Annotated[
        int | None, typer.Option(help="HTTP/Browser port [default: the last one, or 7474]")
    ] = None,
    heap: Annotated[str | None, typer.Option(help="JVM heap, e.g. 2g")] = None,
    pagecache: Annotated[str | None, typer.Option(help="Page cache, e.g. 2g")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt")] = 180.0,
) -> None:
    """Start the server (installing it first if needed) and wait until Bolt answers."""
    settings = settings_of(ctx)
    server = server_of(ctx, home)
    try:
        server.install(say=lambda line: err.print(line))
        bolt, http = ports(settings, server, bolt_port, http_port)
        with err.status(f"starting Neo4j {server.version}"):
            status = server.start(
                bolt_port=bolt,
                http_port=http,
                heap=heap or settings.heap,
                pagecache=pagecache or settings.pagecache,
                timeout=timeout,
            )
    except LocalServerError as error:
        fail(str(error))
    out.print(f"Neo4j {status.version} running (pid {status.pid}) at {status.uri}")
    out.print(f"Browser: {status.browser_url}  user neo4j, password in {server.password_path}")


@neo4j_app.command()
def stop(ctx: typer.Context, home: HomeOption = None) -> None:
    """Stop the server cleanly (SIGTERM, then wait)."""
    server = server_of(ctx, home)
    try:
        stopped = server.stop()
    except LocalServerError as error:
        fail(str(error))
    out.print("stopped" if stopped else f"not running ({server.home})")


@neo4j_app.command()
def status(ctx: typer.Context, home: HomeOption = None) -> None:
    """Whether the server runs, with its pid, ports, version and home. Exit 3 when stopped."""
    info = server_of(ctx, home).status()
    state = "running" if info.running else "stopped"
    out.print(f"{state}  version {info.version}  home {info.home}")
    if info.running:
        out.print(f"pid {info.pid}  bolt {info.uri}  browser {info.browser_url}")
    else:
        raise typer.Exit(3)


@neo4j_app.command()
def clone(
    ctx: typer.Context,
    target: Annotated[Path, typer.Option("--to", help="The home of the copy (made if new)")],
    source: Annotated[
        Path | None,
        typer.Option("--from", help="The home to copy [default: the configured one]"),
    ] = None,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="The copy refuses writes (a read replica)")
    ] = False,
) -> None:
    """Copy the graph into another home (dump, then load; each server stopped only for its
    half). Run again to refresh the copy."""
    settings = settings_of(ctx)
    origin, copy = local_server(settings, source), local_server(settings, target)
    try:
        with err.status("cloning"):
            clone_home(
                origin, copy, settings.neo4j_database, read_only, say=lambda line: err.print(line)
            )
    except LocalServerError as error:
        fail(str(error))
    kind = "a read-only copy" if read_only else "a copy"
    out.print(f"{copy.home} holds {kind} of {origin.home}'s {settings.neo4j_database}")
    if not copy.status().running:
        out.print(
            f"start it: graph-service neo4j start --home {shlex.quote(str(copy.home))} "
            "--bolt-port PORT --http-port PORT"
        )


@neo4j_app.command()
def setting(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A Neo4j setting, e.g. db.logs.query.enabled")],
    value: Annotated[str | None, typer.Argument(help="Its value; none: print it")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Drop the home's own value")] = False,
    home: HomeOption = None,
) -> None:
    """Set a Neo4j setting of the home, kept across starts (in conf/neo4j.extra.conf, which
    wins over the settings written at each start); in effect from the next start."""
    server = server_of(ctx, home)
    try:
        if remove or value is not None:
            server.conf.set_setting(name, None if remove else value)
    except LocalServerError as error:
        fail(str(error))
    current = server.conf.settings().get(name)
    out.print(f"{name}={current}" if current is not None else f"{name} is not set in {server.home}")
    if (remove or value is not None) and server.status().running:
        out.print("restart Neo4j for it to apply: graph-service neo4j stop, then start")


@neo4j_app.command()
def env(ctx: typer.Context, home: HomeOption = None) -> None:
    """Print NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD as shell exports."""
    try:
        values = server_of(ctx, home).env()
    except LocalServerError as error:
        fail(str(error))
    for key, value in values.items():
        print(f"export {key}={shlex.quote(value)}")
