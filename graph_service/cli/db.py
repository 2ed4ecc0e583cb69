"""`graph-service db` and `refresh`: look at or clear the graph, bring derived values up to date."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated

import typer

from graph_service.cli.common import err, fail, out, settings_of, with_repository
from graph_service.db.statements import Statement

if TYPE_CHECKING:
    from graph_service.db.repository import Repository

db_app = typer.Typer(no_args_is_help=True, help="Look at or clear the graph.")


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
