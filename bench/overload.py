"""Hostile load against the served app: does a researcher's profile still answer?

Loads a generated graph into a throw-away Neo4j (bulk path) and serves the app the README's
way, twice side by side: once with the default admission lanes and once with them opened
wide. In each, 16 clients loop the most expensive operation the default budget allows (five
aliases of the largest slice of the busiest author) while one client loops a profile; the
profile's latency, the answers by kind and /readyz are recorded. Then a fragment bomb is sent,
and Neo4j is frozen (SIGSTOP) under 20 requests/s to see every request answered by the
deadline with the service's Bolt connections bounded by the pool.

    .venv/bin/python bench/overload.py --papers 10000 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import time
from collections import Counter
from typing import Any

import aiohttp
import psutil

from bench.graph import throwaway_graph
from graph_service.http.child import served

HEAVY = (
    "query($id: ID!) { "
    + " ".join(
        f"s{i}: neighborhood(id: $id, depth: 3, limit: 500, perNodeLimit: 100) "
        "{ nodes { id type label weight hop } edges { id source target type } }"
        for i in range(5)
    )
    + " }"
)
PROFILE = """query($id: ID!) { author(id: $id) {
  id name worksCount citationCount hIndex
  institutions { institution { id name } firstYear lastYear papers }
  topics(first: 6) { topic { id name } works }
  collaborators(first: 8) { totalCount nodes { author { id name } sharedWorks } }
  works(first: 20) { totalCount nodes { id title year venue citedByCount } } } }"""


async def post(
    session: aiohttp.ClientSession, base: str, query: str, variables: dict[str, Any]
) -> tuple[float, str]:
    """Seconds taken and what came back: ok, a status, or an error code."""
    started = time.perf_counter()
    try:
        async with session.post(
            f"{base}/graphql", json={"query": query, "variables": variables}
        ) as response:
            body = await response.json(content_type=None)
            status = response.status
    except (aiohttp.ClientError, TimeoutError) as error:
        return time.perf_counter() - started, type(error).__name__
    elapsed = time.perf_counter() - started
    if status != 200:
        return elapsed, f"HTTP {status}"
    if body.get("errors"):
        return elapsed, str(body["errors"][0].get("extensions", {}).get("code"))
    return elapsed, "ok"


async def hostile(base: str, hub: str, person: str, seconds: float) -> dict[str, Any]:
    stop = time.monotonic() + seconds
    heavy: Counter[str] = Counter()
    profile: list[float] = []
    profile_kinds: Counter[str] = Counter()
    ready: Counter[int] = Counter()
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        # Once alone first: a cold slice of this size plans and reads for seconds.
        for _ in range(2):
            await post(session, base, HEAVY, {"id": hub})
        stop = time.monotonic() + seconds

        async def loop_heavy() -> None:
            while time.monotonic() < stop:
                _, kind = await post(session, base, HEAVY, {"id": hub})
                heavy[kind] += 1

        async def loop_profile() -> None:
            await asyncio.sleep(1)  # once the heavy clients are in
            while time.monotonic() < stop:
                elapsed, kind = await post(session, base, PROFILE, {"id": person})
                profile.append(elapsed)
                profile_kinds[kind] += 1

        async def poll_ready() -> None:
            while time.monotonic() < stop:
                async with session.get(f"{base}/readyz") as response:
                    ready[response.status] += 1
                await asyncio.sleep(0.5)

        await asyncio.gather(*(loop_heavy() for _ in range(16)), loop_profile(), poll_ready())
    profile.sort()
    return {
        "profile_p50": statistics.median(profile) if profile else None,
        "profile_p95": profile[int(len(profile) * 0.95)] if profile else None,
        "profile": dict(profile_kinds),
        "heavy": dict(heavy),
        "readyz": dict(ready),
    }


async def alone(base: str, person: str, count: int = 30) -> float:
    async with aiohttp.ClientSession() as session:
        times = [(await post(session, base, PROFILE, {"id": person}))[0] for _ in range(count)]
    return statistics.median(times)


async def bomb(base: str) -> tuple[float, str]:
    """Each fragment spreads the one before twice: 2^29 spreads in about 1.2 KB."""
    parts = ["fragment F0 on Query { serverInfo { name } }"]
    parts += [f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 30)]
    async with aiohttp.ClientSession() as session:
        return await post(session, base, "{ ...F29 } " + " ".join(parts), {})


def bolt_connections(pid: int, port: int) -> int:
    return sum(
        1
        for connection in psutil.Process(pid).net_connections("tcp")
        if connection.raddr and connection.raddr.port == port
    )


async def frozen(
    base: str, service: int, neo4j_pid: int, bolt: int, person: str, seconds: float
) -> dict[str, Any]:
    """20 requests/s with Neo4j stopped; every answer's time and the connections held."""
    answers: list[tuple[float, str]] = []
    most = 0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        os.kill(neo4j_pid, signal.SIGSTOP)
        try:
            tasks = []
            stop = time.monotonic() + seconds
            while time.monotonic() < stop:
                tasks.append(asyncio.create_task(post(session, base, PROFILE, {"id": person})))
                most = max(most, bolt_connections(service, bolt))
                await asyncio.sleep(0.05)
            answers = await asyncio.gather(*tasks)
            most = max(most, bolt_connections(service, bolt))
        finally:
            os.kill(neo4j_pid, signal.SIGCONT)
    await asyncio.sleep(5)
    return {
        "requests": len(answers),
        "slowest_s": max(elapsed for elapsed, _ in answers),
        "answers": dict(Counter(kind for _, kind in answers)),
        "most_bolt_connections": most,
        "bolt_connections_5s_after": bolt_connections(service, bolt),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20)
    options = parser.parse_args()
    with throwaway_graph(options.papers, "overload-bench-") as graph:
        env, status = graph.env, graph.server.status()
        assert status.pid is not None
        assert status.bolt_port is not None
        hub, person = graph.authors[0], graph.authors[len(graph.authors) // 2]
        print(f"{options.papers:,} papers; hub {hub}; profile of {person}", flush=True)
        wide = {"GRAPH_SERVICE_MAX_CONCURRENT": "1000", "GRAPH_SERVICE_MAX_HEAVY": "1000"}
        for name, extra in (("lanes (default)", {}), ("lanes opened wide", wide)):
            with served({**env, **extra}) as service:
                base = service.base
                quiet = asyncio.run(alone(base, person))
                loaded = asyncio.run(hostile(base, hub, person, options.seconds))
                print(f"\n{name}: profile alone p50 {quiet * 1000:.0f} ms", flush=True)
                p50, p95 = loaded["profile_p50"], loaded["profile_p95"]
                print(
                    f"  16 clients x 5 largest slices: profile p50 "
                    f"{p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
                    f"({p50 / quiet:.1f}x alone); profile answers {loaded['profile']}",
                    flush=True,
                )
                print(f"  heavy answers {loaded['heavy']}; /readyz {loaded['readyz']}", flush=True)
                if not extra:
                    elapsed, kind = asyncio.run(bomb(base))
                    print(f"  fragment bomb 2^29: {kind} in {elapsed * 1000:.0f} ms")
                    frozen_run = frozen(base, service.pid, status.pid, status.bolt_port, person, 10)
                    result = asyncio.run(frozen_run)
                    print(f"  Neo4j frozen 10 s at 20 requests/s: {result}", flush=True)


if __name__ == "__main__":
    main()
