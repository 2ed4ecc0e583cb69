"""The `graph-service` command line: local Neo4j, serving, loading."""

from __future__ import annotations

import asyncio
import logging
import os
import shlex
import sys
import time
from collections.abc import Awaitable, Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from pydantic import SecretStr, ValidationError
from rich.console import Console
from rich.markup import escape

from graph_service.db.statements import Statement
from graph_service.errors import ServiceError
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.host import port_is_free
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import Settings

if TYPE_CHECKING:
    from graph_service.db.repository import Repository

T = TypeVar("T")

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
neo4j_app = typer.Typer(no_args_is_help=True, help="The project-managed local Neo4j server.")
app.add_typer(neo4j_app, name="neo4j")
load_app = typer.Typer(no_args_is_help=True, help="Load data into the graph.")
app.add_typer(load_app, name="load")
db_app = typer.Typer(no_args_is_help=True, help="Look at or clear the graph.")
app.add_typer(db_app, name="db")

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
    last_bolt, last_http = server.configured_ports()
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


@app.callback()
def main(ctx: typer.Context) -> None:
    """Knowledge-graph service for research discovery."""
    # The driver logs each retry of an unreachable server as a warning with its traceback;
    # a command says once what failed instead.
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    try:
        ctx.obj = Settings()
    except ValidationError as error:
        problems = [
            f"{'/'.join(map(str, e['loc'])).upper() or 'settings'}: "
            f"{e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        ]
        fail("the settings from the environment are not valid:\n  " + "\n  ".join(problems))


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
            origin.clone(copy, settings.neo4j_database, read_only, say=lambda line: err.print(line))
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
            server.set_setting(name, None if remove else value)
    except LocalServerError as error:
        fail(str(error))
    current = server.settings().get(name)
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


@app.command()
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


PathsArgument = Annotated[
    list[Path], typer.Argument(help="Files (.jsonl, .jsonl.gz) or folders holding them")
]
RejectsOption = Annotated[
    Path, typer.Option("--rejects", help="Where rejected lines are written (only if any)")
]
DEFAULT_REJECTS = Path("rejects.jsonl")
BatchOption = Annotated[int, typer.Option(min=1, max=50_000, help="Records per transaction")]


def run_load(
    ctx: typer.Context,
    loads: list[tuple[str, list[Path]]],
    rejects: Path,
    batch: int,
    if_empty: bool = False,
) -> None:
    """Load each (kind, files) in turn; exit status 2 when any line was rejected."""
    from graph_service.ingest.importer import Importer
    from graph_service.ingest.progress import ConsoleProgress
    from graph_service.ingest.report import Report

    async def work(repository: Repository) -> list[tuple[str, Report]] | None:
        if if_empty:
            counts = (await repository.read(Statement.COUNT_GRAPH))[0]
            if counts["papers"] + counts["stubs"]:
                return None
        reports = []
        with ConsoleProgress(err) as progress:
            settings = settings_of(ctx)
            importer = Importer(
                repository,
                batch_size=batch,
                rejects_file=rejects,
                progress=progress,
                similar=settings.similar,
                coauthor_cap=settings.coauthor_cap,
            )
            for kind, paths in loads:
                load = {
                    "works": importer.works,
                    "institutions": importer.institutions,
                    "arXiv records": importer.arxiv,
                }[kind]
                reports.append((kind, await load(paths)))
        return reports

    try:
        reports = with_repository(ctx, work)
    except FileNotFoundError as error:
        fail(str(error))
    if reports is None:
        out.print("the graph is not empty: nothing loaded")
        return
    for kind, report in reports:
        out.print(report.summary(kind), highlight=False, soft_wrap=True)
    if not all(report.ok for _, report in reports):
        raise typer.Exit(2)


@load_app.command("openalex")
def load_openalex(
    ctx: typer.Context,
    paths: PathsArgument,
    rejects: RejectsOption = DEFAULT_REJECTS,
    batch: BatchOption = 1000,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="Empty local database only: convert and load offline with neo4j-admin "
            "(stops Neo4j for the import; several times faster for big first loads)",
        ),
    ] = False,
) -> None:
    """Load OpenAlex work records. Safe to repeat; newer records replace older ones.

    Exit status 2 when any line was rejected (each is reported as file:line: reason).
    """
    if bulk:
        run_bulk_load(ctx, paths, rejects)
    else:
        run_load(ctx, [("works", paths)], rejects, batch)


