"""A Neo4j home's checks that need no running Neo4j: start and status of a home not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer


def test_start_refuses_an_uninstalled_home(tmp_path: Path) -> None:
    with pytest.raises(LocalServerError, match="is not installed"):
        LocalServer(tmp_path / "home").start()


def test_status_of_a_new_home_is_stopped(tmp_path: Path) -> None:
    status = LocalServer(tmp_path / "home").status()
    assert (status.running, status.installed, status.pid) == (False, False, None)
