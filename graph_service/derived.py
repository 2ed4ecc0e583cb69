"""Authors' derived values from their works: counts, citations and h-index, affiliations with
their years, and co-author pairs. The bulk import computes them here; the online path's
`cypher/refresh_authors.cypher` computes the same in Neo4j, and tests hold both to one
hand-checked reference."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from graph_service.openalex import Work
from graph_service.settings import COAUTHOR_CAP


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


def h_index(citations: Iterable[int]) -> int:
    """The largest h such that h works have at least h citations each."""
    ranked = sorted(citations, reverse=True)
    return sum(1 for rank, count in enumerate(ranked) if count > rank)


def totals(works: Iterable[Work]) -> dict[str, Totals]:
    """Each author's totals over the works that name them (once per work)."""
    counts: dict[str, list[int]] = {}
    for work in {work.id: work for work in works}.values():
        cites = int(work.props["citedByCount"] or 0)
        for author in {s["id"] for s in work.authorships}:
            counts.setdefault(author, []).append(cites)
    return {
        author: Totals(len(cites), sum(cites), h_index(cites)) for author, cites in counts.items()
    }


def affiliations(works: Iterable[Work]) -> dict[tuple[str, str], Span]:
    """(author, institution) for every institution an author gave on a work."""
    found: dict[tuple[str, str], list[Work]] = {}
    for work in works:
        for authorship in work.authorships:
            for institution in authorship["institutionIds"]:
                found.setdefault((authorship["id"], institution), []).append(work)
    return {key: _span(shared) for key, shared in found.items()}


def collaborations(works: Iterable[Work], cap: int = COAUTHOR_CAP) -> dict[tuple[str, str], Span]:
    """(lower id, higher id) for every two authors of one work of at most `cap` authors."""
    found: dict[tuple[str, str], list[Work]] = {}
    for work in works:
        authors = sorted({s["id"] for s in work.authorships})
        if len(authors) > cap:
            continue
        for pair in itertools.combinations(authors, 2):
            found.setdefault(pair, []).append(work)
    return {pair: _span(shared) for pair, shared in found.items()}


def _span(works: list[Work]) -> Span:
    distinct = {work.id: work for work in works}
    years = [w.props["year"] for w in distinct.values() if w.props["year"] is not None]
    return Span(
        works=len(distinct),
        first_year=int(min(years)) if years else None,
        last_year=int(max(years)) if years else None,
    )
