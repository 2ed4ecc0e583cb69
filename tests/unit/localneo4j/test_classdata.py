"""The class-data archive's name and flags, without a JVM: one per build of Java, used only
once it is there."""

from __future__ import annotations

import os
from pathlib import Path

from graph_service.localneo4j.classdata import ClassData


def java_at(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    return str(path)


def test_each_build_of_java_has_an_archive_of_its_own(tmp_path: Path) -> None:
    data = ClassData(tmp_path / "cache")
    java = java_at(tmp_path / "jdk" / "bin" / "java")
    other = java_at(tmp_path / "other" / "bin" / "java")
    first = data.archive(java)
    assert first == data.archive(java)
    assert first.parent == tmp_path / "cache" / "cds"
    assert data.archive(other) != first
    # The same path after an upgrade of the JDK in place is another build.
    Path(java).write_text("#!/bin/sh\n# upgraded\n")
    assert data.archive(java) != first


def test_the_flags_map_the_archive_only_once_it_exists(tmp_path: Path) -> None:
    data = ClassData(tmp_path / "cache")
    java = java_at(tmp_path / "jdk" / "bin" / "java")
    assert data.flags(java) == []
    data.folder.mkdir(parents=True)
    data.archive(java).write_bytes(b"archive")
    assert data.flags(java) == [f"-XX:SharedArchiveFile={data.archive(java)}"]


def test_the_classpath_is_the_caches_own_jars(tmp_path: Path) -> None:
    entries = ClassData(tmp_path / "cache").classpath().split(os.pathsep)
    assert entries == [
        str(tmp_path / "cache" / "plugins" / "*"),
        str(tmp_path / "cache" / "lib" / "*"),
    ]
