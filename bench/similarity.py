"""Similar papers and importance at scale: what they add to the store and to a bulk load, how
long ranking and a write's refresh take, and how fast the reads that use them are, beside the
explorer's FULL slice timed in the same run.

Generates works (seed 5) and bulk-loads them into a throw-away Neo4j the way `load --bulk`
does, timing each step: the conversion's similarity lists are imported once without and once
with their SIMILAR_TO file, so the store and import time they add are measured on one
conversion. It then times the ranking every load ends with (PageRank, percentiles, authors'
importance), a write's refresh (a spread of papers labelled :Stale and their lists made again
in Cypher, checked to come out as imported) and, with --full-refresh, `refresh --all` (every
list made again online). Finally it serves the app the README's way and times, for a spread
of papers with similar papers, the SIMILARITY and CITATION slices, `Paper.related` and the
Similar papers view's request, each beside the FULL slice the explorer asks for. With
--models it also builds the second model tried (one relationship type per kind) and times
its slice statement beside SIMILAR_TO's.

    .venv/bin/python -m bench.similarity --papers 100000 --models --full-refresh
    .venv/bin/python -m bench.similarity --papers 1000000
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import neo4j

from bench.graph import store_bytes, throwaway_graph
from bench.paper_lists import percentile, post
from bench.workloads import repository_for
from graph_service.db.catalog import Catalog, cypher_dir, read_folder
from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.http.child import served
from graph_service.ingest.bulk import BulkImport
from graph_service.ingest.importance import refresh_importance
from graph_service.ingest.lists import refresh_similarity
from graph_service.ingest.report import Report
from graph_service.ingest.similarity import OPENALEX_WEIGHT
from graph_service.localneo4j.server import LocalServer

BENCH = read_folder(cypher_dir() / "bench")

FULL = """query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 150, perNodeLimit: 15) {
  nodes { id type label weight hop year citations worksCount }
  edges { id source target type weight } truncated } }"""

SLICE = """query($id: ID!, $projection: Projection!) {
  neighborhood(id: $id, projection: $projection, limit: 40) {
    nodes { id label year citations strength role hop } edges { source target weight } } }"""

RELATED = """query($id: ID!) { paper(id: $id) { related(first: 20) { totalCount
  nodes { score coCitation coupling openalex paper { id title year citedByCount } } } } }"""

# What the Similar papers view asks for (web/src/views/similar/queries.js).
VIEW = """query($id: ID!) {
  similar: neighborhood(id: $id, projection: SIMILARITY, limit: 40) {
    nodes { ...drawn } edges { source target weight } }
  citation: neighborhood(id: $id, projection: CITATION, limit: 40) { nodes { ...drawn } } }
