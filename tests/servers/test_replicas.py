"""Beyond one server: a read-only copy made by `graph-service neo4j clone --read-only`, the
service on it (as on a cluster's secondary), and service replicas behind HAProxy with
`deploy/haproxy.cfg`. Against two Neo4j homes of the module's own, on loopback."""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import os
import shutil
import signal
import subprocess
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import aiohttp
import neo4j
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph_service.api.resolvers.warmup import WARM_DEPTHS
from graph_service.cli import app as cli
from graph_service.db.statements import LABELS
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.http.app import create_app
from graph_service.http.child import served
from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.scratch import scratch_home, start_free
from graph_service.localneo4j.server import LocalServer
from tests.support.graphs import load_files
from tests.support.neo4j import target_of
from tests.support.polling import poll
from tests.support.project import ROOT

TOKEN = "replicas-test-token-0123456789"
PROFILE = 'query { author(id: "A9000000042") { name worksCount } }'
DELETE = 'mutation { deleteWork(id: "W9000000001") }'
HAPROXY = shutil.which("haproxy") or next(
    (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.access(p, os.X_OK)), None
)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalServer, LocalServer]]:
    """A primary with the demo set (and an index the copy will lack), and its read-only copy
    made with the CLI; both running."""
    primary = scratch_home(tmp_path_factory.mktemp("primary-home"))
    copy = scratch_home(tmp_path_factory.mktemp("copy-home"))
    start_free(primary)
    try:
        status = primary.status()
        target = target_of(primary, "primary")
        load_files(target, [DEMO_WORKS])
        with neo4j.GraphDatabase.driver(target.uri, auth=(target.user, target.password)) as d:
            d.execute_query("DROP INDEX paper_year")  # a schema the copy will lack

        cloned = CliRunner().invoke(
            cli,
            ["neo4j", "clone", "--from", str(primary.home), "--to", str(copy.home), "--read-only"],
        )
        assert cloned.exit_code == 0, cloned.output
        assert "holds a read-only copy" in cloned.output
        # The primary was stopped for its dump only, and is back on its ports.
        assert primary.status().running
        assert primary.status().bolt_port == status.bolt_port
        assert copy.conf.settings()["server.databases.default_to_read_only"] == "true"
        # The home's own settings before the clone are kept beside it.
        assert "internal.server.bolt.connection_shutdown_wait_time" in copy.conf.settings()
        start_free(copy)
        yield primary, copy
    finally:
        copy.stop()
        primary.stop()


