"""The GraphQL schema: nodes and their lists, search, neighbourhood slices, paths and writes."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Generic, NamedTuple, TypeVar

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import MaxTokensLimiter, ParserCache
from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

from graph_service.admission import Admission
from graph_service.errors import Forbidden, InvalidInput
from graph_service.executor import Executor
from graph_service.extensions import DOCUMENT_CACHE, ErrorPolicy, RequestGuard
from graph_service.ingest import Loader
from graph_service.limits import DEFAULT_COST_BUDGET, MAX_TOKENS
from graph_service.loaders import Loaders, Profile
from graph_service.openalex import node_label
from graph_service.pagination import (
    DEFAULT_PAGE,
    MAX_PAGE,
    check_range,
    decode_cursor,
    encode_cursor,
)
from graph_service.repository import Repository
from graph_service.search import lucene_query

MAX_IDS = 100
MAX_SEARCH = 50
MAX_DEPTH = 3
MAX_LIMIT = 500
MAX_PER_NODE = 100
# Relationships of one kind an expanded node reads before ranking (cypher/select_neighborhood):
# the bound that keeps a slice through a hub as cheap as one through an ordinary node.
SCAN_LIMIT = 300
MAX_PATH = 8
MAX_LIST = 100
AUTHOR_TOPICS = 10
MAX_UPSERT = 1000
WARM_UP_TIMEOUT = 120.0


@dataclass
class Context:
    """What every resolver gets for one request."""

    repository: Repository
    loaders: Loaders
    request_id: str
    write_token: str | None = None
    request: Request | None = None
    # The HTTP response being made: its status and headers are the response's.
    response: Response | None = None


Ctx = Info[Context, None]


@strawberry.enum(description="The kinds of node in the graph.")
class NodeType(Enum):
    AUTHOR = "Author"
    PAPER = "Paper"
    TOPIC = "Topic"
    INSTITUTION = "Institution"


@strawberry.enum(description="The kinds of relationship in the graph.")
class RelationshipType(Enum):
    AUTHORED = "AUTHORED"
    CITES = "CITES"
    HAS_TOPIC = "HAS_TOPIC"
    SUBTOPIC_OF = "SUBTOPIC_OF"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    PART_OF = "PART_OF"
    COLLABORATES_WITH = "COLLABORATES_WITH"


@strawberry.enum(description="How a slice shows the graph.")
class Projection(Enum):
    FULL = strawberry.enum_value(
        "FULL", description="Papers, people, topics and institutions as stored."
    )
    COLLABORATION = strawberry.enum_value(
        "COLLABORATION",
        description="People only: co-authors joined by edges weighted by shared works.",
    )


@strawberry.enum(description="Orders of a list of works.")
class WorkOrder(Enum):
    NEWEST_FIRST = strawberry.enum_value("newest", description="By year, then citations.")
    MOST_CITED = strawberry.enum_value("most_cited", description="By citations, then year.")


# A caller's order picks one fixed statement.
WORKS_BY_ORDER = {
    WorkOrder.NEWEST_FIRST: "page_author_works_newest",
    WorkOrder.MOST_CITED: "page_author_works_most_cited",
}


FULL_RELATIONSHIPS = [
    r.value for r in RelationshipType if r is not RelationshipType.COLLABORATES_WITH
]
ALL_LABELS = [t.value for t in NodeType]


def _loaders(info: Ctx) -> Loaders:
    return info.context.loaders


def _parse_id(value: str, label: str | None = None) -> str | None:
    """The short id when `value` can name a node (of `label`, if given); otherwise None."""
    parsed = node_label(value)
    if parsed is None or (label is not None and parsed[0] != label):
        return None
    return parsed[1]


@strawberry.interface(description="Anything in the graph; ids are short OpenAlex ids.")
class Node:
    id: strawberry.ID


T = TypeVar("T")


@strawberry.type(description="Where a page ends and whether more follow.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="One item of a list and the cursor that points just after it.")
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list, with keyset cursors and the list's full size.")
class Connection(Generic[T]):
    total_count: int = strawberry.field(description="Size of the whole list, not of the page.")
    edges: list[Edge[T]]
    nodes: list[T]
    page_info: PageInfo


async def _page(
    info: Ctx,
    statement: str,
    id: str,
    first: int,
    after: str | None,
    build: Callable[[dict[str, Any]], T],
    **shared: Any,
) -> Connection[T]:
    check_range("first", first, 1, MAX_PAGE)
    position = decode_cursor(statement, after)
    value = await _loaders(info).get(statement, id, after=position, first=first + 1, **shared)
    rows = value["rows"] if value else []
    edges = [
        Edge(cursor=encode_cursor(statement, row["sortKey"]), node=build(row["node"]))
        for row in rows[:first]
    ]
    return Connection(
        total_count=int(value["total"]) if value else 0,
        edges=edges,
        nodes=[edge.node for edge in edges],
        page_info=PageInfo(
            has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None
        ),
    )


@strawberry.type(description="A researcher.")
class Author(Node):
    name: str | None
    orcid: str | None
    works_count: int = strawberry.field(description="Loaded works the author is on.")
    citation_count: int = strawberry.field(description="Sum of the citedByCount of their works.")
    h_index: int = strawberry.field(description="h-index over their loaded works.")

    @classmethod
    def of(cls, value: dict[str, Any]) -> Author:
        return cls(
            id=strawberry.ID(value["id"]),
            name=value.get("name"),
            orcid=value.get("orcid"),
            works_count=value.get("worksCount") or 0,
            citation_count=value.get("citationCount") or 0,
            h_index=value.get("hIndex") or 0,
        )

    @strawberry.field(description="Institutions the author gave on their works, most papers first.")
    async def institutions(self, info: Ctx) -> list[Affiliation]:
        rows = await _loaders(info).get("get_author_affiliations", self.id) or []
        return [
            Affiliation(
                institution=Institution.of(row["institution"]),
                first_year=row["firstYear"],
                last_year=row["lastYear"],
                papers=row["papers"],
            )
            for row in rows
        ]

    @strawberry.field(description="Topics of the author's works, with how many of them each.")
    async def topics(self, info: Ctx, first: int = AUTHOR_TOPICS) -> list[AuthorTopic]:
        check_range("first", first, 1, MAX_LIST)
        rows = await _loaders(info).get("get_author_topics", self.id, first=first) or []
        return [AuthorTopic(topic=Topic.of(row["topic"]), works=row["works"]) for row in rows]

    @strawberry.field(description="The author's works.")
    async def works(
        self,
        info: Ctx,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
        order_by: WorkOrder = WorkOrder.NEWEST_FIRST,
    ) -> Connection[Paper]:
        return await _page(info, WORKS_BY_ORDER[order_by], self.id, first, after, Paper.of)

    @strawberry.field(description="Co-authors, most shared works first, then the most recent.")
    async def collaborators(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Collaborator]:
        return await _page(
            info, "page_author_collaborators", self.id, first, after, Collaborator.of
        )


@strawberry.type(description="An author's tie to an institution over their works.")
class Affiliation:
    institution: Institution
    first_year: int | None
    last_year: int | None
    papers: int


@strawberry.type(description="A topic of an author's works.")
class AuthorTopic:
    topic: Topic
    works: int = strawberry.field(description="The author's works on this topic.")


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


@strawberry.type(description="A work: article, preprint, book chapter, ...")
class Paper(Node):
    title: str | None
    year: int | None
    publication_date: str | None
    work_type: str | None = strawberry.field(name="type")
    venue: str | None
    doi: str | None
    cited_by_count: int
    stub: bool = strawberry.field(
        description="Known only because a loaded work cites it; its fields are empty."
    )

    @classmethod
    def of(cls, value: dict[str, Any]) -> Paper:
        return cls(
            id=strawberry.ID(value["id"]),
            title=value.get("title"),
            year=value.get("year"),
            publication_date=value.get("publicationDate"),
            work_type=value.get("type"),
            venue=value.get("venue"),
            doi=value.get("doi"),
            cited_by_count=value.get("citedByCount") or 0,
            stub=bool(value.get("stub")),
        )

    @strawberry.field(description="Authors in byline order.")
    async def authorships(self, info: Ctx) -> list[Authorship]:
        rows = await _loaders(info).get("get_paper_authorships", self.id) or []
        for row in rows:
            _loaders(info).prime("get_authors", row["author"]["id"], row["author"])
        return [
            Authorship(
                position=row["position"],
                is_corresponding=bool(row["isCorresponding"]),
                author=Author.of(row["author"]),
                institution_ids=row["institutionIds"],
            )
            for row in rows
        ]

    @strawberry.field(description="Topics with OpenAlex's score, best first.")
    async def topics(self, info: Ctx) -> list[PaperTopic]:
        rows = await _loaders(info).get("get_paper_topics", self.id) or []
        return [PaperTopic(topic=Topic.of(row["topic"]), score=row["score"]) for row in rows]

    @strawberry.field(description="Works this one cites, most cited first.")
    async def references(
        self,
        info: Ctx,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
        include_stubs: bool = False,
    ) -> Connection[Paper]:
        return await _page(
            info,
            "page_paper_references",
            self.id,
            first,
            after,
            Paper.of,
            includeStubs=include_stubs,
        )

    @strawberry.field(description="Loaded works citing this one, most cited first.")
    async def cited_by(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Paper]:
        return await _page(info, "page_paper_cited_by", self.id, first, after, Paper.of)


@strawberry.type(description="An author on a paper.")
class Authorship:
    position: int = strawberry.field(description="1-based place in the byline.")
    is_corresponding: bool
    author: Author
    institution_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Institutions the author gave on this paper.")
    async def institutions(self, info: Ctx) -> list[Institution]:
        values = await _loaders(info).get_many("get_institutions", self.institution_ids)
        return [Institution.of(value) for value in values if value]


@strawberry.type(description="A topic of a paper.")
class PaperTopic:
    topic: Topic
    score: float | None


@strawberry.type(description="A topic, subfield, field or domain of OpenAlex's hierarchy.")
class Topic(Node):
    name: str | None
    level: int = strawberry.field(description="0 domain, 1 field, 2 subfield, 3 topic.")
    parent_id: strawberry.Private[str | None]

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
        value = await _loaders(info).get("get_topics", self.parent_id)
        return Topic.of(value) if value else None

    @strawberry.field(description="The next level down, by name.")
    async def children(self, info: Ctx) -> list[Topic]:
        rows = await _loaders(info).get("get_topic_children", self.id) or []
        return [Topic.of(row) for row in rows]

    @strawberry.field(description="Works on this topic or below it, most cited first.")
    async def works(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Paper]:
        return await _page(info, "page_topic_works", self.id, first, after, Paper.of)

    @strawberry.field(description="Authors with the most works on this topic or below it.")
    async def top_authors(self, info: Ctx, first: int = 10) -> list[TopicAuthor]:
        check_range("first", first, 1, MAX_LIST)
        rows = await _loaders(info).get("get_topic_top_authors", self.id, first=first) or []
        return [TopicAuthor(author=Author.of(row["author"]), works=row["works"]) for row in rows]


@strawberry.type(description="An author of works on a topic.")
class TopicAuthor:
    author: Author
    works: int


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
        rows = await _loaders(info).get("get_institution_parents", self.id) or []
        return [Institution.of(row) for row in rows]

    @strawberry.field(description="Authors who gave this institution, most papers first.")
    async def authors(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Member]:
        return await _page(info, "page_institution_authors", self.id, first, after, Member.of)

    @strawberry.field(description="Works with an author giving this institution, newest first.")
    async def works(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Paper]:
        return await _page(info, "page_institution_works", self.id, first, after, Paper.of)


@strawberry.type(description="An author of an institution.")
class Member:
    author: Author
    first_year: int | None
    last_year: int | None
    papers: int

    @classmethod
    def of(cls, value: dict[str, Any]) -> Member:
        return cls(
            author=Author.of(value["author"]),
            first_year=value["firstYear"],
            last_year=value["lastYear"],
            papers=value["papers"],
        )


class Entity(NamedTuple):
    """How to fetch a node of one label and make it a GraphQL object."""

    statement: str
    build: Callable[[dict[str, Any]], Node]


ENTITIES: dict[str, Entity] = {
    "Author": Entity("get_authors", Author.of),
    "Paper": Entity("get_papers", Paper.of),
    "Topic": Entity("get_topics", Topic.of),
    "Institution": Entity("get_institutions", Institution.of),
}


async def _entity(info: Ctx, value: str, label: str | None = None) -> Node | None:
    parsed = node_label(value)
    if parsed is None or (label is not None and parsed[0] != label):
        return None
    statement, build = ENTITIES[parsed[0]]
    found = await _loaders(info).get(statement, parsed[1])
    return build(found) if found else None


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

    @strawberry.field(description="The full node, for any field not carried here.")
    async def node(self, info: Ctx) -> Node | None:
        return await _entity(info, self.id, self.type.value)


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
    edges: list[SliceEdge]
    truncated: bool = strawberry.field(
        description="True exactly when a node or edge within reach was left out by a limit."
    )
    total_neighbors: int | None = strawberry.field(
        description="Direct neighbours of the centre under the filters (null for a path)."
    )

    @classmethod
    def of(cls, row: dict[str, Any], total: int | None, truncated: bool) -> GraphSlice:
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
            )
            for n in row["nodes"]
        ]
        edges = sorted(
            (
                SliceEdge(
                    id=strawberry.ID(f"{e['source']}-{e['type']}->{e['target']}"),
                    source=strawberry.ID(e["source"]),
                    target=strawberry.ID(e["target"]),
                    type=RelationshipType(e["type"]),
                    weight=float(e["weight"] or 0),
                )
                for e in row["edges"]
            ),
            key=lambda edge: edge.id,
        )
        return cls(
            center=nodes[0], nodes=nodes, edges=edges, truncated=truncated, total_neighbors=total
        )


def _fields(selections: list[Selection]) -> dict[str, SelectedField]:
    """The fields selected, through fragments; the first of each name when aliased twice."""
    found: dict[str, SelectedField] = {}
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.setdefault(selection.name, selection)
        else:
            for name, field in _fields(selection.selections).items():
                found.setdefault(name, field)
    return found


def _first(field: SelectedField, default: int, most: int) -> int:
    """The field's `first` when in range; 0 (do not load ahead) otherwise."""
    value = field.arguments.get("first")
    # A literal comes as its source text, a variable as its coerced value.
    number = default if value is None else int(value) if str(value).isdigit() else 0
    return number if 1 <= number <= most else 0


