"""Writing parsed records to Neo4j in batched transactions: works (newest wins) with their
topics and institutions, arXiv records with their categories, institutions. The file importer
and the API's writes both go through here."""

from __future__ import annotations

from typing import Any

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.ingest.arxiv import ABS, PAPER_PREFIX, PDF, ArxivPaper
from graph_service.ingest.openalex import Work
from graph_service.ingest.records import newest

BATCH_SIZE = 1000
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
