"""Phase 5: mixed reads from several clients for a while, per window."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from typing import Any

import aiohttp
import psutil

from bench.paper_lists import percentile
from bench.reliability.client import Answer, Client, Tally
from bench.reliability.reads import Ids, mixed
from graph_service.http.child import Served

# The soak's readers come from this many loopback addresses: the explorer's users are many
# clients, each under the per-client limit (one client at 32 is over it, and is told to retry).
SOAK_CLIENTS = 4


async def soak(client: Client, service: Served, ids: Ids, seconds: float) -> dict[str, Any]:
    async with contextlib.AsyncExitStack() as stack:
        clients = [
            Client(
                service.base,
                await stack.enter_async_context(
                    aiohttp.ClientSession(
                        timeout=client.session.timeout,
                        connector=aiohttp.TCPConnector(local_addr=(f"127.0.0.{n + 1}", 0)),
                    )
                ),
            )
            for n in range(SOAK_CLIENTS)
        ]
        return await soak_from(clients, service, ids, seconds)


async def soak_from(
    clients: list[Client], service: Served, ids: Ids, seconds: float
) -> dict[str, Any]:
    rng = random.Random(9)
    tally = Tally()
    stop = time.monotonic() + seconds
    minutes: list[dict[str, Any]] = []
    window = min(60.0, seconds / 4)

    async def reader(client: Client) -> None:
        while time.monotonic() < stop:
            tally.add(await mixed(client, ids, rng))

    async def sampler() -> None:
        start = time.monotonic()
        while time.monotonic() < stop:
            await asyncio.sleep(window)
            now = time.monotonic()
            answers = [a for a in tally.answers if a.started >= now - window]
            recent = [a.seconds for a in answers]
            failed = [a for a in answers if a.codes or a.status != 200]
            rss = psutil.Process(service.pid).memory_info().rss / 2**20
            if len(recent) > 1:
                minutes.append(
                    {
                        "at_s": round(now - start),
                        "requests": len(recent),
                        "p50_ms": round(percentile(recent, 50) * 1000),
                        "p99_ms": round(percentile(recent, 99) * 1000),
                        "rss_mb": round(rss, 1),
                        "errors": described(failed),
                    }
                )

    await asyncio.gather(sampler(), *(reader(clients[n % len(clients)]) for n in range(32)))
    failed = [a for a in tally.answers if a.codes or a.status != 200]
    first_rss = minutes[0]["rss_mb"] if minutes else 0.0
    growth = (max(m["rss_mb"] for m in minutes) / first_rss - 1) * 100 if minutes else 0.0
    return {
        "tally": tally,
        "seconds": seconds,
        "window_s": window,
        "minutes": minutes,
        "errors": len(failed),
        "failed": failed,
        "rss_growth_pct": round(growth, 1),
    }


def described(failed: list[Answer]) -> str:
    """Failed answers counted by request kind, HTTP status and code: `3 profile 503 OVERLOADED`."""
    kinds = Counter(f"{a.what} {a.status or '-'} {'/'.join(a.codes) or '-'}" for a in failed)
    return ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) or "-"


def messages(failed: list[Answer]) -> list[str]:
    """The distinct error messages among failed answers, most frequent first, with counts."""
    found = Counter(
        str(e.get("message", ""))[:160]
        for a in failed
        if isinstance(a.body, dict)
        for e in a.body.get("errors") or []
    )
    found.update(f"no answer: {'/'.join(a.codes)}" for a in failed if not a.status)
    return [f"{n} x {message}" for message, n in found.most_common(8)]
