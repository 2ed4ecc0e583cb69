"""Phases 3 and 4: Neo4j killed and frozen under reads and a writer; no acknowledged write lost."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import psutil

from bench.graph import Graph
from bench.reliability.client import Client, Tally
from bench.reliability.reads import Ids, mixed
from bench.reliability.scale import Scale
from graph_service.http.child import Served

UPSERT = """mutation($works: [WorkInput!]!) {
  upsertWorks(works: $works) { upserted skipped refreshPending rejected { index reason } } }"""


def service_state(pid: int, bolt: int) -> tuple[float, int, int]:
    """The service's RSS (MB), its live connections to Neo4j's Bolt port and the ones in any
    other state (a socket kept to a dead server)."""
    process = psutil.Process(pid)
    states = [c.status for c in process.net_connections("tcp") if c.raddr and c.raddr.port == bolt]
    live = sum(1 for state in states if state == psutil.CONN_ESTABLISHED)
    return process.memory_info().rss / 2**20, live, len(states) - live


async def faults(
    client: Client, graph: Graph, service: Served, ids: Ids, scale: Scale
) -> dict[str, Any]:
    server = graph.server
    status = server.status()
    assert status.pid
    assert status.bolt_port
    assert status.http_port
    bolt, http = status.bolt_port, status.http_port
    rng = random.Random(5)
    reads, writes, ready = Tally(), Tally(), []
    acknowledged: list[str] = []
    refused: list[str] = []
    stop = asyncio.Event()
    events: dict[str, float] = {}
    for _ in range(100):  # the level before any fault
        await mixed(client, ids, rng)
    rss_before, bolt_before, _ = service_state(service.pid, bolt)

    async def reader() -> None:
        while not stop.is_set():
            reads.add(await mixed(client, ids, rng))

    async def writer() -> None:
        number = 0
        while not stop.is_set():
            number += 1
            work = {
                "id": f"W99{os.getpid() % 1000:03d}{number:06d}",
                "title": f"Reliability write {number}",
                "publicationYear": 2024,
                "authorships": [{"authorId": rng.choice(ids.authors), "name": "Writer"}],
                "referencedWorks": [rng.choice(ids.papers)],
            }
            answer = writes.add(await client.gql("upsert", UPSERT, {"works": [work]}, token=True))
            body = answer.body if isinstance(answer.body, dict) else {}
            done = (body.get("data") or {}).get("upsertWorks")
            if done and done["upserted"] == 1 and not body.get("errors"):
                acknowledged.append(work["id"])
            else:
                refused.append(work["id"])
            await asyncio.sleep(0.1)

    async def readiness() -> None:
        while not stop.is_set():
            answer = await client.raw("readyz", None, None, "GET", "/readyz")
            ready.append((time.monotonic(), answer.status))
            await asyncio.sleep(0.1)

    async def script() -> None:
        await asyncio.sleep(5)
        assert status.pid
        events["kill"] = time.monotonic()
        os.kill(status.pid, signal.SIGKILL)
        await asyncio.sleep(5)
        await asyncio.to_thread(
            server.start, bolt_port=bolt, http_port=http, heap="1g", pagecache="1g"
        )
        events["back after kill"] = time.monotonic()
        await asyncio.sleep(15)
        frozen = server.status().pid
        assert frozen
        events["freeze"] = time.monotonic()
        os.kill(frozen, signal.SIGSTOP)
        await asyncio.sleep(scale.freeze_seconds)
        os.kill(frozen, signal.SIGCONT)
        events["back after freeze"] = time.monotonic()
        await asyncio.sleep(15)
        stop.set()

    await asyncio.gather(
        script(), readiness(), writer(), *(reader() for _ in range(scale.fault_load))
    )
    await asyncio.sleep(5)  # the pool settles: connections the killed server left are closed
    rss_after, bolt_after, stale = service_state(service.pid, bolt)

    def first(after: float, ok: Callable[[Any], bool], series: list[Any]) -> float | None:
        for moment, value in series:
            if moment >= after and ok(value):
                return round(moment - after, 2)
        return None

    readiness_series = [(moment, code) for moment, code in ready]
    answers = [(a.started + a.seconds, a) for a in reads.answers]
    figures: dict[str, Any] = {}
    for fault, back in (("kill", "back after kill"), ("freeze", "back after freeze")):
        figures[fault] = {
            "readyz_503_after_s": first(events[fault], lambda c: c == 503, readiness_series),
            "readyz_200_after_return_s": first(events[back], lambda c: c == 200, readiness_series),
            "first_answer_after_return_s": first(
                events[back], lambda a: a.status == 200 and not a.codes, answers
            ),
        }
    during = [
        a
        for a in reads.answers
        if any(
            events[f] <= a.started + a.seconds <= events[b]
            for f, b in (("kill", "back after kill"), ("freeze", "back after freeze"))
        )
    ]
    unclear = [
        a for a in during if a.status not in (200, 503, 504) or (a.status != 200 and not a.codes)
    ]
    # What the reads got in each second after Neo4j came back (what a slow return was made of).
    after_return = {}
    for back in ("back after kill", "back after freeze"):
        seconds: dict[int, Counter[str]] = {}
        for a in reads.answers:
            moment = a.started + a.seconds - events[back]
            if 0 <= moment < 12:
                outcome = f"{a.status} {'/'.join(sorted(set(a.codes))) or 'ok'}"
                seconds.setdefault(int(moment), Counter())[outcome] += 1
        after_return[back] = {k: dict(v) for k, v in sorted(seconds.items())}
    present = await present_ids(client, acknowledged)
    return {
        "after_return": after_return,
        "reads": reads,
        "writes": writes,
        "events": events,
        "figures": figures,
        "during_fault": Counter(f"{a.status} {'/'.join(a.codes) or 'ok'}" for a in during),
        "unclear_during_fault": len(unclear),
        "slowest_s": round(max(a.seconds for a in reads.answers + writes.answers), 2),
        "acknowledged": len(acknowledged),
        "refused": len(refused),
        "lost": len(acknowledged) - present,
        "rss_mb": (round(rss_before, 1), round(rss_after, 1)),
        "bolt_connections": (bolt_before, bolt_after),
        "stale_connections": stale,
    }


async def present_ids(client: Client, wanted: list[str]) -> int:
    """How many of the works are in the graph, by the API (100 ids at a time)."""
    found = 0
    for start in range(0, len(wanted), 100):
        # Just after a fault the service may still say OVERLOADED (it admits few operations
        # while Neo4j warms up again): ask again, as its Retry-After says, for up to 30 s.
        for _ in range(30):
            answer = await client.gql(
                "check",
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                {"ids": wanted[start : start + 100]},
            )
            if answer.body and answer.body.get("data"):
                break
            await asyncio.sleep(1.0)
        else:
            raise RuntimeError(f"the written works could not be checked: {answer.body}")
        found += sum(1 for node in answer.body["data"]["nodes"] if node)
    return found
