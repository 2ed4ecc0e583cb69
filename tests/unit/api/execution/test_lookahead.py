"""The profile look-ahead: what a query selects of an author, and the keys it primes (the
same the fields ask for, so each field is answered without a statement of its own)."""

from __future__ import annotations

import asyncio
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from graph_service.api.execution.batching import Batcher
from graph_service.api.execution.lookahead import Profile, prime, profile, profile_parameters
from graph_service.api.types.author import WorkOrder
from graph_service.db.statements import Statement


def field(name: str, *selections: Selection, **arguments: Any) -> SelectedField:
    return SelectedField(name, {}, arguments, list(selections))


def test_an_empty_profile_loads_nothing_ahead() -> None:
    assert not profile([field("id"), field("name")])


def test_the_first_pages_of_a_profile() -> None:
    wanted = profile(
        [
            field("institutions", field("firstYear")),
            field("topics", first="5"),
            field(
                "works",
                field("nodes", field("title"), field("authorships", field("position"))),
                first=10,
                orderBy=WorkOrder.MOST_CITED,
            ),
            field("collaborators", field("totalCount")),
        ]
    )
    assert wanted == Profile(
        affiliations=True,
        topics=5,
        works=10,
        works_statement=Statement.PAGE_AUTHOR_WORKS_MOST_CITED,
        authorships=True,
        paper_topics=False,
        collaborators=20,
    )


def test_fragments_are_looked_through() -> None:
    spread = FragmentSpread("F", "Author", {}, [field("topics")])
    inline = InlineFragment(
        "Author", [field("works", field("edges", field("node", field("topics"))))], {}
    )
    wanted = profile([spread, inline])
    assert (wanted.topics, wanted.works, wanted.paper_topics) == (10, 20, True)


def test_later_pages_and_bad_arguments_are_left_to_the_fields() -> None:
    wanted = profile(
        [
            field("works", first=20, after="cursor"),
            field("collaborators", first=1000),
            field("topics", first="-1"),
            field("institutions"),
        ]
    )
    assert (wanted.works, wanted.collaborators, wanted.topics) == (0, 0, 0)
    assert wanted.affiliations


def test_parameters_ask_one_row_more_per_page() -> None:
    parameters = profile_parameters("A1", Profile(works=20, collaborators=5))
    assert (parameters["works"], parameters["collaborators"], parameters["topics"]) == (21, 6, 0)
    assert parameters["mostCited"] is False


def test_primed_keys_are_the_ones_the_fields_ask_for() -> None:
    """Every field's own ask is answered from the primed cache: the repository is never
    asked (there is none), and an ask nothing primed is not in the cache."""
    wanted = Profile(affiliations=True, topics=5, works=20, authorships=True, collaborators=10)
    works = {"rows": [{"node": {"id": "W1"}, "authorships": ["a"], "topics": []}], "total": 1}
    found = {
        "author": {"id": "A1"},
        "affiliations": ["i"],
        "topics": ["t"],
        "works": works,
        "collaborators": {"rows": [], "total": 0},
    }

    async def asks() -> list[Any]:
        batcher = Batcher(repository=None)  # type: ignore[arg-type]
        prime(batcher, "A1", wanted, found)
        return [
            await batcher.get(Statement.GET_AUTHORS, "A1"),
            await batcher.get(Statement.GET_AUTHOR_AFFILIATIONS, "A1"),
            await batcher.get(Statement.GET_AUTHOR_TOPICS, "A1", first=5),
            await batcher.get(Statement.PAGE_AUTHOR_WORKS_NEWEST, "A1", after=None, first=21),
            await batcher.get(Statement.PAGE_AUTHOR_COLLABORATORS, "A1", after=None, first=11),
            await batcher.get(Statement.GET_PAPER_AUTHORSHIPS, "W1"),
        ]

    assert asyncio.run(asks()) == [
        {"id": "A1"},
        ["i"],
        ["t"],
        works,
        {"rows": [], "total": 0},
        ["a"],
    ]
