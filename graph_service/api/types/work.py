"""A work as the writes take it (the fields of an OpenAlex work record the graph uses), and
what a write did."""

from __future__ import annotations

from typing import Any

import strawberry


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
    related_works: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="OpenAlex's related works: each becomes a similar paper once it is loaded.",
    )

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
            "related_works": list(self.related_works),
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
    refresh_pending: bool = strawberry.field(
        description="True when the works were stored but bringing derived values (authors' "
        "counts, similar papers) up to date failed: they are marked and catch up at the next "
        "write or `graph-service refresh`. The works themselves are committed."
    )
