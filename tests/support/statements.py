"""The service's statements with some swapped, for tests of what a slow or failing statement
does to a request."""

from __future__ import annotations

from pathlib import Path

from graph_service.db.catalog import Catalog, cypher_dir


def swapped_statements(directory: Path, **texts: str) -> Catalog:
    """The service's statements, with those named swapped for the texts given."""
    folder = directory / "cypher"
    folder.mkdir()
    for path in cypher_dir().glob("*.cypher"):
        (folder / path.name).write_text(texts.get(path.stem, path.read_text()))
    return Catalog(folder)


def slow_statements(directory: Path) -> Catalog:
    """The service's statements, with the slice swapped for one that runs far past any
    timeout a test sets (it never returns a row)."""
    return swapped_statements(
        directory,
        select_neighborhood="UNWIND range(1, 10000000000) AS x WITH x WHERE x = -1 "
        "RETURN x AS slice",
    )
