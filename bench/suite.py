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
import random
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

from graph_service import generator
from graph_service.api import Context, build_schema
from graph_service.api.batching import Batcher
from graph_service.api.slices import slice_parameters
from graph_service.api.types import ALL_LABELS
from graph_service.bulk import BulkImport
from graph_service.host import free_port
from graph_service.localserver import LocalServer
from graph_service.neo4jdist import pinned_version
from graph_service.repository import Ran, Repository
from graph_service.search import lucene_query
from graph_service.statements import Composed, cypher_dir, read_folder

# What the peer's slice query takes of the statement's parameters (the rest it fixes itself).
PEER_SLICE_PARAMETERS = ("center", "depth", "scanLimit", "relTypes", "nodeTypes")
ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
RESULTS = ROOT / "bench" / "results"
PEER = ROOT / "bench" / "peer"
SEED = 7
SYSTEMS = ("floor", "service", "peer")
CONCURRENCY = (1, 8, 32)
# What a researcher-explorer UI sends: mostly slices, then profiles; few searches and paths.
MIX = {"W2": 35, "W3": 30, "W1": 25, "W4": 7, "W5": 3}

W1_SERVICE = """query Profile($id: ID!) { author(id: $id) {
  id name worksCount citationCount hIndex
  institutions { institution { id name } firstYear lastYear papers }
  topics(first: 5) { topic { id name } works }
  collaborators(first: 10) { totalCount nodes { author { id name } sharedWorks } }
  works(first: 20) { totalCount nodes {
    id title year venue citedByCount
    authorships { position author { id name } }
    topics { score topic { id name } }
  } }
} }"""
# The nearest form in the library: native relationship fields and connections, and a @cypher
# field for the top topics (it has no aggregation over a two-hop pattern).
W1_PEER = """query Profile($id: ID!) { authors(where: {id: {eq: $id}}) {
  id name worksCount citationCount hIndex
  institutionsConnection(sort: [{edge: {papers: DESC}}]) {
    edges { properties { firstYear lastYear papers } node { id name } } }
  topTopics(first: 5) { topic { id name } works }
  collaboratorsConnection(first: 10, sort: [{edge: {sharedWorks: DESC}}]) {
    totalCount edges { properties { sharedWorks } node { id name } } }
  worksConnection(first: 20, sort: [{node: {year: DESC}}, {node: {citedByCount: DESC}}]) {
    totalCount edges { node {
      id title year venue citedByCount
      authorsConnection(sort: [{edge: {position: ASC}}]) {
        edges { properties { position } node { id name } } }
      topicsConnection { edges { properties { score } node { id name } } }
    } } }
} }"""
SLICE_FIELDS = """truncated totalNeighbors
  nodes { id type label hop year citations worksCount weight }
  edges { source target type weight }"""
SLICE_SERVICE = (
    "query Slice($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth, limit: 200, "
    "perNodeLimit: 25) { center { id } " + SLICE_FIELDS + " } }"
)
SLICE_PEER = (
    "query Slice($center: ID!, $depth: Int!, $scanLimit: Int!, $relTypes: [String!]!, "
    "$nodeTypes: [String!]!) "
    "{ neighborhood(center: $center, depth: $depth, limit: 200, perNodeLimit: 25, "
    "scanLimit: $scanLimit, relTypes: $relTypes, nodeTypes: $nodeTypes) { center "
    + SLICE_FIELDS
    + " } }"
)
SEARCH_SERVICE = """query Search($q: String!) { search(query: $q, first: 10) {
  score node { __typename id ... on Author { name } ... on Paper { title year }
  ... on Topic { name } ... on Institution { name } } } }"""
SEARCH_PEER = """query Search($q: String!, $types: [String!]!) {
  search(query: $q, types: $types, first: 10, candidates: 10) { id name title year } }"""
PATH_FIELDS = "nodes { id type label hop weight } edges { source target type weight }"
PATH_QUERY = (
    "query Path($a: ID!, $b: ID!) { path(from: $a, to: $b, maxLength: 6) { " + PATH_FIELDS + " } }"
)


@dataclass
class Call:
    """One request of a workload in the three forms."""

    workload: str
    floor: list[list[tuple[str, dict[str, Any]]]]  # statement texts, level by level
    service: dict[str, Any]
    peer: dict[str, Any]


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


# -- graphs ----------------------------------------------------------------------------------


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
    if marker.exists() and marker.read_text() == source.name:
        load_seconds = None
    else:
        say(f"loading {source.name} with neo4j-admin")
        server.install()
        server.start(bolt_port=free_port(), http_port=free_port(), heap=heap, pagecache="512m")
        started = time.perf_counter()
        BulkImport(server, CACHE / f"csv-{papers}").run([source])
        asyncio.run(_apply_schema(server))
        load_seconds = round(time.perf_counter() - started, 1)
        marker.write_text(source.name)
        server.stop()
    # Page cache: the whole store plus room to grow, so reads never go to disk.
    store = store_bytes(server)
    pagecache_mb = max(256, int(store * 1.25 / 2**20) + 64)
    if server.status().running:
        server.stop()
    server.start(
        bolt_port=free_port(), http_port=free_port(), heap=heap, pagecache=f"{pagecache_mb}m"
    )
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


def repository_for(server: LocalServer) -> Repository:
    status = server.status()
    driver = neo4j.AsyncGraphDatabase.driver(
        status.uri or "", auth=("neo4j", server.password()), notifications_min_severity="OFF"
    )
    return Repository(driver, "neo4j", timeout=60.0)


# -- workloads -------------------------------------------------------------------------------


