"""arXiv records mapped to the graph's rows: text, dates, categories, author ids, rejects."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from graph_service.ingest.arxiv import (
    ArxivPaper,
    author_id,
    category_node,
    node_label,
    parse_record,
    taxonomy,
)
from graph_service.ingest.openalex import RecordError

# The first record of the shared sample, as the snapshot writes it (kept here so the unit
# tests need no shared data).
FIRST = json.loads(
    r"""{"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan","title":"Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies","comments":"37 pages, 15 figures; published version","journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009","report-no":"ANL-HEP-PR-07-12","categories":"hep-ph","license":null,"abstract":"  A fully differential calculation in perturbative quantum chromodynamics is\npresented for the production of massive photon pairs at hadron colliders.\n","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],"update_date":"2008-11-26","authors_parsed":[["Bal\u00e1zs","C.",""],["Berger","E. L.",""],["Nadolsky","P. M.",""],["Yuan","C. -P.",""]]}"""  # noqa: E501
)


def record(**changes: Any) -> dict[str, Any]:
    return {**FIRST, **changes}


def test_a_real_record_maps_field_by_field() -> None:
    paper = parse_record(FIRST)
    assert (paper.id, paper.arxiv_id, paper.updated) == (
        "arXiv:0704.0001",
        "0704.0001",
        "2008-11-26",
    )
    fields = paper.fields
    assert fields["title"] == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert fields["abstract"] == (
        "A fully differential calculation in perturbative quantum chromodynamics is presented "
        "for the production of massive photon pairs at hadron colliders."
    )
    # The first version's date, not the update's.
    assert (fields["publicationDate"], fields["year"]) == ("2007-04-02", 2007)
    assert fields["doi"] == "10.1103/physrevd.76.013009"
    assert (fields["landingPageUrl"], fields["pdfUrl"]) == (
        "https://arxiv.org/abs/0704.0001",
        "https://arxiv.org/pdf/0704.0001",
    )
    assert paper.props == {
        "journalRef": "Phys.Rev.D76:013009,2007",
        "arxivComments": "37 pages, 15 figures; published version",
        "arxivVersions": 2,
        "license": None,
        "primaryCategory": "hep-ph",
        "categories": ["hep-ph"],
    }
    assert [a["name"] for a in paper.authors] == [
        "C. Balázs",
        "E. L. Berger",
        "P. M. Nadolsky",
        "C. -P. Yuan",
    ]
    assert [a["position"] for a in paper.authors] == [1, 2, 3, 4]
    assert all(re.fullmatch(r"X\d{16}", a["id"]) for a in paper.authors)


def test_categories_are_a_hierarchy_with_official_names() -> None:
    paper = parse_record(record(categories="cs.LG stat.ML cs.LG"))
    assert paper.categories == [
        {"id": "cs.LG", "primary": True, "score": 1.0},
        {"id": "stat.ML", "primary": False, "score": 0.5},
    ]
    assert paper.category_nodes == {
        "cs.LG": {"id": "cs.LG", "name": "Machine Learning", "level": 1, "parent": "cs"},
        "cs": {"id": "cs", "name": "Computer Science", "level": 0, "parent": None},
        "stat.ML": {"id": "stat.ML", "name": "Machine Learning", "level": 1, "parent": "stat"},
        "stat": {"id": "stat", "name": "Statistics", "level": 0, "parent": None},
    }
    # An archive that is its own category; a category the taxonomy does not know yet.
    assert category_node("hep-th") == {
        "id": "hep-th",
        "name": "High Energy Physics - Theory",
        "level": 0,
        "parent": None,
    }
    assert category_node("cs.ZZ")["name"] == "cs.ZZ"
    assert {"cs.CR", "cs.CV", "cs.SE", "astro-ph.GA", "solv-int"} <= taxonomy().keys()


def test_author_ids_are_stable_and_ignore_accents_case_and_marks() -> None:
    assert author_id("Kaâniche", "Mohamed") == author_id("Kaaniche", "Mohamed")
    assert author_id("Marwala**", "Tshilidzi") == author_id("MARWALA", "tshilidzi")
    # A different spelling of the first name is a different author: nothing is guessed.
    assert author_id("Marwala", "T.") != author_id("Marwala", "Tshilidzi")
    assert author_id("Smith", "J.", "Jr") != author_id("Smith", "J.")
    # Fixed forever: reloading a snapshot next year must give the same ids.
    assert author_id("Balázs", "C.") == "X9641987029702719"


