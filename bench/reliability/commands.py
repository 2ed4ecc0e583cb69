"""Phases 6 and 7: what `graph-service` commands say of broken imports and of a user's mistakes."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any

from bench.graph import Graph
from bench.reliability.scale import Scale
from graph_service.devdata import generator
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.localneo4j.host import free_port


def last_line(output: str) -> str:
    """The last line a command printed that is not a progress bar."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    lines = [line for line in lines if "━" not in line and not line.startswith("byt")]
    return lines[-1] if lines else ""


def cli(env: dict[str, str], *args: str, timeout: float = 600) -> tuple[int, str, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "graph_service", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, round(time.monotonic() - started, 1)


def import_faults(graph: Graph, scale: Scale) -> dict[str, Any]:
    work = graph.work / "import-faults"
    work.mkdir()
    good = DEMO_WORKS.read_text(encoding="utf-8").splitlines()[:40]
    packed = gzip.compress(("\n".join(good[:30]) + "\n").encode())
    files = {
        "truncated gzip": ("truncated.jsonl.gz", packed[: len(packed) // 2]),
        "a 5 MB line": (
            "long-line.jsonl",
            (
                good[30]
                + "\n"
                + '{"id": "W1", "title": "'
                + "x" * 5_000_000
                + '"}\n'
                + good[31]
                + "\n"
            ).encode(),
        ),
        "binary garbage": (
            "garbage.jsonl",
            bytes(random.Random(1).randrange(256) for _ in range(200_000)),
        ),
        "an empty file": ("empty.jsonl", b""),
        "text named .gz": ("text.jsonl.gz", (good[32] + "\n").encode()),
        "deep nesting and a huge number": (
            "hostile.jsonl",
            (
                '{"id": "W2", "x": '
                + "[" * 100_000
                + "]" * 100_000
                + "}\n"
                + json.dumps({**json.loads(good[33]), "cited_by_count": 2**70})
                + "\n"
                + good[34]
                + "\n"
            ).encode(),
        ),
    }
    results: dict[str, Any] = {}
    for what, (name, data) in files.items():
        path = work / name
        path.write_bytes(data)
        code, output, seconds = cli(
            graph.env, "load", "openalex", str(path), "--rejects", str(work / f"{name}.rejects")
        )
        placed = [line.strip() for line in output.splitlines() if f"{name}:" in line]
        results[what] = {
            "exit": code,
            "seconds": seconds,
            "file_line": bool(placed) or what == "an empty file",
            "traceback": "Traceback" in output,
            # 0: loaded; 2: loaded, with lines rejected. 1 would be a load that failed.
            "expected_exit": code in (0, 2),
            "said": " / ".join([*placed[:1], last_line(output)]),
        }
    # A file deleted while the load reads it, and one deleted before the load reaches it.
    big = work / "big.jsonl.gz"
    generator.write(big, scale.import_papers, seed=17)
    later = work / "later.jsonl"
    later.write_text(good[35] + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graph_service",
            "load",
            "openalex",
            str(big),
            str(later),
            "--rejects",
            str(work / "deleted.rejects"),
        ],
        env=graph.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(3)
    big.unlink()
    later.unlink()
    output, _ = process.communicate(timeout=900)
    results["files deleted mid-load"] = {
        "exit": process.returncode,
        "file_line": "later.jsonl:1: the file is gone" in " ".join(output.split()),
        "traceback": "Traceback" in output,
        "said": next((line.strip() for line in output.splitlines() if "later.jsonl" in line), ""),
    }
    # Neo4j killed mid-load: a clear error; started again, a rerun converges.
    source = work / "kill.jsonl.gz"
    generator.write(source, scale.import_papers, seed=19)
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_service", "load", "openalex", str(source), "--batch", "200"],
        env=graph.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(6)
    status = graph.server.status()
    assert status.pid
    assert status.bolt_port
    assert status.http_port
    os.kill(status.pid, signal.SIGKILL)
    output, _ = process.communicate(timeout=300)
    graph.server.start(
        bolt_port=status.bolt_port, http_port=status.http_port, heap="1g", pagecache="1g"
    )
    first = cli(graph.env, "load", "openalex", str(source))
    stats_once = cli(graph.env, "db", "stats")[1]
    second = cli(graph.env, "load", "openalex", str(source))
    stats_twice = cli(graph.env, "db", "stats")[1]
    results["Neo4j killed mid-load"] = {
        "exit": process.returncode,
        "traceback": "Traceback" in output,
        "said": output.strip().splitlines()[-1] if output.strip() else "",
        "rerun_exit": first[0],
        "converged": first[0] == 0 and second[0] == 0 and stats_once == stats_twice,
    }
    return results


def cli_errors(graph: Graph) -> dict[str, Any]:
    base = {k: v for k, v in graph.env.items() if not k.startswith(("NEO4J_", "GRAPH_SERVICE_"))}
    status = graph.server.status()
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    busy = taken.getsockname()[1]
    no_tools = {**base, "PATH": "/nonexistent", "JAVA_HOME": "/nonexistent"}
    homes = graph.work / "cli-homes"
    cases = {
        "an http:// NEO4J_URI": (
            {**base, "NEO4J_URI": "http://127.0.0.1:7474"},
            ["db", "stats"],
            "NEO4J_URI",
        ),
        "a write token under 16 characters": (
            {**base, "GRAPH_SERVICE_WRITE_TOKEN": "short"},
            ["db", "stats"],
            "16 characters",
        ),
        "an unreachable Neo4j": (
            {**base, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "x"},
            ["db", "stats"],
            "not reachable",
        ),
        "Neo4j's HTTP port as Bolt": (
            {**base, "NEO4J_URI": f"bolt://127.0.0.1:{status.http_port}", "NEO4J_PASSWORD": "x"},
            ["db", "stats"],
            "bolt://127.0.0.1",
        ),
        "a wrong password": (
            {**graph.env, "NEO4J_PASSWORD": "wrong-password-123"},
            ["db", "stats"],
            "credentials",
        ),
        "no Java": (no_tools, ["neo4j", "start", "--home", str(homes / "no-java")], "Java"),
        "no Maven": (
            {**no_tools, "XDG_CACHE_HOME": str(homes / "empty-cache")},
            ["neo4j", "install", "--home", str(homes / "no-maven")],
            "Maven",
        ),
        "the serve port in use": (graph.env, ["serve", "--port", str(busy)], "in use"),
        "the Bolt port in use": (
            base,
            ["neo4j", "start", "--home", str(homes / "busy"), "--bolt-port", str(busy)],
            "in use",
        ),
    }
    results: dict[str, Any] = {}
    try:
        for what, (env, args, expected) in cases.items():
            code, output, seconds = cli(env, *args, timeout=120)
            results[what] = {
                "exit": code,
                "seconds": seconds,
                "traceback": "Traceback" in output,
                "names_it": expected.lower() in output.lower(),
                "lines": len(output.strip().splitlines()),
                "said": " ".join(output.split())[:220],
            }
    finally:
        taken.close()
        shutil.rmtree(homes, ignore_errors=True)
    return results
