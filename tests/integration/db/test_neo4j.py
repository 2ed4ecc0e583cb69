"""The session's Neo4j is the real 5.26 server, with Bolt, Browser and APOC."""

from __future__ import annotations

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import neo4j
import pytest

from graph_service.db.catalog import Catalog
from graph_service.db.statements import LABELS, SCHEMA, Statement
from tests.support.neo4j import Neo4jTarget


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


# Planning each of them takes a second or two: the scale tier (make check). In make test, every
# statement the API and ingest run is planned by the tests that run it.
@pytest.mark.scale
def test_every_statement_passes_explain(driver: neo4j.Driver) -> None:
    """Every file as it is, and every statement the catalog writes out from a template."""
    catalog = Catalog()
    texts = [catalog.text(s) for s in Statement if s not in SCHEMA]
    # Schema commands cannot be EXPLAINed; applying them is their test.
    # Planning one takes a second or two, so not all 12 slices and 16 paths: every depth the
    # levels repeat to, every label at the centre, and every label at each end of a path.
    first, *others = LABELS
    texts += [catalog.neighborhood(first, depth).text for depth in (1, 2, 3)]
    texts += [catalog.neighborhood(label, 1).text for label in others]
    texts += [catalog.path_ends(s, t).text for s, t in zip(LABELS, [*others, first], strict=True)]

    def explain(text: str) -> None:
        with driver.session() as session:
            session.run("EXPLAIN " + text).consume()

    # Neo4j plans each on one core: two at once.
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(explain, texts))
