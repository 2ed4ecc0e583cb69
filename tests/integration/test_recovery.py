"""Neo4j killed and started again under the service: readiness follows within a second, new
requests fail at once with a 503 instead of retrying a dead server, and once Neo4j is back
the service answers by itself with its plans made again. Against a Neo4j of the test's own
(it is killed), on the demo set."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph_service.api import warm_up
from graph_service.api.resolvers.warmup import WARM_DEPTHS
from graph_service.db.repository import Ran
from graph_service.db.statements import LABELS
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.http.app import COLD_SECONDS, create_app
from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.server import LocalServer
from tests.conftest import TEST_HEAP, TEST_PAGECACHE, Neo4jTarget, quick_home
from tests.integration.gql import load_files

PROFILE = 'query { author(id: "A9000000042") { name worksCount } }'


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalServer, Neo4jTarget]]:
    server = quick_home(tmp_path_factory.mktemp("recovery-home"))
    server.start(
        bolt_port=free_port(), http_port=free_port(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE
    )
    status = server.status()
    target = Neo4jTarget(status.uri or "", "neo4j", server.password(), "recovery", server)
    load_files(target, [DEMO_WORKS])
    try:
        yield server, target
    finally:
        server.stop()


def planned(ran: list[Ran]) -> set[tuple[str, str, str]]:
    """(statement, type of yearFrom, type of yearTo) of the slices run."""
    return {
        (r.name, type(r.parameters["yearFrom"]).__name__, type(r.parameters["yearTo"]).__name__)
        for r in ran
        if r.name.startswith("select_neighborhood")
    }


def until(check: Any, within: float, step: float = 0.05) -> float:
    """Seconds until `check()` is true; fails past `within`."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < within, f"not within {within}s"
        time.sleep(step)
    return time.monotonic() - started


def test_the_warm_up_plans_every_parameter_type_a_slice_is_sent_with(
    own: tuple[LocalServer, Neo4jTarget],
) -> None:
    # Neo4j plans a statement per parameter types: a year filter (an integer where the
    # warm-up sent null) used to be planned on first use, seconds each after every restart.
    _, target = own
    with TestClient(create_app(target.settings(warm_up=False))) as client:
        ran: list[Ran] = []
        repository = client.app.state.repository  # type: ignore[attr-defined]
        repository.observers.append(ran.append)
        client.portal.call(warm_up, repository)  # type: ignore[union-attr]
        warmed = planned(ran)
        for label in LABELS:
            for depth in WARM_DEPTHS:
                name = f"select_neighborhood({label}, depth {depth})"
                assert (name, "NoneType", "NoneType") in warmed
                assert (name, "int", "int") in warmed
        ran.clear()
        for years in ["yearFrom: 2000", "yearTo: 2020", "yearFrom: 2000, yearTo: 2020", ""]:
            args = f'id: "A9000000042", depth: 2{", " + years if years else ""}'
            query = f"{{ neighborhood({args}) {{ nodes {{ id }} }} }}"
            assert "errors" not in client.post("/graphql", json={"query": query}).json()
        assert planned(ran) <= warmed


def test_a_killed_neo4j_is_reported_at_once_and_the_service_comes_back_by_itself(
    own: tuple[LocalServer, Neo4jTarget],
) -> None:
    server, target = own
    status = server.status()
    assert status.pid is not None
    assert status.bolt_port is not None
    assert status.http_port is not None
    bolt, http = status.bolt_port, status.http_port
    settings = target.settings(warm_up=True)
    with TestClient(create_app(settings)) as client:
        assert client.get("/readyz").status_code == 200
        assert "errors" not in client.post("/graphql", json={"query": PROFILE}).json()
        ran: list[Ran] = []
        repository = client.app.state.repository  # type: ignore[attr-defined]
        repository.observers.append(ran.append)
        admission = client.app.state.admission  # type: ignore[attr-defined]
        assert repository.planned
        assert not admission.throttled

        os.kill(status.pid, signal.SIGKILL)
        down = until(lambda: client.get("/readyz").status_code == 503, within=5)
        assert down < 1.0, f"/readyz turned 503 {down:.2f}s after the kill"
        # The Neo4j that comes back plans everything anew, on a cold JVM: the service
        # forgets what it had planned and runs a few operations at a time until a while after.
        assert not repository.planned
        assert admission.throttled
        started = time.monotonic()
        refused = client.post("/graphql", json={"query": PROFILE})
        assert time.monotonic() - started < 1.0
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "1"
        (error,) = refused.json()["errors"]
        assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE"
        assert "not reachable" in error["message"]

        server.start(bolt_port=bolt, http_port=http, heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
        back = time.monotonic()
        ready = until(lambda: client.get("/readyz").status_code == 200, within=10)
        assert ready < 5.0, f"/readyz turned 200 {ready:.2f}s after Neo4j's return"

        def answered() -> bool:
            return "errors" not in client.post("/graphql", json={"query": PROFILE}).json()

        until(answered, within=10)
        assert time.monotonic() - back < 5.0
        until(lambda: not admission.throttled, within=COLD_SECONDS + 5)
        # Neo4j's plan cache went with it: the service planned the slices again by itself.
        until(lambda: len(planned(ran)) >= 2 * len(LABELS) * len(WARM_DEPTHS), within=120)
