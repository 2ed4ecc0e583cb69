"""What a paper says and where to read it, from an OpenAlex record through Neo4j to GraphQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph_service.ingest.content import normalise_space
from tests.support.api import Api, api_for
from tests.support.cypher import cypher
from tests.support.graphs import load_files
from tests.support.neo4j import Neo4jTarget
from tests.support.records import invert

# A real arXiv abstract (YOLOv4, 2004.10934), as OpenAlex ships abstracts: word positions.
ABSTRACT = (
    "There are a huge number of features which are said to improve Convolutional Neural "
    "Network (CNN) accuracy. We use new features: WRC, CSP, CmBN, SAT, Mish activation, "
    "Mosaic data augmentation, CmBN, DropBlock regularization, and CIoU loss, and combine "
    "some of them to achieve state-of-the-art results: 43.5% AP (65.7% AP50) for the MS COCO "
    "dataset at a realtime speed of ~65 FPS on Tesla V100. Source code is at "
    "https://github.com/AlexeyAB/darknet"
)
PAPER_FIELDS = """abstract language isOpenAccess oaStatus landingPageUrl pdfUrl doi doiUrl
  arxivId arxivUrl codeUrls hasCode publicationDate"""


def work(id: str, **fields: Any) -> dict[str, Any]:
    record = {
        "id": f"https://openalex.org/{id}",
        "title": f"Work {id}",
        "publication_year": 2020,
        "authorships": [],
    }
    record.update(fields)
    return record


@pytest.fixture(scope="module")
def papers(
    neo4j_target: Neo4jTarget, module_graph: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    arxiv = "https://arxiv.org/abs/2004.10934"
    records = [
        work(
            "W4000000001",
            doi="https://doi.org/10.48550/arXiv.2004.10934",
            publication_date="2020-04-23",
            language="en",
            abstract_inverted_index=invert(ABSTRACT),
            open_access={"is_oa": True, "oa_status": "green", "oa_url": arxiv},
            primary_location={"landing_page_url": arxiv, "pdf_url": None, "source": None},
            best_oa_location={"landing_page_url": arxiv, "pdf_url": arxiv.replace("abs", "pdf")},
            locations=[{"landing_page_url": arxiv, "pdf_url": arxiv.replace("abs", "pdf")}],
        ),
        # Closed, no abstract, no code: every field says so rather than guessing.
        work(
            "W4000000002",
            doi="https://doi.org/10.1111/1468-2346.00131",
            open_access={"is_oa": False, "oa_status": "closed"},
            primary_location={"landing_page_url": "https://doi.org/10.1111/1468-2346.00131"},
        ),
        # Code found in a location, not in the text.
        work(
            "W4000000003",
            locations=[
                {"landing_page_url": "https://github.com/org/tool/tree/v2", "pdf_url": None}
            ],
        ),
    ]
    path = tmp_path_factory.mktemp("papers") / "works.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    load_files(neo4j_target, [path])
    with api_for(neo4j_target, warm_up=False) as api:
        yield api


def paper(api: Api, id: str) -> dict[str, Any]:
    found: dict[str, Any] = api.data(f'{{ paper(id: "{id}") {{ {PAPER_FIELDS} }} }}')["paper"]
    return found


def test_an_arxiv_paper_with_code(papers: Api) -> None:
    assert paper(papers, "W4000000001") == {
        "abstract": normalise_space(ABSTRACT),
        "language": "en",
        "isOpenAccess": True,
        "oaStatus": "green",
        "landingPageUrl": "https://arxiv.org/abs/2004.10934",
        "pdfUrl": "https://arxiv.org/pdf/2004.10934",
        "doi": "10.48550/arxiv.2004.10934",
        "doiUrl": "https://doi.org/10.48550/arxiv.2004.10934",
        "arxivId": "2004.10934",
        "arxivUrl": "https://arxiv.org/abs/2004.10934",
        "codeUrls": ["https://github.com/AlexeyAB/darknet"],
        "hasCode": True,
        "publicationDate": "2020-04-23",
    }


def test_a_closed_paper_says_what_it_lacks(papers: Api) -> None:
    found = paper(papers, "W4000000002")
    assert found["abstract"] is None
    assert (found["isOpenAccess"], found["oaStatus"]) == (False, "closed")
    assert found["pdfUrl"] is None
    assert found["arxivId"] is None
    assert (found["codeUrls"], found["hasCode"]) == ([], False)
    assert found["doiUrl"] == "https://doi.org/10.1111/1468-2346.00131"
    assert paper(papers, "W4000000003")["codeUrls"] == ["https://github.com/org/tool"]


def test_abstracts_are_one_statement_for_a_whole_list(papers: Api, driver: neo4j.Driver) -> None:
    ids = [r["id"] for r in cypher(driver, "MATCH (p:Paper) RETURN p.id AS id ORDER BY id")]
    before = papers.repository.executed
    nodes = papers.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Paper { id abstract hasCode } } }",
        {"ids": ids},
    )["nodes"]
    assert papers.repository.executed - before == 2  # the papers, then all their abstracts
    assert [n["hasCode"] for n in nodes] == [True, False, True]
    stored = cypher(driver, "MATCH (p:Paper) RETURN p.abstract AS a ORDER BY p.id")
    assert [n["abstract"] for n in nodes] == [r["a"] for r in stored]


@pytest.mark.shared_data
def test_real_records_keep_their_access_and_links(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, shared_data: Path
) -> None:
    path = shared_data / "openalex" / "works-sample-289.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()]
    load_files(neo4j_target, [path])
    stored = {
        r["id"]: r
        for r in cypher(
            graph,
            "MATCH (p:Paper {stub: false}) RETURN p.id AS id, p.language AS language, "
            "p.isOpenAccess AS oa, p.oaStatus AS status, p.landingPageUrl AS landing, "
            "p.pdfUrl AS pdf, p.abstract AS abstract, p.codeUrls AS code",
        )
    }
    assert len(stored) == len(records)
    for record in records:
        row = stored[record["id"].rsplit("/", 1)[1]]
        access = record["open_access"]
        best = record.get("best_oa_location") or {}
        primary = record.get("primary_location") or {}
        assert row["language"] == record["language"]
        assert (row["oa"], row["status"]) == (access["is_oa"], access["oa_status"])
        assert row["landing"] == primary.get("landing_page_url")
        assert row["pdf"] == (best.get("pdf_url") or primary.get("pdf_url"))
        assert row["abstract"] is None  # the sample carries none
        assert row["code"] is None
