"""Fixtures: a Neo4j for the whole session (never the user's), a clean graph per test."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest
from pydantic import SecretStr

from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import Settings
from tests.graphdump import wipe

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
TEST_HEAP = "1g"
TEST_PAGECACHE = "512m"
# A test server has no clients to let finish when it stops: without these Bolt waits 5 s for
# its connections and 5 s more for its threads, 10 s per stop (internal settings of 5.26).
QUICK_STOP = """\
internal.server.bolt.connection_shutdown_wait_time=0s
internal.server.bolt.thread_pool_shutdown_wait_time=0s
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
internal.dbms.bolt.netty_server_shutdown_timeout=1s
"""


@dataclass(frozen=True)
class Neo4jTarget:
    """How to reach the session's Neo4j, and the local server behind it when there is one."""

    uri: str
    user: str
    password: str
    source: str
    server: LocalServer | None = None
    http_port: int | None = None

    def settings(self, **overrides: object) -> Settings:
        values: dict[str, object] = {
            "neo4j_uri": self.uri,
            "neo4j_user": self.user,
            "neo4j_password": SecretStr(self.password),
            "neo4j_database": "neo4j",
        }
        values.update(overrides)
        return Settings.model_validate(values)


def docker_answers() -> bool:
    docker = shutil.which("docker")
    if not docker:
        return False
    try:
        probe = subprocess.run([docker, "info"], capture_output=True, timeout=15, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def quick_home(home: Path) -> LocalServer:
    """A local server installed in `home` (never the user's), set to stop at once."""
    server = LocalServer(home)
    server.install()
    server.conf.extra_path.write_text(QUICK_STOP)
    return server


def start_local(home: Path) -> LocalServer:
    server = quick_home(home)
    server.start(
        bolt_port=free_port(), http_port=free_port(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE
    )
    return server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs a Neo4j (the integration tests: the session's server or one of their
    own) and what drives a browser, so `pytest -m "not neo4j and not browser"` runs without
    Java or Chromium."""
    integration = Path(__file__).resolve().parent / "integration"
    for item in items:
        if integration in item.path.parents or "neo4j_target" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)
        if item.path.name in ("test_browser.py", "test_explorer.py"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def neo4j_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jTarget]:
    uri = os.environ.get("NEO4J_TEST_URI")
    if uri:
        yield Neo4jTarget(
            uri=uri,
            user=os.environ.get("NEO4J_TEST_USER", "neo4j"),
            password=os.environ.get("NEO4J_TEST_PASSWORD", ""),
            source="NEO4J_TEST_URI",
        )
        return
    if docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        password = "test-" + os.urandom(8).hex()
        container = Neo4jContainer("neo4j:5.26-community", password=password)
        container.with_env("NEO4J_PLUGINS", '["apoc", "graph-data-science"]')
        container.with_env("NEO4J_dbms_security_procedures_unrestricted", "apoc.*,gds.*")
        with container:
            yield Neo4jTarget(
                uri=container.get_connection_url(),
                user="neo4j",
                password=password,
                source="testcontainers",
                http_port=int(container.get_exposed_port(7474)),
            )
        return
    server = start_local(tmp_path_factory.mktemp("neo4j-home"))
    status = server.status()
    try:
        yield Neo4jTarget(
            uri=status.uri or "",
            user="neo4j",
            password=server.password(),
            source="local",
            server=server,
            http_port=status.http_port,
        )
    finally:
        server.stop()


@pytest.fixture(scope="session")
def driver(neo4j_target: Neo4jTarget) -> Iterator[neo4j.Driver]:
    with neo4j.GraphDatabase.driver(
        neo4j_target.uri, auth=(neo4j_target.user, neo4j_target.password)
    ) as session_driver:
        yield session_driver


@pytest.fixture
def graph(driver: neo4j.Driver) -> neo4j.Driver:
    """The session's driver on an empty graph (schema, which tests share, is kept)."""
    wipe(driver)
    return driver


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real OpenAlex data not present at {SHARED_DATA}")
    return SHARED_DATA
