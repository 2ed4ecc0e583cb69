"""The graph's nodes as GraphQL types: authors, papers, topics, institutions, and their ties."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Annotated, Any, NamedTuple

import strawberry

from graph_service.api.context import Ctx, batcher, node_label
from graph_service.api.execution.batching import then
from graph_service.api.resolvers.fulltext import lucene_query
from graph_service.api.types.connection import DEFAULT_PAGE, Connection, decode_cursor, page
from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.errors import InvalidInput, check_range
from graph_service.ingest.arxiv import PAPER_PREFIX, is_category

MAX_LIST = 100
MAX_SEARCH = 50
MAX_AUTHORSHIPS = 1000
AUTHOR_TOPICS = 10


@strawberry.enum(description="The kinds of node in the graph.")
class NodeType(Enum):
    AUTHOR = "Author"
    PAPER = "Paper"
    TOPIC = "Topic"
    INSTITUTION = "Institution"


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


@strawberry.enum(description="Which similarity a list of related papers follows.")
class RelatedKind(Enum):
    ALL = strawberry.enum_value("all", description="Every similar paper, by the combined score.")
    CO_CITATION = strawberry.enum_value(
        "co_citation", description="Papers cited together with this one, by co-citation."
    )
    COUPLING = strawberry.enum_value(
        "coupling", description="Papers citing the same works as this one, by coupling."
    )
    OPENALEX = strawberry.enum_value(
        "openalex", description="The related works OpenAlex lists that are loaded, by score."
    )


ALL_LABELS = [t.value for t in NodeType]


@strawberry.interface(description="Anything in the graph; ids are short OpenAlex ids.")
class Node:
    id: strawberry.ID


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
    ) -> Connection[Paper]:
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
    language: str | None = strawberry.field(description="ISO 639-1 code, e.g. `en`.")
    is_open_access: bool | None = strawberry.field(
        description="Free to read somewhere; null when the source does not say."
    )
    oa_status: str | None = strawberry.field(
        description="OpenAlex's open-access status: gold, green, hybrid, bronze, diamond, closed."
    )
    landing_page_url: str | None = strawberry.field(
        description="The paper's page at its publisher or repository."
    )
    pdf_url: str | None = strawberry.field(
        description="A PDF to read: the best open-access copy, else the publisher's."
    )
    arxiv_id: str | None = strawberry.field(
        description="The arXiv identifier (no version), when the paper is on arXiv."
    )
    code_urls: list[str] = strawberry.field(
        description="Code repositories the paper links to (GitHub, GitLab, Bitbucket, "
        "Codeberg, Hugging Face, Zenodo software), one per repository."
    )
    journal_ref: str | None = strawberry.field(
        description="Where the paper was published, as its arXiv record says."
    )
    comments: str | None = strawberry.field(
        description="The arXiv record's comments (pages, figures, venue, code)."
    )
    arxiv_versions: int | None = strawberry.field(description="How many versions arXiv has.")
    importance: float | None = strawberry.field(
        description="PageRank over citations (damping 0.85): 0.15 for a paper nobody cites, "
        "more as important papers cite it. Null until papers are first ranked."
    )
    importance_percentile: float | None = strawberry.field(
        description="The share (0-100) of papers of the same primary topic and year whose "
        "importance is at most this one's: 100 is the most important of its cohort."
    )
    importance_cohort: int | None = strawberry.field(
        description="How many papers share the primary topic and year the percentile is "
        "within; a percentile among few says little."
    )
    category_ids: strawberry.Private[list[str]]

    @strawberry.field(description="arXiv categories, the primary one first; empty off arXiv.")
    async def categories(self, info: Ctx) -> list[Topic]:
        values = await batcher(info).get_many(Statement.GET_TOPICS, self.category_ids)
        return [Topic.of(value) for value in values if value]

    @strawberry.field(description="The arXiv category the paper was submitted to.")
    async def primary_category(self, info: Ctx) -> Topic | None:
        if not self.category_ids:
            return None
        value = await batcher(info).get(Statement.GET_TOPICS, self.category_ids[0])
        return Topic.of(value) if value else None

    @strawberry.field(description="Whether the paper links to its code (see codeUrls).")
    def has_code(self) -> bool:
        return bool(self.code_urls)

    @strawberry.field(description="The DOI as a link (https://doi.org/...).")
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @strawberry.field(description="The paper's arXiv page.")
    def arxiv_url(self) -> str | None:
        return f"https://arxiv.org/abs/{self.arxiv_id}" if self.arxiv_id else None

    @strawberry.field(description="What the paper says, as its source gives it.")
    async def abstract(self, info: Ctx) -> str | None:
        if self.stub:
            return None
        value: str | None = await batcher(info).get(Statement.GET_PAPER_ABSTRACTS, self.id)
        return value

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
            language=value.get("language"),
            is_open_access=value.get("isOpenAccess"),
            oa_status=value.get("oaStatus"),
            landing_page_url=value.get("landingPageUrl"),
            pdf_url=value.get("pdfUrl"),
            arxiv_id=value.get("arxivId"),
            code_urls=value.get("codeUrls") or [],
            journal_ref=value.get("journalRef"),
            comments=value.get("arxivComments"),
            arxiv_versions=value.get("arxivVersions"),
            importance=value.get("importance"),
            importance_percentile=value.get("importancePercentile"),
            importance_cohort=value.get("importanceCohort"),
            category_ids=value.get("categories") or [],
        )

    # These three are sync resolvers that may return an awaitable: a profile or a list has
    # primed their rows already, and a value returned at once skips graphql-core's task.
    @strawberry.field(
        description="Authors in byline order; the first `first` of them when given (a list "
        'shows "A, B, C et al." with authorCount).',
        graphql_type=list[Annotated["Authorship", strawberry.lazy("graph_service.api.types")]],
    )
    def authorships(
        self, info: Ctx, first: int | None = None
    ) -> list[Authorship] | Awaitable[list[Authorship]]:
        if first is not None:
            check_range("first", first, 1, MAX_AUTHORSHIPS)
        found = batcher(info)

        def made(rows: list[dict[str, Any]] | None) -> list[Authorship]:
            # One statement gives every authorship (and so authorCount) however many are shown.
            shown = (rows or [])[:first]
            for row in shown:
                found.prime(Statement.GET_AUTHORS, row["author"]["id"], row["author"])
            return [Authorship.of(row) for row in shown]

        return then(found.fetch(Statement.GET_PAPER_AUTHORSHIPS, self.id), made)

    @strawberry.field(description="How many authors the paper has.", graphql_type=int)
    def author_count(self, info: Ctx) -> int | Awaitable[int]:
        rows = batcher(info).fetch(Statement.GET_PAPER_AUTHORSHIPS, self.id)
        return then(rows, lambda rows: len(rows or []))

    @strawberry.field(
        description="Topics with OpenAlex's score, best first.",
        graphql_type=list[Annotated["PaperTopic", strawberry.lazy("graph_service.api.types")]],
    )
    def topics(self, info: Ctx) -> list[PaperTopic] | Awaitable[list[PaperTopic]]:
        return then(
            batcher(info).fetch(Statement.GET_PAPER_TOPICS, self.id),
            lambda rows: [PaperTopic.of(row) for row in rows or []],
        )

    @strawberry.field(description="Works this one cites, most cited first.")
    async def references(
        self,
        info: Ctx,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
        include_stubs: bool = False,
    ) -> Connection[Paper]:
        return await page(
            info,
            Statement.PAGE_PAPER_REFERENCES,
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
        return await page(info, Statement.PAGE_PAPER_CITED_BY, self.id, first, after, Paper.of)

    @strawberry.field(
        description="Papers like this one, best first: cited together with it (co-citation), "
        "citing the same works (coupling) or listed by OpenAlex. Each paper keeps its best "
        "20 (GRAPH_SERVICE_SIMILAR_TOP_K) by co-citation and by coupling, made again when its "
        "citations change."
    )
    async def related(
        self,
        info: Ctx,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
        kind: RelatedKind = RelatedKind.ALL,
        include_stubs: bool = False,
    ) -> Connection[RelatedPaper]:
        if after is not None:
            position = decode_cursor(Statement.PAGE_PAPER_RELATED, after)
            if position and position[0] != kind.value:
                raise InvalidInput(
                    f"the cursor `after` comes from a list of kind {position[0]}, not "
                    f"{kind.value}: page with the kind it came from"
                )
        return await page(
            info,
            Statement.PAGE_PAPER_RELATED,
            self.id,
            first,
            after,
            RelatedPaper.of,
            kind=kind.value,
            includeStubs=include_stubs,
        )


@strawberry.type(description="An author on a paper.")
class Authorship:
    position: int = strawberry.field(description="1-based place in the byline.")
    is_corresponding: bool
    author: Author
    institution_ids: strawberry.Private[list[str]]

    @classmethod
    def of(cls, value: dict[str, Any]) -> Authorship:
        return cls(
            position=value["position"],
            is_corresponding=bool(value["isCorresponding"]),
            author=Author.of(value["author"]),
            institution_ids=value["institutionIds"],
        )

    @strawberry.field(description="Institutions the author gave on this paper.")
    async def institutions(self, info: Ctx) -> list[Institution]:
        values = await batcher(info).get_many(Statement.GET_INSTITUTIONS, self.institution_ids)
        return [Institution.of(value) for value in values if value]


@strawberry.type(description="A paper similar to another, with how similar.")
class RelatedPaper:
    paper: Paper
    score: float = strawberry.field(
        description="1 - (1 - coCitation)(1 - coupling)(1 - 0.1 when OpenAlex lists it)."
    )
    co_citation: float = strawberry.field(
        description="Works citing both / sqrt(works citing each) (Salton's cosine); a work "
        "citing more than 500 (GRAPH_SERVICE_SIMILAR_HUB_CAP) adds nothing."
    )
    coupling: float = strawberry.field(
        description="Works both cite / sqrt(works each cites); a work cited more than 500 "
        "times (GRAPH_SERVICE_SIMILAR_HUB_CAP) adds nothing."
    )
    openalex: bool = strawberry.field(description="OpenAlex lists it among the related works.")

    @classmethod
    def of(cls, value: dict[str, Any]) -> RelatedPaper:
        return cls(
            paper=Paper.of(value["paper"]),
            score=value["score"],
            co_citation=value["coCitation"],
            coupling=value["coupling"],
            openalex=value["openalex"],
        )


@strawberry.type(description="A topic of a paper.")
class PaperTopic:
    topic: Topic
    score: float | None

    @classmethod
    def of(cls, value: dict[str, Any]) -> PaperTopic:
        return cls(topic=Topic.of(value["topic"]), score=value["score"])


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
    ) -> Connection[Paper]:
        return await page(info, Statement.PAGE_TOPIC_WORKS, self.id, first, after, Paper.of)

    @strawberry.field(description="Authors with the most works on this topic or below it.")
    async def top_authors(self, info: Ctx, first: int = 10) -> list[TopicAuthor]:
        check_range("first", first, 1, MAX_LIST)
        rows = await batcher(info).get(Statement.GET_TOPIC_TOP_AUTHORS, self.id, first=first) or []
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
    ) -> Connection[Paper]:
        return await page(info, Statement.PAGE_INSTITUTION_WORKS, self.id, first, after, Paper.of)


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

    statement: Statement
    build: Callable[[dict[str, Any]], Node]


ENTITIES: dict[str, Entity] = {
    "Author": Entity(Statement.GET_AUTHORS, Author.of),
    "Paper": Entity(Statement.GET_PAPERS, Paper.of),
    "Topic": Entity(Statement.GET_TOPICS, Topic.of),
    "Institution": Entity(Statement.GET_INSTITUTIONS, Institution.of),
}


async def resolve(info: Ctx, value: str) -> tuple[str, str] | None:
    """(label, id) of the node an id names now. An arXiv paper id finds the paper with that
    arXiv id, which is an OpenAlex work's once OpenAlex loaded the same paper."""
    parsed = node_label(value)
    if parsed is None or parsed[0] != "Paper" or not parsed[1].startswith(PAPER_PREFIX):
        return parsed
    current = await batcher(info).get(Statement.RESOLVE_ARXIV_IDS, parsed[1][len(PAPER_PREFIX) :])
    return ("Paper", current) if current else None


