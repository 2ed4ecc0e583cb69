"""The session's Neo4j maps the class-data archive its install recorded (one for every home)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.localneo4j.distribution import find_java
from graph_service.localneo4j.host import cmdline
from tests.support.neo4j import Neo4jTarget


def test_a_started_server_maps_the_archive_of_the_caches_jars(neo4j_target: Neo4jTarget) -> None:
    server = neo4j_target.server
    if server is None:
        pytest.skip(f"the tests' Neo4j is not a local server ({neo4j_target.source})")
    pid = server.status().pid
    assert pid is not None
    archive = server.class_data.archive(find_java())
    assert archive.is_file()
    # Mapped, not just named: the JVM checked the classpath and the jars and took it.
    assert str(archive) in Path(f"/proc/{pid}/maps").read_text()
    assert server.class_data.classpath() in cmdline(pid)
