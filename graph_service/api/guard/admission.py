"""How many operations run at once: a lane for all of them, a narrower one for heavy ones,
and one per client.

A heavy operation (costing more than a tenth of the budget) needs a place in both lanes, so
however many clients loop the most expensive operation the budget allows, cheap ones (a
profile, a search) still find room. A client (by its address) holds at most `per_client`
places, so one client looping requests cannot take every place from the others. An
operation that finds no place within a moment is refused, to be retried, instead of queueing
without bound.

For a while after Neo4j restarts, every statement is planned anew on a cold JVM, which is
CPU-bound: a few at a time finish in a second, sixteen at a time all take several. So for
that while (`throttle`) operations also need one of COLD_PLACES places.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass

# How long an operation may wait for a place before it is refused.
ADMISSION_WAIT = 1.0
# Seconds a refused client is told to wait (the Retry-After header).
RETRY_AFTER = 1
# How many operations run at once while Neo4j's plans are cold (its cores on a small server).
COLD_PLACES = 2


@dataclass
class ClientLane:
    """One client's places, and how many of its operations hold or wait for one."""

    places: asyncio.Semaphore
    users: int = 0


class Admission:
    """The lanes of one app."""

    def __init__(
        self,
        most: int,
        heavy: int,
        heavy_cost: int,
        per_client: int | None = None,
        wait: float = ADMISSION_WAIT,
    ) -> None:
        self.most = most
        self.heavy = heavy
        self.heavy_cost = heavy_cost
        self.per_client = min(per_client or most, most)
        # How long an operation may wait for a place before it is refused.
        self.wait = wait
        self._all = asyncio.Semaphore(most)
        self._heavy = asyncio.Semaphore(heavy)
        self._cold = asyncio.Semaphore(COLD_PLACES)
        self._cold_until = 0.0
        # Only clients with an operation running or waiting: the map cannot grow without bound.
        self._clients: dict[str, ClientLane] = {}
        # Operations admitted and not finished, and how many of them are heavy.
        self.running = 0
        self.running_heavy = 0

    def throttle(self, seconds: float) -> None:
        """Run at most COLD_PLACES operations at once for the next `seconds`."""
        self._cold_until = time.monotonic() + seconds

    @property
    def throttled(self) -> bool:
        return time.monotonic() < self._cold_until

    @property
    def clients(self) -> int:
        """Clients with an operation running or waiting for a place."""
        return len(self._clients)

    def crowded(self, client: str) -> bool:
        """Whether `client` holds every place one client may."""
        lane = self._clients.get(client)
        return lane is not None and lane.places.locked()

    def _client_lane(self, client: str, stack: AsyncExitStack) -> asyncio.Semaphore:
        lane = self._clients.get(client)
        if lane is None:
            lane = self._clients[client] = ClientLane(asyncio.Semaphore(self.per_client))
        lane.users += 1

        def leave() -> None:
            lane.users -= 1
            if lane.users == 0:
                del self._clients[client]

        stack.callback(leave)
        return lane.places

    async def enter(self, cost: int, stack: AsyncExitStack, client: str | None = None) -> bool:
        """Take the places an operation of `cost` from `client` needs (released by `stack`);
        False when none came free within `wait` seconds."""
        lanes = [self._all, self._heavy] if cost > self.heavy_cost else [self._all]
        if self.throttled:
            lanes.append(self._cold)
        if client is not None:
            # The client's own lane first: its waiting operations hold no shared place.
            lanes.insert(0, self._client_lane(client, stack))
        try:
            async with asyncio.timeout(self.wait):
                for lane in lanes:
                    await lane.acquire()
                    stack.callback(lane.release)
        except TimeoutError:
            await stack.aclose()
            return False
        heavy = cost > self.heavy_cost
        self._count(1, heavy)
        stack.callback(self._count, -1, heavy)
        return True

    def _count(self, change: int, heavy: bool) -> None:
        self.running += change
        self.running_heavy += change if heavy else 0
