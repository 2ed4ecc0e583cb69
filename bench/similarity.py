"""Similar papers and importance at scale: what they add to the store, how long a load's
refresh takes to make them, and how fast the reads that use them are, beside the explorer's
FULL slice timed in the same run.

Generates works (seed 5), bulk-loads them into a throw-away Neo4j, then times what every load
ends with (`refresh_papers`: the similarity lists of every paper, then PageRank, percentiles
and authors' importance), measuring the store before and after. It then serves the app the
README's way and times, for a spread of papers with similar papers, the SIMILARITY and
CITATION slices, `Paper.related` and the Similar papers view's request, each beside the FULL
slice the explorer asks for. With --models it also builds the second model tried (one
relationship type per kind) and times its slice statement beside SIMILAR_TO's.

    .venv/bin/python -m bench.similarity --papers 100000 --models
    .venv/bin/python -m bench.similarity --papers 1000000
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

import neo4j

from bench.graph import store_bytes, throwaway_graph
from bench.paper_lists import percentile, post
from bench.workloads import repository_for
from graph_service.localserver import LocalServer
from graph_service.served import served
from graph_service.similarity import OPENALEX_WEIGHT
from graph_service.statements import Catalog, Statement, cypher_dir, read_folder
from graph_service.store import refresh_importance, refresh_similarity

BENCH = read_folder(cypher_dir() / "bench")

FULL = """query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 150, perNodeLimit: 15) {
  nodes { id type label weight hop year citations worksCount }
  edges { id source target type weight } truncated } }"""

SLICE = """query($id: ID!, $projection: Projection!) {
  neighborhood(id: $id, projection: $projection, limit: 40) {
    nodes { id label year citations strength role hop } edges { source target weight } } }"""

RELATED = """query($id: ID!) { paper(id: $id) { related(first: 20) { totalCount
  nodes { score coCitation coupling openalex paper { id title year citedByCount } } } } }"""

# What the Similar papers view asks for (web/src/similar.js).
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


def refresh(driver: neo4j.Driver, server: LocalServer) -> dict[str, Any]:
    """What a load ends with, timed, with the store measured before and after each part."""

    async def timed_refresh(figures: dict[str, Any]) -> None:
        repository = repository_for(server)
        try:
            await repository.apply_schema()
            figures["store before"] = measure(server)
            started = time.perf_counter()
            figures["lists"] = await refresh_similarity(repository)
            figures["similarity s"] = time.perf_counter() - started
            figures["store after similarity"] = measure(server)
            started = time.perf_counter()
            figures["ranked"] = await refresh_importance(repository)
            figures["importance s"] = time.perf_counter() - started
            figures["store after importance"] = measure(server)
        finally:
            await repository.close()

    figures: dict[str, Any] = {}
    asyncio.run(timed_refresh(figures))
    rows, _, _ = driver.execute_query(BENCH["count_similarity"])
    figures["edges"] = rows[0].data()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=30, help="papers timed")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over the sample")
    parser.add_argument("--models", action="store_true", help="also try the second model")
    options = parser.parse_args()
    with (
        throwaway_graph(options.papers, "similarity-bench-", heap="4g") as graph,
        neo4j.GraphDatabase.driver(
            graph.env["NEO4J_URI"],
            auth=("neo4j", graph.server.password()),
            notifications_min_severity="OFF",
        ) as driver,
    ):
        figures = refresh(driver, graph.server)
        before = figures["store before"]
        similarity = figures["store after similarity"] - before
        importance = figures["store after importance"] - figures["store after similarity"]
        edges = figures["edges"]
        print(f"\n{options.papers:,} papers (seed 5), bulk-loaded; then what a load ends with:")
        print(
            f"  similarity lists: {figures['lists']:,} papers in {figures['similarity s']:.1f} s"
            f" ({figures['lists'] / figures['similarity s']:,.0f} papers/s);"
            f" {edges['edges']:,} SIMILAR_TO ({edges['coCitation']:,} co-citation,"
            f" {edges['coupling']:,} coupling, {edges['openalex']:,} OpenAlex)"
        )
        print(
            f"  importance: {figures['ranked']:,} papers in {figures['importance s']:.1f} s"
            " (PageRank, percentiles, authors)"
        )
        print(
            f"  store: {megabytes(before)} before; + {megabytes(similarity)} similarity"
            f" ({similarity / before:.1%}), + {megabytes(importance)} importance"
            f" ({importance / before:.1%})"
        )
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