async def entity(info: Ctx, value: str, label: str | None = None) -> Node | None:
    parsed = await resolve(info, value)
    if parsed is None or (label is not None and parsed[0] != label):
        return None
    statement, build = ENTITIES[parsed[0]]
    found = await batcher(info).get(statement, parsed[1])
    return build(found) if found else None


@strawberry.type(description="A search result and how well it matched.")
class SearchHit:
    score: float
    node: Node


async def search_hits(
    repository: Repository, query: str, types: list[NodeType] | None, first: int
) -> list[SearchHit]:
    """The `search` field: the best `first` hits of `types` (all when None) for `query`."""
    check_range("first", first, 1, MAX_SEARCH)
    wanted = [t.value for t in types] if types else ALL_LABELS
    rows = await repository.read(
        Statement.SEARCH_NODES,
        {
            "query": lucene_query(query),
            "types": wanted,
            "first": first,
            # Hits of other types are dropped after the index answers, so ask it for more.
            "candidates": first if len(wanted) == len(ALL_LABELS) else 1000,
        },
    )
    return [
        SearchHit(score=row["score"], node=ENTITIES[row["type"]][1](row["value"])) for row in rows
    ]


@strawberry.type(description="The Neo4j server behind this service.")
class ServerInfo:
    name: str
    version: str
    edition: str
