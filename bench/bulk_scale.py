"""`graph-service load openalex --bulk` at scale: wall time against its own neo4j-admin step,
and the peak memory of each process, for generated sets of 1M papers and more.

Each size is generated once (kept in .bench/), then loaded by the CLI command a user runs into
a fresh home, while a sampler reads the memory of the command (the conversion, DuckDB and
the similarity lists live in it), of its worker processes and of neo4j-admin's JVM every
0.2 s. The ratio is the whole load (conversion, neo4j-admin, restart, schema, ranking)
against the `neo4j-admin database import` it runs on the converted files, both timed in the
same run. Prints a markdown table; `--output` also writes it.

    .venv/bin/python -m bench.bulk_scale --papers 1000000 --papers 10000000
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.graph import CACHE, store_bytes
from graph_service.devdata import generator
from graph_service.localneo4j.scratch import start_free
from graph_service.localneo4j.server import LocalServer

SEED = 7
HEAP = "2g"
PAGECACHE = "1g"
# `--pagecache store`: a page cache that holds the store, as docs/scaling.md sizes a server
# (the store is about 6.6 kB per paper), short of what the machine has beside the heap, the
# command and the system.
STORE_BYTES_PER_PAPER = 7_500
RESERVED = 6 * 2**30


@dataclass
class Peaks:
    """The largest RSS seen, in bytes, per kind of process."""

    command: int = 0
    worker: int = 0
    workers: int = 0
    admin: int = 0
    samples: int = 0
    seen: set[int] = field(default_factory=set)


def sample(pid: int, peaks: Peaks, stop: threading.Event) -> None:
    """Every 0.2 s until `stop`: the command's RSS, its Python workers' (each and together)
    and the JVM neo4j-admin runs in."""
    root = psutil.Process(pid)
    while not stop.wait(0.2):
        try:
            peaks.command = max(peaks.command, root.memory_info().rss)
            children = root.children(recursive=True)
        except psutil.Error:
            continue
        workers = 0
        for child in children:
            try:
                rss = child.memory_info().rss
                name = child.name()
            except psutil.Error:
                continue
            if name.startswith("java"):
                peaks.admin = max(peaks.admin, rss)
            else:
                peaks.worker = max(peaks.worker, rss)
                workers += rss
                peaks.seen.add(child.pid)
        peaks.workers = max(peaks.workers, workers)
        peaks.samples += 1


def generated(papers: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    source = CACHE / f"works-{papers}-seed{SEED}.jsonl.gz"
    if not source.exists():
        started = time.perf_counter()
        partial = CACHE / f"partial-{source.name}"
        generator.write(partial, papers, seed=SEED)
        partial.rename(source)
        print(f"generated {papers:,} papers in {time.perf_counter() - started:.0f} s", flush=True)
    return source


def pagecache_for(papers: int, option: str) -> str:
    """The page cache `--pagecache` asks for: as given, or `store` sized to hold the store."""
    if option != "store":
        return option
    room = psutil.virtual_memory().total - RESERVED
    return f"{min(papers * STORE_BYTES_PER_PAPER, room) // 2**20}m"


def load(papers: int, source: Path, scratch: Path, pagecache: str) -> dict[str, object]:
    """One bulk load of `source` into a fresh home under `scratch`, measured."""
    server = LocalServer(scratch / f"home-{papers}")
    server.install()
    start_free(server, HEAP, pagecache)
    try:
        status = server.status()
        env = {
            **os.environ,
            "NEO4J_URI": "",
            "NEO4J_PASSWORD": "",
            "GRAPH_SERVICE_NEO4J_HOME": str(server.home),
            "GRAPH_SERVICE_BOLT_PORT": str(status.bolt_port),
            "GRAPH_SERVICE_HTTP_PORT": str(status.http_port),
            "COLUMNS": "200",
        }
        started = time.perf_counter()
        command = subprocess.Popen(
            [".venv/bin/graph-service", "load", "openalex", "--bulk", str(source)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        peaks, stop = Peaks(), threading.Event()
        sampler = threading.Thread(target=sample, args=(command.pid, peaks, stop))
        sampler.start()
        output, _ = command.communicate()
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        if command.returncode != 0:
            raise SystemExit(f"the bulk load failed ({command.returncode}):\n{output[-3000:]}")
        steps = {
            name: float(value)
            for name, value in re.findall(r"(\w+) ([\d.]+)s", output.split("steps:")[-1])
        }
        loaded = re.search(r"([\d,]+) works loaded", output)
        store = store_bytes(server)
    finally:
        server.stop()
        shutil.rmtree(server.home, ignore_errors=True)
    return {
        "papers": papers,
        "pagecache": pagecache,
        "loaded": int(loaded.group(1).replace(",", "")) if loaded else 0,
        "input_mb": source.stat().st_size / 2**20,
        "wall_s": wall,
        "steps": steps,
        "ratio": wall / steps["import"],
        "command_mb": peaks.command / 2**20,
        "worker_mb": peaks.worker / 2**20,
        "workers_mb": peaks.workers / 2**20,
        "workers_seen": len(peaks.seen),
        "admin_mb": peaks.admin / 2**20,
        "store_mb": store / 2**20,
        "samples": peaks.samples,
    }


def report(rows: list[dict[str, object]], command: str) -> str:
    lines = [
        "| papers | whole load | of which neo4j-admin import | ratio | reading | CSV (DuckDB) "
        "| similarity lists | schema (indexes) | ranking: importance | hubs | the rest (restart) "
        "| page cache | peak RSS: command | one worker | workers together | neo4j-admin JVM "
        "| store |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        steps = r["steps"]
        assert isinstance(steps, dict)
        lines.append(
            f"| {r['papers']:,} | {r['wall_s']:.0f} s | {steps['import']:.0f} s "
            f"| **{r['ratio']:.2f}x** | {steps['reading']:.0f} s | {steps['csv']:.0f} s "
            f"| {steps['lists']:.0f} s | {steps['schema']:.0f} s | {steps['importance']:.0f} s "
            f"| {steps['hubs']:.0f} s | {r['wall_s'] - sum(steps.values()):.0f} s "
            f"| {r['pagecache']} "
            f"| **{r['command_mb']:,.0f} MB** | {r['worker_mb']:,.0f} MB "
            f"| {r['workers_mb']:,.0f} MB | {r['admin_mb']:,.0f} MB | {r['store_mb']:,.0f} MB |"
        )
    return (
        "\n".join(lines) + f"\n\nCommand: `{command}`. Neo4j heap {HEAP}; "
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores. "
        "The whole load is the CLI command's wall time; the neo4j-admin import is its step "
        "on the converted files, in the same run.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, action="append", help="repeat for several sizes")
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    parser.add_argument(
        "--pagecache",
        action="append",
        help=f"Neo4j's page cache, e.g. 1g, or `store` to hold the store (default {PAGECACHE}); "
        "repeat to load each size with each",
    )
    options = parser.parse_args()
    sizes = options.papers or [1_000_000]
    scratch = CACHE / "bulk-scale"
    caches = options.pagecache or [PAGECACHE]
    rows = []
    for papers in sizes:
        source = generated(papers)
        for cache in caches:
            rows.append(load(papers, source, scratch, pagecache_for(papers, cache)))
            print(rows[-1], flush=True)
    command = "python -m bench.bulk_scale " + " ".join(
        [*(f"--papers {p}" for p in sizes), *(f"--pagecache {c}" for c in options.pagecache or [])]
    )
    text = report(rows, command)
    print(text)
    if options.output:
        options.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
