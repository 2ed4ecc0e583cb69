"""The `graph-service` command as a person runs it, for tests."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from graph_service.cli import app as cli
from tests.support.neo4j import Neo4jTarget


def load_by_cli(
    target: Neo4jTarget, source: str, path: Path, rejects: Path | None = None
) -> tuple[int, str]:
    """`graph-service load <source> PATH [--rejects FILE]`: the exit code and the output, with
    the console's line wrapping undone."""
    args = ["load", source, str(path), *(["--rejects", str(rejects)] if rejects else [])]
    result = CliRunner().invoke(cli, args, env=target.env())
    return result.exit_code, " ".join(result.output.split())
