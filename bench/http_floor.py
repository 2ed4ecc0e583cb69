"""What one Python process can serve at all: the floor over HTTP.

A bare server (starlette on uvicorn with asyncio and h11, as `graph-service serve` runs,
and the driver reading as the service reads) runs a call's statements, level by level, and
answers their records as JSON: no GraphQL, no validation, no admission, no shaping. It is
measured side by side with the floor (the statements from the load process), the service and
the peer, on the suite's graph, calls and load (bench/suite.py), in rounds whose order turns.
W0 asks each server for nothing (`{ __typename }`; no statement for the bare one): what a
request costs before any work.
Where the bare server is not 1.5x the peer, no change to the service's GraphQL layer can make
the service so; what is left is the cost of HTTP and the driver in one Python process.

    .venv/bin/python -m bench.http_floor --papers 10000 --rounds 2 --seconds 6
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import neo4j
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.graph import CACHE, prepare_graph
from bench.suite import Clients, run_phase, start_servers, stop_process, wait_http
from bench.workloads import Call, build_calls
from graph_service.db.repository import read_auto
from graph_service.localneo4j.host import free_port

SYSTEMS = ("floor", "bare", "service", "peer")
Levels = list[list[tuple[str, dict[str, Any]]]]


def bare_app(uri: str, password: str, calls: list[Levels]) -> Starlette:
    """POST /run {"call": i}: call i's statements, their records as one JSON list."""
    driver = neo4j.AsyncGraphDatabase.driver(
        uri, auth=("neo4j", password), notifications_min_severity="OFF"
    )

    async def run(request: Request) -> Response:
        levels = calls[(await request.json())["call"]]
        records: list[dict[str, Any]] = []
        for level in levels:
            done = await asyncio.gather(
                *(read_auto(driver, "neo4j", neo4j.Query(text), params) for text, params in level)
            )
            records.extend(dict(record) for result in done for record in result.records)
        return Response(json.dumps(records, default=str), media_type="application/json")

    return Starlette(routes=[Route("/run", run, methods=["POST"])])


class Bare(Clients):
    """The suite's clients and the bare server, asked by call number."""

    def __init__(self, uri: str, password: str, urls: dict[str, str], index: dict[int, int]):
        super().__init__(uri, password, urls["service"], urls["peer"])
        self.bare_url, self.index = urls["bare"], index

    def caller(self, system: str) -> Callable[[Call], Awaitable[bool]]:
        if system != "bare":
            return super().caller(system)

        async def post(call: Call) -> bool:
            body = {"call": self.index[id(call)]}
            async with self.http.post(self.bare_url, json=body) as response:
                await response.read()
                return response.status == 200

        return post


async def compare(
    clients: Bare, calls: dict[str, list[Call]], options: Any
) -> list[dict[str, Any]]:
    rows = []
    async with clients:
        for workload in options.workloads:
            for system in SYSTEMS:
                await run_phase(clients, system, calls[workload], 8, options.warmup, {})
            for round_ in range(options.rounds):
                for system in SYSTEMS[:: 1 if round_ % 2 == 0 else -1]:
                    for c in (1, 32):
                        phase = await run_phase(
                            clients, system, calls[workload], c, options.seconds, {}
                        )
                        row = phase.summary()
                        rows.append(row)
                        print(
                            f"{workload} {system:<8} c={c:<2} {row['throughput']:>7.1f}/s "
                            f"p50 {row['p50_ms']:>6.2f} ms errors {row['errors']}",
                            flush=True,
                        )
    return rows


def report(rows: list[dict[str, Any]], options: Any) -> str:
    def of(system: str, workload: str, c: int, key: str) -> float:
        values = [
            r[key]
            for r in rows
            if (r["system"], r["workload"], r["concurrency"]) == (system, workload, c)
        ]
        return float(sum(values)) / len(values)

    lines = [
        "| workload | c=32 floor | bare HTTP | service | peer | bare/peer | service/peer "
        "| c=1 p50 floor | bare HTTP | service |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for w in options.workloads:
        rate = {s: of(s, w, 32, "throughput") for s in SYSTEMS}
        p50 = {s: of(s, w, 1, "p50_ms") for s in ("floor", "bare", "service")}
        lines.append(
            f"| {w} | {rate['floor']:.0f}/s | {rate['bare']:.0f}/s | {rate['service']:.0f}/s "
            f"| {rate['peer']:.0f}/s | **{rate['bare'] / rate['peer']:.2f}x** "
            f"| {rate['service'] / rate['peer']:.2f}x | {p50['floor']:.2f} ms "
            f"| {p50['bare']:.2f} ms | {p50['service']:.2f} ms |"
        )
    errors = sum(r["errors"] for r in rows)
    return (
        "\n".join(lines) + f"\n\n{options.papers:,} papers, {options.rounds} rounds of "
        f"{options.seconds:g} s per system, workload and concurrency, averaged; {errors} errors. "
        f"{platform.platform()}, {os.cpu_count()} cores, Neo4j, the servers and the load on "
        "the same machine.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the bare server
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=6.0, help="per measured phase")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--centres", type=int, default=24)
    parser.add_argument("--workloads", nargs="+", default=["W0", "W1", "W2", "W3", "W4"])
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    options = parser.parse_args()
    if options.serve:
        spec = json.loads(options.serve.read_text(encoding="utf-8"))
        app = bare_app(spec["uri"], spec["password"], spec["calls"])
        uvicorn.run(
            app,
            host="127.0.0.1",
            port=options.port,
            log_level="warning",
            loop="asyncio",
            http="h11",
        )
        return
    server, _ = prepare_graph(options.papers, print)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        calls, _ = asyncio.run(build_calls(server, options.centres))
        nothing = {"query": "{ __typename }"}
        calls["W0"] = [Call("W0", [], nothing, nothing)]
        status = server.status()
        uri, password = status.uri or "", server.password()
        unique = list({id(c): c for cs in calls.values() for c in cs}.values())
        spec = CACHE / "http-floor-calls.json"
        spec.write_text(
            json.dumps({"uri": uri, "password": password, "calls": [c.floor for c in unique]})
        )
        log_dir = CACHE / f"logs-{options.papers}"
        log_dir.mkdir(exist_ok=True)
        service, peer, service_url, peer_url = start_servers(server, log_dir)
        processes += [service, peer]
        port = free_port()
        bare = subprocess.Popen(
            [sys.executable, "-m", "bench.http_floor", "--serve", str(spec), "--port", str(port)]
        )
        processes.append(bare)
        wait_http(f"http://127.0.0.1:{port}/run", bare, "the bare server")
        urls = {"service": service_url, "peer": peer_url, "bare": f"http://127.0.0.1:{port}/run"}
        clients = Bare(uri, password, urls, {id(c): i for i, c in enumerate(unique)})
        rows = asyncio.run(compare(clients, calls, options))
        text = report(rows, options)
        print(text)
        if options.output:
            options.output.write_text(text, encoding="utf-8")
    finally:
        for process in processes:
            stop_process(process)
        server.stop()


if __name__ == "__main__":
    main()
