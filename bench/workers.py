"""`graph-service serve --workers 1` against `--workers 2`, side by side in one run: the suite's
graph, calls and load (bench/suite.py), each workload at concurrency 32 on both services in
turn, so that the machine's drift falls on both alike. The suite's headline stays one process
against the peer's one; this is what a second process adds on the same machine, Neo4j included.

    .venv/bin/python -m bench.workers --papers 10000 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
from contextlib import AsyncExitStack, ExitStack
from typing import Any

from bench.graph import prepare_graph
from bench.suite import Clients, run_phase
from bench.workloads import build_calls
from graph_service.served import served

COUNTS = (1, 2)
CONCURRENCY = 32


async def compare(
    uri: str, password: str, bases: dict[int, str], calls: dict[str, Any], options: Any
) -> list[dict[str, Any]]:
    rows = []
    async with AsyncExitStack() as stack:
        clients = {
            n: await stack.enter_async_context(Clients(uri, password, f"{base}/graphql", ""))
            for n, base in bases.items()
        }
        for workload in options.workloads:
            for n in COUNTS:
                # Warm-up: plans, pools and every worker's caches; not recorded.
                await run_phase(clients[n], "service", calls[workload], 8, options.warmup, {})
            for _ in range(options.rounds):
                for n in COUNTS:
                    phase = await run_phase(
                        clients[n], "service", calls[workload], CONCURRENCY, options.seconds, {}
                    )
                    summary = {"workers": n, **phase.summary()}
                    rows.append(summary)
                    print(
                        f"{workload} workers={n} {summary['throughput']:>7.1f}/s "
                        f"p50 {summary['p50_ms']:>6.1f} ms p99 {summary['p99_ms']:>6.1f} ms "
                        f"errors {summary['errors']}",
                        flush=True,
                    )
    return rows


def report(rows: list[dict[str, Any]], options: Any) -> str:
    lines = [
        "| workload | 1 worker | 2 workers | ratio | p50 1 / 2 | p99 1 / 2 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for workload in options.workloads:

        def of(n: int, key: str, workload: str = workload) -> float:
            values = [r[key] for r in rows if r["workload"] == workload and r["workers"] == n]
            return float(sum(values)) / len(values)

        one, two = of(1, "throughput"), of(2, "throughput")
        errors = sum(r["errors"] for r in rows if r["workload"] == workload)
        lines.append(
            f"| {workload} | {one:.0f}/s | {two:.0f}/s | **{two / one:.2f}x** "
            f"| {of(1, 'p50_ms'):.1f} / {of(2, 'p50_ms'):.1f} ms "
            f"| {of(1, 'p99_ms'):.1f} / {of(2, 'p99_ms'):.1f} ms | {errors} |"
        )
    return (
        "\n".join(lines) + f"\n\n{options.papers:,} papers, concurrency {CONCURRENCY}, "
        f"{options.rounds} rounds of {options.seconds:g} s per service and workload, averaged; "
        f"{platform.platform()}, {os.cpu_count()} cores, Neo4j on the same machine.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per measured phase")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--centres", type=int, default=24)
    parser.add_argument("--workloads", nargs="+", default=["W1", "W2", "W3", "W4"])
    options = parser.parse_args()
    server, _ = prepare_graph(options.papers, print)
    try:
        calls, _ = asyncio.run(build_calls(server, options.centres))
        env = {**os.environ, **server.env()}
        with ExitStack() as stack:
            bases = {n: stack.enter_context(served(env, workers=n)).base for n in COUNTS}
            status = server.status()
            rows = asyncio.run(compare(status.uri or "", server.password(), bases, calls, options))
        print(report(rows, options))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
