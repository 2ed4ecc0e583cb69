"""`load` and the service through a `neo4j://` routing URI, as on a cluster: the driver asks
the server for a routing table, and every statement that reads goes in a READ transaction
(to a secondary on a cluster) and every one that writes in a WRITE transaction (to the
leader). Seen in the driver's own Bolt log, not assumed from the code."""

from __future__ import annotations

import ast
import logging
import re
from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph_service.cli import app as cli
from graph_service.http.app import create_app
from tests.support.neo4j import Neo4jTarget

TOKEN = "routing-test-token-0123456789"
READS = [
    '{ author(id: "A9000000042") { name worksCount works(first: 3) { nodes { title } } } }',
    '{ neighborhood(id: "A9000000042", depth: 2) { nodes { id } edges { id } } }',
    '{ search(query: "quantization", first: 5) { node { id } } }',
    "{ papers(first: 5) { nodes { id title } } }",
]
DELETE = 'mutation { deleteWork(id: "W9000000001") }'
# "[#C0DE]  C: RUN 'MATCH ...' {...}": the connection, who speaks, the message, the rest.
BOLT = re.compile(r"\[#([0-9A-F]{4})\]  ([CS]): (\w+) ?(.*)", re.DOTALL)
QUERY_TYPE = re.compile(r"'type': '(\w+)'")
SHOW = re.compile(r"^SHOW ", re.MULTILINE)
GDS_CATALOG = re.compile(r"gds\.graph\.(project|drop)\(")
# The query text as the log writes it: a Python string literal.
LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.DOTALL)


@dataclass(frozen=True)
class Ran:
    """One query as the driver sent it: the transaction's access mode and what the server
    says the query did ('r' read, 'w' write, 'rw' both, 's' schema)."""

    query: str
    mode: str
    kind: str

    @property
    def writes(self) -> bool:
        # A SHOW command reads the catalog, yet Neo4j types it 's' like the schema changes.
        return self.kind != "r" and not SHOW.search(self.query)


class BoltTrace:
    """Follows the driver's Bolt messages connection by connection."""

    def __init__(self) -> None:
        self.ran: list[Ran] = []
        self.routing_tables: list[dict[str, object]] = []
        self._mode: dict[str, str] = {}
        self._pending: dict[str, deque[tuple[str, str]]] = defaultdict(deque)
        self._routing_asked: set[str] = set()

    def follow(self, records: list[logging.LogRecord]) -> BoltTrace:
        for record in records:
            found = BOLT.match(record.getMessage())
            if found:
                self._message(*found.groups())
        return self

    def _message(self, connection: str, side: str, message: str, rest: str) -> None:
        if side == "C" and message == "BEGIN":
            self._mode[connection] = "READ" if "'mode': 'r'" in rest else "WRITE"
        elif side == "C" and message in ("COMMIT", "ROLLBACK", "RESET"):
            self._mode.pop(connection, None)
        elif side == "C" and message == "RUN":
            literal = LITERAL.match(rest)
            assert literal, rest[:200]
            # In a transaction the mode is BEGIN's; an auto-commit query carries its own.
            extra = rest[literal.end() :]
            mode = self._mode.get(connection) or ("READ" if "'mode': 'r'" in extra else "WRITE")
            self._pending[connection].append((ast.literal_eval(literal.group()), mode))
        elif side == "C" and message == "ROUTE":
            self._routing_asked.add(connection)
        elif side == "S" and message == "SUCCESS":
            if connection in self._routing_asked and "'rt'" in rest:
                self._routing_asked.discard(connection)
                self.routing_tables.append(ast.literal_eval(rest)["rt"])
            kind = QUERY_TYPE.search(rest)
            if kind and self._pending[connection]:
                query, mode = self._pending[connection].popleft()
                self.ran.append(Ran(query, mode, kind.group(1)))

    def misrouted(self) -> list[Ran]:
        """Queries that read only but went to the writer, or write but went to a reader.
        A Graph Data Science projection and its drop only read, yet go with the PageRank
        that writes: the projection lives in the memory of the member that made it."""
        return [
            r
            for r in self.ran
            if r.writes == (r.mode == "READ")
            and not (r.mode == "WRITE" and GDS_CATALOG.search(r.query))
        ]


def roles(table: dict[str, object]) -> dict[str, list[str]]:
    servers = table["servers"]
    assert isinstance(servers, list)
    return {server["role"]: server["addresses"] for server in servers}


@pytest.fixture
def routing_target(neo4j_target: Neo4jTarget, graph: neo4j.Driver) -> Neo4jTarget:
    """The session's server on an empty graph, addressed with a routing URI."""
    if not neo4j_target.uri.startswith("bolt://"):
        pytest.skip(f"the test server's URI is not bolt:// ({neo4j_target.uri})")
    address = neo4j_target.uri.removeprefix("bolt://")
    return Neo4jTarget("neo4j://" + address, neo4j_target.user, neo4j_target.password, "routing")


def test_reads_go_to_readers_and_writes_to_the_writer_through_a_routing_uri(
    routing_target: Neo4jTarget,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    address = routing_target.uri.removeprefix("neo4j://")
    monkeypatch.chdir(tmp_path)  # where `load` writes its rejects
    env = {
        "NEO4J_URI": routing_target.uri,
        "NEO4J_USER": routing_target.user,
        "NEO4J_PASSWORD": routing_target.password,
    }
    with caplog.at_level(logging.DEBUG, logger="neo4j.io"):
        loaded = CliRunner().invoke(cli, ["load", "demo"], env=env)
    assert loaded.exit_code == 0, loaded.output
    load = BoltTrace().follow(caplog.records)
    caplog.clear()

    settings = routing_target.settings(write_token=TOKEN)
    with (
        caplog.at_level(logging.DEBUG, logger="neo4j.io"),
        TestClient(create_app(settings)) as client,
    ):
        for query in READS:
            answer = client.post("/graphql", json={"query": query})
            assert answer.status_code == 200, answer.text
            assert "errors" not in answer.json(), answer.json()
        deleted = client.post(
            "/graphql", json={"query": DELETE}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert deleted.json()["data"] == {"deleteWork": True}
    serve = BoltTrace().follow(caplog.records)

    for trace in (load, serve):
        # The driver routed: it asked for a table, which names this server in every role.
        assert trace.routing_tables, "no routing table was fetched"
        assert roles(trace.routing_tables[0]) == {
            "WRITE": [address],
            "READ": [address],
            "ROUTE": [address],
        }
        assert [r.query.splitlines()[0] + " " + r.mode for r in trace.misrouted()] == []
    # Both sides were exercised: the load wrote and read back, the service read and wrote.
    for trace in (load, serve):
        assert {r.mode for r in trace.ran} == {"READ", "WRITE"}
    assert any("DETACH DELETE" in r.query for r in serve.ran if r.mode == "WRITE")
    assert sum(r.mode == "READ" for r in serve.ran) >= len(READS)
