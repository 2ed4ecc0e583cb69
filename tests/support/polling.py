"""Waiting for what a test waits for: a condition polled until it holds, never a fixed sleep."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def poll(
    check: Callable[[], T | None], within: float, what: str = "the condition", every: float = 0.05
) -> T:
    """`check()`'s first true value, asked every `every` seconds; AssertionError naming `what`
    when it is still false after `within` seconds."""
    give_up = time.monotonic() + within
    while not (found := check()):
        if time.monotonic() > give_up:
            raise AssertionError(f"{what} did not happen within {within:g} s")
        time.sleep(every)
    return found
