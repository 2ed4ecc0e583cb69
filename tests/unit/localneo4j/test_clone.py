"""Cloning a home's graph into another home."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.localneo4j.clone import clone
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer


def test_a_home_is_not_cloned_into_itself(tmp_path: Path) -> None:
    server = LocalServer(tmp_path / "home")
    with pytest.raises(LocalServerError, match="into itself"):
        clone(server, LocalServer(tmp_path / "home"), "neo4j", read_only=True)
