"""Generated graphs in a Neo4j of their own: cached per size for the suite (loaded once, then
reused), or throw-away for the scripts that time the served app."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import neo4j

from bench.workloads import SEED, repository_for
from graph_service.db.catalog import cypher_dir, read_folder
from graph_service.devdata import generator
from graph_service.ingest.bulk import BulkImport
from graph_service.ingest.hubs import rank_hubs
from graph_service.ingest.importer import Importer
from graph_service.ingest.report import Report
from graph_service.localneo4j.scratch import start_free
from graph_service.localneo4j.server import LocalServer

CACHE = Path(__file__).resolve().parent.parent / ".bench"


class Graph(NamedTuple):
    server: LocalServer
    work: Path  # the scratch folder (the home, the data, screenshots)
    env: dict[str, str]  # this environment plus the server's connection
    authors: list[str]  # ids, most works first


@contextmanager
def throwaway_graph(
    papers: int,
    prefix: str,
    arxiv: bool = False,
    heap: str = "1g",
    load: Callable[[BulkImport, Path], Report] | None = None,
) -> Iterator[Graph]:
    """`papers` generated papers (seed 5) bulk-loaded into a new home (the time printed), and
    with `arxiv` their arXiv records loaded after (the rate printed); stopped after. `load`
    replaces the bulk load's run, for a script that times its steps."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    source, records = work / "works.jsonl.gz", work / "arxiv.jsonl.gz"
    generator.write(source, papers, seed=5, arxiv=records if arxiv else None)
    server = LocalServer(work / "home")
    server.install()
    start_free(server, heap, "1g")
    try:
        bulk = BulkImport(server, work / "csv")
        report = (load or (lambda b, path: b.run([path])))(bulk, source)
        print(f"bulk load: {report.loaded:,} works in {report.seconds:.1f} s")
        asyncio.run(_rank_hubs(server))
        if arxiv:
            asyncio.run(_load_arxiv(server, records))
        env = {**os.environ, **server.env()}
        statement = read_folder(cypher_dir() / "bench")["select_authors_by_works"]
        with neo4j.GraphDatabase.driver(env["NEO4J_URI"], auth=("neo4j", server.password())) as d:
            rows, _, _ = d.execute_query(statement)
        yield Graph(server, work, env, [row["id"] for row in rows])
    finally:
        server.stop()
        # The store is gigabytes at a million papers; what else the run wrote stays.
        shutil.rmtree(server.home, ignore_errors=True)


async def _load_arxiv(server: LocalServer, records: Path) -> None:
    repository = repository_for(server)
    try:
        started = time.perf_counter()
        report = await Importer(repository).arxiv([records])
        seconds = time.perf_counter() - started
        print(
            f"load arxiv: {report.loaded:,} records in {seconds:.1f} s "
            f"({report.loaded / seconds:,.0f} records/s)"
        )
    finally:
        await repository.close()


def heap_for(papers: int) -> str:
    return "2g" if papers >= 500_000 else "1g"


def store_bytes(server: LocalServer) -> int:
    data = server.home / "data" / "databases" / "neo4j"
    return sum(p.stat().st_size for p in data.rglob("*") if p.is_file())


def prepare_graph(papers: int, say: Callable[[str], None]) -> tuple[LocalServer, dict[str, Any]]:
    """A started Neo4j holding `papers` generated works (loaded once, then reused)."""
    CACHE.mkdir(exist_ok=True)
    source = CACHE / f"works-{papers}-seed{SEED}.jsonl.gz"
    if not source.exists():
        say(f"generating {papers:,} papers")
        partial = CACHE / f"partial-{source.name}"  # the suffix picks gzip
        generator.write(partial, papers, seed=SEED)
        partial.rename(source)
    server = LocalServer(CACHE / f"neo4j-{papers}")
    marker = server.home / "bench-loaded"
    heap = heap_for(papers)
    if marker.exists() and marker.read_text().split()[:1] == [source.name]:
        load_seconds = None
    else:
        say(f"loading {source.name} with neo4j-admin")
        server.install()
        start_free(server, heap, "512m")
        started = time.perf_counter()
        BulkImport(server, CACHE / f"csv-{papers}").run([source])
        asyncio.run(_apply_schema(server))
        asyncio.run(_rank_hubs(server))
        load_seconds = round(time.perf_counter() - started, 1)
        marker.write_text(f"{source.name}\nhubs\n")
        server.stop()
    # Page cache: the whole store plus room to grow, so reads never go to disk.
    store = store_bytes(server)
    pagecache_mb = max(256, int(store * 1.25 / 2**20) + 64)
    if server.status().running:
        server.stop()
    start_free(server, heap, f"{pagecache_mb}m")
    # A store loaded before hubs kept ranked neighbours gets them once.
    if "hubs" not in marker.read_text().split():
        say("ranking hubs' neighbours")
        asyncio.run(_rank_hubs(server))
        marker.write_text(f"{source.name}\nhubs\n")
    info = {
        "papers": papers,
        "store_mb": round(store / 2**20, 1),
        "heap": heap,
        "pagecache": f"{pagecache_mb}m",
        "load_seconds": load_seconds,
    }
    return server, info


async def _apply_schema(server: LocalServer) -> None:
    repository = repository_for(server)
    try:
        await repository.apply_schema()
    finally:
        await repository.close()


async def _rank_hubs(server: LocalServer) -> None:
    """What a load through the command line ends with: hubs' ranked neighbours."""
    repository = repository_for(server)
    try:
        await rank_hubs(repository)
    finally:
        await repository.close()
