"""Slices checked against the graph: what a slice may hold, computed independently of the
service, and the invariants every slice keeps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j

from tests.support.api import Api
from tests.support.cypher import cypher

ALL_TYPES = ["AUTHORED", "CITES", "HAS_TOPIC", "SUBTOPIC_OF", "AFFILIATED_WITH", "PART_OF"]


LABELS = ["Author", "Paper", "Topic", "Institution"]


SLICE = """
query($id: ID!, $depth: Int!, $limit: Int!, $per: Int!, $types: [NodeType!],
      $rels: [RelationshipType!], $from: Int, $to: Int, $projection: Projection!) {
  neighborhood(id: $id, depth: $depth, limit: $limit, perNodeLimit: $per, nodeTypes: $types,
               relationshipTypes: $rels, yearFrom: $from, yearTo: $to, projection: $projection) {
    truncated totalNeighbors
    center { id }
    nodes { id type label weight hop year citations worksCount }
    edges { id source target type weight }
  }
}"""


def slice_of(api: Api, id: str, **options: Any) -> dict[str, Any]:
    variables = {
        "id": id,
        "depth": 1,
        "limit": 50,
        "per": 25,
        "types": None,
        "rels": None,
        "from": None,
        "to": None,
        "projection": "FULL",
    }
    variables.update(options)
    result: dict[str, Any] = api.data(SLICE, variables)["neighborhood"]
    return result


@dataclass(frozen=True)
class Reach:
    """Everything within `depth` hops of a centre, breadth first, computed independently."""

    level: dict[str, int]
    # The most edges any node closer than `depth` has: a slice is capped where this > perNodeLimit.
    most_edges: int


def reach(driver: neo4j.Driver, center: str, depth: int) -> Reach:
    """One statement per hop (each node found by its label's id index), not one per node."""
    level = {center: 0}
    frontier = [center]
    most_edges = 0
    for hop in range(1, depth + 1):
        rows = cypher(
            driver,
            """UNWIND $ids AS id
               CALL (id) {
                 MATCH (n:Author {id: id}) RETURN n
                 UNION ALL MATCH (n:Paper {id: id}) RETURN n
                 UNION ALL MATCH (n:Topic {id: id}) RETURN n
                 UNION ALL MATCH (n:Institution {id: id}) RETURN n
               }
               MATCH (n)-[r]-(m) WHERE type(r) IN $rels
                 AND any(l IN labels(m) WHERE l IN $labels) AND NOT coalesce(m.stub, false)
               RETURN id, collect(m.id) AS around""",
            ids=frontier,
            rels=ALL_TYPES,
            labels=LABELS,
        )
        frontier = []
        for row in rows:
            most_edges = max(most_edges, len(row["around"]))
            for m in row["around"]:
                if m not in level:
                    level[m] = hop
                    frontier.append(m)
    return Reach(level, most_edges)


def check_slice(
    driver: neo4j.Driver,
    center: str,
    result: dict[str, Any],
    depth: int,
    limit: int,
    per: int,
    known: Reach | None = None,
) -> None:
    nodes = result["nodes"]
    ids = [n["id"] for n in nodes]
    assert ids[0] == center == result["center"]["id"]
    assert len(ids) == len(set(ids)) <= limit
    assert all(n["hop"] <= depth for n in nodes)
    edge_ids = [e["id"] for e in result["edges"]]
    assert len(edge_ids) == len(set(edge_ids))
    assert edge_ids == sorted(edge_ids)
    assert all(e["source"] in ids and e["target"] in ids for e in result["edges"])
    assert all(e["id"] == f"{e['source']}-{e['type']}->{e['target']}" for e in result["edges"])
    # Exactness of `truncated`: the full reach, breadth first, computed independently.
    full = known or reach(driver, center, depth)
    capped = full.most_edges > per
    assert set(ids) <= set(full.level)
    if not result["truncated"]:
        assert set(ids) == set(full.level)
        assert not capped
    else:
        assert capped or len(full.level) > len(ids)
    assert all(full.level[n["id"]] == n["hop"] for n in nodes) or result["truncated"]
