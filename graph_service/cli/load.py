"""`graph-service load`: OpenAlex works and institutions, arXiv records and the demo set, online
or (a first load) in bulk."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from graph_service.cli.common import err, fail, local_server, out, settings_of, with_repository
from graph_service.db.statements import Statement
from graph_service.localneo4j.distribution import LocalServerError

if TYPE_CHECKING:
    from graph_service.db.repository import Repository

load_app = typer.Typer(no_args_is_help=True, help="Load data into the graph.")

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
