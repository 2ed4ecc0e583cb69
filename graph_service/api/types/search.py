"""A search result as a GraphQL type."""

from __future__ import annotations

import strawberry

from graph_service.api.types.node import Node


@strawberry.type(description="A search result and how well it matched.")
class SearchHit:
    score: float
    node: Node
