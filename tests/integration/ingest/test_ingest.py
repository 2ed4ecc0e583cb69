"""OpenAlex import against the real Neo4j: counts, mapping, derived values, update semantics."""

from __future__ import annotations

import asyncio
import collections
import gzip
import json
import re
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import neo4j
import pytest
from typer.testing import CliRunner

from graph_service.cli import app as cli
from graph_service.db.repository import Repository
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.ingest.edits import upsert_records
from graph_service.ingest.importer import Importer
from graph_service.ingest.openalex import short_id
from graph_service.ingest.report import Report
from tests.support import reference
from tests.support.cli import load_by_cli
from tests.support.cypher import scalar
from tests.support.graphs import dump, wipe
from tests.support.neo4j import Neo4jTarget

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


@pytest.fixture
def load(neo4j_target: Neo4jTarget, graph: neo4j.Driver) -> Any:
    """load(paths, kind="works", **loader options) -> Report, on a clean graph."""

    def loader(paths: list[Path], kind: str = "works", **options: Any) -> Report:
        async def work() -> Report:
            repository = Repository.connect(neo4j_target.settings())
            try:
                instance = Importer(repository, **options)
                if kind == "works":
                    return await instance.works(paths)
                return await instance.institutions(paths)
            finally:
                await repository.close()

        return run(work())

    return loader


def records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def works_file(shared_data: Path) -> Path:
    return shared_data / "openalex" / "works-sample-289.jsonl"


@pytest.mark.shared_data
def test_counts_match_the_file(load: Any, graph: neo4j.Driver, works_file: Path) -> None:
    works = records(works_file)
    report = load([works_file])
    ids = {short_id(w["id"]) for w in works}
    pairs = {
        (short_id(s["author"]["id"]), short_id(w["id"]))
        for w in works
        for s in w["authorships"]
        if s["author"]["id"]
    }
    institutions = {
        short_id(institution_id)
        for w in works
        for s in w["authorships"]
        for i in s["institutions"]
        for institution_id in [i["id"], *i.get("lineage", [])]
    }
    topics = {
        short_id(node["id"])
        for w in works
        for t in w["topics"]
        for node in (t, t["subfield"], t["field"], t["domain"])
    }
    internal = {
        (short_id(w["id"]), short_id(ref))
        for w in works
        for ref in w["referenced_works"]
        # A work listed among its own references is a source error: not loaded as a loop.
        if short_id(ref) in ids and ref != w["id"]
    }
    external = {short_id(r) for w in works for r in w["referenced_works"]} - ids
    assert report.loaded == len(works) == 289
    assert report.ok
    assert report.anonymous_authorships == sum(
        1 for w in works for s in w["authorships"] if not s["author"]["id"]
    )
    counts = graph.execute_query(
        "RETURN COUNT { (p:Paper) WHERE NOT p.stub } AS papers,"
        " COUNT { (p:Paper) WHERE p.stub } AS stubs, COUNT { (:Author) } AS authors,"
        " COUNT { ()-[:AUTHORED]->() } AS authorships, COUNT { (:Institution) } AS institutions,"
        " COUNT { (:Topic) } AS topics,"
        " COUNT { (a:Paper)-[:CITES]->(b:Paper) WHERE NOT b.stub } AS internal,"
        " COUNT { (:Author:Stale) } AS stale"
    ).records[0]
    assert counts["papers"] == len(ids)
    assert counts["stubs"] == len(external)
    assert counts["authors"] == len({a for a, _ in pairs})
    assert counts["authorships"] == len(pairs)
    assert counts["institutions"] == len(institutions)
    assert counts["topics"] == len(topics)
    assert counts["internal"] == len(internal)
    assert counts["stale"] == 0


