"""Researchers as GraphQL types: an author with their institutions, topics, works and co-authors."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Ctx, batcher
from graph_service.api.types.connection import DEFAULT_PAGE, Connection, page
from graph_service.api.types.institution import Institution
from graph_service.api.types.node import MAX_LIST, Node
from graph_service.api.types.topic import Topic
from graph_service.db.statements import Statement
from graph_service.errors import check_range

if TYPE_CHECKING:
    # Papers and authors refer to each other: the paper type is named lazily here.
    from graph_service.api.types.paper import Paper


AUTHOR_TOPICS = 10


@strawberry.enum(description="Orders of a list of works.")
class WorkOrder(Enum):
    NEWEST_FIRST = strawberry.enum_value("newest", description="By year, then citations.")
    MOST_CITED = strawberry.enum_value("most_cited", description="By citations, then year.")
    IMPORTANCE = strawberry.enum_value(
        "importance", description="By importance (PageRank over citations), then citations."
    )


# A caller's order picks one fixed statement.
WORKS_BY_ORDER = {
    WorkOrder.NEWEST_FIRST: Statement.PAGE_AUTHOR_WORKS_NEWEST,
    WorkOrder.MOST_CITED: Statement.PAGE_AUTHOR_WORKS_MOST_CITED,
    WorkOrder.IMPORTANCE: Statement.PAGE_AUTHOR_WORKS_IMPORTANT,
}


@strawberry.type(description="A researcher.")
class Author(Node):
    name: str | None
    orcid: str | None
    works_count: int = strawberry.field(description="Loaded works the author is on.")
    citation_count: int = strawberry.field(description="Sum of the citedByCount of their works.")
    h_index: int = strawberry.field(description="h-index over their loaded works.")
    importance: float | None = strawberry.field(
        description="Their works' importance summed, each work's shared equally among its "
        "authors; null until papers are first ranked."
    )

    @classmethod
    def of(cls, value: dict[str, Any]) -> Author:
        return cls(
            id=strawberry.ID(value["id"]),
            name=value.get("name"),
            orcid=value.get("orcid"),
            works_count=value.get("worksCount") or 0,
            citation_count=value.get("citationCount") or 0,
            h_index=value.get("hIndex") or 0,
            importance=value.get("importance"),
        )

    @strawberry.field(description="Institutions the author gave on their works, most papers first.")
    async def institutions(self, info: Ctx) -> list[Affiliation]:
        rows = await batcher(info).get(Statement.GET_AUTHOR_AFFILIATIONS, self.id) or []
        return [Affiliation.of(row) for row in rows]

    @strawberry.field(description="Topics of the author's works, with how many of them each.")
    async def topics(self, info: Ctx, first: int = AUTHOR_TOPICS) -> list[AuthorTopic]:
        check_range("first", first, 1, MAX_LIST)
        rows = await batcher(info).get(Statement.GET_AUTHOR_TOPICS, self.id, first=first) or []
        return [AuthorTopic.of(row) for row in rows]

    @strawberry.field(
        description="arXiv categories the author's works are primarily in, most works first "
        "(the first is their main category)."
    )
    async def categories(self, info: Ctx, first: int = AUTHOR_TOPICS) -> list[AuthorTopic]:
        check_range("first", first, 1, MAX_LIST)
        rows = await batcher(info).get(Statement.GET_AUTHOR_CATEGORIES, self.id, first=first)
        return [AuthorTopic.of(row) for row in rows or []]

    @strawberry.field(description="The author's works.")
    async def works(
        self,
        info: Ctx,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
        order_by: WorkOrder = WorkOrder.NEWEST_FIRST,
    ) -> Connection[Annotated[Paper, strawberry.lazy("graph_service.api.types.paper")]]:
        from graph_service.api.types.paper import Paper

        return await page(info, WORKS_BY_ORDER[order_by], self.id, first, after, Paper.of)

    @strawberry.field(description="Co-authors, most shared works first, then the most recent.")
    async def collaborators(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Collaborator]:
        return await page(
            info, Statement.PAGE_AUTHOR_COLLABORATORS, self.id, first, after, Collaborator.of
        )


@strawberry.type(description="An author's tie to an institution over their works.")
class Affiliation:
    institution: Institution
    first_year: int | None
    last_year: int | None
    papers: int

    @classmethod
    def of(cls, value: dict[str, Any]) -> Affiliation:
        return cls(
            institution=Institution.of(value["institution"]),
            first_year=value["firstYear"],
            last_year=value["lastYear"],
            papers=value["papers"],
        )


@strawberry.type(description="A topic of an author's works.")
class AuthorTopic:
    topic: Topic
    works: int = strawberry.field(description="The author's works on this topic.")

    @classmethod
    def of(cls, value: dict[str, Any]) -> AuthorTopic:
        return cls(topic=Topic.of(value["topic"]), works=value["works"])


@strawberry.type(description="A co-author and what they share.")
class Collaborator:
    author: Author
    shared_works: int
    first_year: int | None
    last_year: int | None

    @classmethod
    def of(cls, value: dict[str, Any]) -> Collaborator:
        return cls(
            author=Author.of(value["author"]),
            shared_works=value["sharedWorks"],
            first_year=value["firstYear"],
            last_year=value["lastYear"],
        )
