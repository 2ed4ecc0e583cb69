"""Slices: the bounded neighbourhood of a node, and a path between two, as nodes and edges."""

from __future__ import annotations

from typing import Any

from graph_service.api.resolvers.paths import shortest_path
from graph_service.api.types.node import ALL_LABELS, NodeType
from graph_service.api.types.slice import GraphSlice, Projection, RelationshipType
from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.ingest.hubs import listed_kinds

MAX_DEPTH = 3
# A slice's size when the caller does not say (the field's defaults and the builder's).
DEFAULT_LIMIT = 50
DEFAULT_PER_NODE = 25
MAX_LIMIT = 500
MAX_PER_NODE = 100
# Relationships of one kind an expanded node reads before ranking (cypher/select_neighborhood):
# the bound that keeps a slice through a hub as cheap as one through an ordinary node.
SCAN_LIMIT = 300
MAX_PATH = 8
# Neo4j caches a plan per parameter types, so a year filter (null or an integer) would double
# the plans of each slice shape. The bounds are always integers, a bound not given at its
# extreme, and `byYear` says whether they apply: one plan per shape, planned at start-up.
EARLIEST_YEAR = -(2**31)
LATEST_YEAR = 2**31

# What SIMILARITY and CITATION take as "the paper and its most similar".
CITATION_BASIS = 40
# Slices of one paper only, made by their own statements.
PAPER_PROJECTIONS = {
    Projection.SIMILARITY: Statement.SELECT_SIMILARITY,
    Projection.CITATION: Statement.SELECT_CITATION,
}

FULL_RELATIONSHIPS = [
    r.value
    for r in RelationshipType
    if r not in (RelationshipType.COLLABORATES_WITH, RelationshipType.SIMILAR_TO)
]


def slice_parameters(
    center: str,
    depth: int = 1,
    limit: int = DEFAULT_LIMIT,
    per_node_limit: int = DEFAULT_PER_NODE,
    node_types: list[NodeType] | None = None,
    relationship_types: list[RelationshipType] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    projection: Projection = Projection.FULL,
) -> dict[str, Any]:
    """The parameters of `cypher/select_neighborhood` for a slice asked for in API terms (the
    resolver, the plan warm-up and the benchmarks all build them here)."""
    if projection is Projection.COLLABORATION:
        relationships = [RelationshipType.COLLABORATES_WITH.value]
        labels = [NodeType.AUTHOR.value]
    else:
        relationships = (
            [r.value for r in relationship_types] if relationship_types else FULL_RELATIONSHIPS
        )
        labels = [t.value for t in node_types] if node_types else ALL_LABELS
    return {
        "center": center,
        "depth": depth,
        "limit": limit,
        "perNodeLimit": per_node_limit,
        "scanLimit": SCAN_LIMIT,
        "relTypes": relationships,
        "nodeTypes": labels,
        "listed": listed_kinds(relationships, labels),
        "byYear": year_from is not None or year_to is not None,
        "yearFrom": EARLIEST_YEAR if year_from is None else year_from,
        "yearTo": LATEST_YEAR if year_to is None else year_to,
    }


async def select_slice(
    repository: Repository, label: str, parameters: dict[str, Any]
) -> GraphSlice | None:
    """The slice the parameters describe around a node of `label`; None when it is absent."""
    statement = repository.catalog.neighborhood(label, parameters["depth"])
    rows = await repository.read(statement, parameters)
    if not rows:
        return None
    row = rows[0]["slice"]
    return GraphSlice.of(row, total=row["totalNeighbors"], truncated=row["truncated"])


async def select_paper_slice(
    repository: Repository, projection: Projection, paper: str, limit: int
) -> GraphSlice | None:
    """A SIMILARITY or CITATION slice of one paper; None when there is no such paper."""
    parameters = {"center": paper, "limit": limit, "basis": CITATION_BASIS}
    rows = await repository.read(PAPER_PROJECTIONS[projection], parameters)
    if not rows:
        return None
    row = rows[0]["slice"]
    return GraphSlice.of(row, total=row["totalNeighbors"], truncated=row["truncated"])


async def select_path(
    repository: Repository,
    source: tuple[str, str],
    target: tuple[str, str],
    max_length: int,
    projection: Projection,
) -> GraphSlice | None:
    """A shortest connection between two (label, id) nodes as a slice; None when there is
    none within `max_length`."""
    parameters = {"from": source[1], "to": target[1], "maxLength": max_length}
    if projection is Projection.COLLABORATION:
        if source[0] != "Author" or target[0] != "Author":
            return None  # only authors have co-authors
        rows = await repository.read(Statement.FIND_COLLABORATION_PATH, parameters)
        found = rows[0]["slice"] if rows else None
    elif projection in PAPER_PROJECTIONS:
        if source[0] != "Paper" or target[0] != "Paper":
            return None  # only papers are similar
        rows = await repository.read(Statement.FIND_SIMILARITY_PATH, parameters)
        found = rows[0]["slice"] if rows else None
    else:
        found = await shortest_path(repository, source, target, max_length)
    return GraphSlice.of(found, total=None, truncated=False, along=True) if found else None