@pytest.mark.shared_data
def test_one_paper_field_by_field(load: Any, graph: neo4j.Driver, works_file: Path) -> None:
    works = records(works_file)
    work = max(
        (w for w in works if w["primary_location"].get("source")),
        key=lambda w: (
            sum(len(s["institutions"]) for s in w["authorships"]),
            len(w["topics"]),
            len(w["referenced_works"]),
        ),
    )
    load([works_file])
    paper_id = short_id(work["id"])
    paper = graph.execute_query("MATCH (p:Paper {id: $id}) RETURN p", id=paper_id).records[0]["p"]
    assert paper["title"] == work["title"]
    assert paper["doi"] == (work["doi"] or "").removeprefix("https://doi.org/").lower()
    assert paper["year"] == work["publication_year"]
    assert paper["publicationDate"] == work["publication_date"]
    assert paper["type"] == work["type"]
    assert paper["venue"] == work["primary_location"]["source"]["display_name"]
    assert paper["citedByCount"] == work["cited_by_count"]
    assert paper["stub"] is False

    rows = graph.execute_query(
        "MATCH (a:Author)-[r:AUTHORED]->(:Paper {id: $id}) "
        "RETURN a.id AS id, a.name AS name, r.position AS position, "
        "r.isCorresponding AS corresponding, coalesce(r.institutionIds, []) AS institutions "
        "ORDER BY position",
        id=paper_id,
    ).records
    expected = [
        (
            short_id(s["author"]["id"]),
            s["author"]["display_name"],
            position,
            s["is_corresponding"],
            [short_id(i["id"]) for i in s["institutions"]],
        )
        for position, s in enumerate(work["authorships"], start=1)
        if s["author"]["id"]
    ]
    assert [tuple(r.values()) for r in rows] == expected

    topics = graph.execute_query(
        "MATCH (:Paper {id: $id})-[r:HAS_TOPIC]->(t:Topic) "
        "OPTIONAL MATCH path = (t)-[:SUBTOPIC_OF*]->(root:Topic) WHERE NOT (root)-->(:Topic) "
        "RETURN t.id AS id, t.name AS name, r.score AS score, t.level AS level,"
        " [n IN nodes(path) | n.id] AS chain",
        id=paper_id,
    ).records
    assert sorted(
        (r["id"], r["name"], r["score"], r["level"], r["chain"]) for r in topics
    ) == sorted(
        (
            short_id(t["id"]),
            t["display_name"],
            t["score"],
            3,
            [
                short_id(t[k]["id"]) if k != "topic" else short_id(t["id"])
                for k in ("topic", "subfield", "field", "domain")
            ],
        )
        for t in work["topics"]
    )
    cited = graph.execute_query(
        "MATCH (:Paper {id: $id})-[:CITES]->(q:Paper) RETURN q.id AS id", id=paper_id
    ).records
    assert sorted(r["id"] for r in cited) == sorted({short_id(r) for r in work["referenced_works"]})
    institution = next(i for s in work["authorships"] for i in s["institutions"])
    node = graph.execute_query(
        "MATCH (i:Institution {id: $id}) RETURN i", id=short_id(institution["id"])
    ).records[0]["i"]
    assert node["name"] == institution["display_name"]
    assert node["countryCode"] == institution["country_code"]
    assert node["type"] == institution["type"]
    assert node["ror"] == institution["ror"].removeprefix("https://ror.org/")


def test_refresh_gives_the_hand_checked_reference(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver
) -> None:
    """The online path's derived values (cypher/refresh_authors) are the reference's, as the
    bulk path's statements (sql/bulk/) are in the unit tests."""

    async def work() -> Report:
        repository = Repository.connect(neo4j_target.settings())
        try:
            return await upsert_records(repository, reference.RECORDS)
        finally:
            await repository.close()

    report = run(work())
    assert (report.loaded, report.refreshed_authors, report.rejected) == (4, 3, [])
    totals = graph.execute_query(
        "MATCH (a:Author) RETURN a.id AS id, a.worksCount AS works, "
        "a.citationCount AS citations, a.hIndex AS h"
    ).records
    assert {r["id"]: reference.Totals(r["works"], r["citations"], r["h"]) for r in totals} == (
        reference.TOTALS
    )
    spans = {
        kind: {
            (r["a"], r["b"]): reference.Span(r["works"], r["first"], r["last"])
            for r in graph.execute_query(
                "MATCH (a)-[r]->(b) WHERE type(r) = $kind RETURN a.id AS a, b.id AS b, "
                "coalesce(r.papers, r.sharedWorks) AS works, r.firstYear AS first, "
                "r.lastYear AS last",
                kind=kind,
            ).records
        }
        for kind in ("AFFILIATED_WITH", "COLLABORATES_WITH")
    }
    assert spans["AFFILIATED_WITH"] == reference.AFFILIATIONS
    assert spans["COLLABORATES_WITH"] == reference.COLLABORATIONS


