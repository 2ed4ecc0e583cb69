"""The API's writes: works upserted from records held in memory and works deleted, each
followed by the refresh of what it changed."""

from __future__ import annotations

import logging
import time
from typing import Any

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.errors import ServiceError
from graph_service.ingest.hubs import mark_changes, rank_changed_hubs
from graph_service.ingest.lists import refresh_similarity
from graph_service.ingest.records import memory_lines, read_works
from graph_service.ingest.refresh import refresh_authors
from graph_service.ingest.report import Rejects, Report
from graph_service.ingest.write import BATCH_SIZE, store_works
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K

logger = logging.getLogger("graph_service.ingest")


async def upsert_records(
    repository: Repository,
    records: list[Any],
    source: str = "request",
    similar: tuple[int, int] = (SIMILAR_TOP_K, SIMILAR_HUB_CAP),
    coauthor_cap: int = COAUTHOR_CAP,
) -> Report:
    """Load work records held in memory by the rules files follow, then refresh authors.

    A record that cannot load is reported as `source:N` (N counting from 1) and skipped.
    """
    started = time.perf_counter()
    report = Report()
    works = list(read_works(memory_lines(records, source), report, Rejects(report)))
    for start in range(0, len(works), BATCH_SIZE):
        report.loaded += await store_works(repository, works[start : start + BATCH_SIZE])
    # The works are committed: a failure from here on must not report them as lost. What
    # they changed stays marked :Stale and catches up at the next refresh.
    try:
        await mark_changes(repository)
        report.refreshed_authors = await refresh_authors(repository, coauthor_cap)
        report.refreshed_papers = await refresh_similarity(repository, *similar)
        await rank_changed_hubs(repository)
    except ServiceError as error:
        logger.warning("works stored, derived values not yet refreshed: %s", error)
        report.refresh_failed = str(error)
    report.seconds = time.perf_counter() - started
    return report


async def delete_work(
    repository: Repository,
    work_id: str,
    similar: tuple[int, int] = (SIMILAR_TOP_K, SIMILAR_HUB_CAP),
    coauthor_cap: int = COAUTHOR_CAP,
) -> bool:
    """Remove one work (kept as a stub while other works cite it), then refresh authors (a
    failure of that is logged: the delete stands, and what it changed catches up later)."""
    rows = await repository.write(Statement.DELETE_WORK, {"id": work_id})
    try:
        await mark_changes(repository)
        await refresh_authors(repository, coauthor_cap)
        await refresh_similarity(repository, *similar)
        await rank_changed_hubs(repository)
    except ServiceError as error:
        logger.warning("work %s deleted, derived values not yet refreshed: %s", work_id, error)
    return bool(rows and rows[0]["deleted"])
