"""No Cypher is built from strings: the package holds no Cypher text outside `cypher/`, and
the only calls that send a statement to Neo4j (in the repository) send the catalog's text,
never a literal, an f-string or a concatenation. The security review (docs/security.md)
rests on this."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import graph_service

PACKAGE = Path(graph_service.__file__).resolve().parent
# A clause keyword followed by what follows it in a statement: `MATCH (`, `RETURN n`, ...
CYPHER = re.compile(
    r"\b(?:OPTIONAL MATCH|MATCH|MERGE|UNWIND|DETACH DELETE|CREATE|RETURN|CALL)\s+[\(\{\w$]"
)
SENDS = {"execute_query", "run"}


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are docstrings (prose, allowed to name clauses)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def cypher_in_strings(source: str) -> list[int]:
    """Lines holding a string (or an f-string's text) that reads like a Cypher statement."""
    tree = ast.parse(source)
    prose = docstrings(tree)
    lines: list[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) not in prose and CYPHER.search(node.value):
            lines.append(node.lineno)
    return sorted(set(lines))


def built_statements(source: str) -> list[int]:
    """Lines where a statement is sent to the driver as anything but a name or the catalog's
    text (a literal, an f-string, a concatenation, a `.format` call)."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr not in SENDS or not node.args:
            continue
        receiver = ast.unparse(node.func.value)
        if receiver in {"uvicorn", "asyncio", "subprocess", "self"}:
            continue  # a server, an event loop, a process, the ASGI app's own run
        sent = node.args[0]
        from_catalog = isinstance(sent, ast.Call) and ast.unparse(sent.func) == "self.catalog.text"
        if not isinstance(sent, ast.Name) and not from_catalog:
            lines.append(node.lineno)
    return lines


def package_lines(scan: Callable[[str], list[int]]) -> dict[str, list[int]]:
    """The package's files where `scan` finds lines, with those lines."""
    return {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := scan(path.read_text(encoding="utf-8")))
    }


def test_the_package_holds_no_cypher_outside_the_statement_files() -> None:
    assert package_lines(cypher_in_strings) == {}


def test_statements_reach_the_driver_only_as_the_catalogs_text() -> None:
    assert package_lines(built_statements) == {}
    # The driver is called from the repository alone, with a name from catalog.text().
    callers = {
        path.name
        for path in PACKAGE.rglob("*.py")
        if re.search(r"\.execute_query\(|\btx\.run\(", path.read_text(encoding="utf-8"))
    }
    assert callers == {"repository.py"}
    repository = (PACKAGE / "db" / "repository.py").read_text(encoding="utf-8")
    assert "self.catalog.text(" in repository


def test_the_scan_finds_a_statement_built_from_a_string() -> None:
    built = (
        "async def find(driver, name):\n"
        '    """Finds authors; MATCH is fine in prose."""\n'
        "    query = f\"MATCH (a:Author) WHERE a.name = '{name}' RETURN a\"\n"
        "    await driver.execute_query(query)\n"
        '    await driver.execute_query("MATCH (n) RETURN n")\n'
        '    await tx.run("RETURN " + name)\n'
    )
    assert cypher_in_strings(built) == [3, 5]
    assert built_statements(built) == [5, 6]