def _work_order(value: Any) -> WorkOrder | None:
    """The `orderBy` of a selection: absent, a coerced variable or a literal's name."""
    if value is None:
        return WorkOrder.NEWEST_FIRST
    if isinstance(value, WorkOrder):
        return value
    for order in WorkOrder:
        if value in (order.name, order.value):
            return order
    return None


def _profile(selections: list[Selection]) -> Profile:
    """What of an author's profile the selection asks for, to load in one statement.

    Only first pages are loaded ahead; anything else (a later page, an out-of-range
    argument) is left to the field's own statement, which also reports bad arguments.
    """
    fields = _fields(selections)
    profile = Profile(affiliations="institutions" in fields)
    if "topics" in fields:
        profile.topics = _first(fields["topics"], AUTHOR_TOPICS, MAX_LIST)
    works = fields.get("works")
    order = _work_order(works.arguments.get("orderBy")) if works else None
    if works and order and works.arguments.get("after") is None:
        profile.works = _first(works, DEFAULT_PAGE, MAX_PAGE)
        profile.works_statement = WORKS_BY_ORDER[order]
        page = _fields(works.selections)
        papers: dict[str, SelectedField] = {}
        if "nodes" in page:
            papers |= _fields(page["nodes"].selections)
        if "edges" in page and (node := _fields(page["edges"].selections).get("node")):
            papers |= _fields(node.selections)
        profile.authorships = "authorships" in papers
        profile.paper_topics = "topics" in papers
    collaborators = fields.get("collaborators")
    if collaborators and collaborators.arguments.get("after") is None:
        profile.collaborators = _first(collaborators, DEFAULT_PAGE, MAX_PAGE)
    return profile


