"""Where the service's CPU goes under load: the app served in this process (uvicorn on asyncio
and h11, as `serve` runs it) under pyinstrument, while another process sends one
workload's requests (bench/workloads.py) at a fixed concurrency. Prints the frames that take
the most time by themselves (`--flat`) or the call tree, and the request rate.

    .venv/bin/python -m bench.profile --workload W1 --seconds 15 --flat
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import uvicorn
from pyinstrument import Profiler

from bench.graph import CACHE, prepare_graph
from bench.workloads import build_calls
from graph_service.http.app import create_app
from graph_service.localneo4j.host import free_port
from graph_service.settings import Settings


async def drive(url: str, bodies: list[dict[str, Any]], seconds: float, concurrency: int) -> None:
    """Send the bodies round-robin from `concurrency` loops for `seconds`; print the counts."""
    done, failed = 0, 0
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def loop(start: int) -> None:
            nonlocal done, failed
            i = start
            while time.monotonic() < deadline:
                async with http.post(url, json=bodies[i % len(bodies)]) as response:
                    payload = await response.json()
                ok = response.status == 200 and not payload.get("errors")
                done, failed = done + ok, failed + (not ok)
                i += 1

        await asyncio.gather(*(loop(i) for i in range(concurrency)))
    print(json.dumps({"requests": done, "errors": failed, "per_second": done / seconds}))


async def profiled(settings: Settings, bodies_file: Path, options: Any) -> tuple[str, Profiler]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    serving = asyncio.create_task(server.serve())
    async with aiohttp.ClientSession() as http:
        while True:  # the plans are warmed before /readyz turns 200
            try:
                async with http.get(f"http://127.0.0.1:{port}/readyz") as answer:
                    if answer.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.3)
    driver = [sys.executable, "-m", "bench.profile", "--drive", f"http://127.0.0.1:{port}/graphql"]
    common = [str(bodies_file), "--concurrency", str(options.concurrency)]
    warm = await asyncio.create_subprocess_exec(*driver, *common, "--seconds", "3")
    await warm.wait()
    profiler = Profiler(interval=0.0005, async_mode="disabled")
    profiler.start()
    load = await asyncio.create_subprocess_exec(
        *driver, *common, "--seconds", str(options.seconds), stdout=asyncio.subprocess.PIPE
    )
    output, _ = await load.communicate()
    profiler.stop()
    server.should_exit = True
    await serving
    return output.decode().strip(), profiler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bodies", nargs="?", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--drive", help=argparse.SUPPRESS)  # the load process
    parser.add_argument("--workload", default="W1", choices=["W1", "W2", "W3", "W4", "W5"])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--centres", type=int, default=24)
    parser.add_argument("--flat", action="store_true", help="the heaviest frames by self time")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML here")
    options = parser.parse_args()
    if options.drive:
        bodies = json.loads(options.bodies.read_text(encoding="utf-8"))
        asyncio.run(drive(options.drive, bodies, options.seconds, options.concurrency))
        return
    server, _ = prepare_graph(options.papers, print)
    try:
        calls, _ = asyncio.run(build_calls(server, options.centres))
        bodies_file = CACHE / f"profile-{options.workload}.json"
        bodies_file.write_text(json.dumps([c.service for c in calls[options.workload]]))
        status = server.status()
        settings = Settings(neo4j_uri=status.uri, neo4j_password=server.password())
        rate, profiler = asyncio.run(profiled(settings, bodies_file, options))
    finally:
        server.stop()
    print(profiler.output_text(flat=options.flat, show_all=False))
    print(f"{options.workload} at concurrency {options.concurrency}: {rate}")
    if options.html:
        options.html.write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main()
