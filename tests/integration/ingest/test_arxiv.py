"""arXiv metadata through the importer into Neo4j: the sample's counts, update rules, bad lines,
and one paper for a work that both arXiv and OpenAlex describe."""

from __future__ import annotations

import collections
import json
import re
import unicodedata
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import neo4j
import pytest
from typer.testing import CliRunner

from graph_service.cli import app as cli
from graph_service.ingest.content import normalise_space
from tests.support.api import api_for
from tests.support.cli import load_by_cli
from tests.support.cypher import cypher
from tests.support.graphs import dump, load_files, wipe
from tests.support.neo4j import Neo4jTarget
from tests.support.records import invert


def sample(shared_data: Path) -> Path:
    return shared_data / "arxiv" / "arxiv-metadata-sample.jsonl"


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def scalar(driver: neo4j.Driver, query: str, **parameters: Any) -> Any:
    return driver.execute_query(query, parameters).records[0][0]


def same_person(part: str) -> str:
    """How the test tells two spellings of a name apart: accents, case and marks aside."""
    plain = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def write(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.shared_data
def test_the_sample_loads_as_its_records_say(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, shared_data: Path
) -> None:
    path = sample(shared_data)
    raw = records(path)
    code, output = load_by_cli(neo4j_target, "arxiv", path)
    assert code == 0, output
    assert f"{len(raw)} arXiv records loaded from 1 file(s); 0 rejected" in output

    # Counts computed from the file, here, and read back from Neo4j.
    codes = [list(dict.fromkeys(r["categories"].split())) for r in raw]
    topics = {c for cs in codes for c in cs} | {c.split(".")[0] for cs in codes for c in cs}
    people = {
        tuple(same_person(p) for p in ([*a, "", "", ""])[:3])
        for r in raw
        for a in r["authors_parsed"]
    }
    bylines = sum(len({tuple(a[:3]) for a in r["authors_parsed"]}) for r in raw)
    assert scalar(graph, "MATCH (p:Paper) RETURN count(p)") == len(raw)
    assert scalar(graph, "MATCH (p:Paper) WHERE p.stub RETURN count(p)") == 0
    assert scalar(graph, "MATCH (c:Category) RETURN count(c)") == len(topics)
    assert scalar(graph, "MATCH (:Paper)-[h:HAS_TOPIC]->(:Category) RETURN count(h)") == sum(
        map(len, codes)
    )
    assert scalar(graph, "MATCH ()-[h:HAS_TOPIC {primary: true}]->() RETURN count(h)") == len(raw)
    assert scalar(graph, "MATCH (a:Author) RETURN count(a)") == len(people)
    assert scalar(graph, "MATCH ()-[r:AUTHORED]->() RETURN count(r)") == bylines
    primary = collections.Counter(r["categories"].split()[0].split(".")[0] for r in raw)
    rows = cypher(
        graph,
        "MATCH (p:Paper)-[:HAS_TOPIC {primary: true}]->(:Category)-[:SUBTOPIC_OF*0..1]->"
        "(a:Category {level: 0}) RETURN a.id AS archive, count(p) AS papers",
    )
    assert {r["archive"]: r["papers"] for r in rows} == primary
    assert (primary["cond-mat"], primary["math"], primary["cs"]) == (206, 191, 132)

    first = cypher(graph, "MATCH (p:Paper {id: 'arXiv:0704.0001'}) RETURN p {.*} AS p")[0]["p"]
    assert first["title"] == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert first["abstract"] == normalise_space(raw[0]["abstract"])
    assert first["abstract"].startswith("A fully differential calculation in perturbative")
    assert (first["publicationDate"], first["year"]) == ("2007-04-02", 2007)
    assert (first["doi"], first["journalRef"]) == (
        "10.1103/physrevd.76.013009",
        "Phys.Rev.D76:013009,2007",
    )
    assert (first["arxivVersions"], first["arxivUpdatedDate"]) == (2, "2008-11-26")
    assert (first["landingPageUrl"], first["pdfUrl"]) == (
        "https://arxiv.org/abs/0704.0001",
        "https://arxiv.org/pdf/0704.0001",
    )
    assert (first["isOpenAccess"], first["oaStatus"], first["type"]) == (True, "green", "preprint")
    second = cypher(graph, "MATCH (p:Paper {arxivId: '0704.0002'}) RETURN p {.*} AS p")[0]["p"]
    assert "the $(k,\\ell)$-pebble game with colors" in second["abstract"]  # LaTeX as written
    assert (second["primaryCategory"], second["categories"]) == ("math.CO", ["math.CO", "cs.CG"])
    combinatorics = cypher(
        graph,
        "MATCH (c:Topic {id: 'math.CO'})-[:SUBTOPIC_OF]->(m:Topic) "
        "RETURN c.name AS name, c.level AS level, m.id AS parent, m.name AS parentName",
    )
    assert combinatorics == [
        {"name": "Combinatorics", "level": 1, "parent": "math", "parentName": "Mathematics"}
    ]
    # One author for spellings that differ only by an accent; their works and derived values.
    kaaniche = cypher(
        graph,
        "MATCH (a:Author) WHERE a.name STARTS WITH 'Mohamed Ka' "
        "RETURN a.id AS id, a.worksCount AS works, a.hIndex AS h",
    )
    expected = sum(
        1 for r in raw if any(same_person(a[0]) == "kaaniche" for a in r["authors_parsed"])
    )
    assert len(kaaniche) == 1
    assert kaaniche[0]["works"] == expected > 1
    assert re.fullmatch(r"X\d{16}", kaaniche[0]["id"])

    # A second load changes nothing.
    before = dump(graph)
    load_files(neo4j_target, [path], arxiv=True)
    assert dump(graph) == before


def arxiv_record(identifier: str, updated: str, title: str, **fields: Any) -> dict[str, Any]:
    record = {
        "id": identifier,
        "submitter": "A. Person",
        "authors": "A. Person and B. Other",
        "title": title,
        "comments": None,
        "journal-ref": None,
        "doi": None,
        "report-no": None,
        "categories": "cs.LG stat.ML",
        "license": None,
        "abstract": "  We study\n  things.\n",
        "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
        "update_date": updated,
        "authors_parsed": [["Person", "A.", ""], ["Other", "B.", ""]],
    }
    record.update(fields)
    return record


def test_a_newer_record_wins_and_an_older_one_changes_nothing(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    def title() -> str:
        return str(scalar(graph, "MATCH (p:Paper {arxivId: '2101.00001'}) RETURN p.title"))

    first = arxiv_record("2101.00001", "2021-01-05", "First title")
    load_files(neo4j_target, [write(tmp_path / "a.jsonl", [first])], arxiv=True)
    assert title() == "First title"
    newer = arxiv_record(
        "2101.00001",
        "2021-06-01",
        "Second title",
        categories="cs.CV",
        comments="Code: https://github.com/someone/tool.git.",
        authors_parsed=[["Other", "B.", ""]],
    )
    load_files(neo4j_target, [write(tmp_path / "b.jsonl", [newer])], arxiv=True)
    assert title() == "Second title"
    state = cypher(
        graph,
        "MATCH (p:Paper {arxivId: '2101.00001'}) "
        "RETURN p.codeUrls AS code, p.primaryCategory AS primary, "
        "[(a:Author)-[:AUTHORED]->(p) | a.name] AS authors, "
        "[(p)-[:HAS_TOPIC]->(c:Category) | c.id] AS categories, "
        "COUNT { (a:Author) } AS people",
    )
    # The older record's category and its author without papers are gone.
    assert state == [
        {
            "code": ["https://github.com/someone/tool"],
            "primary": "cs.CV",
            "authors": ["B. Other"],
            "categories": ["cs.CV"],
            "people": 1,
        }
    ]
    older = arxiv_record("2101.00001", "2020-12-31", "Older title")
    before = dump(graph)
    load_files(neo4j_target, [write(tmp_path / "c.jsonl", [older])], arxiv=True)
    assert dump(graph) == before


def test_bad_lines_are_reported_with_their_place_and_the_rest_loads(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    lines = [
        json.dumps(arxiv_record("2101.00001", "2021-01-05", "Good one")),
        "{not json",
        json.dumps(arxiv_record("not-an-id", "2021-01-05", "Bad id")),
        json.dumps(arxiv_record("2101.00003", "2021-01-05", "No versions", versions=[])),
        json.dumps(arxiv_record("2101.00004", "2021-01-05", "Bad category", categories="CS LG")),
        json.dumps(arxiv_record("2101.00005", "5 Jan 2021", "Bad date")),
        json.dumps(arxiv_record("2101.00006", "2021-01-05", "Good two")),
    ]
    source = tmp_path / "mixed.json"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = load_by_cli(neo4j_target, "arxiv", source, tmp_path / "rejects.jsonl")
    assert code == 2, output
    assert f"{source}:2: bad JSON" in output
    assert f"{source}:3: id 'not-an-id' is not an arXiv identifier" in output
    assert f"{source}:4: versions must be a non-empty list" in output
    assert f"{source}:5: category 'CS' is not an arXiv category" in output
    assert f"{source}:6: update_date '5 Jan 2021' is not YYYY-MM-DD" in output
    assert "2 arXiv records loaded" in output
    assert "5 rejected" in output
    titles = cypher(graph, "MATCH (p:Paper) RETURN p.title AS title ORDER BY title")
    assert titles == [{"title": "Good one"}, {"title": "Good two"}]


def openalex_counterpart(
    record: dict[str, Any], work_id: str, arxiv_location: bool
) -> dict[str, Any]:
    """The OpenAlex work of an arXiv record, in OpenAlex's shape: the arXiv DOI and an arXiv
    location when `arxiv_location`, else only the journal DOI the record names."""
    identifier = record["id"]
    abs_url, pdf_url = f"https://arxiv.org/abs/{identifier}", f"https://arxiv.org/pdf/{identifier}"
    arxiv_source = {
        "id": "https://openalex.org/S4306400194",
        "display_name": "arXiv (Cornell University)",
        "type": "repository",
    }
    location = {
        "is_oa": True,
        "landing_page_url": abs_url,
        "pdf_url": pdf_url,
        "source": arxiv_source,
        "license": None,
        "version": "submittedVersion",
    }
    journal = {
        "is_oa": False,
        "landing_page_url": f"https://doi.org/{record['doi']}",
        "pdf_url": None,
        "source": {"id": "https://openalex.org/S90000001", "display_name": "A Journal"},
    }
    doi = f"10.48550/arxiv.{identifier}" if arxiv_location else record["doi"]
    authorships: list[dict[str, Any]] = [
        {
            "author_position": "first" if i == 0 else "middle",
            "author": {
                "id": f"https://openalex.org/A50000000{i}{work_id[-1]}",
                "display_name": f"{first} {last}",
                "orcid": None,
            },
            "institutions": [],
            "countries": [],
            "is_corresponding": False,
            "raw_author_name": f"{first} {last}",
            "raw_affiliation_strings": [],
        }
        for i, (last, first, _) in enumerate(record["authors_parsed"])
    ]
    return {
        "id": f"https://openalex.org/{work_id}",
        "doi": f"https://doi.org/{doi}",
        "title": normalise_space(record["title"]),
        "display_name": normalise_space(record["title"]),
        "publication_year": 2009,
        "publication_date": "2009-11-13",
        "ids": {"openalex": f"https://openalex.org/{work_id}", "doi": f"https://doi.org/{doi}"},
        "language": "en",
        "primary_location": location if arxiv_location else journal,
        "type": "preprint" if arxiv_location else "article",
        "open_access": {
            "is_oa": arxiv_location,
            "oa_status": "green" if arxiv_location else "closed",
            "oa_url": pdf_url if arxiv_location else None,
        },
        "authorships": authorships,
        "cited_by_count": 7,
        "best_oa_location": location if arxiv_location else None,
        "locations": [location] if arxiv_location else [journal],
        "referenced_works": ["https://openalex.org/W4000000099"],
        "abstract_inverted_index": invert(normalise_space(record["abstract"]) or ""),
        "updated_date": "2024-01-01T00:00:00.000000",
    }


@pytest.mark.shared_data
def test_a_work_from_both_sources_is_one_paper_whichever_loads_first(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, shared_data: Path, tmp_path: Path
) -> None:
    raw = {r["id"]: r for r in records(sample(shared_data))}
    # Linked by the arXiv DOI and location; by the journal DOI alone; and one arXiv-only paper.
    chosen = [raw["0704.0098"], raw["0704.0217"], raw["0704.0001"]]
    arxiv_file = write(tmp_path / "arxiv.jsonl", chosen)
    openalex_file = write(
        tmp_path / "openalex.jsonl",
        [
            openalex_counterpart(raw["0704.0098"], "W4000000001", arxiv_location=True),
            openalex_counterpart(raw["0704.0217"], "W4000000002", arxiv_location=False),
        ],
    )

    load_files(neo4j_target, [arxiv_file], arxiv=True)
    load_files(neo4j_target, [openalex_file])
    arxiv_first = dump(graph)
    wipe(graph)
    load_files(neo4j_target, [openalex_file])
    load_files(neo4j_target, [arxiv_file], arxiv=True)
    assert dump(graph) == arxiv_first

    papers = cypher(
        graph,
        "MATCH (p:Paper) WHERE NOT p.stub RETURN p.id AS id, p.arxivId AS arxiv, "
        "p.title AS title, p.publicationDate AS date, p.doi AS doi, p.venue AS venue, "
        "p.citedByCount AS cited, p.isOpenAccess AS oa, p.pdfUrl AS pdf, "
        "[(a:Author)-[:AUTHORED]->(p) | a.id] AS authors, "
        "[(p)-[:HAS_TOPIC]->(c:Category) | c.id] AS categories ORDER BY id",
    )
    assert [(p["id"], p["arxiv"]) for p in papers] == [
        ("W4000000001", "0704.0098"),
        ("W4000000002", "0704.0217"),
        ("arXiv:0704.0001", "0704.0001"),
    ]
    by_id = {p["id"]: p for p in papers}
    for work_id, identifier in (("W4000000001", "0704.0098"), ("W4000000002", "0704.0217")):
        paper = by_id[work_id]
        # arXiv's title and first-version date; OpenAlex's authors, citations and references.
        assert paper["title"] == normalise_space(raw[identifier]["title"])
        first_version = raw[identifier]["versions"][0]["created"]
        assert paper["date"] == parsedate_to_datetime(first_version).date().isoformat()
        assert paper["cited"] == 7
        assert all(a.startswith("A") for a in paper["authors"])
        assert paper["authors"]
        assert sorted(paper["categories"]) == sorted(raw[identifier]["categories"].split())
    # Journal DOI only: OpenAlex's DOI and venue stay, arXiv adds open access and the PDF.
    journal = by_id["W4000000002"]
    assert (journal["doi"], journal["venue"]) == ("10.1109/tit.2008.2011437", "A Journal")
    assert (journal["oa"], journal["pdf"]) == (True, "https://arxiv.org/pdf/0704.0217")
    # No arXiv author is left over for the linked works; the arXiv-only paper keeps its own.
    assert scalar(graph, "MATCH (a:Author) WHERE a.id STARTS WITH 'X' RETURN count(a)") == len(
        raw["0704.0001"]["authors_parsed"]
    )
    assert scalar(graph, "MATCH (p:Paper {id: 'W4000000099'}) RETURN p.stub") is True

    # The arXiv id finds the paper in the API, whatever its id became.
    with api_for(neo4j_target, warm_up=False) as api:
        for value in ("arXiv:0704.0098", "0704.0098", "https://arxiv.org/abs/0704.0098v2"):
            found = api.data("query($id: ID!) { paper(id: $id) { id arxivId } }", {"id": value})
            assert found["paper"] == {"id": "W4000000001", "arxivId": "0704.0098"}


RESEARCHER = """query($name: String!) {
  search(query: $name, types: [AUTHOR], first: 1) { node { ... on Author {
    name hIndex worksCount citationCount
    categories(first: 1) { works topic { id shortName name scheme parent { id name } } }
    works(first: 10) { totalCount nodes {
      title publicationDate hasCode codeUrls abstract arxivId arxivUrl
      primaryCategory { shortName } categories { id }
      authorships { author { name hIndex worksCount } }
    } }
  } } }
}"""


def test_the_demo_researcher_shows_what_the_seed_page_shows(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver
) -> None:
    result = CliRunner().invoke(cli, ["load", "demo"], env=neo4j_target.env())
    assert result.exit_code == 0, result.output
    with api_for(neo4j_target, warm_up=False) as api:
        author = api.data(RESEARCHER, {"name": "Changhai Zhou"})["search"][0]["node"]
    # The seed page 004: LG, h-index 6, 9 papers, 40 citations.
    assert (author["hIndex"], author["worksCount"], author["citationCount"]) == (6, 9, 40)
    main = author["categories"][0]
    assert main["topic"] == {
        "id": "cs.LG",
        "shortName": "LG",
        "name": "Machine Learning",
        "scheme": "ARXIV",
        "parent": {"id": "cs", "name": "Computer Science"},
    }
    works = author["works"]["nodes"]
    assert author["works"]["totalCount"] == len(works) == 9
    assert all(w["abstract"] and w["primaryCategory"] for w in works)
    core = next(w for w in works if w["title"].startswith("CoRE"))
    assert (core["primaryCategory"]["shortName"], core["publicationDate"]) == ("SE", "2026-04-28")
    assert (core["hasCode"], core["codeUrls"]) == (True, ["https://github.com/ZJUSig/CoRE"])
    assert [a["author"]["name"] for a in core["authorships"]][:3] == [
        "Jun Gao",
        "Yun Peng",
        "Qian Qiao",
    ]
    assert sum(w["hasCode"] for w in works) == 1
    assert core["arxivUrl"] == f"https://arxiv.org/abs/{core['arxivId']}"


def test_two_works_naming_one_arxiv_paper_in_one_batch_keep_one_record(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    record = arxiv_record("2101.00001", "2021-01-05", "The preprint")
    load_files(neo4j_target, [write(tmp_path / "arxiv.jsonl", [record])], arxiv=True)
    location = {"landing_page_url": "https://arxiv.org/abs/2101.00001", "pdf_url": None}
    works = [
        {"id": f"W400000000{n}", "title": f"Version {n}", "locations": [location]} for n in (1, 2)
    ]
    load_files(neo4j_target, [write(tmp_path / "works.jsonl", works)])
    rows = cypher(
        graph,
        "MATCH (p:Paper) RETURN p.id AS id, p.title AS title, p.arxivId AS arxiv, "
        "p.arxivUpdatedDate AS record ORDER BY id",
    )
    # The first work took the arXiv record; the second is its own paper naming the same id.
    assert rows == [
        {
            "id": "W4000000001",
            "title": "The preprint",
            "arxiv": "2101.00001",
            "record": "2021-01-05",
        },
        {"id": "W4000000002", "title": "Version 2", "arxiv": "2101.00001", "record": None},
    ]
    with api_for(neo4j_target, warm_up=False) as api:
        found = api.data('{ paper(id: "arXiv:2101.00001") { id } }')
    assert found == {"paper": {"id": "W4000000001"}}
