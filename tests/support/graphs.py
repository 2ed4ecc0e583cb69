"""Graphs for tests: loaded from files through the importer, dumped in a canonical form to
compare, wiped."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import neo4j

from graph_service.db.repository import Repository
from graph_service.ingest.importer import Importer
from graph_service.ingest.report import Report
from tests.support.neo4j import Neo4jTarget

T = TypeVar("T")


def dump(driver: neo4j.Driver) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties, sorted: equal dumps, equal graphs."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS source, type(r) AS type, properties(r) AS props, "
        "b.id AS target"
    )
    # A hub's ranked lists hold relationships' element ids, which differ from one database to
    # another: each is dumped as the relationship it names.
    listed = sorted(
        {
            id
            for r in nodes
            for key, ids in r["props"].items()
            if key.startswith("top_")
            for id in ids
        }
    )
    named, _, _ = driver.execute_query(
        "UNWIND $ids AS id MATCH (a)-[r]->(b) WHERE elementId(r) = id "
        "RETURN id, a.id + '-' + type(r) + '->' + b.id AS name",
        ids=listed,
    )
    names = {row["id"]: row["name"] for row in named}

    def props(found: dict[str, Any]) -> dict[str, Any]:
        return {
            key: [names.get(id, id) for id in value] if key.startswith("top_") else value
            for key, value in found.items()
        }

    return (
        sorted(canonical({"labels": sorted(r["labels"]), **props(r["props"])}) for r in nodes),
        sorted(canonical(r.data()) for r in rels),
    )


def canonical(value: Any) -> str:
    def normal(item: Any) -> Any:
        if isinstance(item, dict):
            return {key: normal(val) for key, val in item.items()}
        if isinstance(item, list):
            return [normal(val) for val in item]
        if isinstance(item, float):
            # PageRank sums in parallel, in an order that differs from one database to another.
            return float(f"{item:.10g}")
        return item

    return json.dumps(normal(value), sort_keys=True, default=str)


def wipe(driver: neo4j.Driver) -> None:
    """Delete every node and relationship (the schema, which tests share, stays)."""
    with driver.session() as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


def load_files(
    target: Neo4jTarget, paths: list[Path], rejected: int = 0, arxiv: bool = False
) -> Report:
    """Load work files (or arXiv files) through the importer; exactly `rejected` lines may be
    refused."""

    async def work(repository: Repository) -> Report:
        importer = Importer(repository)
        report = await (importer.arxiv(paths) if arxiv else importer.works(paths))
        assert len(report.rejected) == rejected, report.rejected[:3]
        return report

    return with_repository(target, work)


def with_repository(target: Neo4jTarget, work: Callable[[Repository], Awaitable[T]]) -> T:
    """`work` run with a repository of its own on `target`, closed after."""

    async def go() -> T:
        repository = Repository.connect(target.settings())
        try:
            return await work(repository)
        finally:
            await repository.close()

    return asyncio.run(go())
