"""The tests' Neo4j: the one NEO4J_TEST_URI names, a container where Docker runs, or a scratch
server of the project's own (never the user's), and how to reach it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from graph_service.localneo4j.scratch import scratch_server
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import Settings


@dataclass(frozen=True)
class Neo4jTarget:
    """How to reach a Neo4j, and the local server behind it when there is one."""

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

    def env(self) -> dict[str, str]:
        """The environment variables that point the service and the CLI at it."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}


def target_of(server: LocalServer, source: str = "local") -> Neo4jTarget:
    """The target of a running local server."""
    status = server.status()
    return Neo4jTarget(
        uri=status.uri or "",
        user="neo4j",
        password=server.password(),
        source=source,
        server=server,
        http_port=status.http_port,
    )


def docker_answers() -> bool:
    docker = shutil.which("docker")
    if not docker:
        return False
    try:
        probe = subprocess.run([docker, "info"], capture_output=True, timeout=15, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


@contextmanager
def session_target(home: Path) -> Iterator[Neo4jTarget]:
    """The Neo4j a test session runs against: NEO4J_TEST_URI's, else a container where a
    Docker engine answers, else a scratch server in `home`."""
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
    with scratch_server(home) as server:
        yield target_of(server)
