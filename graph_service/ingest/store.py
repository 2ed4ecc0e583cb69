"""Writing parsed records to Neo4j: works (newest wins) with their topics and institutions,
institutions, deletes, and bringing derived values up to date: authors' figures, papers'
similarity lists and importance, hubs' ranked neighbours. The file importer and the API's
writes both go through here."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.errors import OutOfMemory, ServiceError
from graph_service.ingest.arxiv import ABS, AUTHOR_PREFIX, PAPER_PREFIX, PDF, ArxivPaper
from graph_service.ingest.hubs import mark_changes, rank_changed_hubs, rank_hubs
from graph_service.ingest.openalex import Work
from graph_service.ingest.records import Progress, Rejects, Report, memory_lines, newest, read_works
from graph_service.ingest.similarity import OPENALEX_WEIGHT, Citations, Similar
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K

logger = logging.getLogger("graph_service.ingest.store")

BATCH_SIZE = 1000
REFRESH_BATCH = 2000
SIMILARITY_BATCH = 500
# Many papers waiting: every list is made at once, from the whole graph's citations, when at
# least this many and a tenth of the papers wait (reading the graph costs about as much as a
# few thousand lists made one by one).
WHOLE_GRAPH_FROM = 5_000
WHOLE_GRAPH_SHARE = 0.1
CITATION_PAGE = 20_000
EDIT_BATCH = 50_000
LIST_WRITE = 1_000
# Importance: Graph Data Science's PageRank with its usual damping, to a tight tolerance.
DAMPING = 0.85
MAX_ITERATIONS = 50
TOLERANCE = 1e-7
TOPIC_BATCH = 100
# Papers one ranking transaction sets at most (a topic larger than this goes alone): the first
# 100 topics of a generated 1M-paper graph hold nearly all of it, past Neo4j's memory for one
# transaction at a 2 GB heap.
RANK_BATCH_PAPERS = 50_000
AUTHOR_BATCH = 10_000
# Ranking a million papers: projecting and PageRank take tens of seconds on two cores.
RANK_TIMEOUT = 600.0
# A batch of a thousand works with their references can take a while on a cold page cache.
WRITE_TIMEOUT = 120.0


async def store_works(repository: Repository, works: list[Work]) -> int:
    """Upsert a batch of works in one transaction; returns how many were applied (a stored
    copy with a later `updated_date` is kept). A paper loaded from arXiv alone that a work
    names (by arXiv id or DOI) becomes that work's paper first."""
    latest = newest(works)
    topics: dict[str, dict[str, Any]] = {}
    institutions: dict[str, dict[str, Any]] = {}
    for work in latest.values():
        topics.update(work.topic_nodes)
        institutions.update(work.institutions)
    named = [
        {"id": work.id, "arxivId": work.props["arxivId"], "doi": work.props["doi"]}
        for work in latest.values()
        if work.props["arxivId"] or work.props["doi"]
    ]
    results = await repository.write_many(
        [
            (Statement.UPSERT_TOPICS, {"topics": list(topics.values())}),
            (Statement.UPSERT_INSTITUTIONS, {"institutions": list(institutions.values())}),
            (Statement.LINK_ARXIV_PAPERS, {"works": named, "prefix": PAPER_PREFIX}),
            (
                Statement.UPSERT_WORKS,
                {
                    "works": [work.row() for work in latest.values()],
                    "arxivAbs": ABS,
                    "arxivPdf": PDF,
                },
            ),
        ],
        tx_timeout=WRITE_TIMEOUT,
    )
    return int(results[3][0]["applied"]) if results[3] else 0


async def store_arxiv(repository: Repository, papers: list[ArxivPaper]) -> int:
    """Upsert a batch of arXiv records in one transaction, with their categories; returns
    how many were applied (a stored record with a later `update_date` is kept)."""
    latest = newest(papers)
    categories: dict[str, dict[str, Any]] = {}
    for paper in latest.values():
        categories.update(paper.category_nodes)
    results = await repository.write_many(
        [
            (Statement.UPSERT_CATEGORIES, {"categories": list(categories.values())}),
            (
                Statement.UPSERT_ARXIV_PAPERS,
                {"papers": [paper.row() for paper in latest.values()], "prefix": PAPER_PREFIX},
            ),
        ],
        tx_timeout=WRITE_TIMEOUT,
    )
    return int(results[1][0]["applied"]) if results[1] else 0


async def store_institutions(repository: Repository, institutions: list[dict[str, Any]]) -> int:
    await repository.write_many(
        [(Statement.UPSERT_INSTITUTIONS, {"institutions": institutions})],
        tx_timeout=WRITE_TIMEOUT,
    )
    return len(institutions)


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

    return await _until_done(batch, REFRESH_BATCH)


async def refresh_similarity(
    repository: Repository,
    top_k: int = SIMILAR_TOP_K,
    hub_cap: int = SIMILAR_HUB_CAP,
    whole: bool | None = None,
) -> int:
    """Make the similarity lists of :Stale papers again; returns how many were waiting.

    With `whole`, every list is made at once from the graph's citations (the same values,
    far faster per paper); by default that is done when many papers wait (WHOLE_GRAPH_FROM
    and a tenth of them), else paper by paper in Cypher. A batch holding papers cited
    thousands of times can outgrow a transaction's memory: it is then tried again in halves,
    down to one paper."""
    if whole is None:
        counts = (await repository.read(Statement.COUNT_STALE_PAPERS))[0]
        stale, papers = int(counts["stale"]), int(counts["papers"])
        whole = stale >= max(WHOLE_GRAPH_FROM, WHOLE_GRAPH_SHARE * papers)
    if whole:
        return await _refresh_every_list(repository, top_k, hub_cap)
    parameters = {"topK": top_k, "hubCap": hub_cap, "openalexWeight": OPENALEX_WEIGHT}

    async def batch(limit: int) -> int:
        rows = await repository.write(
            Statement.REFRESH_SIMILARITY, {**parameters, "limit": limit}, tx_timeout=WRITE_TIMEOUT
        )
        return int(rows[0]["refreshed"]) if rows else 0

    return await _until_done(batch, SIMILARITY_BATCH)


