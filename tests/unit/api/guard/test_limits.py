"""Document limits and operation cost: linear in the document, whatever its fragments do."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from graphql import get_introspection_query, parse, validate

from graph_service.api import build_schema
from graph_service.api.guard import limits
from graph_service.api.guard.cost import operation_cost
from graph_service.api.guard.limits import MAX_FIELDS, MAX_REPEATS, LimitExceeded, check_document
from graph_service.settings import DEFAULT_COST_BUDGET
from tests.support.documents import AMPLIFIER, fragment_bomb
from tests.support.project import ROOT

SCHEMA = build_schema()._schema
WEB = ROOT / "web"


def alias_bomb(levels: int) -> str:
    """Three aliases per level, each spreading the level below: 3^levels aliases."""
    parts = ["fragment G0 on Topic { name }"]
    parts += [
        f"fragment G{i} on Topic {{ a: parent {{ ...G{i - 1} }} b: parent {{ ...G{i - 1} }} "
        f"c: parent {{ ...G{i - 1} }} }}"
        for i in range(1, levels + 1)
    ]
    return f'{{ topic(id: "T1") {{ ...G{levels} }} }} ' + " ".join(parts)


class Walk:
    """Counts the selection sets the limit checks visit; stops a walk longer than its budget."""

    def __init__(self) -> None:
        self.steps = 0
        self.budget = 0

    def counted(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            self.steps += 1
            # An exponential walk would take hours: fail it here instead of waiting.
            assert self.steps <= self.budget, f"walked more than {self.budget:,} selection sets"
            return function(*args, **kwargs)

        return step


@pytest.fixture
def walk(monkeypatch: pytest.MonkeyPatch) -> Walk:
    walk = Walk()
    monkeypatch.setattr(limits.Shapes, "of", walk.counted(limits.Shapes.of))
    monkeypatch.setattr(limits, "count_repeats", walk.counted(limits.count_repeats))
    return walk


def rejected_linearly(document: str, walk: Walk) -> str:
    """Refused after a walk no longer than the document's text, however much it expands to."""
    walk.steps, walk.budget = 0, len(document)
    with pytest.raises(LimitExceeded) as caught:
        check_document(parse(document))
    assert walk.steps > 0
    return str(caught.value)


def test_a_fragment_bomb_of_2_to_the_30_is_refused_without_walking_it(walk: Walk) -> None:
    message = rejected_linearly(fragment_bomb(30), walk)
    assert "2,147,483,648 fields" in message
    assert f"allowed: {MAX_FIELDS:,}" in message


def test_aliases_counted_through_fragments_are_refused_without_walking_it(walk: Walk) -> None:
    # Depth stays legal for a few levels; the aliases (3 + 9 + 27 + ...) do not.
    message = rejected_linearly(alias_bomb(4), walk)
    assert "aliases" in message
    # 3^30 aliases: refused by depth or aliases, never by walking them.
    rejected_linearly(alias_bomb(30), walk)
    # 2^30 aliases without any depth: one aliased field, its fragment spread twice per level.
    flat = fragment_bomb(30).replace("{ serverInfo { name } }", "{ a: serverInfo { name } }")
    assert "1,073,741,824 aliases" in rejected_linearly(flat, walk)


def test_depth_is_measured_through_fragments_once(walk: Walk) -> None:
    chain = ["fragment D0 on Topic { name }"]
    chain += [f"fragment D{i} on Topic {{ parent {{ ...D{i - 1} }} }}" for i in range(1, 14)]
    message = rejected_linearly('{ topic(id: "T1") { ...D13 } } ' + " ".join(chain), walk)
    assert "exceeds maximum operation depth of 12" in message


def test_repeated_fields_are_bounded_before_the_quadratic_merge_rule(walk: Walk) -> None:
    repeated = "{ " + "serverInfo { name } " * (MAX_REPEATS + 1) + "}"
    assert "selected more than" in rejected_linearly(repeated, walk)
    # Repeats merge across sibling selections: 3 works x 3 titles make 9 titles in one set.
    nested = '{ author(id: "A1") { ' + "works { nodes { title } } " * 3 + "} }"
    check_document(parse(nested.replace("{ title }", "{ " + "title " * 3 + "}")))
    four = nested.replace("{ title }", "{ " + "title " * 4 + "}")
    assert "'author.works.nodes.title'" in rejected_linearly(four, walk)
    # 6 authors with 2 works each make 12 works in one merged set.
    deeper = "{ " + ('author(id: "A1") { ' + "works { nodes { title } } " * 2 + "} ") * 6 + "}"
    assert "'author.works'" in rejected_linearly(deeper, walk)


