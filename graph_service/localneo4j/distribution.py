"""Neo4j's distribution: the version pinned in the packaged Maven file, its jars fetched
from Maven Central once into a cache, and the Java and Maven that fetch and run them."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

SUPPORTED_JAVA = (17, 21)
POM_NAME = "neo4j-server.pom.xml"


class LocalServerError(Exception):
    """A local Neo4j operation failed; the message is one line a person can act on."""


def pom_path() -> Path:
    return Path(str(resources.files("graph_service.localneo4j") / POM_NAME))


def pinned_version() -> str:
    """The Neo4j version pinned in the Maven file (the one place it is written)."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(pom_path()).getroot()  # noqa: S314 (our own packaged file)
    node = root.find("m:properties/m:neo4j.version", ns)
    if node is None or not node.text:
        raise LocalServerError(f"{pom_path()} pins no neo4j.version")
    return node.text.strip()


def find_java() -> str:
    """The java binary to use (JAVA_HOME first), checked to be a version Neo4j 5.26 supports."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise LocalServerError(
            "no Java found: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jre-headless)"
        )
    out = subprocess.run(
        [candidate, "-version"], capture_output=True, text=True, check=False
    ).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):
        major = int(match.group(2))
    if major not in SUPPORTED_JAVA:
        raise LocalServerError(
            f"Java {major or 'of unknown version'} at {candidate} is not supported: "
            f"Neo4j 5.26 needs Java 17 or 21 (set JAVA_HOME to one)"
        )
    return candidate


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalServerError("Maven (mvn) not found: install it (e.g. apt-get install maven)")
    return mvn


PLUGIN_GROUPS = "org.neo4j.procedure,org.neo4j.gds"  # APOC's and Graph Data Science's own jars


def fingerprint() -> str:
    """What the cache was fetched for: a changed Maven file (a new pin, a new plugin) means a
    new fetch."""
    return hashlib.sha256(pom_path().read_bytes()).hexdigest()


def fetch(cache: Path, maven_settings: Path | None = None) -> None:
    """The pinned Neo4j's jars (and Browser's, APOC's, Graph Data Science's) from Maven Central
    into `cache`, whole or not at all."""
    mvn = find_maven()
    find_java()
    cache.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".fetch-", dir=cache.parent))
    settings = ["-s", str(maven_settings)] if maven_settings else []
    try:
        # Procedures are found in plugins/; the libraries they use stay on lib/, where Maven
        # has already settled each one's version against the server's.
        for folder, groups in (("lib", "excludeGroupIds"), ("plugins", "includeGroupIds")):
            result = subprocess.run(
                [
                    mvn,
                    "-B",
                    "-q",
                    *settings,
                    "-f",
                    str(pom_path()),
                    "dependency:copy-dependencies",
                    f"-DoutputDirectory={staging / folder}",
                    f"-D{groups}={PLUGIN_GROUPS}",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise LocalServerError(_maven_failure(result.stdout + result.stderr))
        (staging / ".complete").write_text(fingerprint())
        if cache.exists():
            shutil.rmtree(cache)
        staging.rename(cache)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def fetched(cache: Path) -> bool:
    """Whether `cache` holds a whole fetch for the current Maven file."""
    done = cache / ".complete"
    return done.exists() and done.read_text().strip() == fingerprint()


def sync_jars(source: Path, target: Path) -> None:
    """`target` holds exactly the jars of `source`, hard-linked where the disk allows."""
    wanted = {jar.name for jar in source.glob("*.jar")}
    for jar in target.glob("*.jar"):
        if jar.name not in wanted:
            jar.unlink()
    for name in wanted - {jar.name for jar in target.glob("*.jar")}:
        try:
            os.link(source / name, target / name)
        except OSError:
            shutil.copy2(source / name, target / name)


def _maven_failure(output: str) -> str:
    errors = [line.strip() for line in output.splitlines() if "ERROR" in line]
    detail = (errors or output.strip().splitlines()[-1:] or ["no output"])[0][:300]
    if re.search(
        r"Could not transfer|Unknown ?host|Connection refused|Network is unreachable"
        r"|timed out|Temporary failure in name resolution|offline"
        # A cold local repository cannot even fetch the dependency plugin.
        r"|No plugin found for prefix",
        output,
    ):
        return f"Maven could not download from Maven Central (offline?): {detail}"
    return f"Maven failed to resolve the Neo4j jars: {detail}"
