"""The statements of the common request shapes, planned before the first request."""

from __future__ import annotations

import asyncio
from typing import Any

from graph_service.api.resolvers.slices import CITATION_BASIS, PAPER_PROJECTIONS, slice_parameters
from graph_service.db.catalog import Composed
from graph_service.db.repository import Repository
from graph_service.db.statements import LABELS, Statement
from graph_service.ingest.arxiv import ABS, AUTHOR_PREFIX, PAPER_PREFIX, PDF
from graph_service.ingest.hubs import HUB_FROM, HUB_LIST, LABEL_BATCH
from graph_service.ingest.lists import SIMILARITY_BATCH
from graph_service.ingest.refresh import REFRESH_BATCH
from graph_service.ingest.similarity import OPENALEX_WEIGHT
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K

WARM_UP_TIMEOUT = 120.0
# Statements planned at once before serving: Neo4j plans each on one core.
WARM_UP_AT_ONCE = 2

# Slice depths whose statements are planned at start-up, for every centre label.
WARM_DEPTHS = (1, 2)


def unmatched_id(like: str | None) -> str:
    """An id no node has, as long as `like` (an OpenAlex id's 11 characters without one).

    Neo4j caches a plan per statement, parameter types and, for a string, its length class
    (0, 1, 2-10, 11-100, ... characters): a warm-up with an empty id plans a shape no
    request uses.
    """
    return "~" * len(like or "A5000000000")


def write_shapes(paper: str) -> list[tuple[Statement, dict[str, Any], bool]]:
    """What `upsertWorks` and `deleteWork` run (graph_service/ingest/edits.py), with
    parameters of the types they send (`paper`: an id as long as a paper's), and whether the
    statement writes: a write is planned with EXPLAIN, a read is run (on a reader, where
    there are readers)."""
    stale = {"limit": LABEL_BATCH}
    similarity = {
        "topK": SIMILAR_TOP_K,
        "hubCap": SIMILAR_HUB_CAP,
        "openalexWeight": OPENALEX_WEIGHT,
        "limit": SIMILARITY_BATCH,
    }
    return [
        (Statement.UPSERT_TOPICS, {"topics": []}, True),
        (Statement.UPSERT_INSTITUTIONS, {"institutions": []}, True),
        (Statement.LINK_ARXIV_PAPERS, {"works": [], "prefix": PAPER_PREFIX}, True),
        (Statement.UPSERT_WORKS, {"works": [], "arxivAbs": ABS, "arxivPdf": PDF}, True),
        (Statement.DELETE_WORK, {"id": paper}, True),
        (Statement.MARK_HUB_CHANGES, stale, True),
        (Statement.SELECT_STALE_AUTHORS, {"limit": REFRESH_BATCH}, True),
        (Statement.REFRESH_AUTHORS, {"coauthorCap": COAUTHOR_CAP}, True),
        (Statement.FINISH_REFRESH, {"arxivAuthor": AUTHOR_PREFIX}, True),
        (Statement.COUNT_STALE_PAPERS, {}, False),
        (Statement.REFRESH_SIMILARITY, similarity, True),
        (Statement.SELECT_CHANGED_HUBS, {"from": HUB_FROM}, False),
        (Statement.RANK_HUBS, {"nodes": [], "from": HUB_FROM, "length": HUB_LIST}, True),
        (Statement.CLEAR_HUB_CHANGES, stale, True),
    ]


async def warm_up(
    repository: Repository, at_once: int = WARM_UP_AT_ONCE, writes: bool = False
) -> None:
    """Run the statements of the common shapes once on ids that match nothing (as long as the
    graph's own), so their plans are cached before the first request; with `writes`, have
    the API's writes planned too (EXPLAIN: planned, not run), so the first write after a
    start does not spend seconds planning a dozen statements.

    Planning a slice statement takes one to three seconds on a cold two-core server, on one
    of its cores: `at_once` are planned at a time (while requests are served, one, so they
    keep a core). The explorer opens at depth 2 and
    expands at depth 1, and a path is most often asked between two people; the other shapes
    (depth 3, paths from papers or topics) are planned at their first use, in a second or two.
    """
    sample = (await repository.read(Statement.SAMPLE_IDS, tx_timeout=WARM_UP_TIMEOUT))[0]
    shapes: list[tuple[Statement | Composed, dict[str, Any]]] = []
    # A year filter changes no parameter's type (slice_parameters): one plan serves both.
    for depth in WARM_DEPTHS:
        for label in LABELS:
            parameters = slice_parameters(unmatched_id(sample[label]), depth, 1, 1)
            shapes.append((repository.catalog.neighborhood(label, depth), parameters))
    paper = {"center": unmatched_id(sample["Paper"]), "limit": 1, "basis": CITATION_BASIS}
    shapes += [(projected, paper) for projected in PAPER_PROJECTIONS.values()]
    author = unmatched_id(sample["Author"])
    shapes += [
        (repository.catalog.path_ends("Author", "Author"), {"from": author, "to": author}),
        # A path search's other statements take element ids, which an empty list stands for.
        (Statement.COUNT_PATH_FRONTIER, {"frontier": []}),
        (Statement.EXPAND_PATH_FRONTIER, {"frontier": []}),
        (Statement.SELECT_STUBS, {"ids": []}),
        (Statement.MEET_PATH_HUBS, {"nodes": [], "hubs": []}),
        (Statement.MEET_PATH_HUBS_FROM_HUBS, {"nodes": [], "hubs": []}),
        (Statement.MEET_PATH_HUB_PAIRS, {"pairs": []}),
        (Statement.SELECT_PATH_SLICE, {"nodes": [], "relationships": []}),
        (Statement.FIND_COLLABORATION_PATH, {"from": author, "to": author, "maxLength": 1}),
    ]
    # (statement, parameters, planned with EXPLAIN rather than run)
    planning: list[tuple[Statement | Composed, dict[str, Any], bool]] = [
        (s, p, False) for s, p in shapes
    ]
    if writes:
        planning += write_shapes(unmatched_id(sample["Paper"]))
    waiting = iter(planning)

    async def plan() -> None:
        for statement, parameters, explain in waiting:
            if explain:
                await repository.explain(statement, parameters)
            else:
                await repository.read(statement, parameters, tx_timeout=WARM_UP_TIMEOUT)

    await asyncio.gather(*(plan() for _ in range(at_once)))