def test_the_online_refresh_caps_coauthor_pairs_as_the_bulk_maths_do(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver
) -> None:
    async def work() -> Report:
        repository = Repository.connect(neo4j_target.settings())
        try:
            return await upsert_records(
                repository, reference.RECORDS, coauthor_cap=reference.COAUTHOR_CAP
            )
        finally:
            await repository.close()

    run(work())
    pairs = graph.execute_query(
        "MATCH (a)-[r:COLLABORATES_WITH]->(b) RETURN a.id AS a, b.id AS b, "
        "r.sharedWorks AS works, r.firstYear AS first, r.lastYear AS last"
    ).records
    assert {
        (r["a"], r["b"]): reference.Span(r["works"], r["first"], r["last"]) for r in pairs
    } == reference.CAPPED_COLLABORATIONS
    # The authors of the capped work still have it.
    works = graph.execute_query("MATCH (a:Author {id: 'A2'}) RETURN a.worksCount AS n").records
    assert works[0]["n"] == reference.TOTALS["A2"].works


@pytest.mark.shared_data
def test_derived_values_match_an_independent_computation(
    load: Any, graph: neo4j.Driver, works_file: Path
) -> None:
    works = records(works_file)
    load([works_file])
    papers: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for work in works:
        for author in {s["author"]["id"] for s in work["authorships"] if s["author"]["id"]}:
            papers[short_id(author)].append(work)
    stored = {
        r["id"]: (r["works"], r["citations"], r["h"])
        for r in graph.execute_query(
            "MATCH (a:Author) RETURN a.id AS id, a.worksCount AS works, "
            "a.citationCount AS citations, a.hIndex AS h"
        ).records
    }
    for author, theirs in papers.items():
        counts = sorted((w["cited_by_count"] for w in theirs), reverse=True)
        h = sum(1 for i, c in enumerate(counts) if c > i)
        assert stored[author] == (len(theirs), sum(counts), h), author

    pairs: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for work in works:
        team = sorted(
            {short_id(s["author"]["id"]) for s in work["authorships"] if s["author"]["id"]}
        )
        for i, first in enumerate(team):
            for second in team[i + 1 :]:
                pairs[(first, second)].append(work["publication_year"])
    collaborations = {
        (r["a"], r["b"]): (r["shared"], r["first"], r["last"])
        for r in graph.execute_query(
            "MATCH (a:Author)-[c:COLLABORATES_WITH]->(b:Author) RETURN a.id AS a, b.id AS b, "
            "c.sharedWorks AS shared, c.firstYear AS first, c.lastYear AS last"
        ).records
    }
    assert collaborations == {
        pair: (len(years), min(years), max(years)) for pair, years in pairs.items()
    }
    affiliations = graph.execute_query(
        "MATCH (a:Author)-[r:AFFILIATED_WITH]->(i:Institution) "
        "RETURN a.id AS a, i.id AS i, r.papers AS papers, r.firstYear AS first, r.lastYear AS last"
    ).records
    expected: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for work in works:
        seen = set()
        for s in work["authorships"]:
            author = s["author"]["id"]
            if not author or author in seen:
                continue
            seen.add(author)
            for institution in {i["id"] for i in s["institutions"]}:
                expected[(short_id(author), short_id(institution))].append(work["publication_year"])
    assert {(r["a"], r["i"]): (r["papers"], r["first"], r["last"]) for r in affiliations} == {
        key: (len(years), min(years), max(years)) for key, years in expected.items()
    }


@pytest.mark.shared_data
def test_loading_twice_changes_nothing(load: Any, graph: neo4j.Driver, works_file: Path) -> None:
    load([works_file])
    first = dump(graph)
    report = load([works_file])
    assert report.loaded == 289
    assert dump(graph) == first


