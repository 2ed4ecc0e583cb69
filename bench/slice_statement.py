"""The slice statement against another version of it, side by side on the same generated
graphs: the same centres and depths, turn about, answers compared.

    git show REV:cypher/select_neighborhood.cypher > /tmp/before.cypher
    .venv/bin/python -m bench.slice_statement --baseline /tmp/before.cypher

The baseline is run as it is (it finds its centre by itself and takes `$depth`); the current
statement is written out by the catalog for the centre's label and the depth. Prints p50 and
p90 per depth for both, their ratio, and whether every answer was the same.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

import neo4j

from bench.graph import throwaway_graph
from bench.workloads import sample_centres
from graph_service.api.resolvers.slices import slice_parameters
from graph_service.db.catalog import Catalog


def timed(driver: neo4j.Driver, text: str, parameters: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    records, _, _ = driver.execute_query(
        neo4j.Query(text),
        parameters,
        routing_=neo4j.RoutingControl.READ,
    )
    return time.perf_counter() - started, records[0]["slice"] if records else None


def same(a: Any, b: Any) -> bool:
    """The same slice: nodes in the same order, the same set of edges."""
    if a is None or b is None:
        return a is b
    edges = [sorted((e["source"], e["type"], e["target"]) for e in s["edges"]) for s in (a, b)]
    return bool(
        a["nodes"] == b["nodes"]
        and edges[0] == edges[1]
        and (a["truncated"], a["totalNeighbors"]) == (b["truncated"], b["totalNeighbors"])
    )


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


def measure(papers: int, baseline: str, centres: int, rounds: int) -> None:
    catalog = Catalog()
    with throwaway_graph(papers, "slice-bench-") as graph:
        auth = ("neo4j", graph.server.password())
        uri = graph.env["NEO4J_URI"]
        with neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF") as driver:
            picks = sample_centres([{"id": a} for a in graph.authors], centres)
            differing = 0
            for depth in (1, 2, 3):
                times: dict[str, list[float]] = {"baseline": [], "current": []}
                for pick in picks:
                    parameters = slice_parameters(pick["id"], depth, limit=200)
                    current = catalog.neighborhood("Author", depth).text
                    for _ in range(2):  # plans cached, pages warm
                        timed(driver, baseline, parameters)
                        timed(driver, current, parameters)
                    for _ in range(rounds):
                        seconds, old = timed(driver, baseline, parameters)
                        times["baseline"].append(seconds)
                        seconds, new = timed(driver, current, parameters)
                        times["current"].append(seconds)
                    differing += not same(old, new)
                before, after = times["baseline"], times["current"]
                print(
                    f"{papers:>9,} papers  depth {depth}  "
                    f"baseline p50 {pct(before, 0.5):7.1f} ms p90 {pct(before, 0.9):7.1f} ms  "
                    f"current p50 {pct(after, 0.5):7.1f} ms p90 {pct(after, 0.9):7.1f} ms  "
                    f"current/baseline p50 "
                    f"{statistics.median(after) / statistics.median(before):.2f}x",
                    flush=True,
                )
            print(f"{papers:>9,} papers  answers differing: {differing} of {3 * len(picks)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="a select_neighborhood")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--centres", type=int, default=12, help="authors, hubs first")
    parser.add_argument("--rounds", type=int, default=10, help="runs of each per centre")
    options = parser.parse_args()
    baseline = options.baseline.read_text(encoding="utf-8")
    for papers in options.sizes:
        measure(papers, baseline, options.centres, options.rounds)


if __name__ == "__main__":
    main()
