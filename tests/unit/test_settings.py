"""Settings come from the environment once, with safe defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from graph_service.settings import Settings


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "NEO4J_URI",
        "NEO4J_PASSWORD",
        "GRAPH_SERVICE_PORT",
        "GRAPH_SERVICE_NEO4J_HOME",
        "GRAPH_SERVICE_WARM_UP",
    ):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.neo4j_uri is None
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.password is None
    assert settings.warm_up is True
    assert ".git" not in settings.neo4j_home.parts


def test_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j://cluster.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pass")
    monkeypatch.setenv("GRAPH_SERVICE_PORT", "9000")
    monkeypatch.setenv("GRAPH_SERVICE_NEO4J_HOME", str(tmp_path))
    monkeypatch.setenv("GRAPH_SERVICE_WARM_UP", "false")
    settings = Settings()
    assert settings.warm_up is False
    assert settings.neo4j_uri == "neo4j://cluster.example:7687"
    assert settings.password == "s3cret-pass"
    assert settings.port == 9000
    assert settings.neo4j_home == tmp_path
    assert "s3cret" not in repr(settings)


def test_blank_uri_means_local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "")
    assert Settings().neo4j_uri is None


def test_bad_port_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_SERVICE_PORT", "70000")
    with pytest.raises(ValidationError, match="outside 1-65535"):
        Settings()
