"""Neo4j killed and started again under the service: readiness follows, new requests fail
with a 503 without retrying a dead server, and once Neo4j is back the service answers by
itself with its plans made again (how soon: the reliability suite's kill phase measures it).
Against a Neo4j of the test's own (it is killed), on the demo set."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from functools import partial

import pytest
from starlette.testclient import TestClient

from graph_service.api import warm_up
from graph_service.api.resolvers.warmup import WARM_DEPTHS, write_shapes
from graph_service.db.repository import Ran
from graph_service.db.statements import LABELS
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.http.app import COLD_SECONDS, create_app
from graph_service.localneo4j.scratch import HEAP, PAGECACHE, scratch_server
from graph_service.localneo4j.server import LocalServer
from tests.support.api import readyz_says
from tests.support.graphs import load_files
from tests.support.neo4j import Neo4jTarget, target_of
from tests.support.polling import poll

PROFILE = 'query { author(id: "A9000000042") { name worksCount } }'


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalServer, Neo4jTarget]]:
    """A Neo4j of this module's own (it is killed), holding the demo set."""
    with scratch_server(tmp_path_factory.mktemp("recovery-home")) as server:
        target = target_of(server, "recovery")
        load_files(target, [DEMO_WORKS])
        yield server, target


def planned(ran: list[Ran]) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    """(statement, parameters' types) of the slices run."""
    return {
        (r.name, tuple(sorted((k, type(v).__name__) for k, v in r.parameters.items())))
        for r in ran
        if r.name.startswith("select_neighborhood")
    }


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
        client.portal.call(partial(warm_up, repository, writes=True))  # type: ignore[union-attr]
        explained = {r.name for r in ran if r.name.startswith("explain ")}
        assert explained == {f"explain {s.value}" for s, _, writes in write_shapes("W1") if writes}
        warmed = planned(ran)
        assert {name for name, _ in warmed} == {
            f"select_neighborhood({label}, depth {depth})"
            for label in LABELS
            for depth in WARM_DEPTHS
        }
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
        readyz_says(client, 503, within=5)
        # The Neo4j that comes back plans everything anew, on a cold JVM: the service
        # forgets what it had planned and runs a few operations at a time until a while after.
        assert not repository.planned
        assert admission.throttled
        # Refused without a try: no statement is sent to a server known to be down.
        sent = repository.executed
        refused = client.post("/graphql", json={"query": PROFILE})
        assert repository.executed == sent
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "1"
        (error,) = refused.json()["errors"]
        assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE"
        assert "not reachable" in error["message"]

        server.start(bolt_port=bolt, http_port=http, heap=HEAP, pagecache=PAGECACHE)
        readyz_says(client, 200, within=10)

        def answered() -> bool:
            return "errors" not in client.post("/graphql", json={"query": PROFILE}).json()

        poll(answered, within=10, what="an answer after the restart")
        poll(lambda: not admission.throttled, within=COLD_SECONDS + 5, what="the throttle lifted")
        # Neo4j's plan cache went with it: the service planned the slices again by itself
        # (one plan per label and depth, with or without a year filter).
        poll(
            lambda: len(planned(ran)) >= len(LABELS) * len(WARM_DEPTHS),
            within=120,
            what="the slices planned again",
        )
