"""A small set of works whose authors' derived values were worked out by hand: the reference
both the bulk import's statements (`sql/bulk/`) and the online refresh
(`refresh_authors.cypher`) must give.

    W1 2019, 10 citations: A1 (I1), A2 (I1, I2)
    W2 2021,  3 citations: A1 (I2), A3
    W3 2020,  5 citations: A1 (I1), A2, A3
    W4 no year, 0 citations: A2 (I2)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Totals:
    """An author's works, the citations they have, and the h-index."""

    works: int
    citations: int
    h_index: int


@dataclass(frozen=True)
class Span:
    """Works shared (with an institution or a co-author) and the years they cover; a year is
    None when no such work has one."""

    works: int
    first_year: int | None
    last_year: int | None


def work(id: str, year: int | None, cites: int, authors: list[tuple[str, list[str]]]) -> Any:
    return {
        "id": f"https://openalex.org/{id}",
        "title": f"Work {id}",
        "publication_year": year,
        "cited_by_count": cites,
        "updated_date": "2024-01-01",
        "authorships": [
            {
                "author": {"id": f"https://openalex.org/{author}", "display_name": author},
                "institutions": [
                    {"id": f"https://openalex.org/{i}", "display_name": i} for i in institutions
                ],
            }
            for author, institutions in authors
        ],
    }


RECORDS = [
    work("W1", 2019, 10, [("A1", ["I1"]), ("A2", ["I1", "I2"])]),
    work("W2", 2021, 3, [("A1", ["I2"]), ("A3", [])]),
    work("W3", 2020, 5, [("A1", ["I1"]), ("A2", []), ("A3", [])]),
    work("W4", None, 0, [("A2", ["I2"])]),
]

# A1: 10, 5, 3 -> h 3. A2: 10, 5, 0 -> h 2. A3: 5, 3 -> h 2.
TOTALS = {
    "A1": Totals(works=3, citations=18, h_index=3),
    "A2": Totals(works=3, citations=15, h_index=2),
    "A3": Totals(works=2, citations=8, h_index=2),
}
# W4 has no year: it counts as a work but leaves the years alone.
AFFILIATIONS = {
    ("A1", "I1"): Span(works=2, first_year=2019, last_year=2020),
    ("A1", "I2"): Span(works=1, first_year=2021, last_year=2021),
    ("A2", "I1"): Span(works=1, first_year=2019, last_year=2019),
    ("A2", "I2"): Span(works=2, first_year=2019, last_year=2019),
}
COLLABORATIONS = {
    ("A1", "A2"): Span(works=2, first_year=2019, last_year=2020),
    ("A1", "A3"): Span(works=2, first_year=2020, last_year=2021),
    ("A2", "A3"): Span(works=1, first_year=2020, last_year=2020),
}
# With at most two authors per work making pairs, W3 (three authors) makes none.
COAUTHOR_CAP = 2
CAPPED_COLLABORATIONS = {
    ("A1", "A2"): Span(works=1, first_year=2019, last_year=2019),
    ("A1", "A3"): Span(works=1, first_year=2021, last_year=2021),
}
