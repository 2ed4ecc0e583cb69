"""Topics as GraphQL types: OpenAlex's hierarchy and arXiv's categories, with their works and
top authors."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_service.api.context import Ctx, batcher
from graph_service.api.types.connection import DEFAULT_PAGE, Connection, page
from graph_service.api.types.node import MAX_LIST, Node
from graph_service.db.statements import Statement
from graph_service.errors import check_range
from graph_service.ingest.arxiv import is_category

if TYPE_CHECKING:
    # Topics, papers and authors refer to each other: those two are named lazily here.
    from graph_service.api.types.author import Author
    from graph_service.api.types.paper import Paper


@strawberry.enum(description="The classifications topics come from.")
class TopicScheme(Enum):
    OPENALEX = strawberry.enum_value("openalex", description="domain > field > subfield > topic")
    ARXIV = strawberry.enum_value("arxiv", description="archive (cs) > category (cs.LG)")


@strawberry.type(
    description="A topic of OpenAlex's hierarchy (domain, field, subfield, topic) or an arXiv "
    "category or archive."
)
class Topic(Node):
    name: str | None
    level: int = strawberry.field(
        description="OpenAlex: 0 domain, 1 field, 2 subfield, 3 topic. arXiv: 0 archive, "
        "1 category."
    )
    parent_id: strawberry.Private[str | None]

    @strawberry.field(description="Where the topic comes from.")
    def scheme(self) -> TopicScheme:
        return TopicScheme.ARXIV if is_category(self.id) else TopicScheme.OPENALEX

    @strawberry.field(description="An arXiv category's short form, as listings show it: LG.")
    def short_name(self) -> str:
        return self.id.rpartition(".")[2] if is_category(self.id) else self.name or self.id

    @classmethod
    def of(cls, value: dict[str, Any]) -> Topic:
        return cls(
            id=strawberry.ID(value["id"]),
            name=value.get("name"),
            level=value.get("level") or 0,
            parent_id=value.get("parentId"),
        )

    @strawberry.field(description="The next level up; null for a domain.")
    async def parent(self, info: Ctx) -> Topic | None:
        if not self.parent_id:
            return None
        value = await batcher(info).get(Statement.GET_TOPICS, self.parent_id)
        return Topic.of(value) if value else None

    @strawberry.field(description="The next level down, by name.")
    async def children(self, info: Ctx) -> list[Topic]:
        rows = await batcher(info).get(Statement.GET_TOPIC_CHILDREN, self.id) or []
        return [Topic.of(row) for row in rows]

    @strawberry.field(description="Works on this topic or below it, most cited first.")
    async def works(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Annotated[Paper, strawberry.lazy("graph_service.api.types.paper")]]:
        from graph_service.api.types.paper import Paper

        return await page(info, Statement.PAGE_TOPIC_WORKS, self.id, first, after, Paper.of)

    @strawberry.field(description="Authors with the most works on this topic or below it.")
    async def top_authors(self, info: Ctx, first: int = 10) -> list[TopicAuthor]:
        check_range("first", first, 1, MAX_LIST)
        rows = await batcher(info).get(Statement.GET_TOPIC_TOP_AUTHORS, self.id, first=first) or []
        from graph_service.api.types.author import Author

        return [TopicAuthor(author=Author.of(row["author"]), works=row["works"]) for row in rows]


@strawberry.type(description="An author of works on a topic.")
class TopicAuthor:
    author: Annotated[Author, strawberry.lazy("graph_service.api.types.author")]
    works: int
