"""Independent answers, straight from Neo4j: what a test compares the service's with."""

from __future__ import annotations

from typing import Any

import neo4j


def cypher(driver: neo4j.Driver, query: str, **parameters: Any) -> list[dict[str, Any]]:
    """An independent answer, straight from Neo4j (tests only)."""
    records, _, _ = driver.execute_query(query, parameters)
    return [record.data() for record in records]


def path_length(driver: neo4j.Driver, a: str, b: str) -> int | None:
    """The length of a shortest FULL path of at most 6 between two authors, straight from
    Neo4j (no stubs on the way); None when there is none."""
    rows = cypher(
        driver,
        """MATCH (a:Author {id: $a}), (b:Author {id: $b})
           MATCH p = shortestPath(
             (a)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF*..6]-(b))
           WHERE all(x IN nodes(p) WHERE NOT coalesce(x.stub, false))
           RETURN length(p) AS length""",
        a=a,
        b=b,
    )
    return rows[0]["length"] if rows else None


def scalar(driver: neo4j.Driver, query: str, **parameters: Any) -> Any:
    """The first value of the first row, straight from Neo4j."""
    rows, _, _ = driver.execute_query(query, parameters)
    return rows[0][0]