async def service_statements(
    repository: Repository, query: str, variables: dict[str, Any]
) -> list[list[tuple[str, dict[str, Any]]]]:
    """The statements graph_service runs for a query, grouped into levels: a statement waits
    for those that had finished before it started, as it does in the service."""
    calls: list[Ran] = []
    repository.observers.append(calls.append)
    try:
        context = Context(repository=repository, batcher=Batcher(repository), request_id="bench")
        result = await build_schema().execute(
            query, variable_values=variables, context_value=context
        )
    finally:
        repository.observers.remove(calls.append)
    if result.errors:
        raise RuntimeError(f"recording {variables}: {result.errors[0]}")
    levels: dict[int, int] = {}
    grouped: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for index, call in enumerate(calls):
        before = [levels[i] for i, c in enumerate(calls) if c.finished < call.started]
        levels[index] = 1 + max(before, default=0)
        grouped.setdefault(levels[index], []).append((call.text, dict(call.parameters)))
    return [grouped[level] for level in sorted(grouped)]


def sample_centres(authors: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Hubs first, then authors spread over the productivity distribution (by rank)."""
    picks = list(range(min(3, len(authors))))
    spread = n - len(picks)
    for k in range(spread):
        # Ranks spaced geometrically: the head of a power law matters most to latency tails.
        rank = round(len(authors) ** ((k + 1) / spread)) - 1
        picks.append(min(rank, len(authors) - 1))
    seen: list[int] = []
    for rank in picks:
        while rank in seen and rank + 1 < len(authors):
            rank += 1
        seen.append(rank)
    return [authors[rank] for rank in seen]


async def build_calls(server: LocalServer, centres: int) -> tuple[dict[str, list[Call]], int]:
    repository = repository_for(server)
    by_works = read_folder(cypher_dir() / "bench")["select_authors_by_works"]
    try:
        # Every author, sorted: on the 1M graph with a cold page cache this takes minutes.
        authors = await repository.read(
            Composed("select_authors_by_works", by_works), tx_timeout=1800.0
        )
        sample = sample_centres(authors, centres)
        calls: dict[str, list[Call]] = {w: [] for w in ("W1", "W2", "W3", "W4", "W5")}
        for author in sample:
            variables = {"id": author["id"]}
            calls["W1"].append(
                Call(
                    "W1",
                    await service_statements(repository, W1_SERVICE, variables),
                    {"query": W1_SERVICE, "variables": variables},
                    {"query": W1_PEER, "variables": variables},
                )
            )
            for workload, depth in (("W2", 1), ("W3", 2)):
                variables = {"id": author["id"], "depth": depth}
                # The peer takes the service's own statement parameters (limit 200, 25 each).
                built = slice_parameters(author["id"], depth)
                peer = {key: built[key] for key in PEER_SLICE_PARAMETERS}
                calls[workload].append(
                    Call(
                        workload,
                        await service_statements(repository, SLICE_SERVICE, variables),
                        {"query": SLICE_SERVICE, "variables": variables},
                        {"query": SLICE_PEER, "variables": peer},
                    )
                )
            # What a person types while looking for this author: the family name, cut short.
            typed = (author["name"] or "x").split()[-1][:5]
            calls["W4"].append(
                Call(
                    "W4",
                    await service_statements(repository, SEARCH_SERVICE, {"q": typed}),
                    {"query": SEARCH_SERVICE, "variables": {"q": typed}},
                    {
                        "query": SEARCH_PEER,
                        "variables": {"q": lucene_query(typed), "types": ALL_LABELS},
                    },
                )
            )
        half = len(sample) // 2
        for a, b in zip(sample[:half], sample[half:], strict=False):
            variables = {"a": a["id"], "b": b["id"]}
            # The same query in both GraphQL servers: `path` has one shape in both schemas.
            body = {"query": PATH_QUERY, "variables": variables}
            calls["W5"].append(
                Call(
                    "W5",
                    await service_statements(repository, PATH_QUERY, variables),
                    body,
                    body,
                )
            )
        mixed = [w for w, share in MIX.items() for _ in range(share)]
        random.Random(SEED).shuffle(mixed)
        calls["W6"] = [calls[w][i % len(calls[w])] for i, w in enumerate(mixed) if calls[w]]
        return calls, len(authors)
    finally:
        await repository.close()


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
                    self.driver.execute_query(
                        neo4j.Query(text),
                        params,
                        routing_=neo4j.RoutingControl.READ,
                        database_="neo4j",
                    )
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
        [str(Path(sys.executable).parent / "graph-service"), "serve", "--port", str(service_port)],
        env=env,
        stdout=(log_dir / "service.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    peer = subprocess.Popen(
        ["node", str(PEER / "server.mjs")],
        env={**env, "PORT": str(peer_port)},
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
        options.workloads = ["W1", "W2", "W3"]
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
    """The one line `make bench-quick` ends with: slice overhead and throughput vs the peer."""
    graph = run["graphs"][-1]
    rows = {(r["system"], r["workload"], r["concurrency"]): r for r in graph["results"]}
    parts = []
    for workload in ("W2", "W3"):
        floor, service = rows.get(("floor", workload, 1)), rows.get(("service", workload, 1))
        if floor and service:
            parts.append(f"{workload} p50 {service['p50_ms'] / floor['p50_ms']:.2f}x floor")
    ratios = [
        rows[("service", w, 32)]["throughput"] / rows[("peer", w, 32)]["throughput"]
        for w in ("W1", "W2", "W3")
        if ("service", w, 32) in rows and rows[("peer", w, 32)]["throughput"]
    ]
    if ratios:
        parts.append(f"c=32 throughput {statistics.geometric_mean(ratios):.2f}x peer (W1-W3)")
    return f"headline ({graph['papers']:,} papers): " + ", ".join(parts)


if __name__ == "__main__":
    main()