def test_authors_keep_byline_order_affiliations_and_appear_once() -> None:
    paper = parse_record(
        record(
            authors_parsed=[
                ["Mishchenko", "A. S.", "", "1 and 2"],
                ["Nagaosa", "N.", ""],
                ["Mishchenko", "A. S.", ""],
                ["", "", ""],
            ]
        )
    )
    assert [(a["name"], a["position"], a["affiliation"]) for a in paper.authors] == [
        ("A. S. Mishchenko", 1, "1 and 2"),
        ("N. Nagaosa", 2, None),
    ]
    # Without `authors_parsed`, the `authors` line is split.
    fallback = parse_record(record(authors_parsed=None, authors="Ileana Streinu and Louis Theran"))
    assert [a["name"] for a in fallback.authors] == ["Ileana Streinu", "Louis Theran"]


def test_code_links_come_from_the_abstract_and_the_comments() -> None:
    paper = parse_record(
        record(
            abstract="Our tool (https://github.com/org/tool.git).",
            comments="12 pages. Code: https://gitlab.com/group/other/-/tree/main",
        )
    )
    assert paper.fields["codeUrls"] == [
        "https://github.com/org/tool",
        "https://gitlab.com/group/other",
    ]


def test_old_style_ids_drop_the_subject_class() -> None:
    paper = parse_record(record(id="math.AG/0601001", categories="math.AG"))
    assert (paper.id, paper.arxiv_id) == ("arXiv:math/0601001", "math/0601001")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("arXiv:0704.0001", ("Paper", "arXiv:0704.0001")),
        ("0704.0001", ("Paper", "arXiv:0704.0001")),
        ("https://arxiv.org/abs/0704.0001v3", ("Paper", "arXiv:0704.0001")),
        ("10.48550/arXiv.0704.0001", ("Paper", "arXiv:0704.0001")),
        ("hep-th/0703123", ("Paper", "arXiv:hep-th/0703123")),
        ("X0123456789012345", ("Author", "X0123456789012345")),
        ("cs.LG", ("Topic", "cs.LG")),
        ("hep-th", ("Topic", "hep-th")),
        ("W2105824687", None),
        ("X123", None),
        ("", None),
    ],
)
def test_node_labels_of_arxiv_ids(value: str, expected: tuple[str, str] | None) -> None:
    assert node_label(value) == expected


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"id": None}, "id is missing"),
        ({"id": "W123"}, "id 'W123' is not an arXiv identifier"),
        ({"title": "  \n "}, "title is empty"),
        ({"title": 5}, "title is int, expected str"),
        ({"versions": []}, "versions must be a non-empty list"),
        ({"versions": [{"version": "v1", "created": "yesterday"}]}, "is not a date"),
        ({"categories": ""}, "categories is empty"),
        ({"categories": "cs.LG CS"}, "category 'CS' is not an arXiv category"),
        ({"update_date": "26/11/2008"}, "update_date '26/11/2008' is not YYYY-MM-DD"),
        ({"authors_parsed": [["A", 1]]}, "authors_parsed[0] is not a list of names"),
    ],
)
def test_bad_records_are_refused_with_a_reason(changes: dict[str, Any], reason: str) -> None:
    with pytest.raises(RecordError, match=re.escape(reason)):
        parse_record(record(**changes))


def test_versions_without_a_v1_take_the_earliest() -> None:
    versions = [
        {"version": "v3", "created": "Tue, 24 Jul 2007 20:10:27 GMT"},
        {"version": "v2", "created": "Sat, 31 Mar 2007 02:26:18 GMT"},
    ]
    assert parse_record(record(versions=versions)).fields["publicationDate"] == "2007-03-31"


@pytest.mark.shared_data
def test_every_record_of_the_sample_maps(shared_data: Path) -> None:
    lines = (shared_data / "arxiv" / "arxiv-metadata-sample.jsonl").read_text().splitlines()
    papers: list[ArxivPaper] = [parse_record(json.loads(line)) for line in lines]
    assert len({p.id for p in papers}) == len(lines) == 1096
    # Every category of the sample is in the taxonomy, so every one has its official name.
    assert all(c["id"] in taxonomy() for p in papers for c in p.categories)
    assert all("\n" not in (p.fields["abstract"] or "") for p in papers)
    dates = sorted(p.fields["publicationDate"] for p in papers)
    assert (dates[0], dates[-1]) == ("2007-03-31", "2007-09-16")