def test_unused_fragments_are_refused_before_they_are_measured(walk: Walk) -> None:
    assert "never used" in rejected_linearly(
        "{ serverInfo { name } } " + fragment_bomb(30).split(" ", 3)[3], walk
    )


def test_introspection_and_the_shipped_operations_are_within_the_limits() -> None:
    check_document(parse(get_introspection_query()))
    for document in operations():
        check_document(parse(document))


def operations() -> list[str]:
    """The GraphQL documents the pages and GraphiQL send, read from their sources, with the
    paper lists' shared fields written in; each is valid against the schema."""
    sources = [*sorted((WEB / "src").rglob("*.js")), WEB / "src" / "graphiql.jsx"]
    texts = {str(path.relative_to(WEB)): path.read_text(encoding="utf-8") for path in sources}
    item = re.search(r"export const PAPER_ITEM = `([^`]*)`", texts["src/components/paperlist.js"])
    assert item is not None
    found = []
    for text in texts.values():
        for document in re.findall(r"`((?:#[^\n]*\n)?query[^`]*\{[^`]*)`", text):
            document = document.replace("${PAPER_ITEM}", item.group(1))
            assert "${" not in document, document
            assert validate(SCHEMA, parse(document)) == [], document
            found.append(document)
    assert len(found) >= 19
    return found


def cost(document: str, variables: dict[str, Any] | None = None, name: str | None = None) -> int:
    return operation_cost(SCHEMA, parse(document), name, variables)


def test_costs_multiply_down_the_nesting_and_add_over_aliases() -> None:
    assert cost("{ serverInfo { name version } }") == 1
    assert cost('{ author(id: "A1") { name } }') == 1
    # 1 author + a connection + 20 works (the default page) + 20 x 10 authorships (a list
    # without a size argument counts 10) + 200 authors.
    works = '{ author(id: "A1") { works { nodes { authorships { author { name } } } } } }'
    assert cost(works) == 1 + 1 + 20 + 20 * (10 + 10 * 1)
    assert cost(works.replace("works {", "works(first: 5) {")) == 1 + 1 + 5 + 5 * (10 + 10)
    twice = '{ a: author(id: "A1") { name } b: author(id: "A2") { name } }'
    assert cost(twice) == 2
    # Variables count as given, else as their default, else as the argument's default.
    query = 'query($n: Int = 7) { author(id: "A1") { works(first: $n) { nodes { id } } } }'
    assert cost(query) == 1 + 1 + 7
    assert cost(query, {"n": 50}) == 1 + 1 + 50
    assert cost('{ nodes(ids: ["A1", "A2", "A3"]) { id } }') == 3


def test_a_slice_costs_its_limit_and_its_expansion() -> None:
    query = (
        'query($d: Int!, $l: Int!, $p: Int!) { neighborhood(id: "A1", depth: $d, limit: $l, '
        "perNodeLimit: $p) { nodes { id label } edges { id } } }"
    )
    # limit + depth x perNodeLimit for the statement, limit for nodes and for edges.
    assert cost(query, {"d": 2, "l": 150, "p": 15}) == 150 + 2 * 15 + 150 + 150
    assert cost(query, {"d": 3, "l": 500, "p": 100}) == 500 + 300 + 500 + 500


def test_fragments_cost_what_their_spreads_would() -> None:
    spread = (
        "fragment P on PaperConnection { nodes { authorships { author { name } } } } "
        '{ author(id: "A1") { works(first: 3) { ...P } } }'
    )
    inline = (
        '{ author(id: "A1") { works(first: 3) { nodes { authorships { author { name } } } } } }'
    )
    assert cost(spread) == cost(inline) == 1 + 1 + 3 + 3 * 20


def test_the_amplifying_query_is_far_over_the_budget_and_shipped_ones_far_under() -> None:
    assert cost(AMPLIFIER) > 1000 * DEFAULT_COST_BUDGET
    assert cost("{ a: " + AMPLIFIER[2:-1] + " b: " + AMPLIFIER[2:-1] + " }") == 2 * cost(AMPLIFIER)
    most = {"depth": 3, "limit": 500, "per": 100, "projection": "FULL", "id": "A1"}
    for document in operations():
        assert cost(document, most) <= DEFAULT_COST_BUDGET / 5, document
    assert cost(get_introspection_query()) == 0
