"""`graph-service serve` as a child process on a free port, for browser tests and benchmarks."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from graph_service.localneo4j.host import free_port


class Served(NamedTuple):
    base: str  # http://127.0.0.1:PORT
    pid: int


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/readyz", timeout=2) as answer:  # noqa: S310
            return bool(answer.status == 200)
    except OSError:
        return False


@contextmanager
def served(
    env: Mapping[str, str],
    ready_within: float = 120.0,
    workers: int = 1,
    options: Sequence[str] = (),
    cwd: str | None = None,
) -> Iterator[Served]:
    """The service with `env` as its environment, once /readyz answers 200; stopped after.
    One worker process unless told: `pid` is then the process that answers. `options` go to
    `serve` as they are; `cwd` runs the package found there (another checkout) instead."""
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "graph_service", "serve"),
            *("--port", str(port), "--workers", str(workers), *options),
        ],
        env=dict(env),
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_within
        while not _ready(base):
            if process.poll() is not None:
                raise RuntimeError(f"graph-service serve exited with {process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"graph-service serve was not ready within {ready_within:g}s")
            time.sleep(0.3)
        yield Served(base, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