@pytest.mark.shared_data
def test_gzipped_input_loads_the_same(
    load: Any, graph: neo4j.Driver, works_file: Path, tmp_path: Path
) -> None:
    load([works_file])
    plain = dump(graph)
    wipe(graph)
    packed = tmp_path / "works.jsonl.gz"
    packed.write_bytes(gzip.compress(works_file.read_bytes()))
    report = load([tmp_path])
    assert report.loaded == 289
    assert dump(graph) == plain


def test_newer_record_replaces_older(load: Any, graph: neo4j.Driver, tmp_path: Path) -> None:
    base = records(DEMO_WORKS)
    target = next(w for w in base if len(w["authorships"]) >= 3)
    dropped = target["authorships"][-1]["author"]["id"]
    kept = target["authorships"][0]["author"]["id"]
    original = tmp_path / "v1.jsonl"
    original.write_text("\n".join(json.dumps(w) for w in base), encoding="utf-8")
    load([original])
    before = graph.execute_query(
        "MATCH (a:Author {id: $id}) RETURN a.worksCount AS works", id=short_id(dropped)
    ).records[0]["works"]

    newer = dict(target)
    newer["title"] = "A corrected title"
    newer["cited_by_count"] = 500
    newer["updated_date"] = "2026-01-01T00:00:00"
    newer["authorships"] = target["authorships"][:-1]
    newer["topics"] = target["topics"][:1]
    update = tmp_path / "v2.jsonl"
    update.write_text(json.dumps(newer), encoding="utf-8")
    load([update])
    paper_id = short_id(target["id"])
    row = graph.execute_query(
        "MATCH (p:Paper {id: $id}) RETURN p.title AS title, p.citedByCount AS cites, "
        "COUNT { (p)<-[:AUTHORED]-() } AS authors, COUNT { (p)-[:HAS_TOPIC]->() } AS topics",
        id=paper_id,
    ).records[0]
    assert (row["title"], row["cites"], row["authors"], row["topics"]) == (
        "A corrected title",
        500,
        len(target["authorships"]) - 1,
        1,
    )
    after = graph.execute_query(
        "MATCH (a:Author {id: $id}) RETURN a.worksCount AS works", id=short_id(dropped)
    ).records[0]["works"]
    assert after == before - 1
    assert scalar(
        graph, "MATCH (a:Author {id: $id}) RETURN a.citationCount", id=short_id(kept)
    ) == sum(
        (500 if w["id"] == target["id"] else w["cited_by_count"])
        for w in base
        if kept in {s["author"]["id"] for s in w["authorships"]}
    )
    assert not scalar(
        graph,
        "RETURN EXISTS { (:Author {id: $a})-[:COLLABORATES_WITH]-(:Author {id: $b}) }",
        a=short_id(dropped),
        b=short_id(kept),
    ) or any(
        {dropped, kept} <= {s["author"]["id"] for s in w["authorships"]}
        for w in base
        if w["id"] != target["id"]
    )

    # An older record than the stored one is ignored.
    older = dict(target)
    older["title"] = "Stale title"
    older["updated_date"] = "2020-01-01T00:00:00"
    stale = tmp_path / "v0.jsonl"
    stale.write_text(json.dumps(older), encoding="utf-8")
    report = load([stale])
    assert report.loaded == 0
    assert scalar(graph, "MATCH (p:Paper {id: $id}) RETURN p.title", id=paper_id) == (
        "A corrected title"
    )


def test_stub_is_filled_in_by_a_later_record(
    load: Any, graph: neo4j.Driver, tmp_path: Path
) -> None:
    citing = {"id": "W1", "title": "Citing", "referenced_works": ["https://openalex.org/W2"]}
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps(citing), encoding="utf-8")
    load([first])
    assert scalar(graph, "MATCH (p:Paper {id: 'W2'}) RETURN p.stub") is True
    cited = {"id": "https://openalex.org/W2", "title": "Cited", "publication_year": 1999}
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps(cited), encoding="utf-8")
    load([second])
    row = graph.execute_query(
        "MATCH (:Paper {id: 'W1'})-[:CITES]->(p:Paper {id: 'W2'}) RETURN p.stub AS stub, "
        "p.title AS title"
    ).records[0]
    assert (row["stub"], row["title"]) == (False, "Cited")


