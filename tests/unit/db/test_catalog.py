"""The statement catalog: one typed name per file, templates written out per request shape,
and the files found the same way from a built wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graph_service.db.catalog import BEGIN_LEVEL, Catalog, cypher_dir, read_folder
from graph_service.db.statements import LABELS, SCHEMA, Statement
from tests.support.project import ROOT

PACKAGE = ROOT / "graph_service"


def test_every_file_has_a_name_and_every_name_a_file() -> None:
    files = {path.stem for path in (ROOT / "cypher").glob("*.cypher")}
    assert files == {statement.value for statement in Statement}


def test_every_statement_is_used() -> None:
    code = "\n".join(path.read_text() for path in PACKAGE.rglob("*.py"))
    unused = [
        s.name
        for s in Statement
        if f"Statement.{s.name}" not in code and not s.name.startswith("SCHEMA_")
    ]
    assert unused == []


def test_every_schema_statement_names_what_it_creates() -> None:
    # Start-up skips what exists by these names, so a read-only copy is never written to.
    catalog = Catalog()
    names = [catalog.schema_name(statement) for statement in SCHEMA]
    assert len(set(names)) == len(SCHEMA) > 0
    assert "paper_year" in names


def test_one_statement_per_file() -> None:
    catalog = Catalog()
    for statement in Statement:
        text = catalog.text(statement)
        body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
        assert ";" not in body.rstrip().rstrip(";"), f"{statement} holds more than one statement"


def test_a_part_is_written_again_where_it_is_repeated(tmp_path: Path) -> None:
    for statement in Statement:
        (tmp_path / f"{statement.value}.cypher").write_text("RETURN 1")
    (tmp_path / "ping.cypher").write_text(
        "CALL () {\n  // begin part rows\n  UNWIND $xs AS x\n  // end part rows\n"
        "  RETURN count(*) AS n\n}\nCALL () {\n  // repeat part rows\n"
        "  RETURN collect(x) AS xs\n}\nRETURN n, xs\n"
    )
    text = Catalog(tmp_path).text(Statement.PING)
    assert text.count("UNWIND $xs AS x") == 2
    assert "repeat part" not in text
    (tmp_path / "ping.cypher").write_text("// repeat part rows\nRETURN 1")
    with pytest.raises(ValueError, match="no part 'rows'"):
        Catalog(tmp_path)
    (tmp_path / "ping.cypher").write_text("// begin part rows\nRETURN 1")
    with pytest.raises(ValueError, match="part 'rows' has no"):
        Catalog(tmp_path)


def test_the_paper_list_reads_its_candidates_in_two_passes() -> None:
    text = Catalog().text(Statement.PAGE_PAPERS)
    assert text.count("CALL db.index.fulltext.queryNodes('paper_text', $words)") == 2


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_a_slice_statement_has_one_level_per_depth(depth: int) -> None:
    composed = Catalog().neighborhood("Paper", depth)
    levels = [line for line in composed.text.splitlines() if line.startswith(BEGIN_LEVEL)]
    assert len(levels) == depth
    assert "MATCH (center:Paper {id: $center})" in composed.text
    assert ":CENTER_LABEL" not in composed.text
    assert "UNION\n  MATCH (n:" not in composed.text  # no lookup by every label
    assert composed.name == f"select_neighborhood(Paper, depth {depth})"


def test_a_path_ends_statement_names_both_labels() -> None:
    text = Catalog().path_ends("Author", "Institution").text
    assert "MATCH (source:Author {id: $from}), (target:Institution {id: $to})" in text
    assert ":SOURCE_LABEL" not in text
    assert ":TARGET_LABEL" not in text


def test_written_out_once_per_shape() -> None:
    catalog = Catalog()
    assert catalog.neighborhood("Topic", 2) is catalog.neighborhood("Topic", 2)
    assert catalog.path_ends("Author", "Paper") is not catalog.path_ends("Paper", "Author")


def test_only_node_labels_are_written_into_a_statement() -> None:
    catalog = Catalog()
    for bad in ("Stale", "Author {id: 1}) DETACH DELETE center //", ""):
        with pytest.raises(ValueError, match="not a node label"):
            catalog.neighborhood(bad, 1)
        with pytest.raises(ValueError, match="not a node label"):
            catalog.path_ends("Author", bad)
    assert {catalog.neighborhood(label, 1).name for label in LABELS} == {
        f"select_neighborhood({label}, depth 1)" for label in LABELS
    }


def test_a_folder_without_a_statement_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ping.cypher").write_text("RETURN 1 AS ok")
    with pytest.raises(FileNotFoundError, match="count_graph"):
        Catalog(tmp_path)


def test_the_examples_are_read_by_folder() -> None:
    examples = read_folder(cypher_dir() / "examples")
    assert "coauthor_network" in examples
    assert all(text.strip() for text in examples.values())


def test_a_built_wheel_finds_its_statements(tmp_path: Path) -> None:
    """The wheel carries cypher/ and sql/ inside the package, and the lookups find them there."""
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip, "--wheel-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("graph_service-*.whl")
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    assert (installed / "graph_service" / "cypher" / "select_neighborhood.cypher").is_file()
    assert (installed / "graph_service" / "sql" / "bulk" / "works.sql").is_file()
    probe = (
        "from graph_service.db.catalog import Catalog, cypher_dir; "
        "c = Catalog(); print(cypher_dir()); print(len(c.neighborhood('Author', 3).text)); "
        "from graph_service.ingest.bulk import sql_dir; print(sql_dir())"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert Path(found[0]) == installed / "graph_service" / "cypher"
    assert int(found[1]) > len(Catalog().text(Statement.SELECT_NEIGHBORHOOD))
    assert Path(found[2]) == installed / "graph_service" / "sql"
