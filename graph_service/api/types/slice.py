"""Slices as GraphQL types: nodes and edges in the shape graph views draw, and how a slice
shows the graph."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph_service.api.context import Ctx
from graph_service.api.resolvers.entities import entity
from graph_service.api.types.node import Node, NodeType


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
