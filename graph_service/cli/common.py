"""What every command shares: the consoles, failing with a message, the settings, the local
server they name, and a repository connected for the command."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from pydantic import SecretStr
from rich.console import Console
from rich.markup import escape

from graph_service.errors import ServiceError
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import Settings

if TYPE_CHECKING:
    from graph_service.db.repository import Repository

T = TypeVar("T")

out = Console()

err = Console(stderr=True)

HomeOption = Annotated[
    Path | None,
    typer.Option(
        "--home", help="Neo4j home folder [default: GRAPH_SERVICE_NEO4J_HOME or a per-user folder]"
    ),
]


def fail(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def settings_of(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


def local_server(settings: Settings, home: Path | None = None) -> LocalServer:
    """The project-managed Neo4j the settings name (or the one in `home`)."""
    return LocalServer(home or settings.neo4j_home, maven_settings=settings.maven_settings)


def ports(
    settings: Settings, server: LocalServer, bolt: int | None = None, http: int | None = None
) -> tuple[int, int]:
    """The ports to start on: those given, else those the environment sets, else those the
    home last used (so a home moved off 7687 stays where its clients look), else 7687/7474."""
    last_bolt, last_http = server.conf.ports()
    given = settings.model_fields_set

    def pick(option: int | None, field: str, last: int | None, default: int) -> int:
        if option is not None:
            return option
        if field in given:
            return int(getattr(settings, field))
        return last or default

    return pick(bolt, "bolt_port", last_bolt, 7687), pick(http, "http_port", last_http, 7474)


def server_of(ctx: typer.Context, home: Path | None) -> LocalServer:
    return local_server(settings_of(ctx), home)


def local_settings(settings: Settings) -> Settings:
    """Settings pointing at the project-managed server, installed and started as needed."""
    server = local_server(settings)
    server.install(say=lambda line: err.print(line))
    status = server.status()
    if not status.running:
        bolt, http = ports(settings, server)
        with err.status(f"starting Neo4j {server.version} in {server.home}"):
            status = server.start(
                bolt_port=bolt,
                http_port=http,
                heap=settings.heap,
                pagecache=settings.pagecache,
            )
    err.print(
        f"Neo4j Browser: {status.browser_url} (user neo4j, password in {server.password_path})"
    )
    return settings.model_copy(
        update={"neo4j_uri": status.uri, "neo4j_password": SecretStr(server.password())}
    )


def connected_settings(ctx: typer.Context) -> Settings:
    """The settings, pointed at the local server (started if needed) when NEO4J_URI is unset."""
    settings = settings_of(ctx)
    if settings.neo4j_uri is not None:
        return settings
    try:
        return local_settings(settings)
    except LocalServerError as error:
        fail(str(error))


def with_repository(ctx: typer.Context, work: Callable[[Repository], Awaitable[T]]) -> T:
    """Run `work` on a repository connected for this command, then close it."""
    from graph_service.db.repository import Repository

    settings = connected_settings(ctx)

    async def run() -> T:
        repository = Repository.connect(settings)
        try:
            return await work(repository)
        finally:
            await repository.close()

    try:
        return asyncio.run(run())
    except ServiceError as error:
        fail(f"{error} (Neo4j at {settings.neo4j_uri})")
