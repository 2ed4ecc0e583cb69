"""Papers as GraphQL types: a work with its authors, topics, references, citations and the
papers like it."""

from __future__ import annotations

from collections.abc import Awaitable
from enum import Enum
from typing import Annotated, Any

import strawberry

from graph_service.api.context import Ctx, batcher
from graph_service.api.execution.batching import then
from graph_service.api.types.author import Author
from graph_service.api.types.connection import DEFAULT_PAGE, Connection, decode_cursor, page
from graph_service.api.types.institution import Institution
from graph_service.api.types.node import Node
from graph_service.api.types.topic import Topic
from graph_service.db.statements import Statement
from graph_service.errors import InvalidInput, check_range

MAX_AUTHORSHIPS = 1000


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
        graphql_type=list[Annotated["Authorship", strawberry.lazy(__name__)]],
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
        graphql_type=list[Annotated["PaperTopic", strawberry.lazy(__name__)]],
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
