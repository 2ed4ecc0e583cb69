"""The profile look-ahead: what of an author's profile a query selects, loaded in one
statement that primes the request's batcher with exactly the keys the fields will ask for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strawberry.types.nodes import SelectedField, Selection

from graph_service.api.context import Ctx, batcher
from graph_service.api.execution.batching import Batcher
from graph_service.api.resolvers.entities import entity, parse_id
from graph_service.api.types.author import AUTHOR_TOPICS, WORKS_BY_ORDER, Author, WorkOrder
from graph_service.api.types.connection import DEFAULT_PAGE, MAX_PAGE, ahead
from graph_service.api.types.node import MAX_LIST
from graph_service.db.statements import Statement


@dataclass
class Profile:
    """Which parts of an author's profile a query asks for, with the per-field arguments
    (first pages only); a part left at its default is not loaded ahead."""

    affiliations: bool = False
    topics: int = 0
    works: int = 0
    works_statement: Statement = Statement.PAGE_AUTHOR_WORKS_NEWEST
    authorships: bool = False
    paper_topics: bool = False
    collaborators: int = 0

    def __bool__(self) -> bool:
        return bool(self.affiliations or self.topics or self.works or self.collaborators)


def selected(selections: list[Selection]) -> dict[str, SelectedField]:
    """The fields selected, through fragments; the first of each name when aliased twice."""
    found: dict[str, SelectedField] = {}
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.setdefault(selection.name, selection)
        else:
            for name, field in selected(selection.selections).items():
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


def profile(selections: list[Selection]) -> Profile:
    """What of an author's profile the selection asks for, to load in one statement.

    Only first pages are loaded ahead; anything else (a later page, an out-of-range
    argument) is left to the field's own statement, which also reports bad arguments.
    """
    fields = selected(selections)
    profile = Profile(affiliations="institutions" in fields)
    if "topics" in fields:
        profile.topics = _first(fields["topics"], AUTHOR_TOPICS, MAX_LIST)
    works = fields.get("works")
    order = _work_order(works.arguments.get("orderBy")) if works else None
    if works and order and works.arguments.get("after") is None:
        profile.works = _first(works, DEFAULT_PAGE, MAX_PAGE)
        profile.works_statement = WORKS_BY_ORDER[order]
        page = selected(works.selections)
        papers: dict[str, SelectedField] = {}
        if "nodes" in page:
            papers |= selected(page["nodes"].selections)
        if "edges" in page and (node := selected(page["edges"].selections).get("node")):
            papers |= selected(node.selections)
        profile.authorships = "authorships" in papers
        profile.paper_topics = "topics" in papers
    collaborators = fields.get("collaborators")
    if collaborators and collaborators.arguments.get("after") is None:
        profile.collaborators = _first(collaborators, DEFAULT_PAGE, MAX_PAGE)
    return profile


def profile_parameters(id: str, profile: Profile) -> dict[str, Any]:
    """The parameters of `get_author_profile` for what the profile asks."""
    return {
        "id": id,
        "affiliations": profile.affiliations,
        "topics": profile.topics,
        "works": ahead(profile.works) if profile.works else 0,
        "mostCited": profile.works_statement is Statement.PAGE_AUTHOR_WORKS_MOST_CITED,
        "authorships": profile.authorships,
        "paperTopics": profile.paper_topics,
        "collaborators": ahead(profile.collaborators) if profile.collaborators else 0,
    }


def prime(batcher: Batcher, id: str, profile: Profile, found: dict[str, Any]) -> None:
    """Give the batcher what each selected field will ask it for, under the same keys the
    fields use (`connections.page` for pages, the types' resolvers for the rest)."""
    batcher.prime(Statement.GET_AUTHORS, id, found["author"])
    if profile.affiliations:
        batcher.prime(Statement.GET_AUTHOR_AFFILIATIONS, id, found["affiliations"])
    if profile.topics:
        batcher.prime(Statement.GET_AUTHOR_TOPICS, id, found["topics"], first=profile.topics)
    if profile.works:
        works = found["works"]
        for row in works["rows"]:
            paper = row["node"]["id"]
            if profile.authorships:
                batcher.prime(Statement.GET_PAPER_AUTHORSHIPS, paper, row["authorships"])
            if profile.paper_topics:
                batcher.prime(Statement.GET_PAPER_TOPICS, paper, row["topics"])
        batcher.prime(profile.works_statement, id, works, first=ahead(profile.works))
    if profile.collaborators:
        batcher.prime(
            Statement.PAGE_AUTHOR_COLLABORATORS,
            id,
            found["collaborators"],
            first=ahead(profile.collaborators),
        )


async def load_profile(batcher: Batcher, id: str, profile: Profile) -> Any:
    """The author `id` (None if absent), after one `get_author_profile` statement has primed
    the loads its profile's fields will make."""
    rows = await batcher.repository.read(
        Statement.GET_AUTHOR_PROFILE, profile_parameters(id, profile)
    )
    if not rows:
        return None
    found = rows[0]["profile"]
    prime(batcher, id, profile, found)
    return found["author"]


async def find_author(info: Ctx, id: str, selections: list[Selection]) -> Author | None:
    """The `author` field: the author `id` selecting `selections`, its profile's first pages
    loaded in one statement when it selects any (its fields would cost a statement each,
    level by level)."""
    return await author_with(info, id, profile(selections))


async def author_with(info: Ctx, id: str, wanted: Profile) -> Author | None:
    """The author `id` with the parts of its profile `wanted` loaded ahead."""
    parsed = parse_id(id, "Author")
    if parsed is None:
        return None
    if not wanted:
        return await entity(info, id, "Author")  # type: ignore[return-value]
    found = await load_profile(batcher(info), parsed, wanted)
    return Author.of(found) if found else None
