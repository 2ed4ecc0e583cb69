"""The GraphQL schema: types, resolvers and the context they share."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from strawberry.types import Info

from graph_service.repository import Repository


@dataclass
class Context:
    """What every resolver gets: the repository, one per app."""

    repository: Repository


@strawberry.type(description="The Neo4j server behind this service.")
class ServerInfo:
    name: str
    version: str
    edition: str


@strawberry.type
class Query:
    @strawberry.field(description="Name, version and edition of the Neo4j server in use.")
    async def server_info(self, info: Info[Context, None]) -> ServerInfo:
        rows = await info.context.repository.read("server_components")
        row = rows[0]
        return ServerInfo(name=row["name"], version=row["version"], edition=row["edition"])


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query)
