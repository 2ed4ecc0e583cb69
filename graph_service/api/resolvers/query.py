"""The root query: lookups, search, paper lists, slices and paths."""

from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry

from graph_service.api.context import Ctx
from graph_service.api.execution.lookahead import find_author
from graph_service.api.resolvers.entities import entity, resolve
from graph_service.api.resolvers.papers import select_papers
from graph_service.api.resolvers.search import search_hits
from graph_service.api.resolvers.slices import (
    DEFAULT_LIMIT,
    DEFAULT_PER_NODE,
    MAX_DEPTH,
    MAX_LIMIT,
    MAX_PATH,
    MAX_PER_NODE,
    PAPER_PROJECTIONS,
    select_paper_slice,
    select_path,
    select_slice,
    slice_parameters,
)
from graph_service.api.types.author import Author
from graph_service.api.types.connection import DEFAULT_PAGE, Connection
from graph_service.api.types.institution import Institution
from graph_service.api.types.node import Node, NodeType
from graph_service.api.types.paper import Paper
from graph_service.api.types.paper_list import PaperFilter, PaperOrder
from graph_service.api.types.search import SearchHit
from graph_service.api.types.server import ServerInfo
from graph_service.api.types.slice import GraphSlice, Projection, RelationshipType
from graph_service.api.types.topic import Topic
from graph_service.db.statements import Statement
from graph_service.errors import InvalidInput, check_order, check_range

MAX_IDS = 100


@strawberry.type
class Query:
    @strawberry.field(description="Name, version and edition of the Neo4j server in use.")
    async def server_info(self, info: Ctx) -> ServerInfo:
        row = (await info.context.repository.read(Statement.SERVER_COMPONENTS))[0]
        return ServerInfo(name=row["name"], version=row["version"], edition=row["edition"])

    @strawberry.field(description="Any node by id (short or full OpenAlex form); null if absent.")
    async def node(self, info: Ctx, id: strawberry.ID) -> Node | None:
        return await entity(info, id)

    @strawberry.field(description=f"Nodes by id, in the order asked (at most {MAX_IDS}).")
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[Node | None]:
        check_range("the number of ids", len(ids), 0, MAX_IDS)
        return list(await asyncio.gather(*(entity(info, value) for value in ids)))

    @strawberry.field(description="An author by id (e.g. A5009198168); null if absent.")
    async def author(self, info: Ctx, id: strawberry.ID) -> Author | None:
        return await find_author(info, id, info.selected_fields[0].selections)

    @strawberry.field(description="A paper by id (e.g. W2105824687); null if absent.")
    async def paper(self, info: Ctx, id: strawberry.ID) -> Paper | None:
        return await entity(info, id, "Paper")  # type: ignore[return-value]

    @strawberry.field(description="A topic by id (e.g. T10181 or subfields/1702); null if absent.")
    async def topic(self, info: Ctx, id: strawberry.ID) -> Topic | None:
        return await entity(info, id, "Topic")  # type: ignore[return-value]

    @strawberry.field(description="An institution by id (e.g. I36234482); null if absent.")
    async def institution(self, info: Ctx, id: strawberry.ID) -> Institution | None:
        return await entity(info, id, "Institution")  # type: ignore[return-value]

    @strawberry.field(
        description="Full-text search over paper titles and author, topic and institution "
        "names. Every word must match, whole or as a prefix; best score first."
    )
    async def search(
        self,
        info: Ctx,
        query: str,
        types: list[NodeType] | None = None,
        first: int = 10,
    ) -> list[SearchHit]:
        return await search_hits(info.context.repository, query, types, first)

    @strawberry.field(
        description="Papers that pass `filter`, a page at a time (keyset cursors) with the "
        "list's full size. `orderBy` defaults to RELEVANCE with a query, else NEWEST."
    )
    async def papers(
        self,
        info: Ctx,
        filter: PaperFilter | None = None,
        order_by: PaperOrder | None = None,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[Paper]:
        return await select_papers(info, filter, order_by, first, after)

    @strawberry.field(
        description="The nodes around one node, ranked and bounded: breadth first to `depth`, "
        "each expanded node offering its `perNodeLimit` most relevant neighbours (taking turns "
        "between kinds: a paper's authors in byline order, papers by citations, institutions "
        "by papers, co-authors by shared works, topics by score), at most `limit` nodes. Null "
        "if the node is absent."
    )
    async def neighborhood(
        self,
        info: Ctx,
        id: strawberry.ID,
        depth: int = 1,
        limit: int = DEFAULT_LIMIT,
        per_node_limit: int = DEFAULT_PER_NODE,
        node_types: list[NodeType] | None = None,
        relationship_types: list[RelationshipType] | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        projection: Projection = Projection.FULL,
    ) -> GraphSlice | None:
        check_range("depth", depth, 1, MAX_DEPTH)
        check_range("limit", limit, 1, MAX_LIMIT)
        check_range("perNodeLimit", per_node_limit, 1, MAX_PER_NODE)
        check_order("yearFrom", year_from, "yearTo", year_to)
        center = await resolve(info, id)
        if center is None:
            return None
        if projection in PAPER_PROJECTIONS:
            if center[0] != "Paper":
                raise InvalidInput(
                    f"a {projection.value} slice is of a paper, not of the {center[0].lower()} {id}"
                )
            return await select_paper_slice(info.context.repository, projection, center[1], limit)
        parameters = slice_parameters(
            center[1],
            depth,
            limit,
            per_node_limit,
            node_types,
            relationship_types,
            year_from,
            year_to,
            projection,
        )
        return await select_slice(info.context.repository, center[0], parameters)

    @strawberry.field(
        description="A shortest connection between two nodes (through papers, authors, "
        "topics and institutions; or co-authors only with COLLABORATION) as a slice, or null "
        "when there is none within `maxLength` relationships."
    )
    async def path(
        self,
        info: Ctx,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_length: int = 6,
        projection: Projection = Projection.FULL,
    ) -> GraphSlice | None:
        check_range("maxLength", max_length, 1, MAX_PATH)
        source, target = await asyncio.gather(resolve(info, from_), resolve(info, to))
        if source is None or target is None:
            return None
        if source[1] == target[1]:
            raise InvalidInput("from and to are the same node")
        return await select_path(info.context.repository, source, target, max_length, projection)
