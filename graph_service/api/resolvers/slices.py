"""Slices: the bounded neighbourhood of a node, and a path between two, as nodes and edges."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph_service.api.context import Ctx
from graph_service.api.resolvers.paths import shortest_path
from graph_service.api.types import ALL_LABELS, Node, NodeType, entity
from graph_service.db.repository import Repository
from graph_service.db.statements import LABELS, Statement
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
WARM_UP_TIMEOUT = 120.0
# Slice depths whose statements are planned at start-up, for every centre label.
WARM_DEPTHS = (1, 2)
# Neo4j caches a plan per parameter types, so a year filter (null or an integer) would double
# the plans of each slice shape. One bound alone is sent with the other at its extreme: the
# same slice (a paper without a year already fails the bound given), one plan fewer.
EARLIEST_YEAR = -(2**31)
LATEST_YEAR = 2**31


@strawberry.enum(description="The kinds of relationship in the graph.")
class RelationshipType(Enum):
    AUTHORED = "AUTHORED"
    CITES = "CITES"
    HAS_TOPIC = "HAS_TOPIC"
    SUBTOPIC_OF = "SUBTOPIC_OF"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    PART_OF = "PART_OF"
    COLLABORATES_WITH = "COLLABORATES_WITH"
    SIMILAR_TO = "SIMILAR_TO"


@strawberry.enum(description="How a slice shows the graph.")
class Projection(Enum):
    FULL = strawberry.enum_value(
        "FULL", description="Papers, people, topics and institutions as stored."
    )
    COLLABORATION = strawberry.enum_value(
        "COLLABORATION",
        description="People only: co-authors joined by edges weighted by shared works.",
    )
    SIMILARITY = strawberry.enum_value(
        "SIMILARITY",
        description="Papers only, as Connected Papers draws them: a paper, its `limit` most "
        "similar (filled up from theirs when it has fewer) and the SIMILAR_TO edges among "
        "them, weighted by score. `depth`, `perNodeLimit` and the filters do not apply; a path "
        "follows SIMILAR_TO edges.",
    )
    CITATION = strawberry.enum_value(
        "CITATION",
        description="A paper's prior works (cited most by it and its 40 most similar papers) "
        "and derivative works (citing them most), `limit` in all, half each, with the CITES "
        "edges among them; each node's `strength` says how many of those papers it joins.",
    )


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


@strawberry.enum(description="What a node is to the paper a SIMILARITY or CITATION slice is of.")
class SliceRole(Enum):
    CENTER = "CENTER"
    SIMILAR = "SIMILAR"
    PRIOR = "PRIOR"
    DERIVATIVE = "DERIVATIVE"


@strawberry.type(description="A node of a slice, with what a graph view draws.")
class SliceNode:
    id: strawberry.ID
    type: NodeType
    label: str
    weight: float = strawberry.field(
        description="Size: citations of a paper or author, papers of a topic, authors of an "
        "institution."
    )
    hop: int = strawberry.field(description="Distance from the centre (along a path: position).")
    year: int | None
    citations: int | None
    works_count: int | None
    importance: float | None = strawberry.field(
        default=None, description="A paper's importance (see Paper.importance)."
    )
    role: SliceRole | None = strawberry.field(
        default=None, description="In SIMILARITY and CITATION slices: what the node is."
    )
    strength: float | None = strawberry.field(
        default=None,
        description="In SIMILARITY slices, the similarity to the centre (through a neighbour "
        "for hop 2); in CITATION slices, how many of the paper and its most similar a prior "
        "work is cited by, or a derivative work cites.",
    )

    @strawberry.field(description="The full node, for any field not carried here.")
    async def node(self, info: Ctx) -> Node | None:
        return await entity(info, self.id, self.type.value)


@strawberry.type(description="A relationship of a slice; its id is the same in every slice.")
class SliceEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    type: RelationshipType
    weight: float


@strawberry.type(description="A bounded piece of the graph: nodes and the edges between them.")
class GraphSlice:
    center: SliceNode
    nodes: list[SliceNode]
    edges: list[SliceEdge] = strawberry.field(
        description="By id; along a path, in the path's order (edge i joins nodes i and i + 1)."
    )
    truncated: bool = strawberry.field(
        description="True exactly when a node or edge within reach was left out by a limit."
    )
    total_neighbors: int | None = strawberry.field(
        description="Direct neighbours of the centre under the filters (null for a path)."
    )

    @classmethod
    def of(
        cls, row: dict[str, Any], total: int | None, truncated: bool, along: bool = False
    ) -> GraphSlice:
        """The slice a statement returned; `along` keeps a path's edges in the path's order."""
        nodes = [
            SliceNode(
                id=strawberry.ID(n["id"]),
                type=NodeType(n["type"]),
                label=n["label"],
                weight=float(n["weight"] or 0),
                hop=n["hop"],
                year=n["year"],
                citations=n["citations"],
                works_count=n["worksCount"],
                importance=n.get("importance"),
                role=SliceRole(n["role"]) if n.get("role") else None,
                strength=n.get("strength"),
            )
            for n in row["nodes"]
        ]
        edges = [
            SliceEdge(
                id=strawberry.ID(f"{e['source']}-{e['type']}->{e['target']}"),
                source=strawberry.ID(e["source"]),
                target=strawberry.ID(e["target"]),
                type=RelationshipType(e["type"]),
                weight=float(e["weight"] or 0),
            )
            for e in row["edges"]
        ]
        if not along:
            edges.sort(key=lambda edge: edge.id)
        return cls(
            center=nodes[0], nodes=nodes, edges=edges, truncated=truncated, total_neighbors=total
        )


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
    if (year_from is None) != (year_to is None):
        year_from = EARLIEST_YEAR if year_from is None else year_from
        year_to = LATEST_YEAR if year_to is None else year_to
    return {
        "center": center,
        "depth": depth,
        "limit": limit,
        "perNodeLimit": per_node_limit,
        "scanLimit": SCAN_LIMIT,
        "relTypes": relationships,
        "nodeTypes": labels,
        "listed": listed_kinds(relationships, labels),
        "yearFrom": year_from,
        "yearTo": year_to,
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


def unmatched_id(like: str | None) -> str:
    """An id no node has, as long as `like` (an OpenAlex id's 11 characters without one).

    Neo4j caches a plan per statement, parameter types and, for a string, its length class
    (0, 1, 2-10, 11-100, ... characters): a warm-up with an empty id plans a shape no
    request uses.
    """
    return "~" * len(like or "A5000000000")


async def warm_up(repository: Repository) -> None:
    """Run the statements of the common shapes once on ids that match nothing (as long as the
    graph's own), so their plans are cached before the first request.

    Planning a slice statement takes about a second per level on a cold server. The
    explorer opens at depth 2 and expands at depth 1, and a path is most often asked between
    two people; the other shapes (depth 3, paths from papers or topics) are planned at their
    first use, in a second or two.
    """
    sample = (await repository.read(Statement.SAMPLE_IDS, tx_timeout=WARM_UP_TIMEOUT))[0]
    # Without a year filter and with one (the explorer's year range): the two parameter
    # types Neo4j plans apart.
    for years in ((None, None), (2000, 2020)):
        for depth in WARM_DEPTHS:
            for label in LABELS:
                parameters = slice_parameters(
                    unmatched_id(sample[label]), depth, 1, 1, year_from=years[0], year_to=years[1]
                )
                statement = repository.catalog.neighborhood(label, depth)
                await repository.read(statement, parameters, tx_timeout=WARM_UP_TIMEOUT)
    paper = {"center": unmatched_id(sample["Paper"]), "limit": 1, "basis": CITATION_BASIS}
    for projected in PAPER_PROJECTIONS.values():
        await repository.read(projected, paper, tx_timeout=WARM_UP_TIMEOUT)
    author = unmatched_id(sample["Author"])
    nothing = {"from": author, "to": author, "maxLength": 1}
    ends = {"from": author, "to": author}
    await repository.read(
        repository.catalog.path_ends("Author", "Author"), ends, tx_timeout=WARM_UP_TIMEOUT
    )
    # A path search's other statements take element ids, which an empty list stands for.
    searches: list[tuple[Statement, dict[str, Any]]] = [
        (Statement.COUNT_PATH_FRONTIER, {"frontier": []}),
        (Statement.EXPAND_PATH_FRONTIER, {"frontier": []}),
        (Statement.SELECT_STUBS, {"ids": []}),
        (Statement.MEET_PATH_HUBS, {"nodes": [], "hubs": []}),
        (Statement.MEET_PATH_HUBS_FROM_HUBS, {"nodes": [], "hubs": []}),
        (Statement.MEET_PATH_HUB_PAIRS, {"pairs": []}),
        (Statement.SELECT_PATH_SLICE, {"nodes": [], "relationships": []}),
    ]
    for search, empty in searches:
        await repository.read(search, empty, tx_timeout=WARM_UP_TIMEOUT)
    await repository.read(Statement.FIND_COLLABORATION_PATH, nothing, tx_timeout=WARM_UP_TIMEOUT)
