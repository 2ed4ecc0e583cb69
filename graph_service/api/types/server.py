"""The Neo4j server behind the service, as a GraphQL type."""

from __future__ import annotations

import strawberry


@strawberry.type(description="The Neo4j server behind this service.")
class ServerInfo:
    name: str
    version: str
    edition: str
