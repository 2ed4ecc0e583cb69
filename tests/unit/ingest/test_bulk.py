"""The bulk import's derived values (sql/bulk/ in DuckDB) against the hand-checked reference,
and the h-index's edges: the same reference the online refresh is held to."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from graph_service.devdata import generator
from graph_service.ingest.bulk import BulkImport
from graph_service.localneo4j.server import LocalServer
from tests.support.reference import (
    AFFILIATIONS,
    CAPPED_COLLABORATIONS,
    COAUTHOR_CAP,
    COLLABORATIONS,
    RECORDS,
    TOTALS,
    Span,
    Totals,
    work,
)


def converted(
    tmp_path: Path, records: list[Any], cap: int = 100
) -> dict[str, list[dict[str, str]]]:
    """The records through the bulk conversion (one process): its CSV files' rows by name."""
    source = tmp_path / "works.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    folder = tmp_path / "csv"
    bulk = BulkImport(LocalServer(tmp_path / "home"), folder, coauthor_cap=cap, workers=1)
    report = bulk.convert([source])
    assert report.rejected == []
    return {path.stem: rows_of(path) for path in folder.glob("*.csv")}


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _year(cell: str) -> int | None:
    return int(cell) if cell else None


def totals(files: dict[str, list[dict[str, str]]]) -> dict[str, Totals]:
    return {
        r["id:ID(Author)"]: Totals(
            int(r["worksCount:int"]), int(r["citationCount:int"]), int(r["hIndex:int"])
        )
        for r in files["authors"]
    }


def spans(rows: list[dict[str, str]], works: str) -> dict[tuple[str, str], Span]:
    return {
        (r[":START_ID(Author)"], r[next(k for k in r if k.startswith(":END_ID"))]): Span(
            int(r[works]), _year(r["firstYear:int"]), _year(r["lastYear:int"])
        )
        for r in rows
    }


def test_totals_affiliations_and_pairs_are_the_reference(tmp_path: Path) -> None:
    files = converted(tmp_path, RECORDS)
    assert totals(files) == TOTALS
    assert spans(files["affiliated_with"], "papers:int") == AFFILIATIONS
    # Keyed lower id first.
    assert spans(files["collaborates_with"], "sharedWorks:int") == COLLABORATIONS


def test_a_work_of_more_authors_than_the_cap_makes_no_pairs(tmp_path: Path) -> None:
    files = converted(tmp_path, RECORDS, cap=COAUTHOR_CAP)
    assert spans(files["collaborates_with"], "sharedWorks:int") == CAPPED_COLLABORATIONS
    # Its authors keep it in their totals.
    assert totals(files) == TOTALS


def test_a_work_counts_once_however_often_it_is_listed(tmp_path: Path) -> None:
    files = converted(tmp_path, RECORDS + RECORDS)
    assert totals(files) == TOTALS
    assert spans(files["affiliated_with"], "papers:int") == AFFILIATIONS
    assert spans(files["collaborates_with"], "sharedWorks:int") == COLLABORATIONS


@pytest.mark.parametrize(
    ("citations", "h"),
    [([0, 0], 0), ([1], 1), ([3, 0, 6, 1, 5], 3), ([10, 10, 10], 3), ([4, 4, 4, 4], 4)],
)
def test_h_index(tmp_path: Path, citations: list[int], h: int) -> None:
    records = [work(f"W{n + 1}", 2020, cites, [("A1", [])]) for n, cites in enumerate(citations)]
    assert totals(converted(tmp_path, records))["A1"].h_index == h


def test_the_newest_record_wins_and_names_follow_the_last_work(tmp_path: Path) -> None:
    old = work("W1", 2019, 10, [("A1", ["I1"])])
    new = {**work("W1", 2019, 12, [("A1", ["I1"])]), "updated_date": "2025-01-01"}
    stale = {**work("W1", 2019, 99, [("A1", [])]), "updated_date": "2020-01-01"}
    renamed = work("W2", 2020, 1, [("A1", [])])
    renamed["authorships"][0]["author"]["display_name"] = "A. One"
    files = converted(tmp_path, [old, new, stale, renamed])
    (paper,) = [p for p in files["papers"] if p["id:ID(Paper)"] == "W1"]
    assert paper["citedByCount:int"] == "12"
    (author,) = files["authors"]
    assert author["name"] == "A. One"
    assert (author["worksCount:int"], author["citationCount:int"]) == ("2", "13")


@pytest.mark.scale
def test_similarity_lists_made_in_small_blocks_equal_those_made_in_one(tmp_path: Path) -> None:
    source = tmp_path / "works.jsonl.gz"
    generator.write(source, 400, seed=3)
    made = {}
    for rows in (10**9, 500):
        folder = tmp_path / f"csv-{rows}"
        bulk = BulkImport(LocalServer(tmp_path / "home"), folder, workers=1, list_block_rows=rows)
        bulk.convert([source])
        made[rows] = sorted(map(tuple, (r.values() for r in rows_of(folder / "similar_to.csv"))))
    assert len(made[10**9]) > 1000
    assert made[500] == made[10**9]
