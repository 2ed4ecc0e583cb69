"""What a paper list may ask for: its filter and its order."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Orders of a paper list.")
class PaperOrder(Enum):
    NEWEST = strawberry.enum_value(
        "newest",
        description="By publication date (the year when the day is unknown), then citations.",
    )
    MOST_CITED = strawberry.enum_value("most_cited", description="By citations, then date.")
    IMPORTANCE = strawberry.enum_value(
        "importance",
        description="By importance (PageRank over citations, see Paper.importance), then "
        "citations.",
    )
    RELEVANCE = strawberry.enum_value(
        "relevance",
        description="Papers with every word of `query` in the title first, then those with "
        "some in the abstract; by full-text score within each, then citations. Needs `query`.",
    )


@strawberry.input(
    description="Which papers to list. Every field given must hold; a list holds when any of "
    "its entries does. Cited-only papers (stubs) are never listed."
)
class PaperFilter:
    query: str | None = strawberry.field(
        default=None,
        description="Words in the title or abstract; every word must match, whole or as a prefix.",
    )
    categories: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="arXiv categories (`cs.LG`) or archives (`cs`: every category in it); "
        "primary or cross-listed.",
    )
    topics: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Topics at any level (T10181, fields/17): on it or below."
    )
    author_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Papers by any of these authors."
    )
    institution_ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Papers with an author who gave one of these institutions on them.",
    )
    year_from: int | None = None
    year_to: int | None = None
    date_from: str | None = strawberry.field(
        default=None, description="Published on or after this day (YYYY-MM-DD)."
    )
    date_to: str | None = strawberry.field(
        default=None, description="Published on or before this day (YYYY-MM-DD)."
    )
    has_code: bool | None = strawberry.field(
        default=None, description="true: only papers linking to code; false: only without."
    )
    open_access: bool | None = strawberry.field(
        default=None, description="true: only papers free to read; false: only the others."
    )
    min_citations: int | None = None
