"""The profile look-ahead: what of an author's profile a query selects, to load in one
statement that primes the request's DataLoader."""

from __future__ import annotations

from typing import Any

from strawberry.types.nodes import SelectedField, Selection

from graph_service.api.types import AUTHOR_TOPICS, MAX_LIST, WORKS_BY_ORDER, WorkOrder
from graph_service.loaders import Profile
from graph_service.pagination import DEFAULT_PAGE, MAX_PAGE


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


def profile(selections: list[Selection]) -> Profile:
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
