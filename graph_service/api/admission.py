"""How many operations run at once: a lane for all of them and a narrower one for heavy ones.

A heavy operation (costing more than a tenth of the budget) needs a place in both lanes, so
however many clients loop the most expensive operation the budget allows, cheap ones (a
profile, a search) still find room. An operation that finds no place within a moment is
refused, to be retried, instead of queueing without bound.
"""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

# How long an operation may wait for a place before it is refused.
ADMISSION_WAIT = 1.0
# Seconds a refused client is told to wait (the Retry-After header).
RETRY_AFTER = 1


class Admission:
    """The two lanes of one app."""

    def __init__(self, most: int, heavy: int, heavy_cost: int) -> None:
        self.most = most
        self.heavy = heavy
        self.heavy_cost = heavy_cost
        self._all = asyncio.Semaphore(most)
        self._heavy = asyncio.Semaphore(heavy)

    async def enter(self, cost: int, stack: AsyncExitStack) -> bool:
        """Take the places an operation of `cost` needs (released by `stack`); False when
        none came free within ADMISSION_WAIT."""
        lanes = [self._all, self._heavy] if cost > self.heavy_cost else [self._all]
        try:
            async with asyncio.timeout(ADMISSION_WAIT):
                for lane in lanes:
                    await lane.acquire()
                    stack.callback(lane.release)
        except TimeoutError:
            await stack.aclose()
            return False
        return True
