"""The package's layers: each part imports only the parts below it, and the driver, GraphQL and
the web framework each stay in the part that owns them (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import graph_service

PACKAGE = Path(graph_service.__file__).resolve().parent
# The parts of the package each part may import (cli/ puts everything together).
ALLOWED = {
    "settings": set(),
    "errors": set(),
    "devdata": set(),
    "db": {"errors", "settings"},
    # The local server's class data is recorded while the repository's ping runs.
    "localneo4j": {"db", "errors", "settings"},
    "ingest": {"db", "errors", "localneo4j", "settings"},
    "api": {"db", "errors", "ingest", "settings"},
    "http": {"api", "db", "errors", "localneo4j", "settings"},
}
# Libraries each part alone may use.
OWNERS = {"neo4j": {"db"}, "typer": {"cli"}, "uvicorn": {"cli", "http"}}


def imports(part: str) -> set[str]:
    """Every module a part's files import, by its full dotted name."""
    folder = PACKAGE / part
    files = sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{part}.py"]
    found: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return found


def parts_imported(part: str) -> set[str]:
    return {
        name.split(".")[1]
        for name in imports(part)
        if name.startswith("graph_service.") and name.split(".")[1] != part
    }


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_a_part_imports_only_the_parts_below_it(part: str) -> None:
    assert parts_imported(part) <= ALLOWED[part]


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_a_library_stays_in_the_part_that_owns_it(library: str) -> None:
    users = {
        part
        for part in [*ALLOWED, "cli"]
        if any(name == library or name.startswith(f"{library}.") for name in imports(part))
    }
    assert users <= OWNERS[library]


def test_every_part_is_known() -> None:
    parts = {path.stem for path in PACKAGE.iterdir() if path.suffix == ".py" or path.is_dir()}
    assert parts - {"__init__", "__main__", "__pycache__", "data", "cli"} == set(ALLOWED)
