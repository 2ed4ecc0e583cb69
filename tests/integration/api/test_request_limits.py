"""Every request is bounded: its document, its cost, its time, its size, how many run at once,
and what a frozen Neo4j can hold up. Against the real Neo4j, on the shared graph."""

from __future__ import annotations

import os
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import neo4j
import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from graph_service.http.app import create_app
from tests.support.api import Api, api_for, readyz_says
from tests.support.documents import AMPLIFIER, fragment_bomb
from tests.support.neo4j import Neo4jTarget
from tests.support.polling import poll
from tests.support.statements import slow_statements

AUTHOR = "A9000000042"
PROFILE = (
    "query($id: ID!) { author(id: $id) { name hIndex topics(first: 5) { works } "
    "works(first: 10) { totalCount nodes { id title } } } }"
)


def code(errors: list[dict[str, Any]]) -> str:
    return str(errors[0]["extensions"]["code"])


def test_a_fragment_bomb_is_refused_over_post_and_get_and_the_service_stays_up(api: Api) -> None:
    bomb = fragment_bomb(29)
    errors = api.errors(bomb)
    assert code(errors) == "GRAPHQL_VALIDATION_FAILED"
    assert "fields once its fragments are expanded" in errors[0]["message"]
    response = api.client.get("/graphql", params={"query": bomb})
    assert response.status_code in (200, 400)
    assert "fragments are expanded" in response.json()["errors"][0]["message"]
    assert api.client.get("/healthz").status_code == 200


def test_the_amplifying_query_and_its_aliases_are_refused_by_cost(api: Api) -> None:
    before = api.repository.executed
    errors = api.errors(AMPLIFIER)
    assert code(errors) == "COST_LIMIT"
    assert "over the budget of 10,000" in errors[0]["message"]
    assert "costs 51,552,300" in errors[0]["message"]
    body = AMPLIFIER[2:-2]
    aliased = "{ " + " ".join(f"a{i}: {body}" for i in range(3)) + " }"
    assert code(api.errors(aliased)) == "COST_LIMIT"
    # Refused before anything ran.
    assert api.repository.executed == before


def test_an_accepted_operation_reports_its_cost(api: Api) -> None:
    body = api.post(PROFILE, {"id": AUTHOR})
    assert body["data"]["author"]["name"]
    # 1 author, 5 topics (+5 topic objects, absent here: works is a scalar), a page of 10.
    assert body["extensions"]["cost"] == {"requested": 1 + 5 + 1 + 10, "budget": 10_000}


def test_the_budget_is_a_setting(neo4j_target: Neo4jTarget, shared: neo4j.Driver) -> None:
    with api_for(neo4j_target, cost_budget=10) as small:
        errors = small.errors(PROFILE, {"id": AUTHOR})
        assert code(errors) == "COST_LIMIT"
        assert "costs 17, over the budget of 10" in errors[0]["message"]
        assert small.data('{ author(id: "A9000000042") { name } }')["author"]["name"]


def test_a_response_over_the_size_limit_is_replaced_by_an_error(
    neo4j_target: Neo4jTarget, shared: neo4j.Driver
) -> None:
    query = '{ neighborhood(id: "A9000000042", depth: 2, limit: 200) { nodes { id label } } }'
    with api_for(neo4j_target, max_response_bytes=2000) as small:
        response = small.client.post("/graphql", json={"query": query})
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert code(body["errors"]) == "RESPONSE_TOO_LARGE"
    assert "over the limit of 2,000" in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["requestId"] == response.headers["x-request-id"]


def test_heavy_operations_past_the_limit_get_503_while_light_ones_run(
    neo4j_target: Neo4jTarget, shared: neo4j.Driver, tmp_path: Path
) -> None:
    # Budget 500: a slice (75) is heavy (over 50), a profile (17) is light.
    settings = {"cost_budget": 500, "max_heavy": 1, "query_timeout": 3.0}
    slice_query = '{ neighborhood(id: "A9000000042") { truncated } }'
    with api_for(neo4j_target, **settings) as api, ThreadPoolExecutor(4) as pool:
        api.repository.catalog = slow_statements(tmp_path)
        admission = api.client.app.state.admission  # type: ignore[attr-defined]
        holding = pool.submit(api.client.post, "/graphql", json={"query": slice_query})
        poll(lambda: admission.running_heavy == 1, within=30, what="the slow slice admitted")
        refused = api.client.post("/graphql", json={"query": slice_query})
        # Refused after waiting a moment for a place, not after the slow one gave its up.
        still_holding = not holding.done()
        light = api.post(PROFILE, {"id": AUTHOR})
        held = holding.result()
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "1"
    assert code(refused.json()["errors"]) == "OVERLOADED"
    assert still_holding
    assert "errors" not in light
    assert held.status_code == 504
    assert code(held.json()["errors"]) == "QUERY_TIMEOUT"


