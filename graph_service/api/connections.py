"""Keyset connections: a page of a list, its cursors and the list's full size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry

from graph_service.api.context import Ctx, loaders
from graph_service.pagination import (
    MAX_PAGE,
    check_range,
    decode_cursor,
    encode_cursor,
)

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


async def page(
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
    value = await loaders(info).get(statement, id, after=position, first=first + 1, **shared)
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
