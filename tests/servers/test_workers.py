"""`graph-service serve --workers 2`: two processes answer on one port, with the local server's
address and password handed to them, and one that dies is replaced while the other answers."""

from __future__ import annotations

import json
import os
import signal
import urllib.error
import urllib.request

import psutil

from graph_service.http.child import served
from tests.support.neo4j import Neo4jTarget
from tests.support.polling import poll

QUERY = json.dumps({"query": "{ serverInfo { name } }"}).encode()


def answered(base: str) -> bool:
    """One GraphQL request that reaches Neo4j, answered with data."""
    request = urllib.request.Request(  # noqa: S310
        f"{base}/graphql", QUERY, {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            body = json.load(answer)
    except urllib.error.HTTPError:  # 503 from a worker still warming up
        return False
    return bool(answer.status == 200 and body["data"] == {"serverInfo": {"name": "Neo4j Kernel"}})


def workers_of(pid: int) -> list[psutil.Process]:
    """uvicorn's worker processes (not multiprocessing's resource tracker beside them)."""
    found = []
    for child in psutil.Process(pid).children():
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:  # the killed worker, gone or a zombie while it is listed
            continue
    return found


def environment(neo4j_target: Neo4jTarget) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if neo4j_target.server is not None:
        # NEO4J_URI unset: the command finds the local server, and its workers must be told.
        env["GRAPH_SERVICE_NEO4J_HOME"] = str(neo4j_target.server.home)
    else:
        env |= neo4j_target.env()
    return env


def test_two_workers_share_the_port_and_a_dead_one_is_replaced(
    neo4j_target: Neo4jTarget,
) -> None:
    env = environment(neo4j_target)
    with served(env, ready_within=120, workers=2) as running:
        poll(lambda: len(workers_of(running.pid)) == 2, within=30, what="two workers", every=0.2)
        first = {p.pid for p in workers_of(running.pid)}
        # /readyz answered from one worker; the other may still be planning its statements.
        poll(
            lambda: all(answered(running.base) for _ in range(20)),
            within=60,
            what="both workers answering",
            every=0.2,
        )

        os.kill(min(first), signal.SIGKILL)
        # The other worker answers at once; nothing waits for the replacement.
        assert all(answered(running.base) for _ in range(20))
        poll(
            lambda: (
                len(workers_of(running.pid)) == 2
                and {p.pid for p in workers_of(running.pid)} != first
            ),
            within=60,
            what="uvicorn's supervisor starting a worker in place of the dead one",
            every=0.2,
        )
        poll(lambda: answered(running.base), within=60, what="an answer", every=0.2)
        assert all(answered(running.base) for _ in range(20))


def test_workers_must_be_at_least_one() -> None:
    from typer.testing import CliRunner

    from graph_service.cli import app

    result = CliRunner().invoke(app, ["serve", "--workers", "0"])
    assert result.exit_code == 2
    assert "--workers" in result.output
