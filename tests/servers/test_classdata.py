"""A class-data archive the JVM cannot use (damaged, or another Java's) costs a slower start,
nothing else: the server starts and answers from its jars."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import neo4j

from graph_service.localneo4j.distribution import find_java, sync_jars
from graph_service.localneo4j.scratch import quick_stop, scratch_home, start_free
from graph_service.localneo4j.server import LocalServer
from tests.support.cypher import scalar
from tests.support.neo4j import target_of


def test_a_damaged_archive_is_passed_over(tmp_path: Path) -> None:
    fetched = scratch_home(tmp_path / "fetching").cache
    # A cache of its own (the same jars, linked), so no other server sees the damage.
    server = LocalServer(tmp_path / "home", cache=tmp_path / "cache")
    for folder in ("lib", "plugins"):
        (server.cache / folder).mkdir(parents=True)
        sync_jars(fetched / folder, server.cache / folder)
    shutil.copy(fetched / ".complete", server.cache / ".complete")
    archive = server.class_data.archive(find_java())
    archive.parent.mkdir()
    archive.write_bytes(os.urandom(1 << 16))
    server.install()  # finds an archive: records none
    quick_stop(server)
    status = start_free(server)
    try:
        target = target_of(server)
        with neo4j.GraphDatabase.driver(target.uri, auth=(target.user, target.password)) as driver:
            assert scalar(driver, "RETURN 1") == 1
        assert status.pid is not None
        assert str(archive) not in Path(f"/proc/{status.pid}/maps").read_text()
    finally:
        server.stop()