def test_a_read_only_copy_is_served_with_its_plans_warm_and_writes_refused(
    homes: tuple[LocalServer, LocalServer], caplog: pytest.LogCaptureFixture
) -> None:
    _, copy = homes
    settings = target_of(copy, "copy").settings(warm_up=True, write_token=TOKEN)
    with (
        caplog.at_level(logging.INFO, logger="graph_service"),
        TestClient(create_app(settings)) as client,
    ):
        said = caplog.text
        assert "database neo4j is read-only" in said
        assert "lacks some of the schema" in said
        assert client.get("/readyz").status_code == 200
        # The warm-up ran although the schema could not be completed: every slice shape.
        repository = client.app.state.repository  # type: ignore[attr-defined]
        catalog = repository.catalog
        shapes = {catalog.neighborhood(label, d).text for label in LABELS for d in WARM_DEPTHS}
        assert shapes <= {text for text, _ in repository.planned}

        read = client.post("/graphql", json={"query": PROFILE})
        assert read.status_code == 200
        assert read.json()["data"]["author"]["worksCount"] > 0

        write = client.post(
            "/graphql", json={"query": DELETE}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert write.status_code == 409
        (error,) = write.json()["errors"]
        assert error["extensions"]["code"] == "READ_ONLY"
        assert "read-only" in error["message"]


READS = [
    PROFILE,
    '{ neighborhood(id: "A9000000042", depth: 2) { nodes { id } edges { id } } }',
    '{ search(query: "quantization", first: 5) { node { id } } }',
    "{ papers(first: 5) { nodes { id title } } }",
]
UPSERT = """mutation($works: [WorkInput!]!) { upsertWorks(works: $works) { upserted } }"""
READERS = 6
SERVERS = ("primary", "replica")
# Reads answered before the kill, and after it before the load stops (and writes in all).
READS_BEFORE_KILL, READS_AFTER_KILL, WRITES = 40, 60, 2
# Past this the load stops whatever it has done (the assertions then say what is missing).
LOAD_LIMIT = 120.0


def stats(base: str) -> dict[tuple[str, str], dict[str, str]]:
    """HAProxy's figures per (proxy, server), from its CSV page."""
    with urllib.request.urlopen(f"{base}/stats;csv", timeout=5) as answer:  # noqa: S310
        text = answer.read().decode().removeprefix("# ")
    return {(row["pxname"], row["svname"]): row for row in csv.DictReader(io.StringIO(text))}


async def load(
    front: str, kill: Callable[[], None]
) -> tuple[list[tuple[str, int, str]], Counter[str]]:
    """READERS clients reading and one writing, each request after the last; `kill()` runs
    once READS_BEFORE_KILL reads are answered, and the load stops once READS_AFTER_KILL more
    and WRITES writes are. Every failure as (what, HTTP status, body), and how many reads
    and writes succeeded ("read after kill" counts those answered after it)."""
    failures: list[tuple[str, int, str]] = []
    done = Counter[str]()
    ready_to_kill, killed, finished = asyncio.Event(), asyncio.Event(), asyncio.Event()

    def progress() -> None:
        if done["read"] >= READS_BEFORE_KILL:
            ready_to_kill.set()
        if done["read after kill"] >= READS_AFTER_KILL and done["write"] >= WRITES:
            finished.set()

    async def ask(
        session: aiohttp.ClientSession,
        what: str,
        body: Mapping[str, object],
        headers: dict[str, str],
    ) -> None:
        try:
            async with session.post(f"{front}/graphql", json=body, headers=headers) as answer:
                text = await answer.text()
                if answer.status != 200 or '"errors"' in text:
                    failures.append((what, answer.status, text[:300]))
                else:
                    done[what] += 1
                    if what == "read" and killed.is_set():
                        done["read after kill"] += 1
                    progress()
        except aiohttp.ClientError as error:
            failures.append((what, 0, repr(error)))

    async def reader(session: aiohttp.ClientSession, n: int) -> None:
        i = n
        while not finished.is_set():
            await ask(session, "read", {"query": READS[i % len(READS)]}, {})
            i += 1

    async def write(session: aiohttp.ClientSession, n: int) -> None:
        work = {
            "id": f"W77{n:05d}",
            "title": f"Replica test {n}",
            "publicationYear": 2024,
            "authorships": [{"authorId": f"A77{n:05d}", "name": f"Author {n}"}],
        }
        body = {"query": UPSERT, "variables": {"works": [work]}}
        await ask(session, "write", body, {"Authorization": f"Bearer {TOKEN}"})

    async def writer(session: aiohttp.ClientSession) -> None:
        n = 1
        while not finished.is_set():
            n += 1
            await write(session, n)

    async def killer() -> None:
        await ready_to_kill.wait()
        await asyncio.to_thread(kill)
        killed.set()

    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        # The first write plans the write statements (seconds beside six readers on two
        # cores); it goes first, so the run has time for more than one.
        await write(session, 1)
        running = asyncio.gather(
            *(reader(session, n) for n in range(READERS)), writer(session), killer()
        )
        try:
            await asyncio.wait_for(asyncio.shield(finished.wait()), LOAD_LIMIT)
        except TimeoutError:
            finished.set()
        await running
    return failures, done


def test_replicas_behind_haproxy_lose_no_request_when_one_is_killed(
    homes: tuple[LocalServer, LocalServer], tmp_path: Path
) -> None:
    if HAPROXY is None:
        pytest.skip("haproxy is not installed: scripts/system-packages --proxy installs it")
    primary, copy = homes
    common = {**os.environ, "NEO4J_USER": "neo4j", "GRAPH_SERVICE_WRITE_TOKEN": TOKEN}
    on_primary = {
        **common,
        "NEO4J_URI": primary.status().uri or "",
        "NEO4J_PASSWORD": primary.password(),
    }
    on_copy = {**common, "NEO4J_URI": copy.status().uri or "", "NEO4J_PASSWORD": copy.password()}
    with served(on_primary) as writer_replica, served(on_copy) as reader_replica:
        front, board = free_port(), free_port()
        env = {
            **os.environ,
            "GRAPH_SERVICE_PROXY_BIND": f"127.0.0.1:{front}",
            "GRAPH_SERVICE_PROXY_STATS": f"127.0.0.1:{board}",
            "GRAPH_SERVICE_PRIMARY": writer_replica.base.removeprefix("http://"),
            "GRAPH_SERVICE_REPLICA": reader_replica.base.removeprefix("http://"),
        }
        log = (tmp_path / "haproxy.log").open("w")
        proxy = subprocess.Popen(
            [HAPROXY, "-db", "-f", str(ROOT / "deploy" / "haproxy.cfg")],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            board_url = f"http://127.0.0.1:{board}"

            # Health-checked on /readyz: both replicas are taken in once they answer ready.
            def both_up() -> bool:
                try:
                    figures = stats(board_url)
                except OSError:  # HAProxy is not listening yet
                    return False
                return all(figures[("replicas", n)]["status"] == "UP" for n in SERVERS)

            poll(both_up, within=15, what="both replicas UP", every=0.1)

            def kill() -> None:
                os.kill(reader_replica.pid, signal.SIGKILL)

            failures, done = asyncio.run(load(f"http://127.0.0.1:{front}", kill))
            assert failures == []
            assert done["read after kill"] >= READS_AFTER_KILL
            assert done["write"] >= WRITES  # an upsert refreshes derived values: seconds here
            figures = stats(board_url)
            replayed = {
                key: sum(int(figures[("replicas", n)][key] or 0) for n in SERVERS)
                for key in ("wretr", "wredis")
            }
            print(f"through HAProxy: {dict(done)} answered, 0 failed; replayed: {replayed}")
            # Reads went to both replicas; writes to the primary's alone; the killed one is out.
            assert int(figures[("replicas", "primary")]["stot"]) > 0
            assert int(figures[("replicas", "replica")]["stot"]) > 0
            assert int(figures[("primary", "primary")]["stot"]) >= done["write"]
            assert figures[("replicas", "replica")]["status"].startswith("DOWN")
        finally:
            proxy.terminate()
            proxy.wait(timeout=10)
            log.close()
    # Every acknowledged write is in the primary.
    target = target_of(primary, "primary")
    with neo4j.GraphDatabase.driver(target.uri, auth=(target.user, target.password)) as d:
        records, _, _ = d.execute_query(
            "MATCH (p:Paper) WHERE p.id STARTS WITH 'W77' RETURN count(p) AS n"
        )
    assert records[0]["n"] == done["write"]


def test_cloned_again_without_read_only_the_copy_takes_writes(
    homes: tuple[LocalServer, LocalServer],
) -> None:
    primary, copy = homes
    again = CliRunner().invoke(
        cli, ["neo4j", "clone", "--from", str(primary.home), "--to", str(copy.home)]
    )
    assert again.exit_code == 0, again.output
    assert copy.status().running  # started again as it was
    assert "server.databases.default_to_read_only" not in copy.conf.settings()
    replica = target_of(copy, "copy")
    with neo4j.GraphDatabase.driver(replica.uri, auth=(replica.user, replica.password)) as d:
        records, _, _ = d.execute_query(
            "MATCH (p:Paper {id: $id}) DETACH DELETE p RETURN count(*) AS n", id="W9000000001"
        )
        assert records[0]["n"] == 1
