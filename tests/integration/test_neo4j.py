"""The session's Neo4j is the real 5.26 server, with Bolt, Browser and APOC."""

from __future__ import annotations

import urllib.request

import neo4j
import pytest

from graph_service.statements import LABELS, SCHEMA, Catalog, Statement
from tests.conftest import Neo4jTarget


def test_bolt_round_trip(graph: neo4j.Driver) -> None:
    graph.execute_query("CREATE (:Probe {name: $name})", name="round trip")
    records, _, _ = graph.execute_query("MATCH (p:Probe) RETURN p.name AS name")
    assert [r["name"] for r in records] == ["round trip"]


def test_server_is_5_26_community(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition RETURN *")
    assert records[0]["versions"][0].startswith("5.26.")
    assert records[0]["edition"] == "community"


def test_apoc_answers(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query("RETURN apoc.version() AS version")
    assert records[0]["version"].startswith("5.26.")


def test_browser_page(neo4j_target: Neo4jTarget) -> None:
    if neo4j_target.http_port is None:
        pytest.skip("NEO4J_TEST_URI gives no HTTP port to check Neo4j Browser on")
    url = f"http://127.0.0.1:{neo4j_target.http_port}/browser/"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        assert "<title>Neo4j Browser</title>" in response.read().decode()


def test_every_statement_passes_explain(driver: neo4j.Driver) -> None:
    """Every file as it is, and every statement the catalog writes out from a template."""
    catalog = Catalog()
    texts = [catalog.text(s) for s in Statement if s not in SCHEMA]
    # Schema commands cannot be EXPLAINed; applying them is their test.
    texts += [catalog.neighborhood(label, depth).text for label in LABELS for depth in (1, 2, 3)]
    texts += [catalog.path(source, target).text for source in LABELS for target in LABELS]
    with driver.session() as session:
        for text in texts:
            session.run("EXPLAIN " + text).consume()
