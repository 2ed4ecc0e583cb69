"""Fetching Neo4j with the machine's Maven: a machine that cannot reach Maven Central is told so."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.localneo4j import host
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer


def test_maven_offline_is_named(tmp_path: Path) -> None:
    """A mirror nobody answers stands for a machine with no way to Maven Central."""
    settings = tmp_path / "settings.xml"
    settings.write_text(
        f"""<settings><localRepository>{tmp_path / "m2"}</localRepository>
        <mirrors><mirror><id>nowhere</id><mirrorOf>*</mirrorOf>
        <url>http://127.0.0.1:{host.free_port()}/maven2</url></mirror></mirrors>
        </settings>"""
    )
    server = LocalServer(tmp_path / "home", cache=tmp_path / "cache", maven_settings=settings)
    with pytest.raises(LocalServerError, match=r"Maven could not download .*offline"):
        server.install()
    assert not (tmp_path / "cache" / f"neo4j-{server.version}").exists()
