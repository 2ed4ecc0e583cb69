"""A generated graph in a throw-away Neo4j, for the scripts that time the served app."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import neo4j

from graph_service import generator
from graph_service.bulk import BulkImport
from graph_service.host import free_port
from graph_service.localserver import LocalServer
from graph_service.statements import cypher_dir, read_folder


class Graph(NamedTuple):
    server: LocalServer
    work: Path  # the scratch folder (the home, the data, screenshots)
    env: dict[str, str]  # this environment plus the server's connection
    authors: list[str]  # ids, most works first


@contextmanager
def throwaway_graph(papers: int, prefix: str) -> Iterator[Graph]:
    """`papers` generated papers (seed 5) bulk-loaded into a new home; stopped after."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    source = work / "works.jsonl.gz"
    generator.write(source, papers, seed=5)
    server = LocalServer(work / "home")
    server.install()
    server.start(bolt_port=free_port(), http_port=free_port(), heap="1g", pagecache="1g")
    try:
        BulkImport(server, work / "csv").run([source])
        env = {**os.environ, **server.env()}
        statement = read_folder(cypher_dir() / "bench")["select_authors_by_works"]
        with neo4j.GraphDatabase.driver(env["NEO4J_URI"], auth=("neo4j", server.password())) as d:
            rows, _, _ = d.execute_query(statement)
        yield Graph(server, work, env, [row["id"] for row in rows])
    finally:
        server.stop()
