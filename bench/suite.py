"""The benchmark suite: graph_service against raw Cypher (the floor) and the Neo4j GraphQL
Library (the peer), side by side in one run, on the same Neo4j, data and queries.

For each graph size it generates works (cached in `.bench/`), loads them into a Neo4j of its
own through `neo4j-admin` (page cache sized to the store), starts graph_service the README's
way (`graph-service serve`) and the peer (`bench/peer`, @neo4j/graphql on Apollo Server),
warms all three up, then runs each workload at concurrency 1 (latency) and 8 and 32
(throughput) from this process, over loopback. Results go to `bench/results/` (JSON), and
`--doc` writes `docs/benchmarks.md` and `docs/benchmarks.png`.

    .venv/bin/python -m bench.suite --doc       # make bench: 10k, 100k, 1M papers
    .venv/bin/python -m bench.suite --quick     # make bench-quick: 10k, short phases
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import aiohttp
import neo4j
import psutil

from bench.graph import CACHE, prepare_graph
from bench.workloads import Call, build_calls
from graph_service.api.resolvers.slices import MAX_DEPTH
from graph_service.db.catalog import Catalog
from graph_service.db.repository import read_auto
from graph_service.localneo4j.distribution import pinned_version
from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.server import LocalServer

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PEER = ROOT / "bench" / "peer"
SYSTEMS = ("floor", "service", "peer")
CONCURRENCY = (1, 8, 32)


@dataclass
class Phase:
    system: str
    workload: str
    concurrency: int
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)
    rss_mb: dict[str, float] = field(default_factory=dict)
    cpu_percent: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies_ms) or [0.0]

        def pct(p: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 2)

        return {
            "system": self.system,
            "workload": self.workload,
            "concurrency": self.concurrency,
            "requests": self.requests,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "throughput": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": pct(50),
            "p95_ms": pct(95),
            "p99_ms": pct(99),
            "rss_mb": self.rss_mb,
            "cpu_percent": self.cpu_percent,
        }


# -- clients ---------------------------------------------------------------------------------


class Clients:
    """How each system is asked: a driver for the floor, HTTP for the two GraphQL servers."""

    def __init__(self, uri: str, password: str, service_url: str, peer_url: str) -> None:
        self.uri, self.password = uri, password
        self.urls = {"service": service_url, "peer": peer_url}

    async def __aenter__(self) -> Clients:
        self.driver = neo4j.AsyncGraphDatabase.driver(
            self.uri,
            auth=("neo4j", self.password),
            notifications_min_severity="OFF",
            max_connection_pool_size=64,
        )
        self.http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=64),
            timeout=aiohttp.ClientTimeout(total=60),
        )
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.http.close()
        await self.driver.close()

    def caller(self, system: str) -> Callable[[Call], Awaitable[bool]]:
        if system == "floor":
            return self._floor
        url = self.urls[system]

        async def post(call: Call) -> bool:
            body = call.service if system == "service" else call.peer
            async with self.http.post(url, json=body) as response:
                payload = await response.json()
                return response.status == 200 and not payload.get("errors")

        return post

    async def _floor(self, call: Call) -> bool:
        for level in call.floor:
            await asyncio.gather(
                *(
                    read_auto(self.driver, "neo4j", neo4j.Query(text), params)
                    for text, params in level
                )
            )
        return True


class Sampler:
    """Peak RSS and CPU share of the processes under test during one phase."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.processes = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak: dict[str, int] = dict.fromkeys(pids, 0)

    def cpu_seconds(self) -> dict[str, float]:
        return {n: sum(p.cpu_times()[:2]) for n, p in self.processes.items()}

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            for name, process in self.processes.items():
                self.peak[name] = max(self.peak[name], process.memory_info().rss)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.2)