def test_malformed_lines_are_reported_and_the_rest_loads(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    good = records(DEMO_WORKS)[:3]
    lines = [
        json.dumps(good[0]),
        "{not json",
        json.dumps({"title": "no id"}),
        json.dumps(good[1]),
        json.dumps({"id": "W5", "publication_year": "nineteen"}),
        json.dumps({"id": "W6", "authorships": {"a": 1}}),
        "[1, 2]",
        "",
        json.dumps(good[2]),
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    code, output = load_by_cli(neo4j_target, "openalex", source, rejects)
    assert code == 2, output
    assert f"{source}:2: bad JSON" in output
    assert f"{source}:3: id is missing" in output
    assert f"{source}:5: publication_year is str, expected int" in output
    assert f"{source}:6: authorships is dict, expected list" in output
    assert f"{source}:7: a work must be a JSON object" in output
    assert "3 works loaded" in output
    assert "5 rejected" in output
    written = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in written] == [2, 3, 5, 6, 7]
    assert written[0]["text"] == "{not json"
    assert scalar(graph, "RETURN COUNT { (p:Paper) WHERE NOT p.stub }") == 3


@pytest.mark.shared_data
def test_institutions_file_enriches_institutions(
    load: Any, graph: neo4j.Driver, shared_data: Path
) -> None:
    path = shared_data / "openalex" / "institutions-sample-678.jsonl"
    institutions = records(path)
    report = load([path], kind="institutions")
    assert report.loaded == len(institutions)
    assert report.ok
    sample = next(i for i in institutions if len(i["lineage"]) > 1)
    row = graph.execute_query(
        "MATCH (i:Institution {id: $id}) RETURN i.name AS name, i.ror AS ror, "
        "i.countryCode AS country, i.type AS type, "
        "[(i)-[:PART_OF]->(p) | p.id] AS parents",
        id=short_id(sample["id"]),
    ).records[0]
    assert row["name"] == sample["display_name"]
    assert row["ror"] == sample["ror"].removeprefix("https://ror.org/")
    assert row["country"] == sample["country_code"]
    assert row["type"] == sample["type"]
    assert sorted(row["parents"]) == sorted(
        short_id(x) for x in sample["lineage"] if x != sample["id"]
    )
    distinct = {short_id(i["id"]) for i in institutions} | {
        short_id(x) for i in institutions for x in i["lineage"]
    }
    assert scalar(graph, "RETURN COUNT { (:Institution) }") == len(distinct)


def test_demo_data_matches_the_seed_pages(neo4j_target: Neo4jTarget, graph: neo4j.Driver) -> None:
    result = CliRunner().invoke(cli, ["load", "demo"], env=neo4j_target.env())
    assert result.exit_code == 0, result.output
    authors = {
        r["name"]: r
        for r in graph.execute_query(
            "MATCH (a:Author) RETURN a.name AS name, a.worksCount AS works, "
            "a.citationCount AS citations, a.hIndex AS h, "
            "COUNT { (a)-[:COLLABORATES_WITH]-() } AS collaborators"
        ).records
    }
    # Counts the seed pages state: works per researcher; Changhai Zhou's h-index and citations.
    assert authors["Changsheng Zhao"]["works"] == 4
    assert authors["Zechun Liu"]["works"] == 15
    assert authors["Zhen Qin"]["works"] == 13
    assert authors["Changhai Zhou"]["works"] == 9
    assert (authors["Changhai Zhou"]["citations"], authors["Changhai Zhou"]["h"]) == (40, 6)
    assert authors["Ting Hua"]["works"] >= 20
    assert authors["Changsheng Zhao"]["collaborators"] == 3
    # The papers the seed pages list by category came from arXiv too, and joined their works.
    papers = {
        r["title"]: r.data()
        for r in graph.execute_query(
            "MATCH (p:Paper) WHERE p.arxivId IS NOT NULL RETURN p.id AS id, p.title AS title, "
            "p.primaryCategory AS category, p.codeUrls AS code, p.abstract AS abstract"
        ).records
    }
    assert len(papers) == 31
    assert all(p["id"].startswith("W") and p["abstract"] for p in papers.values())
    coded = {t[:6]: (p["category"], p["code"]) for t, p in papers.items() if p["code"]}
    assert coded == {
        "TrojLL": ("cs.CR", ["https://github.com/UCF-ML-Research/TrojLLM"]),
        "Adapti": ("cs.CL", ["https://github.com/Peiyu-Georgia-Li/ATLAS"]),
        "CoRE: ": ("cs.SE", ["https://github.com/ZJUSig/CoRE"]),
    }
    main = graph.execute_query(
        "MATCH (:Author {name: 'Changhai Zhou'})-[:AUTHORED]->(p:Paper) "
        "RETURN p.primaryCategory AS category, count(*) AS works ORDER BY works DESC LIMIT 1"
    ).records[0]
    assert main["category"] == "cs.LG"
    assert not graph.execute_query("MATCH (a:Author) WHERE a.id STARTS WITH 'X' RETURN a").records
    again = CliRunner().invoke(cli, ["load", "demo", "--if-empty"], env=neo4j_target.env())
    assert "not empty" in again.output


def test_db_stats_and_reset(neo4j_target: Neo4jTarget, graph: neo4j.Driver) -> None:
    env = neo4j_target.env()
    assert CliRunner().invoke(cli, ["load", "demo"], env=env).exit_code == 0
    stats = CliRunner().invoke(cli, ["db", "stats"], env=env)
    assert stats.exit_code == 0
    papers = scalar(graph, "RETURN COUNT { (p:Paper) WHERE NOT p.stub }")
    assert papers == len(records(DEMO_WORKS))
    assert re.search(rf"\bpapers\W+{papers}\b", stats.output), stats.output
    refused = CliRunner().invoke(cli, ["db", "reset"], env=env)
    assert refused.exit_code == 1
    assert "--yes" in refused.output
    done = CliRunner().invoke(cli, ["db", "reset", "--yes"], env=env)
    assert done.exit_code == 0
    assert scalar(graph, "MATCH (n) RETURN count(n)") == 0


def test_broken_files_are_reported_by_place_and_every_good_line_loads(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    wipe(graph)
    good = DEMO_WORKS.read_text(encoding="utf-8").splitlines()[:30]
    folder = tmp_path / "broken"
    folder.mkdir()
    # Lines that used to end the whole load with a traceback and nothing loaded.
    (folder / "a-hostile.jsonl").write_text(
        "\n".join(
            [
                good[0],
                '{"id": "W1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
                json.dumps({**json.loads(good[1]), "cited_by_count": 2**64}),
                good[2],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    packed = gzip.compress(("\n".join(good[3:29]) + "\n").encode())
    (folder / "b-truncated.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (folder / "c-text.jsonl.gz").write_text(good[29] + "\n", encoding="utf-8")
    (folder / "d-empty.jsonl").write_bytes(b"")
    (folder / "e-garbage.jsonl").write_bytes(bytes(range(256)) * 40)
    # Rejects in the test's own folder, not the working directory's rejects.jsonl.
    load = ["load", "openalex", str(folder), "--rejects", str(tmp_path / "rejects.jsonl")]
    result = CliRunner().invoke(cli, load, env=neo4j_target.env())
    output = " ".join(result.output.split())
    assert result.exit_code == 2, output
    assert "Traceback" not in result.output
    assert "Aborted" not in result.output
    assert f"{folder / 'a-hostile.jsonl'}:2: the record nests too deeply to read" in output
    assert f"{folder / 'a-hostile.jsonl'}:3: cited_by_count" in output
    assert "b-truncated.jsonl.gz:" in output
    assert "the file ends early" in output
    assert f"{folder / 'c-text.jsonl.gz'}:1: the file is named .gz but is not gzip" in output
    assert "e-garbage.jsonl:1: bad JSON" in output
    loaded = scalar(graph, "RETURN COUNT { (p:Paper) WHERE NOT p.stub }")
    read_from_truncated = loaded - 2
    assert 0 < read_from_truncated < 26
    assert f"{loaded} works loaded" in output
    # Run again: the same graph, the same report.
    before = dump(graph)
    again = CliRunner().invoke(cli, load, env=neo4j_target.env())
    assert again.exit_code == 2
    assert dump(graph) == before
