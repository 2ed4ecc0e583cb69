"""Every paper's similarity list at once, from the citations as sparse matrices: the values
`refresh_similarity.cypher` makes one paper at a time, for a whole graph in seconds.

With A the citation matrix (A[w, q] = 1 when w cites q), the works both p and q cite are
(A'A'ᵀ)[p, q], where A' leaves out the references cited more than the hub cap, and the works
citing both are (B'ᵀB')[p, q], where B' leaves out the works citing more than it. The cosines
divide by the full counts, as the statement does, in the same double arithmetic, and ties
are broken by id as strings compare, so both give the same lists to the last bit.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

# Rows of the product made at once: bounds the memory of a chunk's candidate pairs.
CHUNK = 4096
# A related work OpenAlex lists counts as much as sharing one reference of ten each (a cosine
# of 0.1); OpenAlex gives no score of its own.
OPENALEX_WEIGHT = 0.1

Indices = npt.NDArray[np.int64]
Values = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Similar:
    """One paper's list: the papers it keeps and, for each, the three kinds and the score
    (a kind's value is 0.0 where the statement stores none)."""

    paper: int
    others: Indices
    co_citation: Values
    coupling: Values
    listed: npt.NDArray[np.bool_]
    score: Values


class Citations:
    """A graph's citations and related works gathered for `similar_lists`: each paper is
    given its index where it is first seen, as a paper, a reference or a related work."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self._citing, self._cited = array("q"), array("q")
        self._related: dict[int, list[int]] = {}

    def _at(self, paper: str) -> int:
        return self.index.setdefault(paper, len(self.index))

    def add(self, paper: str, references: Iterable[str], related: Iterable[str] = ()) -> None:
        """`paper` cites `references`; `related` are the papers its record lists as related
        that the graph holds (the caller leaves out the others)."""
        at = self._at(paper)
        for reference in references:
            self._citing.append(at)
            self._cited.append(self._at(reference))
        if listed := [self._at(other) for other in related]:
            self._related[at] = listed

    @property
    def ids(self) -> list[str]:
        """Each index's paper id."""
        return list(self.index)

    def lists(
        self, top_k: int, hub_cap: int, openalex_weight: float = OPENALEX_WEIGHT
    ) -> Iterator[Similar]:
        """Every list, as `similar_lists` makes them, over the papers added so far."""
        ids = self.ids
        return similar_lists(
            len(ids),
            np.frombuffer(self._citing, dtype=np.int64),
            np.frombuffer(self._cited, dtype=np.int64),
            [self._related.get(paper, []) for paper in range(len(ids))],
            id_rank(ids),
            top_k,
            hub_cap,
            openalex_weight,
        )


def id_rank(ids: Sequence[str]) -> Indices:
    """The position of each id in string order, the statement's tie-break."""
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)] = np.arange(
        len(ids)
    )
    return rank


def similar_lists(
    n: int,
    citing: npt.NDArray[np.integer[Any]],
    cited: npt.NDArray[np.integer[Any]],
    related: Sequence[Sequence[int]],
    rank: Indices,
    top_k: int,
    hub_cap: int,
    openalex_weight: float = OPENALEX_WEIGHT,
) -> Iterator[Similar]:
    """The list of every paper that has one. Papers are 0..n-1 and rank[p] is p's id's place
    in string order; (citing[i], cited[i]) is a citation; related[p] are the loaded papers
    p's record lists as related."""
    # Counts in float32 are exact (below 2**24) and halve the matrices' memory; the cosines
    # are taken in float64 as the statement's.
    a = sp.csr_matrix(
        (np.ones(len(citing), dtype=np.float32), (citing, cited)), shape=(n, n), dtype=np.float32
    )
    a.sum_duplicates()
    a.data[:] = 1.0
    references = np.asarray(a.sum(axis=1, dtype=np.float64), dtype=np.float64).ravel()
    citers = np.asarray(a.sum(axis=0, dtype=np.float64), dtype=np.float64).ravel()
    shared_references = (a @ sp.diags((citers <= hub_cap).astype(np.float32))).tocsr()
    shared_references.eliminate_zeros()
    shared_citers = (sp.diags((references <= hub_cap).astype(np.float32)) @ a).tocsr()
    shared_citers.eliminate_zeros()
    del a
    shared_references_t = shared_references.T.tocsr()
    shared_citers_t = shared_citers.T.tocsr()
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        coupled = (shared_references[start:stop] @ shared_references_t).tocsr()
        co_cited = (shared_citers_t[start:stop] @ shared_citers).tocsr()
        for row in range(stop - start):
            paper = start + row
            listed = np.unique(np.asarray(related[paper], dtype=np.int64))
            found = _one(
                paper,
                _row(co_cited, row),
                _row(coupled, row),
                listed[listed != paper],
                citers,
                references,
                rank,
                top_k,
                openalex_weight,
            )
            if found is not None:
                yield found


def _row(matrix: sp.csr_matrix, row: int) -> tuple[Indices, Values]:
    begin, end = matrix.indptr[row], matrix.indptr[row + 1]
    return matrix.indices[begin:end].astype(np.int64), matrix.data[begin:end].astype(np.float64)


def _one(
    paper: int,
    co_cited: tuple[Indices, Values],
    coupled: tuple[Indices, Values],
    listed: Indices,
    citers: Values,
    references: Values,
    rank: Indices,
    top_k: int,
    openalex_weight: float,
) -> Similar | None:
    others = np.unique(np.concatenate([co_cited[0], coupled[0], listed]))
    others = others[others != paper]
    if not len(others):
        return None
    co_citation = _cosine(paper, others, co_cited, citers)
    coupling = _cosine(paper, others, coupled, references)
    is_listed = np.isin(others, listed)
    keep = (
        is_listed | _best(others, co_citation, rank, top_k) | _best(others, coupling, rank, top_k)
    )
    if not keep.any():
        return None
    others, co_citation, coupling, is_listed = (
        others[keep],
        co_citation[keep],
        coupling[keep],
        is_listed[keep],
    )
    weight = np.where(is_listed, openalex_weight, 0.0)
    score = 1 - (1 - co_citation) * (1 - coupling) * (1 - weight)
    return Similar(paper, others, co_citation, coupling, is_listed, score)


def _cosine(paper: int, others: Indices, counts: tuple[Indices, Values], degree: Values) -> Values:
    """count / sqrt(degree(paper) * degree(other)) for each other paper, 0.0 where none."""
    value = np.zeros(len(others), dtype=np.float64)
    where, count = counts
    mask = where != paper
    where, count = where[mask], count[mask]
    at = np.searchsorted(others, where)
    value[at] = count / np.sqrt(degree[paper] * degree[where])
    return value


def _best(others: Indices, value: Values, rank: Indices, top_k: int) -> npt.NDArray[np.bool_]:
    """The top_k others by value above zero, ties by id."""
    chosen = np.zeros(len(others), dtype=np.bool_)
    positive = np.flatnonzero(value > 0)
    order = np.lexsort((rank[others[positive]], -value[positive]))
    chosen[positive[order[:top_k]]] = True
    return chosen
