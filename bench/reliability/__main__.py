"""The suite's run: `python -m bench.reliability [--quick] [--soak SECONDS] [--out PATH]`."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

from bench import reliability
from bench.graph import Graph, throwaway_graph
from bench.reliability.client import DEADLINE, TOKEN, Client
from bench.reliability.commands import cli_errors, import_faults
from bench.reliability.conditions import checks
from bench.reliability.faults import faults
from bench.reliability.reads import sample_ids
from bench.reliability.report import report
from bench.reliability.requests import expensive, fuzz
from bench.reliability.scale import FULL, QUICK, Scale
from bench.reliability.soak import soak
from graph_service.http.child import Served, served

DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"


async def served_phases(
    graph: Graph, service: Served, scale: Scale, run: dict[str, Any], soak_only: float | None
) -> None:
    timeout = aiohttp.ClientTimeout(total=DEADLINE + 30)
    connector = aiohttp.TCPConnector(limit=64)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        client = Client(service.base, session)
        ids = await sample_ids(client, graph.authors)
        if soak_only is not None:
            run["soak"] = await soak(client, service, ids, soak_only)
            return
        print("1. fuzz", flush=True)
        run["fuzz"] = await fuzz(client, ids, scale)
        print("2. expensive but valid", flush=True)
        run["expensive"] = await expensive(client, ids, scale)
        print("5. soak", flush=True)
        run["soak"] = await soak(client, service, ids, scale.soak_seconds)
        print("3, 4. faults under load, acknowledged writes", flush=True)
        run["faults"] = await faults(client, graph, service, ids, scale)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reliability", description=reliability.__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="small counts (about 7 minutes)")
    parser.add_argument("--soak", type=float, metavar="SECONDS", help="only the soak, this long")
    parser.add_argument("--out", type=Path, default=DOC, help="where the figures go")
    options = parser.parse_args()
    scale = QUICK if options.quick else FULL
    run: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "scale": "quick" if options.quick else "full",
        "papers": scale.papers,
        "scale_figures": scale.__dict__,
    }
    started = time.monotonic()
    with throwaway_graph(scale.papers, "reliability-") as graph:
        env = {**graph.env, "GRAPH_SERVICE_WRITE_TOKEN": TOKEN}
        with served(env) as service:
            asyncio.run(served_phases(graph, service, scale, run, options.soak))
        if options.soak is None:
            print("6. import faults", flush=True)
            run["imports"] = import_faults(graph, scale)
            print("7. CLI and settings errors", flush=True)
            run["cli"] = cli_errors(graph)
        shutil.rmtree(graph.work / "import-faults", ignore_errors=True)
    command = (
        "make soak"
        if options.soak
        else ("make reliability" if not options.quick else "python -m bench.reliability --quick")
    )
    text = report(run, command)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(text)
    failed = [(c, figure) for c, ok, figure in checks(run) if not ok]
    print(
        f"{len(checks(run)) - len(failed)} of {len(checks(run))} conditions held in "
        f"{time.monotonic() - started:.0f} s; figures in {options.out}"
    )
    for condition, figure in failed:
        print(f"FAILED {condition}: {figure}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
