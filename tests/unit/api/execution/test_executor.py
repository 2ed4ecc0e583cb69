"""The plain-field fast path gives exactly graphql-core's answers, errors included."""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest
import strawberry

from graph_service.api.execution.executor import PlainFieldExecutor, plain_fields


@strawberry.enum
class Kind(Enum):
    PAPER = "PAPER"
    AUTHOR = "AUTHOR"


@strawberry.type
class Item:
    id: strawberry.ID
    score: float
    label: str | None
    kind: Kind
    count: int

    @strawberry.field
    def twice(self) -> int:
        return self.count * 2


def items() -> list[Item]:
    return [
        Item(id=strawberry.ID("a"), score=0.5, label="A", kind=Kind.PAPER, count=1),
        Item(id=strawberry.ID("b"), score=1, label=None, kind=Kind.AUTHOR, count=2),
    ]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return items()

    @strawberry.field
    def broken(self) -> list[Item]:
        item = items()[0]
        item.count = None  # type: ignore[assignment]
        return [item]


FAST = strawberry.Schema(query=Query, execution_context_class=PlainFieldExecutor)
STANDARD = strawberry.Schema(query=Query)


def answer(schema: strawberry.Schema, query: str) -> tuple[Any, list[Any]]:
    result = schema.execute_sync(query)
    return result.data, [error.formatted for error in result.errors or []]


def both(query: str) -> tuple[Any, Any]:
    return answer(FAST, query), answer(STANDARD, query)


@pytest.mark.parametrize(
    "query",
    [
        "{ items { id score label kind count } }",
        "{ items { __typename n: id again: id label } }",
        "{ items { id twice } }",  # a resolver field: graphql-core completes the object
        "{ broken { id count } }",  # a null in a non-null field: the standard error
    ],
)
def test_same_answers_as_graphql_core(query: str) -> None:
    fast, standard = both(query)
    assert fast == standard


def test_plain_fields_are_the_attributes_of_leaf_type() -> None:
    item_type = FAST._schema.get_type("Item")
    plain = plain_fields(item_type)  # type: ignore[arg-type]
    assert set(plain) == {"id", "score", "label", "kind", "count"}
    assert plain["label"][2] is False  # nullable
    assert plain["count"][2] is True


def test_the_fast_path_completes_plain_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = PlainFieldExecutor.complete_plain

    def spy(*args: Any) -> Any:
        calls.append(args[0].name)
        return original(*args)

    monkeypatch.setattr(PlainFieldExecutor, "complete_plain", staticmethod(spy))
    assert FAST.execute_sync("{ items { id label } }").data == {
        "items": [{"id": "a", "label": "A"}, {"id": "b", "label": None}]
    }
    assert calls == ["Item", "Item"]
