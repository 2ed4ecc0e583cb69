"""Two ways of serving, side by side in one run: the suite's graph, calls and load
(bench/suite.py), each workload at concurrency 32 on both services in turn, the first one
first in odd rounds and last in even ones, so that the machine's drift falls on both alike.
What is compared:

- `--compare workers`: `serve --workers 1` against `--workers 2` (the suite's headline stays
  one process against the peer's one; this is what a second process adds, Neo4j included);
- `--compare engine`: uvicorn on the standard asyncio loop against uvloop (a bench extra);
- `--before REF`: the package as it was at a git commit (a worktree in .bench/) against this
  checkout (or `--after REF`'s), both with the same options: a change's before and after.

    .venv/bin/python -m bench.sidebyside --compare workers --papers 10000 --seconds 10
    .venv/bin/python -m bench.sidebyside --before HEAD~1 --workloads W1 W4
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import AsyncExitStack, ExitStack, contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from bench.graph import CACHE, prepare_graph
from bench.suite import Clients, run_phase
from bench.workloads import build_calls
from graph_service.http.child import served

CONCURRENCY = 32


class Variant(NamedTuple):
    name: str
    workers: int = 1
    options: tuple[str, ...] = ()
    checkout: str | None = None  # another checkout's package, or this one's


COMPARISONS = {
    "workers": (Variant("1 worker"), Variant("2 workers", workers=2)),
    "engine": (
        Variant("asyncio", options=("--loop", "asyncio")),
        Variant("uvloop", options=("--loop", "uvloop")),
    ),
}


@contextmanager
def worktree(ref: str) -> Iterator[tuple[str, str]]:
    """A detached checkout of `ref` under .bench/, removed after: (its path, its short sha)."""
    sha = subprocess.run(
        ["git", "rev-parse", "--short", ref], check=True, capture_output=True, text=True
    ).stdout.strip()
    path = (CACHE / f"before-{sha}").resolve()
    if path.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], check=False)
        shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["git", "worktree", "add", "--detach", str(path), ref], check=True)
    try:
        yield str(path), sha
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], check=False)


async def compare(
    uri: str, password: str, bases: dict[str, str], calls: dict[str, Any], options: Any
) -> list[dict[str, Any]]:
    rows = []
    async with AsyncExitStack() as stack:
        clients = {
            name: await stack.enter_async_context(Clients(uri, password, f"{base}/graphql", ""))
            for name, base in bases.items()
        }
        for workload in options.workloads:
            for name in bases:
                # Warm-up: plans, pools and every worker's caches; not recorded.
                await run_phase(clients[name], "service", calls[workload], 8, options.warmup, {})
            for round_ in range(options.rounds):
                # Each round the other one goes first, so that neither always meets a warmer
                # (or more tired) machine.
                for name in list(bases)[:: 1 if round_ % 2 == 0 else -1]:
                    phase = await run_phase(
                        clients[name], "service", calls[workload], CONCURRENCY, options.seconds, {}
                    )
                    summary = {"variant": name, **phase.summary()}
                    rows.append(summary)
                    print(
                        f"{workload} {name:<20} {summary['throughput']:>7.1f}/s "
                        f"p50 {summary['p50_ms']:>6.1f} ms p99 {summary['p99_ms']:>6.1f} ms "
                        f"errors {summary['errors']}",
                        flush=True,
                    )
    return rows


def report(rows: list[dict[str, Any]], names: list[str], options: Any) -> str:
    first, second = names
    lines = [
        f"| workload | {first} | {second} | ratio | p50 | p99 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for workload in options.workloads:

        def of(name: str, key: str, workload: str = workload) -> float:
            values = [r[key] for r in rows if r["workload"] == workload and r["variant"] == name]
            return float(sum(values)) / len(values)

        a, b = of(first, "throughput"), of(second, "throughput")
        errors = sum(r["errors"] for r in rows if r["workload"] == workload)
        lines.append(
            f"| {workload} | {a:.0f}/s | {b:.0f}/s | **{b / a:.2f}x** "
            f"| {of(first, 'p50_ms'):.1f} / {of(second, 'p50_ms'):.1f} ms "
            f"| {of(first, 'p99_ms'):.1f} / {of(second, 'p99_ms'):.1f} ms | {errors} |"
        )
    return (
        "\n".join(lines) + f"\n\n{options.papers:,} papers, concurrency {CONCURRENCY}, "
        f"{options.rounds} rounds of {options.seconds:g} s per service and workload, averaged; "
        f"the ratio is {second} over {first}; p50 and p99 are {first} / {second}. "
        f"{platform.platform()}, {os.cpu_count()} cores, Neo4j on the same machine.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", choices=sorted(COMPARISONS), default="workers")
    parser.add_argument("--before", help="a git commit: its package against this checkout's")
    parser.add_argument("--after", help="with --before: this commit's package, not the checkout's")
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per measured phase")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--centres", type=int, default=24)
    parser.add_argument("--workloads", nargs="+", default=["W1", "W2", "W3", "W4"])
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    options = parser.parse_args()
    server, _ = prepare_graph(options.papers, print)
    try:
        calls, _ = asyncio.run(build_calls(server, options.centres))
        env = {**os.environ, **server.env()}
        with ExitStack() as stack:
            if options.before:
                path, sha = stack.enter_context(worktree(options.before))
                after = Variant("this checkout")
                if options.after:
                    later, later_sha = stack.enter_context(worktree(options.after))
                    after = Variant(f"at {later_sha}", checkout=later)
                variants = (Variant(f"at {sha}", checkout=path), after)
            else:
                variants = COMPARISONS[options.compare]
            bases = {}
            for variant in variants:
                # The other checkout's package comes first on its path (it runs from there).
                where = {"PYTHONPATH": variant.checkout} if variant.checkout else {}
                bases[variant.name] = stack.enter_context(
                    served(
                        {**env, **where},
                        workers=variant.workers,
                        options=variant.options,
                        cwd=variant.checkout,
                    )
                ).base
            status = server.status()
            rows = asyncio.run(compare(status.uri or "", server.password(), bases, calls, options))
        text = report(rows, list(bases), options)
        print(text)
        if options.output:
            options.output.write_text(text, encoding="utf-8")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
