"""Authors' derived values against the hand-checked reference, and the h-index's edges."""

from __future__ import annotations

import pytest

from graph_service import derived
from graph_service.openalex import Work, parse_work
from tests.reference import (
    AFFILIATIONS,
    CAPPED_COLLABORATIONS,
    COAUTHOR_CAP,
    COLLABORATIONS,
    RECORDS,
    TOTALS,
)


def works() -> list[Work]:
    return [parse_work(record) for record in RECORDS]


@pytest.mark.parametrize(
    ("citations", "h"),
    [([], 0), ([0, 0], 0), ([1], 1), ([3, 0, 6, 1, 5], 3), ([10, 10, 10], 3), ([4, 4, 4, 4], 4)],
)
def test_h_index(citations: list[int], h: int) -> None:
    assert derived.h_index(citations) == h


def test_totals() -> None:
    assert derived.totals(works()) == TOTALS


def test_affiliations() -> None:
    assert derived.affiliations(works()) == AFFILIATIONS


def test_collaborations_are_keyed_lower_id_first() -> None:
    assert derived.collaborations(works()) == COLLABORATIONS


def test_a_work_of_more_authors_than_the_cap_makes_no_pairs() -> None:
    assert derived.collaborations(works(), COAUTHOR_CAP) == CAPPED_COLLABORATIONS
    # Its authors keep it in their totals.
    assert derived.totals(works()) == TOTALS


def test_a_work_counts_once_however_it_is_listed() -> None:
    twice = works() + works()
    assert derived.totals(twice) == TOTALS
    assert derived.affiliations(twice) == AFFILIATIONS
    assert derived.collaborations(twice) == COLLABORATIONS
