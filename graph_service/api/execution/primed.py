"""Fields whose values the root's statement primed in the request's loader: where in the response,
for which arguments, and how each value is made from the primed rows."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from graph_service.api.execution.batching import Batcher
from graph_service.api.types.author import (
    WORKS_BY_ORDER,
    Affiliation,
    AuthorTopic,
    Collaborator,
    WorkOrder,
)
from graph_service.api.types.connection import MAX_PAGE, NO_ROWS, ahead, connection
from graph_service.api.types.node import MAX_LIST
from graph_service.api.types.paper import MAX_AUTHORSHIPS, Authorship, Paper, PaperTopic
from graph_service.db.statements import Statement

# Where in the response a field's value has been primed by the root's statement.
ANYWHERE = ""

PROFILE = "profile"  # the author `author` returns

PROFILE_WORK = "profile work"  # a paper of that author's first page of works

# The request being completed: a walk is shared by the requests of one operation shape, and
# a primed field reads its own request's loader.
BATCHER: ContextVar[Batcher] = ContextVar("batcher")


class Unsettled(Exception):
    """The walk cannot complete this operation; graphql-core will."""


def _known(batcher: Batcher, statement: Statement, id: str, **shared: Any) -> Any:
    found, value = batcher.known(statement, id, **shared)
    if not found:
        raise Unsettled(statement)
    return value


def _within(value: Any, least: int, most: int) -> bool:
    return isinstance(value, int) and least <= value <= most


def _order(value: Any) -> WorkOrder:
    return value if isinstance(value, WorkOrder) else WorkOrder(value)


@dataclass(frozen=True)
class Primed:
    """A field whose value the root's statement primed in the request's loader, where
    `scope` is; `accepts` the arguments it primed for, `value` made as the resolver makes
    it; what it returns is in scope `inner`."""

    scope: str
    accepts: Callable[[dict[str, Any]], bool]
    value: Callable[[Any, dict[str, Any], Batcher], Any]
    inner: str = ANYWHERE


def _rows(
    statement: Statement, build: Callable[[dict[str, Any]], Any], first: bool = False
) -> Callable[[Any, dict[str, Any], Batcher], Any]:
    """A list field the resolver makes from `statement`'s rows (asked with `first` when the
    field takes it)."""

    def value(source: Any, args: dict[str, Any], batcher: Batcher) -> Any:
        shared = {"first": args["first"]} if first else {}
        return [build(row) for row in _known(batcher, statement, source.id, **shared) or []]

    return value


def _page(
    statement: Callable[[dict[str, Any]], Statement], build: Callable[[dict[str, Any]], Any]
) -> Callable[[Any, dict[str, Any], Batcher], Any]:
    """A connection's first page, as `connections.page` makes it from the statement the
    arguments pick."""

    def value(source: Any, args: dict[str, Any], batcher: Batcher) -> Any:
        chosen, first = statement(args), args["first"]
        rows = _known(batcher, chosen, source.id, first=ahead(first))
        return connection(chosen, rows or NO_ROWS, first, build)

    return value


def _first_page(args: dict[str, Any]) -> bool:
    return args.get("after") is None and _within(args["first"], 1, MAX_PAGE)


def _authorships(paper: Any, args: dict[str, Any], batcher: Batcher) -> Any:
    rows = _known(batcher, Statement.GET_PAPER_AUTHORSHIPS, paper.id) or []
    return [Authorship.of(row) for row in rows[: args.get("first")]]


PRIMED: dict[tuple[str, str], Primed] = {
    ("Author", "institutions"): Primed(
        PROFILE, lambda args: True, _rows(Statement.GET_AUTHOR_AFFILIATIONS, Affiliation.of)
    ),
    ("Author", "topics"): Primed(
        PROFILE,
        lambda args: _within(args["first"], 1, MAX_LIST),
        _rows(Statement.GET_AUTHOR_TOPICS, AuthorTopic.of, first=True),
    ),
    ("Author", "works"): Primed(
        PROFILE,
        _first_page,
        _page(lambda args: WORKS_BY_ORDER[_order(args["orderBy"])], Paper.of),
        PROFILE_WORK,
    ),
    ("Author", "collaborators"): Primed(
        PROFILE,
        _first_page,
        _page(lambda args: Statement.PAGE_AUTHOR_COLLABORATORS, Collaborator.of),
    ),
    ("Paper", "authorships"): Primed(
        PROFILE_WORK,
        lambda args: args.get("first") is None or _within(args["first"], 1, MAX_AUTHORSHIPS),
        _authorships,
    ),
    ("Paper", "authorCount"): Primed(
        PROFILE_WORK,
        lambda args: True,
        lambda paper, args, batcher: len(
            _known(batcher, Statement.GET_PAPER_AUTHORSHIPS, paper.id) or []
        ),
    ),
    ("Paper", "topics"): Primed(
        PROFILE_WORK, lambda args: True, _rows(Statement.GET_PAPER_TOPICS, PaperTopic.of)
    ),
}
