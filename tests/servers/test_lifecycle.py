"""The project-managed Neo4j: install, start, status, stop, and the errors people hit."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError
from pydantic import SecretStr
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph_service.cli import app as cli
from graph_service.devdata.demo import DEMO_ARXIV
from graph_service.http.app import create_app
from graph_service.http.readiness import Readiness
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.scratch import HEAP, PAGECACHE, scratch_home
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import Settings
from tests.support.api import readyz_says
from tests.support.graphs import load_files
from tests.support.neo4j import Neo4jTarget


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """A home of its own (not the session's, not the user's), installed, not started."""
    server = scratch_home(tmp_path_factory.mktemp("lifecycle-home"))
    yield server
    server.stop()


def start(server: LocalServer, **options: object) -> None:
    values: dict[str, object] = {
        "bolt_port": free_port(),
        "http_port": free_port(),
        "heap": HEAP,
        "pagecache": PAGECACHE,
    }
    values.update(options)
    server.start(**values)  # type: ignore[arg-type]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_install_lays_out_the_home_and_is_idempotent(server: LocalServer) -> None:
    home = server.home
    assert {"lib", "plugins", "conf", "password"} <= set(listing(home))
    assert any(name.startswith("neo4j-browser-") for name in listing(home / "lib"))
    assert any(name.startswith("apoc-core-") for name in listing(home / "plugins"))
    assert (home / "conf" / "apoc.conf").exists()
    before = (listing(home / "lib"), listing(home / "plugins"), server.password())
    server.install()
    assert (listing(home / "lib"), listing(home / "plugins"), server.password()) == before


def test_password_is_random_and_private(server: LocalServer) -> None:
    password = server.password()
    assert len(password) >= 16
    assert password not in {"neo4j", "password", "secret"}
    assert stat.S_IMODE(server.password_path.stat().st_mode) == 0o600
    other = LocalServer(server.home.parent / "another")
    assert other.status().installed is False


def test_port_already_taken(server: LocalServer) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(LocalServerError, match=f"bolt port {port} is already in use"):
            start(server, bolt_port=port)
    assert not server.status().running


def test_not_enough_memory(server: LocalServer) -> None:
    with pytest.raises(LocalServerError, match="not enough memory: heap 9000g"):
        start(server, heap="9000g")


def test_start_timeout_reports_the_log(server: LocalServer) -> None:
    with pytest.raises(LocalServerError, match=r"did not answer within 1s; last lines of"):
        start(server, timeout=1.0)
    assert not server.status().running


def test_cli_status_and_env(server: LocalServer) -> None:
    runner = CliRunner()
    stopped = runner.invoke(cli, ["neo4j", "status", "--home", str(server.home)])
    assert stopped.exit_code == 3
    assert "stopped" in stopped.output
    env = runner.invoke(cli, ["neo4j", "env", "--home", str(server.home)])
    assert env.exit_code == 0
    assert f"export NEO4J_PASSWORD={server.password()}" in env.output
    assert "export NEO4J_URI=bolt://127.0.0.1:" in env.output
    assert "export NEO4J_USER=neo4j" in env.output


def test_lifecycle_readiness_and_data_across_a_restart(server: LocalServer) -> None:
    """Start, status, stop and start again on the same ports (two starts: each takes seconds):
    the service's readiness follows Neo4j down and back, and the data outlives the restart."""
    bolt, http = free_port(), free_port()
    start(server, bolt_port=bolt, http_port=http)
    try:
        status = server.status()
        assert status.running
        assert status.pid
        assert (status.bolt_port, status.http_port) == (bolt, http)
        assert status.version == server.version
        assert status.uri == f"bolt://127.0.0.1:{bolt}"
        with neo4j.GraphDatabase.driver(status.uri, auth=("neo4j", server.password())) as driver:
            records, _, _ = driver.execute_query("RETURN 40 + 2 AS answer")
            assert records[0]["answer"] == 42
            driver.execute_query("MERGE (:Marker {pid: $pid})", pid=os.getpid())
        with (
            neo4j.GraphDatabase.driver(status.uri, auth=("neo4j", "wrong-password")) as driver,
            pytest.raises(AuthError),
        ):
            driver.verify_connectivity()
        with pytest.raises(LocalServerError, match=r"already running \(pid"):
            start(server)
        settings = Settings.model_validate(
            {
                "neo4j_uri": status.uri,
                "neo4j_password": SecretStr(server.password()),
                "warm_up": False,  # planning takes seconds and readiness does not need it
            }
        )
        with TestClient(create_app(settings)) as client:
            assert client.get("/readyz").status_code == 200
            assert server.stop() is True
            stopped = server.status()
            assert not stopped.running
            assert stopped.pid is None
            assert server.stop() is False
            down = readyz_says(client, 503, within=Readiness.FRESH + 10)
            assert down["status"] == "unavailable"
            assert "Neo4j" in down["reason"]
            assert client.get("/healthz").status_code == 200
            # Started again without ports: on the ports the home last used, not 7687.
            again = CliRunner().invoke(
                cli,
                [
                    "neo4j",
                    "start",
                    "--home",
                    str(server.home),
                    "--heap",
                    HEAP,
                    "--pagecache",
                    PAGECACHE,
                ],
            )
            assert again.exit_code == 0, again.output
            assert (server.status().bolt_port, server.status().http_port) == (bolt, http)
            readyz_says(client, 200, within=Readiness.FRESH + 10)
        # The store, transaction logs and logs are as private as the password file.
        shared = [
            f"{path.relative_to(server.home)} {stat.S_IMODE(path.stat().st_mode):o}"
            for path in [server.home, *server.home.rglob("*")]
            if stat.S_IMODE(path.stat().st_mode) & 0o077
        ]
        assert shared == []
        assert any((server.home / "data" / "transactions").rglob("*"))
        conf = (server.home / "conf" / "neo4j.conf").read_text()
        assert "dbms.security.procedures.unrestricted=gds.*\n" in conf
        assert "apoc.import.file.enabled=false" in (server.home / "conf" / "apoc.conf").read_text()
        with neo4j.GraphDatabase.driver(status.uri, auth=("neo4j", server.password())) as driver:
            records, _, _ = driver.execute_query("MATCH (m:Marker) RETURN m.pid AS pid")
            assert [r["pid"] for r in records] == [os.getpid()]
            # A graph that has never held a citation (arXiv records only) still ranks its
            # papers: all alike, where Graph Data Science would refuse the unknown CITES.
            target = Neo4jTarget(status.uri, "neo4j", server.password(), "lifecycle")
            report = load_files(target, [DEMO_ARXIV], arxiv=True)
            assert report.ranked_papers > 0
            records, _, _ = driver.execute_query(
                "MATCH (p:Paper) RETURN count(p) AS papers, collect(DISTINCT p.importance) AS ranks"
            )
            assert records[0]["papers"] == report.ranked_papers
            assert len(records[0]["ranks"]) == 1
            assert records[0]["ranks"][0] > 0
    finally:
        server.stop()