fragment drawn on SliceNode { id label year citations strength role hop
  node { ... on Paper { publicationDate authorCount
    authorships(first: 1) { author { name } } } } }"""


def timed_each(run: Callable[[str], Any], ids: list[str], rounds: int) -> list[float]:
    """ms per call of `run(id)` over every id, `rounds` times, after one round to warm up."""
    for paper in ids:
        run(paper)
    times = []
    for _ in range(rounds):
        for paper in ids:
            started = time.perf_counter()
            run(paper)
            times.append((time.perf_counter() - started) * 1000)
    return times


def megabytes(size: int) -> str:
    return f"{size / 2**20:,.1f} MB"


def measure(server: LocalServer) -> int:
    """The store's size on disk once all of it is there: Community Edition has no checkpoint
    procedure, and a clean stop writes one."""
    with server.stopped():
        return store_bytes(server)


def bulk_load(figures: dict[str, Any]) -> Callable[[BulkImport, Path], Report]:
    """The bulk load's steps, timed, with the store measured without and with the lists."""

    def load(bulk: BulkImport, source: Path) -> Report:
        started = time.perf_counter()
        report = bulk.convert([source])
        figures["lists csv"] = (bulk.folder / "similar_to.csv").stat().st_size
        with bulk.server.stopped():
            bulk.import_csv(similar=False)
            figures["import without lists s"] = bulk.seconds["import"]
            figures["store without lists"] = store_bytes(bulk.server)
            bulk.import_csv()
            figures["store"] = store_bytes(bulk.server)
        figures["steps"] = dict(bulk.seconds)
        # The load as `load --bulk` runs it: one import, with the lists.
        report.seconds = time.perf_counter() - started - figures["import without lists s"]
        figures["bulk s"] = report.seconds
        figures["peak rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        shutil.rmtree(bulk.folder, ignore_errors=True)
        return report

    return load


def refresh(
    driver: neo4j.Driver, server: LocalServer, figures: dict[str, Any], options: Any
) -> None:
    """Ranking as every load ends with it, a write's refresh and optionally every list again,
    timed; the store measured after ranking."""

    def lists_of(ids: list[str]) -> list[dict[str, Any]]:
        return [r.data() for r in driver.execute_query(BENCH["select_lists"], {"ids": ids})[0]]

    async def rank(repository: Repository) -> None:
        await repository.apply_schema()
        started = time.perf_counter()
        figures["ranked"] = await refresh_importance(repository)
        figures["importance s"] = time.perf_counter() - started

    async def write_refresh(repository: Repository) -> None:
        rows, _, _ = driver.execute_query(BENCH["sample_similar_papers"], {"count": options.stale})
        ids = sorted(set(rows[0]["ids"]))
        imported = lists_of(ids)
        driver.execute_query(BENCH["mark_stale"], {"ids": ids})
        started = time.perf_counter()
        figures["stale"] = await refresh_similarity(repository, whole=False)
        figures["stale s"] = time.perf_counter() - started
        figures["stale unchanged"] = lists_of(ids) == imported
        if options.full_refresh:  # as `graph-service refresh --all` does it
            started = time.perf_counter()
            while (await repository.write(Statement.MARK_PAPERS_STALE, {"limit": 20_000}))[0][
                "marked"
            ]:
                pass
            figures["every list"] = await refresh_similarity(repository, whole=True)
            figures["every list s"] = time.perf_counter() - started

    async def run(step: Callable[[Repository], Awaitable[None]]) -> None:
        repository = repository_for(server)
        try:
            await step(repository)
        finally:
            await repository.close()

    asyncio.run(run(rank))
    # Measured with no connection open: the stop would break it.
    figures["store after importance"] = measure(server)
    asyncio.run(run(write_refresh))
    rows, _, _ = driver.execute_query(BENCH["count_similarity"])
    figures["edges"] = rows[0].data()


def report(papers: int, figures: dict[str, Any]) -> None:
    steps, edges = figures["steps"], figures["edges"]
    without, store = figures["store without lists"], figures["store"]
    importance = figures["store after importance"] - store
    print(f"\n{papers:,} papers (seed 5), bulk-loaded in {figures['bulk s']:.1f} s, of which:")
    print(
        f"  reading and checking {steps['reading']:.1f} s, CSV {steps['csv']:.1f} s,"
        f" similarity lists {steps['lists']:.1f} s ({megabytes(figures['lists csv'])} of CSV),"
        f" neo4j-admin {steps['import']:.1f} s"
        f" (without the lists: {figures['import without lists s']:.1f} s),"
        f" stopping and starting Neo4j {figures['bulk s'] - sum(steps.values()):.1f} s"
    )
    print(f"  peak RSS of the loading process: {megabytes(figures['peak rss'])}")
    print(
        f"  {edges['edges']:,} SIMILAR_TO ({edges['coCitation']:,} co-citation,"
        f" {edges['coupling']:,} coupling, {edges['openalex']:,} OpenAlex)"
    )
    print(
        f"  store: {megabytes(without)} without the lists; + {megabytes(store - without)}"
        f" with them ({(store - without) / without:.1%}); + {megabytes(importance)}"
        f" importance ({importance / without:.1%})"
    )
    print(
        f"  importance: {figures['ranked']:,} papers in {figures['importance s']:.1f} s"
        " (PageRank, percentiles, authors)"
    )
    print(
        f"  a write's refresh: {figures['stale']:,} :Stale papers' lists in Cypher in"
        f" {figures['stale s']:.1f} s ({figures['stale'] / figures['stale s']:,.0f} papers/s);"
        f" the same as imported: {'yes' if figures['stale unchanged'] else 'NO'}"
    )
    if "every list" in figures:
        print(
            f"  refresh --all: {figures['every list']:,} papers' lists again online in"
            f" {figures['every list s']:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=30, help="papers timed")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over the sample")
    parser.add_argument("--stale", type=int, default=1000, help="papers a write's refresh makes")
    parser.add_argument("--models", action="store_true", help="also try the second model")
    parser.add_argument(
        "--full-refresh", action="store_true", help="also time refresh --all (every list online)"
    )
    options = parser.parse_args()
    figures: dict[str, Any] = {}
    with (
        throwaway_graph(
            options.papers, "similarity-bench-", heap="4g", load=bulk_load(figures)
        ) as graph,
        neo4j.GraphDatabase.driver(
            graph.env["NEO4J_URI"],
            auth=("neo4j", graph.server.password()),
            notifications_min_severity="OFF",
        ) as driver,
    ):
        refresh(driver, graph.server, figures, options)
        report(options.papers, figures)
        rows, _, _ = driver.execute_query(BENCH["sample_similar_papers"], {"count": options.sample})
        ids: list[str] = rows[0]["ids"]
        with served(graph.env, ready_within=120) as service:
            base = service.base
            reference = timed_each(lambda i: post(base, FULL, {"id": i}), ids, options.rounds)
            cases: list[tuple[str, Callable[[str], Any]]] = [
                (
                    "SIMILARITY slice (40)",
                    lambda i: post(base, SLICE, {"id": i, "projection": "SIMILARITY"}),
                ),
                (
                    "CITATION slice (40)",
                    lambda i: post(base, SLICE, {"id": i, "projection": "CITATION"}),
                ),
                ("Paper.related(first: 20)", lambda i: post(base, RELATED, {"id": i})),
                ("Similar papers view's request", lambda i: post(base, VIEW, {"id": i})),
            ]
            print(
                f"\nthrough the app, {len(ids)} papers x {options.rounds} rounds after a warm-up;"
                " ms p50 / p90; ratio to the FULL slice's p50 in the same run\n"
            )
            full50, full90 = statistics.median(reference), percentile(reference, 90)
            print(f"  {'FULL slice (depth 2, 150)':34} {full50:7.1f} / {full90:7.1f}")
            for name, run in cases:
                times = timed_each(run, ids, options.rounds)
                p50 = statistics.median(times)
                print(
                    f"  {name:34} {p50:7.1f} / {percentile(times, 90):7.1f}   {p50 / full50:5.2f}"
                )
        if options.models:
            compare_models(driver, graph.server, ids, options.rounds)


def compare_models(driver: neo4j.Driver, server: LocalServer, ids: list[str], rounds: int) -> None:
    """The second model beside SIMILAR_TO: its store growth and its slice statement's time."""
    before = measure(server)
    with driver.session() as session:
        started = time.perf_counter()
        # Longer than the server's 60 s default: the whole graph's lists are read.
        split = neo4j.Query(BENCH["split_similarity"], timeout=3600)
        pairs = session.run(split, {"openalexWeight": OPENALEX_WEIGHT}).single()
        seconds = time.perf_counter() - started
    grown = measure(server) - before
    print(
        f"\nsecond model (CO_CITED, COUPLED, RELATED, one weight each), made from"
        f" {pairs['pairs'] if pairs else 0:,} lists' pairs in {seconds:.1f} s:"
        f" + {megabytes(grown)} on the store"
    )
    statements = {
        "SIMILAR_TO (kept)": Catalog().text(Statement.SELECT_SIMILARITY),
        "one type per kind": BENCH["select_similarity_split"],
    }
    times: dict[str, list[float]] = {name: [] for name in statements}
    for text in statements.values():  # warm-up
        for paper in ids:
            driver.execute_query(text, {"center": paper, "limit": 40})
    for _ in range(rounds):
        for paper in ids:
            for name, text in statements.items():  # interleaved, so both see the same machine
                started = time.perf_counter()
                driver.execute_query(text, {"center": paper, "limit": 40})
                times[name].append((time.perf_counter() - started) * 1000)
    kept = statistics.median(times["SIMILAR_TO (kept)"])
    print("  the SIMILARITY slice statement alone, ms p50 / p90, ratio to SIMILAR_TO:")
    for name, values in times.items():
        p50 = statistics.median(values)
        print(f"    {name:20} {p50:7.1f} / {percentile(values, 90):7.1f}   {p50 / kept:5.2f}")


if __name__ == "__main__":
    main()
