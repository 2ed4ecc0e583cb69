"""A home's own Neo4j settings: kept across starts, replaced, removed, checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer


def test_a_home_setting_is_kept_replaced_and_removed(tmp_path: Path) -> None:
    server = LocalServer(tmp_path / "home")
    server.conf.extra_path.parent.mkdir(parents=True)
    server.conf.extra_path.write_text("# tuned for this disk\ndb.logs.query.enabled=OFF\n")
    server.conf.set_setting("server.databases.default_to_read_only", "true")
    server.conf.set_setting("db.logs.query.enabled", "INFO")
    assert server.conf.settings() == {
        "db.logs.query.enabled": "INFO",
        "server.databases.default_to_read_only": "true",
    }
    server.conf.set_setting("server.databases.default_to_read_only", None)
    assert server.conf.settings() == {"db.logs.query.enabled": "INFO"}
    assert server.conf.extra_path.read_text().startswith("# tuned for this disk\n")
    # The conf written at each start carries it, in place of the default it names.
    server.conf.write(7687, 7474)
    conf = (server.home / "conf" / "neo4j.conf").read_text()
    assert "db.logs.query.enabled=INFO" in conf


@pytest.mark.parametrize(("name", "value"), [("no_dots", "1"), ("a.b=c", "1"), ("a.b", "x\ny")])
def test_a_bad_home_setting_is_refused(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(LocalServerError):
        LocalServer(tmp_path / "home").conf.set_setting(name, value)
