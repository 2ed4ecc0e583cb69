"""Helpers shared by tests: dump a whole graph in a canonical form, or wipe it."""

from __future__ import annotations

import json
from typing import Any

import neo4j


def dump(driver: neo4j.Driver) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties, sorted: equal dumps, equal graphs."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS source, type(r) AS type, properties(r) AS props, "
        "b.id AS target"
    )
    return (
        sorted(canonical({"labels": sorted(r["labels"]), **r["props"]}) for r in nodes),
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
