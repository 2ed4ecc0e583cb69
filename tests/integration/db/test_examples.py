"""The Neo4j Browser examples in cypher/examples/ run as they are on the shared graph, which
holds the demo set."""

from __future__ import annotations

import neo4j

from tests.support.project import ROOT

EXAMPLES = ROOT / "cypher" / "examples"


def run(driver: neo4j.Driver, name: str) -> list[neo4j.Record]:
    text = (EXAMPLES / f"{name}.cypher").read_text(encoding="utf-8")
    records, _, _ = driver.execute_query(text)
    return records


def test_every_example_is_checked() -> None:
    names = {path.stem for path in EXAMPLES.glob("*.cypher")}
    assert names == {
        "coauthor_network",
        "topic_most_cited",
        "path_between_researchers",
        "researcher_overview",
    }


def test_coauthor_network(shared: neo4j.Driver) -> None:
    rows = run(shared, "coauthor_network")
    coauthors = {row["b"]["name"] for row in rows}
    assert {"Shiyang Zhang", "Yuhua Zhou", "Shijie Han"} <= coauthors
    assert all(row["c"]["sharedWorks"] >= 1 for row in rows)


def test_topic_most_cited(shared: neo4j.Driver) -> None:
    rows = run(shared, "topic_most_cited")
    # Every paper on the topic or below it, most cited first: the same ids, in order.
    every, _, _ = shared.execute_query(
        "MATCH (:Topic {name: 'Neural Network Quantization'})<-[:SUBTOPIC_OF*0..3]-(:Topic)"
        "<-[:HAS_TOPIC]-(p:Paper) WITH DISTINCT p "
        "RETURN p.id AS id ORDER BY p.citedByCount DESC, p.year DESC, p.id"
    )
    assert len(every) >= 1
    assert [row["id"] for row in rows] == [row["id"] for row in every][:10]


def test_path_between_researchers(shared: neo4j.Driver) -> None:
    rows = run(shared, "path_between_researchers")
    assert len(rows) == 1
    path = rows[0]["path"]
    assert path.start_node["name"] == "Zechun Liu"
    assert path.end_node["name"] == "Annalisa Szymanski"
    # Author, paper, author, paper, author, paper, author: two researchers in between.
    assert len(path) == 6


def test_researcher_overview(shared: neo4j.Driver) -> None:
    rows = run(shared, "researcher_overview")
    papers, _, _ = shared.execute_query(
        "MATCH (:Author {name: 'Ting Hua'})-[:AUTHORED]->(p:Paper) RETURN p.year AS year"
    )
    assert len(rows) == len(papers) >= 1
    assert {row["author"] for row in rows} == {"Ting Hua"}
    assert rows[0]["works"] == len(rows)
    years = [row["year"] for row in rows]
    assert years == sorted(years, reverse=True)