def run_bulk_load(ctx: typer.Context, paths: list[Path], rejects: Path) -> None:
    from graph_service.ingest.bulk import BulkImport
    from graph_service.ingest.progress import ConsoleProgress
    from graph_service.ingest.refresh import refresh_papers

    settings = settings_of(ctx)
    if settings.neo4j_uri is not None:
        fail("--bulk works on the project's local Neo4j only (unset NEO4J_URI)")

    async def graph_size(repository: Repository) -> int:
        counts = (await repository.read(Statement.COUNT_GRAPH))[0]
        return sum(int(value) for value in counts.values())

    if with_repository(ctx, graph_size):
        fail("--bulk needs an empty graph: load without --bulk, or `db reset --yes` first")
    server = local_server(settings)
    try:
        with ConsoleProgress(err) as progress:
            bulk = BulkImport(
                server,
                server.home / "import" / "bulk",
                rejects,
                progress,
                settings.similar,
                settings.coauthor_cap,
            )
            report = bulk.run(paths)
    except FileNotFoundError as error:
        fail(str(error))
    except LocalServerError as error:
        fail(str(error))

    async def finish(repository: Repository) -> None:
        started = time.perf_counter()
        await repository.apply_schema()
        bulk.seconds["schema"] = time.perf_counter() - started
        with ConsoleProgress(err) as progress:
            # The lists came with the import; papers a write marked since are made again.
            lists, report.ranked_papers = await refresh_papers(
                repository, True, settings.similar, progress, seconds=bulk.seconds
            )
            report.refreshed_papers += lists

    started = time.perf_counter()
    with_repository(ctx, finish)
    report.seconds += time.perf_counter() - started
    out.print(report.summary("works") + " (bulk import)", highlight=False, soft_wrap=True)
    steps = ", ".join(f"{step} {seconds:.1f}s" for step, seconds in bulk.seconds.items())
    out.print(f"steps: {steps}", highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(2)


@load_app.command("openalex-institutions")
def load_institutions(
    ctx: typer.Context,
    paths: PathsArgument,
    rejects: RejectsOption = DEFAULT_REJECTS,
    batch: BatchOption = 1000,
) -> None:
    """Enrich institutions from OpenAlex institution records (ror, country, type, lineage)."""
    run_load(ctx, [("institutions", paths)], rejects, batch)


@load_app.command("arxiv")
def load_arxiv(
    ctx: typer.Context,
    paths: PathsArgument,
    rejects: RejectsOption = DEFAULT_REJECTS,
    batch: BatchOption = 1000,
) -> None:
    """Load arXiv metadata records (the snapshot's JSON lines: .json, .jsonl, .gz, folders).

    A paper OpenAlex also has (same arXiv id, or DOI) is one paper. Safe to repeat; a newer
    `update_date` wins. Exit status 2 when any line was rejected (reported as file:line: reason).
    """
    run_load(ctx, [("arXiv records", paths)], rejects, batch)


@load_app.command("demo")
def load_demo(
    ctx: typer.Context,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Only when the graph holds no papers yet")
    ] = False,
) -> None:
    """Load the demo data set shipped with the service: the researchers and papers of the
    seed pages as OpenAlex works, then the arXiv records of the papers listed by category."""
    from graph_service.devdata.demo import DEMO_ARXIV, DEMO_WORKS

    loads = [("works", [DEMO_WORKS]), ("arXiv records", [DEMO_ARXIV])]
    run_load(ctx, loads, DEFAULT_REJECTS, 1000, if_empty=if_empty)


@app.command()
def refresh(
    ctx: typer.Context,
    all_papers: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Make every paper's similarity list and every hub's ranked neighbours, "
            "not only those :Stale nodes changed",
        ),
    ] = False,
) -> None:
    """Bring papers' similarity lists, every paper's and author's importance and hubs' ranked
    neighbours up to date."""
    from graph_service.ingest.hubs import mark_changes
    from graph_service.ingest.progress import ConsoleProgress
    from graph_service.ingest.refresh import refresh_papers

    settings = settings_of(ctx)

    async def work(repository: Repository) -> tuple[int, int]:
        with ConsoleProgress(err) as progress:
            if all_papers:
                progress.start("marking every paper", None)
                await repository.write_until_done(
                    Statement.MARK_PAPERS_STALE, "marked", 20_000, tx_timeout=300.0
                )
            await mark_changes(repository)
            return await refresh_papers(
                repository,
                all_papers,
                settings.similar,
                progress,
                whole=True if all_papers else None,
            )

    started = time.perf_counter()
    lists, ranked = with_repository(ctx, work)
    out.print(
        f"{lists:,} similarity lists made, {ranked:,} papers ranked "
        f"in {time.perf_counter() - started:.1f}s"
    )


@db_app.command("stats")
def db_stats(ctx: typer.Context) -> None:
    """Counts per label and relationship type; stubs apart from papers."""
    from rich.table import Table

    async def work(repository: Repository) -> dict[str, int]:
        rows = await repository.read(Statement.COUNT_GRAPH, tx_timeout=300.0)
        return {key: int(value) for key, value in rows[0].items()}

    counts = with_repository(ctx, work)
    table = Table("what", "count")
    for key, value in counts.items():
        table.add_row(key, f"{value:,}")
    out.print(table)


@db_app.command("reset")
def db_reset(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Really delete every node")] = False,
) -> None:
    """Delete every node and relationship (the schema stays)."""
    if not yes:
        fail("this deletes the whole graph; run again with --yes")

    async def work(repository: Repository) -> int:
        # Relationships first, so that no node's delete has to carry all of a hub's edges.
        for statement in (Statement.DELETE_RELATIONSHIPS, Statement.DELETE_NODES):
            deleted = 0
            while True:
                rows = await repository.write(statement, {"limit": 20_000}, tx_timeout=300.0)
                count = int(rows[0]["deleted"])
                deleted += count
                if count == 0:
                    break
        return deleted

    out.print(f"deleted {with_repository(ctx, work):,} nodes")


@app.command()
def generate(
    papers: Annotated[int, typer.Option(min=1, help="How many papers")],
    output: Annotated[Path, typer.Option("-o", "--output", help="FILE.jsonl or FILE.jsonl.gz")],
    seed: Annotated[int, typer.Option(help="Same seed, same bytes")] = 1,
) -> None:
    """Write a synthetic research graph in the OpenAlex work format (load it with `load`)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from graph_service.devdata import generator

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err) as progress:
        task = progress.add_task("generating", total=papers)
        shape = generator.write(output, papers, seed, advance=lambda n: progress.advance(task, n))
    out.print(
        f"{shape.papers:,} papers, {shape.authors:,} authors, {shape.authorships:,} authorships, "
        f"{shape.citations:,} citations, {shape.institutions:,} institutions, "
        f"{shape.topics:,} topics -> {output}"
    )


@app.command("schema")
def export_schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout")
    ] = None,
) -> None:
    """Print the GraphQL schema (SDL) the service serves."""
    from graph_service.api import build_schema

    text = build_schema().as_str() + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
