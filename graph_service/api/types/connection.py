"""Keyset connections: a page of a list, its cursors, the page-size rules and the list's
full size."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry

from graph_service.api.context import Ctx, batcher
from graph_service.db.statements import Statement
from graph_service.errors import InvalidInput, check_range

T = TypeVar("T")
DEFAULT_PAGE = 20
# The value of a page statement for a node that is absent.
NO_ROWS: dict[str, Any] = {"total": 0, "rows": []}
MAX_PAGE = 100


def ahead(first: int) -> int:
    """The rows a page statement is asked for: one more than the page, to tell if more follow
    (the page's cache key in the request's loader, wherever it is loaded from)."""
    return first + 1


def encode_cursor(kind: str, sort_key: list[Any]) -> str:
    """An opaque cursor: which listing it belongs to and the sort key of the row it points at."""
    text = json.dumps([kind, *sort_key], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# The sort keys' shapes ("n" a number, "s" a string) as the page statements make them: a
# cursor of another shape would compare as null in Cypher and silently give an empty page.
SORT_KEYS = {"page_paper_related": "sns", "papers:relevance": "nnns"}
SORT_KEY = "nns"
MAX_CURSOR = 1000
LARGEST = 2**63 - 1


def _part_fits(part: Any, kind: str) -> bool:
    if kind == "s":
        return isinstance(part, str) and len(part) <= 200
    if isinstance(part, bool) or not isinstance(part, (int, float)):
        return False
    return -LARGEST <= part <= LARGEST and part == part  # a Neo4j integer or a number, not NaN


def decode_cursor(kind: str, cursor: str | None) -> list[Any] | None:
    """The sort key inside a cursor from `encode_cursor(kind, ...)`; None for no cursor."""
    if cursor is None:
        return None
    not_ours = InvalidInput("after is not a cursor this API gave out")
    if len(cursor) > MAX_CURSOR:
        raise not_ours
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
        raise not_ours from None
    if not isinstance(value, list) or len(value) < 2 or value[0] != kind:
        # The kind is a statement's name: not for the client (the log has the request).
        raise InvalidInput("after is not a cursor of this list: it came from another list or order")
    shape = SORT_KEYS.get(kind, SORT_KEY)
    key = value[1:]
    if len(key) != len(shape) or not all(map(_part_fits, key, shape)):
        raise not_ours
    return key


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


async def page(
    info: Ctx,
    statement: Statement,
    id: str,
    first: int,
    after: str | None,
    build: Callable[[dict[str, Any]], T],
    **shared: Any,
) -> Connection[T]:
    check_range("first", first, 1, MAX_PAGE)
    position = decode_cursor(statement, after)
    value = await batcher(info).get(statement, id, after=position, first=ahead(first), **shared)
    return connection(statement, value or NO_ROWS, first, build)


def connection(
    kind: str, value: dict[str, Any], first: int, build: Callable[[dict[str, Any]], T]
) -> Connection[T]:
    """The connection of a page statement's value: `total`, and `rows` of `sortKey` and
    `node`, one more than `first` when more follow."""
    rows = value["rows"]
    edges = [
        Edge(cursor=encode_cursor(kind, row["sortKey"]), node=build(row["node"]))
        for row in rows[:first]
    ]
    return Connection(
        total_count=int(value["total"]),
        edges=edges,
        nodes=[edge.node for edge in edges],
        page_info=PageInfo(
            has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None
        ),
    )
