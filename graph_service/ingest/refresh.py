"""Bringing derived values up to date after a load or a write, in order: authors' figures,
then papers' similarity lists, importance and the hubs' ranked neighbours."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.ingest.arxiv import AUTHOR_PREFIX
from graph_service.ingest.batches import until_done
from graph_service.ingest.hubs import rank_changed_hubs, rank_hubs
from graph_service.ingest.importance import refresh_importance
from graph_service.ingest.lists import refresh_similarity
from graph_service.ingest.report import Progress
from graph_service.ingest.write import WRITE_TIMEOUT
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K

REFRESH_BATCH = 2000


async def refresh_authors(repository: Repository, coauthor_cap: int = COAUTHOR_CAP) -> int:
    """Recompute counts, h-index, affiliations and collaborations of :Stale authors.

    A batch holding prolific authors (thousands of works and co-authors) can outgrow the
    memory Neo4j gives one transaction: it is then tried again in halves, down to one author.
    """

    async def batch(limit: int) -> int:
        rows = await repository.write_many(
            [
                (Statement.SELECT_STALE_AUTHORS, {"limit": limit}),
                (Statement.REFRESH_AUTHORS, {"coauthorCap": coauthor_cap}),
                (Statement.FINISH_REFRESH, {"arxivAuthor": AUTHOR_PREFIX}),
            ],
            tx_timeout=WRITE_TIMEOUT,
        )
        return int(rows[2][0]["refreshed"])

    return await until_done(batch, REFRESH_BATCH)


async def refresh_papers(
    repository: Repository,
    every_hub: bool,
    similar: tuple[int, int] = (SIMILAR_TOP_K, SIMILAR_HUB_CAP),
    progress: Progress | None = None,
    whole: bool | None = None,
    seconds: dict[str, float] | None = None,
) -> tuple[int, int]:
    """What every load ends with: the similarity lists of :Stale papers made again with
    (top K, hub cap) (every list at once with `whole`, see refresh_similarity), every paper
    ranked, then the ranked neighbours of the hubs next to what `mark_changes` marked before
    the refresh (of `every_hub` with it). Returns (lists made, papers ranked); each step's
    seconds go into `seconds` (refresh, importance, hubs) when given."""
    progress = progress or Progress()
    seconds = {} if seconds is None else seconds
    with _step(progress, "refreshing similar papers", seconds, "refresh"):
        lists = await refresh_similarity(repository, *similar, whole=whole)
    with _step(progress, "ranking papers", seconds, "importance"):
        ranked = await refresh_importance(repository)
    with _step(progress, "ranking hubs' neighbours", seconds, "hubs"):
        await (rank_hubs(repository) if every_hub else rank_changed_hubs(repository))
    return lists, ranked


@contextmanager
def _step(progress: Progress, label: str, seconds: dict[str, float], key: str) -> Iterator[None]:
    """Show `label` while the block runs; its seconds go into `seconds[key]`."""
    progress.start(label, None)
    started = time.perf_counter()
    yield
    seconds[key] = time.perf_counter() - started