async def _refresh_every_list(repository: Repository, top_k: int, hub_cap: int) -> int:
    """Every paper's list made again at once (graph_service.ingest.similarity): the waiting papers
    are let go first, so a write landing meanwhile labels its papers again; the citations are
    read a page at a time, the old lists deleted and the new ones written in batches."""

    waiting = await repository.write_until_done(
        Statement.CLEAR_STALE_PAPERS, "cleared", EDIT_BATCH, WRITE_TIMEOUT
    )
    citations = Citations()
    after = ""
    while rows := await repository.read(
        Statement.PAGE_PAPER_CITATIONS, {"after": after, "limit": CITATION_PAGE}
    ):
        for row in rows:
            citations.add(row["id"], row["references"], row["related"])
        after = rows[-1]["id"]
    ids = citations.ids
    lists = citations.lists(top_k, hub_cap)
    await repository.write_until_done(
        Statement.DELETE_SIMILAR_TO, "deleted", EDIT_BATCH, WRITE_TIMEOUT
    )

    def next_batch() -> list[dict[str, Any]]:
        return [_stored(ids, found) for found in itertools.islice(lists, LIST_WRITE)]

    # The lists are made in a thread, a batch at a time, while the loop writes the last one.
    while batch := await asyncio.to_thread(next_batch):
        await repository.write(
            Statement.WRITE_SIMILAR_LISTS, {"lists": batch}, tx_timeout=WRITE_TIMEOUT
        )
    return waiting


def _stored(ids: list[str], found: Similar) -> dict[str, Any]:
    """One paper's list as write_similar_lists takes it: a kind only where above zero."""
    return {
        "id": ids[found.paper],
        "similar": [
            {
                "id": ids[int(other)],
                "coCitation": float(found.co_citation[at]) if found.co_citation[at] > 0 else None,
                "coupling": float(found.coupling[at]) if found.coupling[at] > 0 else None,
                "openalex": True if found.listed[at] else None,
                "score": float(found.score[at]),
            }
            for at, other in enumerate(found.others)
        ],
    }


async def _until_done(batch: Callable[[int], Awaitable[int]], size: int) -> int:
    """Run `batch` with a limit of `size` until it does fewer; returns the total done. A batch
    that outgrows the memory Neo4j gives one transaction is tried again in halves, down to
    one."""
    total = 0
    while True:
        try:
            done = await batch(size)
        except OutOfMemory:
            if size == 1:
                raise
            size //= 2
            continue
        total += done
        if done < size:
            return total


def topic_batches(
    topics: list[tuple[str, int]], most_topics: int, most_papers: int
) -> Iterator[list[str]]:
    """The topic ids in order, in batches of at most `most_topics` topics and `most_papers`
    papers (a topic with more goes alone)."""
    batch: list[str] = []
    papers = 0
    for topic, count in topics:
        if batch and (len(batch) == most_topics or papers + count > most_papers):
            yield batch
            batch, papers = [], 0
        batch.append(topic)
        papers += count
    if batch:
        yield batch


async def refresh_importance(repository: Repository) -> int:
    """PageRank over every citation, written to papers as `importance`; then each paper's
    percentile within its topic and year, and authors' importance from their works'. Returns
    how many papers were ranked."""
    if (await repository.read(Statement.SAMPLE_IDS))[0]["Paper"] is None:
        return 0  # no papers: Graph Data Science cannot project a label no node has
    graph = f"citations-{uuid.uuid4().hex}"
    cites = (await repository.read(Statement.HAS_CITATIONS))[0]["cites"]
    project = Statement.PROJECT_CITATIONS if cites else Statement.PROJECT_PAPERS
    # Projection, PageRank and drop all go as writes although two of them only read: the
    # projection lives in one member's memory, and on a cluster writes all go to the leader.
    await repository.write(project, {"graph": graph}, tx_timeout=RANK_TIMEOUT)
    try:
        rows = await repository.write(
            Statement.WRITE_IMPORTANCE,
            {
                "graph": graph,
                "dampingFactor": DAMPING,
                "maxIterations": MAX_ITERATIONS,
                "tolerance": TOLERANCE,
            },
            tx_timeout=RANK_TIMEOUT,
        )
    finally:
        await repository.write(Statement.DROP_PROJECTION, {"graph": graph})
    topics = [(row["id"], row["papers"]) for row in await repository.read(Statement.GET_TOPIC_IDS)]
    for batch in topic_batches(topics, TOPIC_BATCH, RANK_BATCH_PAPERS):
        await repository.write(
            Statement.RANK_IMPORTANCE, {"topics": batch}, tx_timeout=WRITE_TIMEOUT
        )
    after = ""
    while True:
        done = (
            await repository.write(
                Statement.REFRESH_AUTHOR_IMPORTANCE,
                {"after": after, "limit": AUTHOR_BATCH},
                tx_timeout=WRITE_TIMEOUT,
            )
        )[0]
        if int(done["done"]) < AUTHOR_BATCH:
            break
        after = done["last"]
    return int(rows[0]["nodePropertiesWritten"])


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
