"""Institutions as GraphQL types: their lineage, members and works."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Ctx, batcher
from graph_service.api.types.connection import DEFAULT_PAGE, Connection, page
from graph_service.api.types.node import Node
from graph_service.db.statements import Statement

if TYPE_CHECKING:
    # Institutions, papers and authors refer to each other: those two are named lazily here.
    from graph_service.api.types.author import Author
    from graph_service.api.types.paper import Paper


@strawberry.type(description="A university, institute, company, ...")
class Institution(Node):
    name: str | None
    country_code: str | None
    institution_type: str | None = strawberry.field(name="type")
    ror: str | None

    @classmethod
    def of(cls, value: dict[str, Any]) -> Institution:
        return cls(
            id=strawberry.ID(value["id"]),
            name=value.get("name"),
            country_code=value.get("countryCode"),
            institution_type=value.get("type"),
            ror=value.get("ror"),
        )

    @strawberry.field(description="Institutions this one belongs to (OpenAlex lineage).")
    async def parents(self, info: Ctx) -> list[Institution]:
        rows = await batcher(info).get(Statement.GET_INSTITUTION_PARENTS, self.id) or []
        return [Institution.of(row) for row in rows]

    @strawberry.field(description="Authors who gave this institution, most papers first.")
    async def authors(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Member]:
        return await page(
            info, Statement.PAGE_INSTITUTION_AUTHORS, self.id, first, after, Member.of
        )

    @strawberry.field(description="Works with an author giving this institution, newest first.")
    async def works(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Annotated[Paper, strawberry.lazy("graph_service.api.types.paper")]]:
        from graph_service.api.types.paper import Paper

        return await page(info, Statement.PAGE_INSTITUTION_WORKS, self.id, first, after, Paper.of)


@strawberry.type(description="An author of an institution.")
class Member:
    author: Annotated[Author, strawberry.lazy("graph_service.api.types.author")]
    first_year: int | None
    last_year: int | None
    papers: int

    @classmethod
    def of(cls, value: dict[str, Any]) -> Member:
        from graph_service.api.types.author import Author

        return cls(
            author=Author.of(value["author"]),
            first_year=value["firstYear"],
            last_year=value["lastYear"],
            papers=value["papers"],
        )