@strawberry.type(description="A search result and how well it matched.")
class SearchHit:
    score: float
    node: Node


@strawberry.type(description="The Neo4j server behind this service.")
class ServerInfo:
    name: str
    version: str
    edition: str


@strawberry.type
class Query:
    @strawberry.field(description="Name, version and edition of the Neo4j server in use.")
    async def server_info(self, info: Ctx) -> ServerInfo:
        row = (await info.context.repository.read("server_components"))[0]
        return ServerInfo(name=row["name"], version=row["version"], edition=row["edition"])

    @strawberry.field(description="Any node by id (short or full OpenAlex form); null if absent.")
    async def node(self, info: Ctx, id: strawberry.ID) -> Node | None:
        return await _entity(info, id)

    @strawberry.field(description=f"Nodes by id, in the order asked (at most {MAX_IDS}).")
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[Node | None]:
        check_range("the number of ids", len(ids), 0, MAX_IDS)
        return list(await asyncio.gather(*(_entity(info, value) for value in ids)))

    @strawberry.field(description="An author by id (e.g. A5009198168); null if absent.")
    async def author(self, info: Ctx, id: strawberry.ID) -> Author | None:
        parsed = _parse_id(id, "Author")
        if parsed is None:
            return None
        profile = _profile(info.selected_fields[0].selections)
        if not profile:
            return await _entity(info, id, "Author")  # type: ignore[return-value]
        # A profile page: its fields would cost a statement each, level by level.
        found = await _loaders(info).load_profile(parsed, profile)
        return Author.of(found) if found else None

    @strawberry.field(description="A paper by id (e.g. W2105824687); null if absent.")
    async def paper(self, info: Ctx, id: strawberry.ID) -> Paper | None:
        return await _entity(info, id, "Paper")  # type: ignore[return-value]

    @strawberry.field(description="A topic by id (e.g. T10181 or subfields/1702); null if absent.")
    async def topic(self, info: Ctx, id: strawberry.ID) -> Topic | None:
        return await _entity(info, id, "Topic")  # type: ignore[return-value]

    @strawberry.field(description="An institution by id (e.g. I36234482); null if absent.")
    async def institution(self, info: Ctx, id: strawberry.ID) -> Institution | None:
        return await _entity(info, id, "Institution")  # type: ignore[return-value]

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
        check_range("first", first, 1, MAX_SEARCH)
        wanted = [t.value for t in types] if types else ALL_LABELS
        rows = await info.context.repository.read(
            "search_nodes",
            {
                "query": lucene_query(query),
                "types": wanted,
                "first": first,
                # Hits of other types are dropped after the index answers, so ask it for more.
                "candidates": first if len(wanted) == len(ALL_LABELS) else 1000,
            },
        )
        return [
            SearchHit(score=row["score"], node=ENTITIES[row["type"]][1](row["value"]))
            for row in rows
        ]

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
        limit: int = 50,
        per_node_limit: int = 25,
        node_types: list[NodeType] | None = None,
        relationship_types: list[RelationshipType] | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        projection: Projection = Projection.FULL,
    ) -> GraphSlice | None:
        check_range("depth", depth, 1, MAX_DEPTH)
        check_range("limit", limit, 1, MAX_LIMIT)
        check_range("perNodeLimit", per_node_limit, 1, MAX_PER_NODE)
        if year_from is not None and year_to is not None and year_from > year_to:
            raise InvalidInput(f"yearFrom ({year_from}) is after yearTo ({year_to})")
        center = _parse_id(id)
        if center is None:
            return None
        if projection is Projection.COLLABORATION:
            relationships = [RelationshipType.COLLABORATES_WITH.value]
            labels = [NodeType.AUTHOR.value]
        else:
            relationships = (
                [r.value for r in relationship_types] if relationship_types else FULL_RELATIONSHIPS
            )
            labels = [t.value for t in node_types] if node_types else ALL_LABELS
        rows = await info.context.repository.read(
            "select_neighborhood",
            {
                "center": center,
                "depth": depth,
                "limit": limit,
                "perNodeLimit": per_node_limit,
                "scanLimit": SCAN_LIMIT,
                "relTypes": relationships,
                "nodeTypes": labels,
                "yearFrom": year_from,
                "yearTo": year_to,
            },
        )
        if not rows:
            return None
        row = rows[0]["slice"]
        return GraphSlice.of(row, total=row["totalNeighbors"], truncated=row["truncated"])

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
        source, target = _parse_id(from_), _parse_id(to)
        if source is None or target is None:
            return None
        if source == target:
            raise InvalidInput("from and to are the same node")
        statement = (
            "find_collaboration_path" if projection is Projection.COLLABORATION else "find_path"
        )
        rows = await info.context.repository.read(
            statement, {"from": source, "to": target, "maxLength": max_length}
        )
        return GraphSlice.of(rows[0]["slice"], total=None, truncated=False) if rows else None