async def run_phase(
    clients: Clients,
    system: str,
    calls: Sequence[Call],
    concurrency: int,
    seconds: float,
    pids: dict[str, int],
) -> Phase:
    ask = clients.caller(system)
    latencies: list[float] = []
    errors = 0
    turn = count()
    sampler = Sampler(pids)
    stop = asyncio.Event()
    sampling = asyncio.create_task(sampler.run(stop))
    cpu_before = sampler.cpu_seconds()
    started = time.perf_counter()
    deadline = started + seconds

    async def worker() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            call = calls[next(turn) % len(calls)]
            t0 = time.perf_counter()
            try:
                ok = await ask(call)
            except Exception:  # any failure is an error of the system under test
                ok = False
            latencies.append((time.perf_counter() - t0) * 1000)
            if not ok:
                errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    cpu_after = sampler.cpu_seconds()
    stop.set()
    await sampling
    return Phase(
        system,
        calls[0].workload if len({c.workload for c in calls}) == 1 else "W6",
        concurrency,
        len(latencies),
        errors,
        elapsed,
        latencies,
        rss_mb={n: round(v / 2**20, 1) for n, v in sampler.peak.items()},
        cpu_percent={
            n: round(100 * (cpu_after[n] - cpu_before[n]) / elapsed, 1) for n in cpu_before
        },
    )


# -- processes -------------------------------------------------------------------------------


