"""Abstracts, arXiv ids and code links, from the values real records carry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_service.ingest.content import abstract, arxiv_id, code_url, code_urls, normalise_space
from tests.support.records import invert


def test_an_abstract_is_rebuilt_word_by_word_in_order() -> None:
    # As OpenAlex ships it: repeated words hold several positions, keys in no useful order.
    index = {"the": [0, 4], "of": [3], "graph": [5], "Shape": [1], "matters": [6], "model": [2]}
    assert abstract(index) == "the Shape model of the graph matters"
    assert abstract(None) is None
    assert abstract({}) is None
    with pytest.raises(ValueError, match="not a list of positions"):
        abstract({"word": "3"})
    with pytest.raises(ValueError, match="not a list of positions"):
        abstract({"word": [True]})


@pytest.mark.shared_data
def test_real_abstracts_survive_the_round_trip(shared_data: Path) -> None:
    lines = (shared_data / "arxiv" / "arxiv-metadata-sample.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        text = normalise_space(record["abstract"])
        assert text
        assert abstract(invert(text)) == text, record["id"]


@pytest.mark.shared_data
def test_the_openalex_sample_ships_no_abstracts_and_none_are_made_up(shared_data: Path) -> None:
    path = shared_data / "openalex" / "works-sample-289.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == 289
    assert {abstract(r.get("abstract_inverted_index")) for r in records} == {None}


def test_whitespace_is_normalised_and_latex_left_as_written() -> None:
    raw = "  We study $\\alpha$-stable\n  processes and\tthe {\\it Ising} model.\n"
    assert normalise_space(raw) == "We study $\\alpha$-stable processes and the {\\it Ising} model."
    assert normalise_space("  \n ") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://arxiv.org/abs/2004.10934v3", "2004.10934"),
        ("http://arxiv.org/pdf/0704.0001", "0704.0001"),
        ("https://doi.org/10.48550/arXiv.2103.14030", "2103.14030"),
        ("10.48550/ARXIV.1706.03762", "1706.03762"),
        ("arXiv:hep-th/0703123", "hep-th/0703123"),
        ("https://arxiv.org/abs/math.AG/0601001", "math/0601001"),
        ("https://doi.org/10.1111/1468-2346.00131", None),
        ("https://www.biorxiv.org/content/10.1101/2020.01.01.123456v1", None),
        (None, None),
    ],
)
def test_arxiv_ids(value: str | None, expected: str | None) -> None:
    assert arxiv_id(value) == expected


# Sentences from real abstracts (arXiv id in the comment) and tricky neighbours.
CODE_SNIPPETS = [
    # YOLOv4, 2004.10934
    (
        "Source code is at https://github.com/AlexeyAB/darknet",
        ["https://github.com/AlexeyAB/darknet"],
    ),
    # Swin Transformer, 2103.14030: a LaTeX \url with a tie before it.
    (
        "Code and models are publicly available at~\\url{https://github.com/microsoft/Swin-Transformer}.",
        ["https://github.com/microsoft/Swin-Transformer"],
    ),
    # EfficientDet, 1911.09070: a path inside the repository names the repository.
    (
        "Code is available at https://github.com/google/automl/tree/master/efficientdet.",
        ["https://github.com/google/automl"],
    ),
    # DDPM, 2006.11239
    (
        "Our implementation is available at https://github.com/hojonathanho/diffusion",
        ["https://github.com/hojonathanho/diffusion"],
    ),
    # Without a scheme, in parentheses, with .git, twice (one repository).
    (
        "(see github.com/Org/Tool.git) and https://github.com/org/tool/.",
        ["https://github.com/Org/Tool"],
    ),
    (
        "Models: https://huggingface.co/bigscience/bloom and a demo at "
        "https://huggingface.co/spaces/user/demo-app; code on https://gitlab.com/grp/proj, "
        "https://bitbucket.org/team/repo and https://codeberg.org/who/what.",
        [
            "https://huggingface.co/bigscience/bloom",
            "https://huggingface.co/spaces/user/demo-app",
            "https://gitlab.com/grp/proj",
            "https://bitbucket.org/team/repo",
            "https://codeberg.org/who/what",
        ],
    ),
    # Zenodo: software when the sentence says so, data otherwise.
    (
        "The software is archived at https://zenodo.org/records/1234567. The light curves "
        "are at https://zenodo.org/record/7654321.",
        ["https://zenodo.org/records/1234567"],
    ),
    ("Our code: https://doi.org/10.5281/zenodo.999111", ["https://zenodo.org/records/999111"]),
    # Negatives: a paper, a dataset, a host's own pages, code elsewhere (real, 0704.0292).
    ("Published at http://dx.doi.org/10.1214/07-AAP481 in the Annals", []),
    ("Data at https://huggingface.co/datasets/squad and https://arxiv.org/abs/1706.03762", []),
    ("See https://github.com/features/actions and https://github.com/sponsors/x", []),
    ("the C++ implementation is available at http://projects.hepforge.org/siscone/", []),
    ("our page https://github.com/ only", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CODE_SNIPPETS)
def test_code_links_in_abstract_text(text: str, expected: list[str]) -> None:
    assert code_urls([text]) == expected


def test_code_links_in_locations() -> None:
    assert code_url("https://github.com/owner/repo/releases/tag/v1.0") == (
        "https://github.com/owner/repo"
    )
    assert code_url("https://doi.org/10.1111/1468-2346.00131") is None
    assert code_urls([None, "https://GitHub.com/a/b", "http://www.github.com/A/B"]) == [
        "https://github.com/a/b"
    ]


@pytest.mark.shared_data
def test_no_code_links_in_the_real_samples(shared_data: Path) -> None:
    # 2007 arXiv papers link to group pages and hepforge, never to a code host we know.
    lines = (shared_data / "arxiv" / "arxiv-metadata-sample.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    found = [code_urls([r["abstract"], r["comments"]]) for r in records]
    assert found == [[]] * len(lines)
    works = (shared_data / "openalex" / "works-sample-289.jsonl").read_text().splitlines()
    urls = [
        location.get(key)
        for line in works
        for location in json.loads(line).get("locations") or []
        for key in ("landing_page_url", "pdf_url")
    ]
    assert len(urls) > 289
    assert code_urls(urls) == []
