"""The local Neo4j's start with and without its class-data archive, side by side: seconds until
Bolt answers, then until the first statement answers (a restarted server's cold JVM).

    .venv/bin/python -m bench.neo4j_start [--rounds 3]

Turn about in each round, in homes of their own; prints each start and the medians' ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from graph_service.localneo4j.classdata import answer
from graph_service.localneo4j.scratch import quick_stop, start_free
from graph_service.localneo4j.server import LocalServer


class WithoutArchive(LocalServer):
    """The same server, its JVM loading every class from the jars."""

    def command(self, heap: str) -> list[str]:
        return [a for a in super().command(heap) if not a.startswith("-XX:SharedArchiveFile=")]


def one_start(server: LocalServer) -> tuple[float, float]:
    began = time.monotonic()
    status = start_free(server)
    started = time.monotonic() - began
    try:
        answered = asyncio.run(answer(status.uri or "", server.password()))
    finally:
        server.stop()
    return started, answered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    figures: dict[str, list[tuple[float, float]]] = {"archive": [], "jars": []}
    with tempfile.TemporaryDirectory(prefix="neo4j-start-") as folder:
        servers: dict[str, LocalServer] = {}
        for name, kind in (("archive", LocalServer), ("jars", WithoutArchive)):
            server = servers[name] = kind(Path(folder) / name)
            server.install(say=print)
            quick_stop(server)
            one_start(server)  # the first start creates the store: not counted
        for round_ in range(rounds):
            for name in ("archive", "jars") if round_ % 2 == 0 else ("jars", "archive"):
                started, answered = one_start(servers[name])
                figures[name].append((started, answered))
                print(f"round {round_ + 1} {name:7}: Bolt {started:5.1f} s, ", end="")
                print(f"first answer {answered:4.2f} s")
    medians = {
        name: (statistics.median(s for s, _ in runs), statistics.median(a for _, a in runs))
        for name, runs in figures.items()
    }
    for name, (started, answered) in medians.items():
        print(f"median {name:7}: Bolt {started:5.1f} s, first answer {answered:4.2f} s")
    (a_start, a_answer), (j_start, j_answer) = medians["archive"], medians["jars"]
    print(
        f"with the archive: start {j_start / a_start:.2f}x faster, "
        f"first answer {j_answer / a_answer:.2f}x faster"
    )


if __name__ == "__main__":
    main()