def test_one_client_past_its_share_is_refused_while_another_client_runs(
    neo4j_target: Neo4jTarget, shared: neo4j.Driver, tmp_path: Path
) -> None:
    app = create_app(neo4j_target.settings(max_per_client=1, query_timeout=3.0))

    async def from_header(scope: Scope, receive: Receive, send: Send) -> None:
        # The client address a proxy-less request would have: another machine's.
        given = dict(scope.get("headers", [])).get(b"x-test-from")
        if given:
            scope = {**scope, "client": (given.decode(), 40000)}
        await app(scope, receive, send)

    slice_query = '{ neighborhood(id: "A9000000042") { truncated } }'
    with TestClient(from_header) as client, ThreadPoolExecutor(2) as pool:
        app.state.repository.catalog = slow_statements(tmp_path)
        holding = pool.submit(client.post, "/graphql", json={"query": slice_query})
        poll(
            lambda: app.state.admission.crowded("testclient"),
            within=30,
            what="the slow slice holding the client's place",
        )
        refused = client.post("/graphql", json={"query": PROFILE, "variables": {"id": AUTHOR}})
        other = client.post(
            "/graphql",
            json={"query": PROFILE, "variables": {"id": AUTHOR}},
            headers={"x-test-from": "192.0.2.7"},
        )
        held = holding.result()
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "1"
    (error,) = refused.json()["errors"]
    assert error["extensions"]["code"] == "OVERLOADED"
    assert "the most one client may" in error["message"]
    assert other.status_code == 200
    assert "errors" not in other.json()
    assert held.status_code == 504


def bolt_connections(port: int) -> int:
    """TCP connections this process holds to `port` (read from /proc, Linux)."""
    ours = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            ours.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if remote_port == port and fields[9] in ours:
                count += 1
    return count


def test_a_frozen_neo4j_gets_every_request_an_answer_within_the_deadline(
    neo4j_target: Neo4jTarget, shared: neo4j.Driver
) -> None:
    if neo4j_target.server is None:
        pytest.skip(f"freezing needs the project-managed Neo4j, not {neo4j_target.source}")
    status = neo4j_target.server.status()
    assert status.pid is not None
    assert status.bolt_port is not None
    baseline = bolt_connections(status.bolt_port)
    deadline, pool_size, requests = 2.0, 4, 16
    settings = {"request_timeout": deadline, "query_timeout": 1.0, "neo4j_pool_size": pool_size}
    with api_for(neo4j_target, **settings) as api, ThreadPoolExecutor(requests) as pool:
        assert "errors" not in api.post(PROFILE, {"id": AUTHOR})
        assert api.client.get("/readyz").status_code == 200

        def ask(index: int) -> tuple[int, dict[str, Any]]:
            response = api.client.post(
                "/graphql", json={"query": PROFILE, "variables": {"id": f"A90000000{index:02}"}}
            )
            return response.status_code, response.json()

        os.kill(status.pid, signal.SIGSTOP)
        try:
            answers = list(pool.map(ask, range(requests)))
            held = bolt_connections(status.bolt_port) - baseline
            assert api.client.get("/healthz").status_code == 200
            readyz_says(api.client, 503, within=10)
        finally:
            os.kill(status.pid, signal.SIGCONT)
        for status_code, body in answers:
            assert status_code == 504, body
            assert code(body["errors"]) == "QUERY_TIMEOUT", body
            # The service's own deadline answered, not a statement's (Neo4j was frozen).
            assert f"its time limit ({deadline:g}s)" in body["errors"][0]["message"], body
        # The request pool and the readiness probe's own connection, at most.
        assert held <= pool_size + 1, f"{held} connections held"
        # Thawed, the service answers again by itself.
        readyz_says(api.client, 200, within=20)
        assert "errors" not in api.post(PROFILE, {"id": AUTHOR})
