"""Slice parameters: one builder for the resolver, the warm-up and the benchmarks."""

from __future__ import annotations

from graph_service.api.resolvers.slices import (
    EARLIEST_YEAR,
    FULL_RELATIONSHIPS,
    LATEST_YEAR,
    SCAN_LIMIT,
    slice_parameters,
)
from graph_service.api.resolvers.warmup import unmatched_id
from graph_service.api.types.node import NodeType
from graph_service.api.types.slice import Projection, RelationshipType
from graph_service.db.statements import LABELS
from graph_service.ingest.hubs import listed_kinds


def test_defaults_are_the_full_graph() -> None:
    assert slice_parameters("A1") == {
        "center": "A1",
        "depth": 1,
        "limit": 50,
        "perNodeLimit": 25,
        "scanLimit": SCAN_LIMIT,
        "relTypes": FULL_RELATIONSHIPS,
        "nodeTypes": list(LABELS),
        "listed": listed_kinds(FULL_RELATIONSHIPS, list(LABELS)),
        "byYear": False,
        "yearFrom": EARLIEST_YEAR,
        "yearTo": LATEST_YEAR,
    }
    assert "COLLABORATES_WITH" not in FULL_RELATIONSHIPS


def test_filters_pass_through() -> None:
    built = slice_parameters(
        "W9",
        depth=2,
        limit=10,
        per_node_limit=3,
        node_types=[NodeType.PAPER],
        relationship_types=[RelationshipType.CITES],
        year_from=2000,
        year_to=2010,
    )
    assert (built["depth"], built["limit"], built["perNodeLimit"]) == (2, 10, 3)
    assert (built["nodeTypes"], built["relTypes"]) == (["Paper"], ["CITES"])
    assert (built["byYear"], built["yearFrom"], built["yearTo"]) == (True, 2000, 2010)
    # A paper's citations both ways, ranked ahead where it is a hub.
    assert [(k["kind"], k["key"]) for k in built["listed"]] == [
        ("CITES>", "top_CITES_out"),
        ("CITES<", "top_CITES_in"),
    ]


def test_a_hubs_lists_are_read_only_for_what_the_slice_shows() -> None:
    # Authors' institutions are not listed when institutions are left out; a topic's papers
    # are, whatever the centre, since the statement tests each node for a list.
    built = slice_parameters(
        "A1",
        node_types=[NodeType.AUTHOR, NodeType.PAPER],
        relationship_types=[RelationshipType.AFFILIATED_WITH, RelationshipType.HAS_TOPIC],
    )
    assert [k["kind"] for k in built["listed"]] == ["HAS_TOPIC<", "AFFILIATED_WITH<"]
    assert all(set(k) == {"key", "kind", "type", "out"} for k in built["listed"])
    assert {
        (k["type"], k["out"])
        for k in listed_kinds([r.value for r in RelationshipType], list(LABELS))
    } == {(t, out) for t in [r.value for r in RelationshipType] for out in (True, False)}


def test_the_collaboration_projection_is_people_and_shared_works_only() -> None:
    built = slice_parameters("A1", node_types=[NodeType.PAPER], projection=Projection.COLLABORATION)
    assert built["relTypes"] == ["COLLABORATES_WITH"]
    assert built["nodeTypes"] == ["Author"]


def test_warm_up_ids_match_nothing_and_are_as_long_as_the_graphs() -> None:
    # Neo4j keeps one plan per length class of a string parameter: the warm-up's ids must fall
    # in the class of the ids requests send, and never name a node.
    for real in ("A5023888391", "I136199984", "T10001"):
        warm = unmatched_id(real)
        assert len(warm) == len(real)
        assert not any(c.isalnum() for c in warm)
    assert len(unmatched_id(None)) == 11  # an empty graph: OpenAlex's usual length


def test_year_bounds_are_always_integers_a_missing_one_at_its_extreme() -> None:
    # Neo4j plans null and integer parameters apart: with both bounds always of one type, a
    # slice shape has one plan with or without a year filter, not four.
    only_from = slice_parameters("A1", year_from=2005)
    only_to = slice_parameters("A1", year_to=2015)
    unfiltered = slice_parameters("A1")
    assert (only_from["byYear"], only_from["yearFrom"], only_from["yearTo"]) == (
        True,
        2005,
        LATEST_YEAR,
    )
    assert (only_to["byYear"], only_to["yearFrom"], only_to["yearTo"]) == (
        True,
        EARLIEST_YEAR,
        2015,
    )
    assert (unfiltered["byYear"], unfiltered["yearFrom"], unfiltered["yearTo"]) == (
        False,
        EARLIEST_YEAR,
        LATEST_YEAR,
    )
