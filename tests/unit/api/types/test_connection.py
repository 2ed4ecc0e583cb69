"""Keyset cursors: opaque, bound to their list, refused when forged."""

from __future__ import annotations

import base64

import pytest

from graph_service.api.types.connection import ahead, decode_cursor, encode_cursor
from graph_service.errors import InvalidInput


def test_a_cursor_round_trips_its_sort_key() -> None:
    cursor = encode_cursor("page_paper_cited_by", [-12, -2020, "W2105824687"])
    assert "=" not in cursor
    assert decode_cursor("page_paper_cited_by", cursor) == [-12, -2020, "W2105824687"]
    assert decode_cursor("page_paper_cited_by", None) is None


def test_unicode_and_floats_survive() -> None:
    key = [-0.75, -3, "Zoë Ångström"]
    assert decode_cursor("k", encode_cursor("k", key)) == key
    related = ["co_citation", -0.5, "W1"]
    assert decode_cursor("page_paper_related", encode_cursor("page_paper_related", related))


def test_a_cursor_of_another_list_is_refused() -> None:
    cursor = encode_cursor("page_topic_works", [1, 2, "W1"])
    with pytest.raises(InvalidInput, match="not a cursor of this list") as refused:
        decode_cursor("page_paper_cited_by", cursor)
    # The message names no statement (the list's kind is one).
    assert "page_" not in str(refused.value)


@pytest.mark.parametrize(
    "forged",
    [
        "not base64 at all!",
        base64.urlsafe_b64encode(b"{}").decode(),
        base64.urlsafe_b64encode(b'["k"]').decode(),
        base64.urlsafe_b64encode(b'["k", {"a": 1}]').decode(),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
        # The right list, the wrong shape: Cypher would compare it as null (an empty page).
        encode_cursor("k", ["x", 5, "W1"]),
        encode_cursor("k", [1, "W1"]),
        encode_cursor("k", [1, 2, 3]),
        encode_cursor("k", [True, 2, "W1"]),
        # Integers Neo4j cannot hold, and JSON nested past Python's recursion.
        encode_cursor("k", [2**64, 1, "W1"]),
        base64.urlsafe_b64encode(b'["k", ' + b"[" * 5000 + b"]" * 5000 + b"]").decode(),
        "A" * 5000,
    ],
)
def test_forged_cursors_are_refused(forged: str) -> None:
    with pytest.raises(InvalidInput, match="after is not a cursor"):
        decode_cursor("k", forged)


def test_a_page_asks_for_one_more_row() -> None:
    assert ahead(20) == 21
