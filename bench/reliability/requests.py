"""Phases 1 and 2: fuzzed and hostile requests, and valid ones near the cost budget."""

from __future__ import annotations

import asyncio
import random
import socket
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.overload import PROFILE
from bench.reliability.client import Client, Tally, pool
from bench.reliability.corpus import generated, hostile
from bench.reliability.reads import Ids
from bench.reliability.scale import Scale

SCHEMA = Path(__file__).resolve().parents[2] / "schema.graphql"


def oversized_head(base: str, size: int) -> str:
    """What a request head of `size` bytes gets: the status line, or how the connection ended."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        head = f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nX-Big: {'a' * size}\r\n\r\n"
        try:
            connection.sendall(head.encode())
            answer = connection.recv(200).decode(errors="replace")
        except OSError as error:
            return type(error).__name__
    return answer.split("\r\n", 1)[0] or "closed without a status"


async def fuzz(client: Client, ids: Ids, scale: Scale) -> dict[str, Any]:
    schema = SCHEMA.read_text()
    started = time.monotonic()
    documents = await asyncio.to_thread(generated, schema, ids, scale, 7)
    generation = time.monotonic() - started
    tally = Tally()
    jobs = (client.gql(kind, document, token=token) for kind, document, token in documents)
    started = time.monotonic()
    await pool(8, iter(jobs), tally)
    fuzzed = time.monotonic() - started
    corpus = Tally()
    for what, data, headers, method, params in hostile(ids):
        corpus.add(await client.raw(what, data, headers, method, params=params))
    heads = {
        f"{size // 1024} KB head": oversized_head(client.base, size) for size in (60_000, 200_000)
    }
    slowest = max(tally.answers + corpus.answers, key=lambda a: a.seconds)
    refusals = [a for a in corpus.answers if a.status != 200 or a.codes]
    uncoded = [a.what for a in refusals if not a.codes]
    return {
        "generated": Counter(kind for kind, _, _ in documents),
        "generation_s": round(generation, 1),
        "seconds": round(fuzzed, 1),
        "fuzz": tally,
        "corpus": corpus,
        "heads": heads,
        "uncoded_refusals": uncoded,
        "slowest_s": round(slowest.seconds, 2),
        "slowest": f"{slowest.what}, HTTP {slowest.status} {'/'.join(slowest.codes) or ''}: "
        + " ".join(slowest.sent.split())[:400],
        "accepted": sum(1 for a in tally.answers if a.status == 200 and not a.codes),
    }


def near_budget(author: str, rng: random.Random) -> str:
    """A valid operation costing just under the default budget (10,000): five depth-3 slices
    of a hub with big limits (each costs 1,600-1,800)."""
    slices = []
    for alias in "abcde":
        limit = rng.choice([450, 480, 500])
        per = rng.choice([90, 95, 100])
        slices.append(
            f'{alias}: neighborhood(id: "{author}", depth: 3, limit: {limit}, perNodeLimit: {per}) '
            "{ truncated nodes { id type label } edges { id source target type } }"
        )
    return "{ " + " ".join(slices) + " }"


async def expensive(client: Client, ids: Ids, scale: Scale) -> dict[str, Any]:
    rng = random.Random(3)
    heavy, profiles = Tally(), Tally()
    stop = time.monotonic() + scale.expensive_seconds

    async def hammer() -> None:
        while time.monotonic() < stop:
            heavy.add(
                await client.gql("near budget", near_budget(rng.choice(ids.authors[:5]), rng))
            )

    async def profile() -> None:
        while time.monotonic() < stop:
            profiles.add(await client.gql("profile", PROFILE, {"id": rng.choice(ids.authors)}))
            await asyncio.sleep(0.05)

    alone = Tally()
    for author in ids.authors[:20]:
        alone.add(await client.gql("profile alone", PROFILE, {"id": author}))
    await asyncio.gather(*(hammer() for _ in range(16)), profile())
    costs = [
        a.body.get("extensions", {}).get("cost", {}).get("requested", 0)
        for a in heavy.answers
        if isinstance(a.body, dict)
    ]
    return {
        "heavy": heavy,
        "profiles": profiles,
        "profile_alone_p50_ms": round(statistics.median(a.seconds for a in alone.answers) * 1000),
        "profile_p50_ms": round(statistics.median(a.seconds for a in profiles.answers) * 1000),
        "profile_errors": sum(1 for a in profiles.answers if a.codes),
        "cost_range": (min(costs, default=0), max(costs, default=0)),
    }
