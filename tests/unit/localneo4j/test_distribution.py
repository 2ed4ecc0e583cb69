"""The pinned Neo4j and the Java and Maven that fetch and run it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_service.localneo4j import distribution
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer
from tests.support.project import ROOT


def test_pinned_version_is_a_5_26_patch_release() -> None:
    assert re.fullmatch(r"5\.26\.\d+", distribution.pinned_version())


def test_pin_is_written_once_and_apoc_follows_it() -> None:
    pom = distribution.pom_path().read_text()
    assert len(re.findall(r"5\.26\.\d+", pom)) == 1
    assert pom.count("${neo4j.version}") == 3  # server, apoc-core, apoc-common


def test_compose_neo4j_tag_names_the_pinned_line() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    tags = re.findall(r"image:\s*neo4j:(\d+\.\d+)[.\w-]*", compose)
    major_minor = ".".join(distribution.pinned_version().split(".")[:2])
    assert tags == [major_minor]


def test_unsupported_java_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(fake_java(tmp_path, "25.0.1")))
    with pytest.raises(LocalServerError, match=r"Java 25 .* needs Java 17 or 21"):
        distribution.find_java()


def test_supported_java_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(fake_java(tmp_path, "21.0.4")))
    assert distribution.find_java().endswith("/jdk/bin/java")


def test_missing_java_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "nowhere"))
    with pytest.raises(LocalServerError, match="no Java found"):
        distribution.find_java()


def test_missing_maven_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    server = LocalServer(tmp_path / "home", cache=tmp_path / "cache")
    with pytest.raises(LocalServerError, match=r"Maven \(mvn\) not found"):
        server.install()


def fake_java(folder: Path, version: str) -> Path:
    java_home = folder / "jdk"
    (java_home / "bin").mkdir(parents=True)
    java = java_home / "bin" / "java"
    java.write_text(f"#!/bin/sh\necho 'openjdk version \"{version}\" 2030-01-01' >&2\n")
    java.chmod(0o755)
    return java_home
