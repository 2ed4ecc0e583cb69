"""The `graph-service` command line: local Neo4j, serving, loading."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from pydantic import SecretStr
from rich.console import Console

from graph_service.localserver import LocalServer, LocalServerError
from graph_service.settings import Settings

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
neo4j_app = typer.Typer(no_args_is_help=True, help="The project-managed local Neo4j server.")
app.add_typer(neo4j_app, name="neo4j")

out = Console()
err = Console(stderr=True)

HomeOption = Annotated[
    Path | None,
    typer.Option(
        "--home", help="Neo4j home folder [default: GRAPH_SERVICE_NEO4J_HOME or a per-user folder]"
    ),
]


def fail(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def settings_of(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


def server_of(ctx: typer.Context, home: Path | None) -> LocalServer:
    settings = settings_of(ctx)
    return LocalServer(home or settings.neo4j_home, maven_settings=settings.maven_settings)


@app.callback()
def main(ctx: typer.Context) -> None:
    """Knowledge-graph service for research discovery."""
    ctx.obj = Settings()


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
    bolt_port: Annotated[int | None, typer.Option(help="Bolt port [default: 7687]")] = None,
    http_port: Annotated[int | None, typer.Option(help="HTTP/Browser port [default: 7474]")] = None,
    heap: Annotated[str | None, typer.Option(help="JVM heap, e.g. 2g")] = None,
    pagecache: Annotated[str | None, typer.Option(help="Page cache, e.g. 2g")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt")] = 180.0,
) -> None:
    """Start the server (installing it first if needed) and wait until Bolt answers."""
    settings = settings_of(ctx)
    server = server_of(ctx, home)
    try:
        server.install(say=lambda line: err.print(line))
        with err.status(f"starting Neo4j {server.version}"):
            status = server.start(
                bolt_port=bolt_port or settings.bolt_port,
                http_port=http_port or settings.http_port,
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
def env(ctx: typer.Context, home: HomeOption = None) -> None:
    """Print NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD as shell exports."""
    try:
        values = server_of(ctx, home).env()
    except LocalServerError as error:
        fail(str(error))
    for key, value in values.items():
        print(f"export {key}={shlex.quote(value)}")


def local_settings(settings: Settings) -> Settings:
    """Settings pointing at the project-managed server, installed and started as needed."""
    server = LocalServer(settings.neo4j_home, maven_settings=settings.maven_settings)
    server.install(say=lambda line: err.print(line))
    status = server.status()
    if not status.running:
        with err.status(f"starting Neo4j {server.version} in {server.home}"):
            status = server.start(
                bolt_port=settings.bolt_port,
                http_port=settings.http_port,
                heap=settings.heap,
                pagecache=settings.pagecache,
            )
    err.print(
        f"Neo4j Browser: {status.browser_url} (user neo4j, password in {server.password_path})"
    )
    return settings.model_copy(
        update={"neo4j_uri": status.uri, "neo4j_password": SecretStr(server.password())}
    )


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Interface [default: 127.0.0.1]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: 8000]")] = None,
) -> None:
    """Serve GraphQL at /graphql (with NEO4J_URI unset: on the local Neo4j, started if needed)."""
    import uvicorn

    from graph_service.app import create_app

    settings = settings_of(ctx)
    if settings.neo4j_uri is None:
        try:
            settings = local_settings(settings)
        except LocalServerError as error:
            fail(str(error))
    bind_host = host or settings.host
    bind_port = port or settings.port
    out.print(f"GraphQL: http://{bind_host}:{bind_port}/graphql")
    uvicorn.run(create_app(settings), host=bind_host, port=bind_port, log_level="info")
