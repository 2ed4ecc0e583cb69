"""Papers' similarity lists made again: paper by paper in Cypher, or every list at once from
the whole graph's citations (graph_service.ingest.similarity)."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.ingest.batches import until_done
from graph_service.ingest.similarity import OPENALEX_WEIGHT, Citations, Similar
from graph_service.ingest.write import WRITE_TIMEOUT
from graph_service.settings import SIMILAR_HUB_CAP, SIMILAR_TOP_K

SIMILARITY_BATCH = 500

# Many papers waiting: every list is made at once, from the whole graph's citations, when at
# least this many and a tenth of the papers wait (reading the graph costs about as much as a
# few thousand lists made one by one).
WHOLE_GRAPH_FROM = 5_000

WHOLE_GRAPH_SHARE = 0.1

CITATION_PAGE = 20_000

EDIT_BATCH = 50_000

LIST_WRITE = 1_000


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

    return await until_done(batch, SIMILARITY_BATCH)


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
