"""The local server manager's checks that need no running Neo4j."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from graph_service.localneo4j import distribution, host
from graph_service.localneo4j.clone import clone
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [("512m", 512 * 1024**2), ("2g", 2 * 1024**3), ("1G", 1024**3), ("64k", 65536), ("10", 10)],
)
def test_parse_size(text: str, expected: int) -> None:
    assert host.parse_size(text) == expected


def test_parse_size_rejects_garbage() -> None:
    with pytest.raises(LocalServerError, match="not like 512m"):
        host.parse_size("lots")


def test_port_is_free_sees_a_bound_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert not host.port_is_free(port)
    assert host.port_is_free(port)


def fake_java(folder: Path, version: str) -> Path:
    java_home = folder / "jdk"
    (java_home / "bin").mkdir(parents=True)
    java = java_home / "bin" / "java"
    java.write_text(f"#!/bin/sh\necho 'openjdk version \"{version}\" 2030-01-01' >&2\n")
    java.chmod(0o755)
    return java_home


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


def test_start_refuses_an_uninstalled_home(tmp_path: Path) -> None:
    with pytest.raises(LocalServerError, match="is not installed"):
        LocalServer(tmp_path / "home").start()


def test_status_of_a_new_home_is_stopped(tmp_path: Path) -> None:
    status = LocalServer(tmp_path / "home").status()
    assert (status.running, status.installed, status.pid) == (False, False, None)


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


def test_a_home_is_not_cloned_into_itself(tmp_path: Path) -> None:
    server = LocalServer(tmp_path / "home")
    with pytest.raises(LocalServerError, match="into itself"):
        clone(server, LocalServer(tmp_path / "home"), "neo4j", read_only=True)


def test_compose_runs_the_proxy_configuration_with_every_address_it_reads() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    config = (ROOT / "deploy" / "haproxy.cfg").read_text()
    assert "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg" in compose
    names = set(re.findall(r"\$\{(GRAPH_SERVICE_\w+)\}", config))
    assert names == {
        "GRAPH_SERVICE_PROXY_BIND",
        "GRAPH_SERVICE_PROXY_STATS",
        "GRAPH_SERVICE_PRIMARY",
        "GRAPH_SERVICE_REPLICA",
    }
    assert all(re.search(rf"^\s+{name}:", compose, re.MULTILINE) for name in names)