@strawberry.input(description="An institution named on an authorship.")
class InstitutionInput:
    id: strawberry.ID
    name: str | None = None
    country_code: str | None = None
    type: str | None = None
    ror: str | None = None


@strawberry.input(description="An author of a work, in byline order.")
class AuthorshipInput:
    author_id: strawberry.ID
    name: str | None = None
    orcid: str | None = None
    is_corresponding: bool = False
    institutions: list[InstitutionInput] = strawberry.field(default_factory=list)


@strawberry.input(description="A topic of a work with the levels above it.")
class TopicInput:
    id: strawberry.ID
    name: str | None = None
    score: float | None = None
    subfield_id: str | None = None
    subfield_name: str | None = None
    field_id: str | None = None
    field_name: str | None = None
    domain_id: str | None = None
    domain_name: str | None = None


@strawberry.input(description="A work, with the fields of an OpenAlex work record the graph uses.")
class WorkInput:
    id: strawberry.ID
    title: str | None = None
    doi: str | None = None
    publication_year: int | None = None
    publication_date: str | None = None
    type: str | None = None
    venue_id: str | None = None
    venue_name: str | None = None
    cited_by_count: int = 0
    updated_date: str | None = strawberry.field(
        default=None, description="A stored copy with a later date is kept."
    )
    authorships: list[AuthorshipInput] = strawberry.field(default_factory=list)
    topics: list[TopicInput] = strawberry.field(default_factory=list)
    referenced_works: list[strawberry.ID] = strawberry.field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The OpenAlex work record this input stands for (what the file importer reads)."""

        def level(ref: str | None, name: str | None, kind: str) -> dict[str, Any] | None:
            if not ref:
                return None
            return {"id": ref if "/" in ref else f"{kind}s/{ref}", "display_name": name}

        return {
            "id": self.id,
            "title": self.title,
            "doi": self.doi,
            "publication_year": self.publication_year,
            "publication_date": self.publication_date,
            "type": self.type,
            "primary_location": {"source": {"id": self.venue_id, "display_name": self.venue_name}},
            "cited_by_count": self.cited_by_count,
            "updated_date": self.updated_date,
            "authorships": [
                {
                    "author": {"id": s.author_id, "display_name": s.name, "orcid": s.orcid},
                    "is_corresponding": s.is_corresponding,
                    "institutions": [
                        {
                            "id": i.id,
                            "display_name": i.name,
                            "country_code": i.country_code,
                            "type": i.type,
                            "ror": i.ror,
                        }
                        for i in s.institutions
                    ],
                }
                for s in self.authorships
            ],
            "topics": [
                {
                    "id": t.id,
                    "display_name": t.name,
                    "score": t.score,
                    "subfield": level(t.subfield_id, t.subfield_name, "subfield"),
                    "field": level(t.field_id, t.field_name, "field"),
                    "domain": level(t.domain_id, t.domain_name, "domain"),
                }
                for t in self.topics
            ],
            "referenced_works": list(self.referenced_works),
        }


@strawberry.type(description="A work that was not stored, and why.")
class Rejection:
    index: int = strawberry.field(description="0-based position in the list sent.")
    reason: str


@strawberry.type(description="What an upsert did.")
class UpsertResult:
    upserted: int = strawberry.field(description="Works stored or replaced.")
    skipped: int = strawberry.field(description="Works older than the stored copy, left as is.")
    rejected: list[Rejection]
    refreshed_authors: int


def _require_writer(info: Ctx) -> None:
    """Writes need the configured bearer token; with none configured they are off."""
    token = info.context.write_token
    if not token:
        raise Forbidden("writes are disabled: this server has no write token configured")
    request = info.context.request
    header = request.headers.get("authorization", "") if request else ""
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise Forbidden("writes need the header `Authorization: Bearer <write token>`")


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=f"Store works (at most {MAX_UPSERT} per call) the way the importer does: "
        "a newer record replaces a paper's fields, authors, topics and references; authors' "
        "derived values are brought up to date before this returns. Needs the write token."
    )
    async def upsert_works(self, info: Ctx, works: list[WorkInput]) -> UpsertResult:
        _require_writer(info)
        check_range("the number of works", len(works), 1, MAX_UPSERT)
        loader = Loader(info.context.repository)
        report = await loader.records([work.record() for work in works])
        valid = len(works) - len(report.rejected)
        return UpsertResult(
            upserted=report.loaded,
            skipped=valid - report.loaded,
            rejected=[Rejection(index=r.line - 1, reason=r.reason) for r in report.rejected],
            refreshed_authors=report.refreshed_authors,
        )

    @strawberry.mutation(
        description="Remove a work; one that other works cite stays as a stub so their "
        "references remain. False if there was no such work. Needs the write token."
    )
    async def delete_work(self, info: Ctx, id: strawberry.ID) -> bool:
        _require_writer(info)
        paper = _parse_id(id, "Paper")
        if paper is None:
            return False
        loader = Loader(info.context.repository)
        return await loader.delete_work(paper)


async def warm_up(repository: Repository) -> None:
    """Run the big statements once on ids that match nothing, so their plans are cached.

    Planning the slice statement takes seconds on a cold server; without this the first
    click after a start could run into the query timeout.
    """
    await repository.read(
        "select_neighborhood",
        {
            "center": "",
            "depth": MAX_DEPTH,
            "limit": 1,
            "perNodeLimit": 1,
            "scanLimit": SCAN_LIMIT,
            "relTypes": FULL_RELATIONSHIPS,
            "nodeTypes": ALL_LABELS,
            "yearFrom": None,
            "yearTo": None,
        },
        tx_timeout=WARM_UP_TIMEOUT,
    )
    for statement in ("find_path", "find_collaboration_path"):
        await repository.read(
            statement, {"from": "", "to": "", "maxLength": 1}, tx_timeout=WARM_UP_TIMEOUT
        )


class GraphSchema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """ErrorPolicy logs what needs logging (unexpected errors, with the request id)."""


def build_schema(
    budget: int = DEFAULT_COST_BUDGET, admission: Admission | None = None
) -> strawberry.Schema:
    """The schema; `budget` and `admission` bound what one request may cost and how many run
    at once (the app makes them from its settings)."""
    lanes = admission or Admission(most=32, heavy=2, heavy_cost=budget // 10)
    return GraphSchema(
        execution_context_class=Executor,
        query=Query,
        mutation=Mutation,
        types=[Author, Paper, Topic, Institution],
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: ParserCache(maxsize=DOCUMENT_CACHE),
            lambda: RequestGuard(budget, lanes),
            ErrorPolicy,
        ],
    )
