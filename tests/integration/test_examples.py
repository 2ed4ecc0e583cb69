"""The Neo4j Browser examples in cypher/examples/ run as they are on the demo set."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from graph_service.devdata.demo import DEMO_WORKS
from tests.conftest import Neo4jTarget
from tests.graphdump import wipe
from tests.integration.gql import load_files

EXAMPLES = Path(__file__).resolve().parents[2] / "cypher" / "examples"


@pytest.fixture(scope="module")
def demo(neo4j_target: Neo4jTarget, driver: neo4j.Driver) -> neo4j.Driver:
    wipe(driver)
    load_files(neo4j_target, [DEMO_WORKS])
    return driver


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


def test_coauthor_network(demo: neo4j.Driver) -> None:
    rows = run(demo, "coauthor_network")
    coauthors = {row["b"]["name"] for row in rows}
    assert {"Shiyang Zhang", "Yuhua Zhou", "Shijie Han"} <= coauthors
    assert all(row["c"]["sharedWorks"] >= 1 for row in rows)


def test_topic_most_cited(demo: neo4j.Driver) -> None:
    rows = run(demo, "topic_most_cited")
    # Every paper on the topic or below it, most cited first: the same ids, in order.
    every, _, _ = demo.execute_query(
        "MATCH (:Topic {name: 'Neural Network Quantization'})<-[:SUBTOPIC_OF*0..3]-(:Topic)"
        "<-[:HAS_TOPIC]-(p:Paper) WITH DISTINCT p "
        "RETURN p.id AS id ORDER BY p.citedByCount DESC, p.year DESC, p.id"
    )
    assert len(every) >= 1
    assert [row["id"] for row in rows] == [row["id"] for row in every][:10]


def test_path_between_researchers(demo: neo4j.Driver) -> None:
    rows = run(demo, "path_between_researchers")
    assert len(rows) == 1
    path = rows[0]["path"]
    assert path.start_node["name"] == "Zechun Liu"
    assert path.end_node["name"] == "Annalisa Szymanski"
    # Author, paper, author, paper, author, paper, author: two researchers in between.
    assert len(path) == 6


def test_researcher_overview(demo: neo4j.Driver) -> None:
    rows = run(demo, "researcher_overview")
    papers, _, _ = demo.execute_query(
        "MATCH (:Author {name: 'Ting Hua'})-[:AUTHORED]->(p:Paper) RETURN p.year AS year"
    )
    assert len(rows) == len(papers) >= 1
    assert {row["author"] for row in rows} == {"Ting Hua"}
    assert rows[0]["works"] == len(rows)
    years = [row["year"] for row in rows]
    assert years == sorted(years, reverse=True)