def wait_http(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    for _ in range(240):
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except urllib.error.HTTPError:
            return  # it answers (Apollo refuses a plain GET: CSRF prevention)
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{what} did not answer at {url}")


def start_servers(
    server: LocalServer, log_dir: Path
) -> tuple[subprocess.Popen[bytes], subprocess.Popen[bytes], str, str]:
    env = {**os.environ, **server.env()}
    service_port, peer_port = free_port(), free_port()
    service = subprocess.Popen(
        # One process against the peer's one.
        [
            *(str(Path(sys.executable).parent / "graph-service"), "serve"),
            *("--port", str(service_port), "--workers", "1"),
        ],
        env=env,
        stdout=(log_dir / "service.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    # The slice statement as the service writes it out for an author centre at each depth:
    # the peer runs the same text (the file in cypher/ is a template).
    statements = log_dir / "peer-cypher"
    statements.mkdir(exist_ok=True)
    catalog = Catalog()
    for depth in range(1, MAX_DEPTH + 1):
        text = catalog.neighborhood("Author", depth).text
        (statements / f"neighborhood_author_{depth}.cypher").write_text(text, encoding="utf-8")
    peer = subprocess.Popen(
        ["node", str(PEER / "server.mjs")],
        env={**env, "PORT": str(peer_port), "PEER_CYPHER": str(statements)},
        stdout=(log_dir / "peer.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    service_url = f"http://127.0.0.1:{service_port}/graphql"
    peer_url = f"http://127.0.0.1:{peer_port}/"
    try:
        wait_http(f"http://127.0.0.1:{service_port}/readyz", service, "graph-service serve")
        wait_http(peer_url, peer, "the peer")
    except BaseException:
        # The caller only stops what it was given: without this both would outlive the run.
        for process in (service, peer):
            stop_process(process)
        raise
    return service, peer, service_url, peer_url


def stop_process(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


# -- the run ---------------------------------------------------------------------------------


async def measure(
    clients: Clients,
    calls: dict[str, list[Call]],
    workloads: list[str],
    options: argparse.Namespace,
    pids: dict[str, int],
    say: Callable[[str], None],
) -> list[dict[str, Any]]:
    async with clients:
        seconds, warmup = options.seconds, options.warmup
        results = []
        for workload in workloads:
            for system in SYSTEMS:
                # Warm-up: plans cached, JIT warm, pools filled; not recorded.
                await run_phase(clients, system, calls[workload], 4, warmup, pids)
                for c in CONCURRENCY:
                    phase = await run_phase(clients, system, calls[workload], c, seconds, pids)
                    summary = phase.summary()
                    results.append(summary)
                    say(
                        f"{workload} {system:<7} c={c:<2} {summary['throughput']:>7.1f}/s "
                        f"p50 {summary['p50_ms']:>7.1f} ms p99 {summary['p99_ms']:>7.1f} ms "
                        f"errors {summary['errors']}"
                    )
        return results


def versions() -> dict[str, str]:
    def npm_version(package: str) -> str:
        manifest = PEER / "node_modules" / package / "package.json"
        return str(json.loads(manifest.read_text())["version"]) if manifest.exists() else "?"

    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    from importlib.metadata import version

    return {
        "neo4j": pinned_version(),
        "python": platform.python_version(),
        "neo4j-python-driver": version("neo4j"),
        "strawberry-graphql": version("strawberry-graphql"),
        "uvicorn": version("uvicorn"),
        "node": node.stdout.strip(),
        "@neo4j/graphql": npm_version("@neo4j/graphql"),
        "@apollo/server": npm_version("@apollo/server"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k papers, short phases")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seconds", type=float, default=5.0, help="per measured phase")
    parser.add_argument("--warmup", type=float, default=2.0, help="per workload and system")
    parser.add_argument("--centres", type=int, default=24, help="authors sampled per size")
    parser.add_argument("--workloads", nargs="+", default=["W1", "W2", "W3", "W4", "W5", "W6"])
    parser.add_argument("--doc", action="store_true", help="write docs/benchmarks.md and .png")
    options = parser.parse_args()
    if options.quick:
        options.sizes, options.seconds, options.warmup = [10_000], 1.5, 1.0
        options.workloads = ["W1", "W2", "W3", "W4"]
    if not (PEER / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)

    def say(text: str) -> None:
        print(text, flush=True)

    RESULTS.mkdir(parents=True, exist_ok=True)
    run: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "platform": platform.platform(),
        },
        "versions": versions(),
        "settings": {k: v for k, v in vars(options).items() if k != "doc"},
        "graphs": [],
    }
    name = "quick" if options.quick else datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    partial = RESULTS / f"{name}.partial.json"
    for papers in options.sizes:
        server, info = prepare_graph(papers, say)
        log_dir = CACHE / f"logs-{papers}"
        log_dir.mkdir(exist_ok=True)
        service = peer = None
        try:
            say(f"{papers:,} papers: store {info['store_mb']} MB, page cache {info['pagecache']}")
            calls, authors = asyncio.run(build_calls(server, options.centres))
            info["authors_with_works"] = authors
            service, peer, service_url, peer_url = start_servers(server, log_dir)
            pids = {"service": service.pid, "peer": peer.pid, "neo4j": server.status().pid or 0}

            status = server.status()
            clients = Clients(status.uri or "", server.password(), service_url, peer_url)
            info["results"] = asyncio.run(
                measure(clients, calls, options.workloads, options, pids, say)
            )
            run["graphs"].append(info)
            # Kept after each size, so that a failure at a larger one loses nothing measured.
            partial.write_text(json.dumps(run, indent=1))
        finally:
            for process in (service, peer):
                if process is not None:
                    stop_process(process)
            server.stop()
    out = RESULTS / f"{name}.json"
    out.write_text(json.dumps(run, indent=1))
    partial.unlink(missing_ok=True)
    say(f"results: {out.relative_to(ROOT)}")
    if options.doc:
        from bench.report import write_report

        write_report(run, ROOT / "docs")
    say(headline(run))


def headline(run: dict[str, Any]) -> str:
    """The one line `make bench-quick` ends with: slice overhead against the floor, and each of
    W1-W4's throughput at concurrency 32 against the peer's (then their geometric mean)."""
    graph = run["graphs"][-1]
    rows = {(r["system"], r["workload"], r["concurrency"]): r for r in graph["results"]}
    parts = []
    for workload in ("W2", "W3"):
        floor, service = rows.get(("floor", workload, 1)), rows.get(("service", workload, 1))
        if floor and service:
            parts.append(f"{workload} p50 {service['p50_ms'] / floor['p50_ms']:.2f}x floor")
    ratios = {
        w: rows[("service", w, 32)]["throughput"] / rows[("peer", w, 32)]["throughput"]
        for w in ("W1", "W2", "W3", "W4")
        if ("service", w, 32) in rows and rows.get(("peer", w, 32), {}).get("throughput")
    }
    if ratios:
        each = " ".join(f"{w} {ratio:.2f}x" for w, ratio in ratios.items())
        mean = statistics.geometric_mean(ratios.values())
        parts.append(f"c=32 throughput vs peer: {each} (geometric mean {mean:.2f}x)")
    return f"headline ({graph['papers']:,} papers): " + ", ".join(parts)


if __name__ == "__main__":
    main()
