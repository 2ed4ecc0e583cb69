"""`load openalex --bulk`: the offline importer gives exactly the graph an online load gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from graph_service.cli import app as cli
from graph_service.devdata import generator
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.localneo4j.scratch import scratch_server
from graph_service.localneo4j.server import LocalServer
from tests.support.graphs import dump, load_files
from tests.support.neo4j import Neo4jTarget


@pytest.fixture(scope="module")
def bulk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """A second local server of its own: --bulk stops and restarts the server it loads."""
    with scratch_server(tmp_path_factory.mktemp("bulk-home")) as server:
        yield server


def bulk_env(server: LocalServer) -> dict[str, str]:
    status = server.status()
    return {
        "NEO4J_URI": "",
        "NEO4J_PASSWORD": "",
        "GRAPH_SERVICE_NEO4J_HOME": str(server.home),
        "GRAPH_SERVICE_BOLT_PORT": str(status.bolt_port),
        "GRAPH_SERVICE_HTTP_PORT": str(status.http_port),
    }


def reset(server: LocalServer) -> None:
    result = CliRunner().invoke(cli, ["db", "reset", "--yes"], env=bulk_env(server))
    assert result.exit_code == 0, result.output


SIMILAR = (
    "MATCH (p:Paper)-[s:SIMILAR_TO]->(q:Paper) RETURN p.id AS p, q.id AS q, properties(s) AS s"
)


def similar_to(driver: neo4j.Driver) -> dict[tuple[str, str], dict[str, object]]:
    rows, _, _ = driver.execute_query(SIMILAR)
    return {(row["p"], row["q"]): row["s"] for row in rows}


def bulk_dump(
    server: LocalServer,
) -> tuple[tuple[list[str], list[str]], dict[tuple[str, str], dict[str, object]]]:
    """The bulk-loaded graph's dump, and its similarity lists with their exact values."""
    status = server.status()
    assert status.running
    assert status.uri
    with neo4j.GraphDatabase.driver(status.uri, auth=("neo4j", server.password())) as driver:
        return dump(driver), similar_to(driver)


def compare(
    target: Neo4jTarget,
    graph: neo4j.Driver,
    server: LocalServer,
    files: list[Path],
    tmp_path: Path,
    rejected: int = 0,
) -> str:
    """Bulk-load `files` into `server` and online into the session's graph; the same graph.
    Returns what the bulk load printed."""
    reset(server)
    result = CliRunner().invoke(
        cli,
        [
            "load",
            "openalex",
            "--bulk",
            "--rejects",
            str(tmp_path / "rejects.jsonl"),
            *map(str, files),
        ],
        env=bulk_env(server),
    )
    assert result.exit_code == (2 if rejected else 0), result.output
    assert "(bulk import)" in result.output
    load_files(target, files, rejected=rejected)
    graph_dump, lists = bulk_dump(server)
    online = dump(graph)
    for bulk_part, online_part in zip(graph_dump, online, strict=True):
        only_bulk = sorted(set(bulk_part) - set(online_part))[:3]
        only_online = sorted(set(online_part) - set(bulk_part))[:3]
        assert not only_bulk, (only_bulk, only_online)
        assert not only_online, only_online
    assert graph_dump == online
    # The lists came through neo4j-admin's CSV: the same doubles as the online refresh's.
    assert lists
    assert lists == similar_to(graph)
    return result.output


def test_bulk_equals_online_on_demo_and_generated_and_reports_bad_lines(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, bulk_server: LocalServer, tmp_path: Path
) -> None:
    # Two bad lines in the demo file: each is reported with its line, the rest loads.
    demo = tmp_path / "demo.jsonl"
    good = DEMO_WORKS.read_text(encoding="utf-8").splitlines()
    demo.write_text("\n".join([good[0], "{not json", json.dumps({"id": 5}), *good[1:]]) + "\n")
    generated = tmp_path / "works.jsonl.gz"
    generator.write(generated, 800, seed=11)
    output = compare(neo4j_target, graph, bulk_server, [demo, generated], tmp_path, rejected=2)
    assert f"{demo}:2: bad JSON" in output
    assert f"{demo}:3:" in output
    assert f"{len(good) + 800} works loaded" in output
    assert len((tmp_path / "rejects.jsonl").read_text().splitlines()) == 2
    # The schema is in place afterwards: the full-text index answers.
    status = bulk_server.status()
    with neo4j.GraphDatabase.driver(
        status.uri or "", auth=("neo4j", bulk_server.password())
    ) as driver:
        hits, _, _ = driver.execute_query(
            "CALL db.index.fulltext.queryNodes('search', 'zhou') YIELD node RETURN count(node) AS n"
        )
        assert hits[0]["n"] > 0
    # A second bulk load is refused: it would replace the graph.
    again = CliRunner().invoke(
        cli, ["load", "openalex", "--bulk", str(DEMO_WORKS)], env=bulk_env(bulk_server)
    )
    assert again.exit_code == 1
    assert "needs an empty graph" in again.output


@pytest.mark.shared_data
def test_bulk_equals_online_on_openalex_sample(
    neo4j_target: Neo4jTarget,
    graph: neo4j.Driver,
    bulk_server: LocalServer,
    shared_data: Path,
    tmp_path: Path,
) -> None:
    compare(
        neo4j_target,
        graph,
        bulk_server,
        [shared_data / "openalex" / "works-sample-289.jsonl"],
        tmp_path,
    )
