"""Work done in batches: records in groups of a size, and a statement run until it does less,
in smaller batches when one outgrows a transaction's memory."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from graph_service.errors import OutOfMemory


def batched(records: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """The records in lists of `size` (the last one shorter)."""
    batch: list[Any] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


async def until_done(batch: Callable[[int], Awaitable[int]], size: int) -> int:
    """Run `batch` with a limit of `size` until it does fewer; returns the total done. A batch
    that outgrows the memory Neo4j gives one transaction is tried again in halves, down to
    one."""
    total = 0
    while True:
        try:
            done = await batch(size)
        except OutOfMemory:
            if size == 1:
                raise
            size //= 2
            continue
        total += done
        if done < size:
            return total
