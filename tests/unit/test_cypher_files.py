"""Every statement in cypher/ is used, and every statement the code names exists."""

from __future__ import annotations

import re
from pathlib import Path

from graph_service.cypher import Statements

PACKAGE = Path(__file__).resolve().parents[2] / "graph_service"
NAMED = re.compile(
    r"""(?:\.read|\.write|\.stream|statements|_loaders\(info\)\.(?:get|get_many|prime)"""
    r"""|_page\(info,|Entity|WorkOrder\.[A-Z_]+:)\(?\[?\s*["']([a-z0-9_]+)["']"""
)
PREFIXED = re.compile(r"""with_prefix\(\s*["']([a-z0-9_]+)["']""")


def source() -> str:
    return "\n".join(path.read_text() for path in PACKAGE.rglob("*.py"))


def test_every_file_is_used() -> None:
    code = source()
    prefixes = PREFIXED.findall(code)
    unused = [
        name
        for name in Statements().names()
        if f'"{name}"' not in code and not any(name.startswith(p) for p in prefixes)
    ]
    assert unused == []


def test_every_named_statement_exists() -> None:
    names = set(Statements().names())
    asked = set(NAMED.findall(source()))
    assert asked, "the pattern found no statement names in the code"
    assert asked - names == set()


def test_one_statement_per_file() -> None:
    for name in Statements().names():
        text = Statements()[name]
        body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
        assert ";" not in body.rstrip().rstrip(";"), f"{name} holds more than one statement"
