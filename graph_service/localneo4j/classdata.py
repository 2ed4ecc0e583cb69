"""The JVM's class-data archive for the local Neo4j: the classes a server loads, mapped from one
file instead of read, parsed and verified from some 300 jars at every start.

Measured on two cores: a start takes about 10 s where it took 17, and a restarted server's first
statement about 1 s where it took 2 (the Cypher classes are in the archive too).

One archive per fetched distribution and build of Java, shared by every home: its classpath is
the cache's jars, the same string for all of them, as the JVM requires. It is written once, by
a server of its own that runs one statement and stops (-XX:ArchiveClassesAtExit makes that run
about a minute). A JVM that finds it unusable (changed jars) says so in the console log and loads
its classes from the jars as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretStr

from graph_service.db.repository import Repository
from graph_service.errors import ServiceError
from graph_service.settings import Settings

if TYPE_CHECKING:
    from graph_service.localneo4j.server import LocalServer


class ClassData:
    """The archives of one distribution cache, one per build of Java."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.folder = cache / "cds"

    def classpath(self) -> str:
        """The cache's own jars: plugins first, as Neo4j's launcher puts them."""
        return os.pathsep.join(str(self.cache / folder / "*") for folder in ("plugins", "lib"))

    def archive(self, java: str) -> Path:
        """The archive for this build of Java (the JVM accepts no other's)."""
        binary = Path(java).resolve()
        stat = binary.stat()
        build = f"{binary}:{stat.st_size}:{stat.st_mtime_ns}"
        return self.folder / f"java-{hashlib.sha256(build.encode()).hexdigest()[:16]}.jsa"

    def flags(self, java: str) -> list[str]:
        """Map the archive when there is one."""
        archive = self.archive(java)
        return [f"-XX:SharedArchiveFile={archive}"] if archive.exists() else []


def train(server: LocalServer, java: str, say: Callable[[str], None]) -> None:
    """Write the archive for `java` unless it is there or another process is writing it: a
    server of its own (the cache's, on free ports) records the classes it loads while it starts
    and answers a statement, and writes them when it stops."""
    from graph_service.localneo4j.scratch import PAGECACHE, quick_stop, start_free

    data = server.class_data
    archive = data.archive(java)
    if archive.exists():
        return
    data.folder.mkdir(parents=True, exist_ok=True)
    with (data.folder / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        if archive.exists():
            return
        say("recording the classes Neo4j loads, so it starts faster (once, about a minute)")
        with tempfile.TemporaryDirectory(prefix=".class-data-", dir=data.cache.parent) as folder:
            part = Path(folder) / "classes.jsa"
            trainer = type(server)(Path(folder) / "home", data.cache.parent, server.maven_settings)
            trainer.install(train_class_data=False)
            quick_stop(trainer)
            trainer.records_classes_to = part
            status = start_free(trainer, heap="512m", pagecache=PAGECACHE)
            try:
                # Without the statement's classes the start's are still worth keeping.
                with contextlib.suppress(ServiceError):
                    asyncio.run(answer(status.uri or "", trainer.password()))
            finally:
                trainer.stop()
            # A JVM that could not write it leaves nothing (or nothing whole): no archive then.
            with contextlib.suppress(OSError):
                if part.stat().st_size > 0:
                    os.replace(part, archive)


async def answer(uri: str, password: str) -> float:
    """The repository's own ping (the classes of a whole statement: parse, plan, run), and
    the seconds it took."""
    settings = Settings.model_validate(
        {"neo4j_uri": uri, "neo4j_password": SecretStr(password), "warm_up": False}
    )
    repository = Repository.connect(settings)
    try:
        began = time.monotonic()
        await repository.ping()
        return time.monotonic() - began
    finally:
        await repository.close()
