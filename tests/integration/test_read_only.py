"""A read-only copy made by `graph-service neo4j clone --read-only`, and the service on it
(as on a cluster's secondary): it starts, says so, plans its statements, serves reads, and
refuses writes with their own code. Against two Neo4j homes of the test's own."""

from __future__ import annotations

import logging

import neo4j
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph_service.api.slices import WARM_DEPTHS
from graph_service.app import create_app
from graph_service.cli import app as cli
from graph_service.demo import DEMO_WORKS
from graph_service.host import free_port
from graph_service.statements import LABELS
from tests.conftest import TEST_HEAP, TEST_PAGECACHE, Neo4jTarget, quick_home
from tests.integration.gql import load_files

TOKEN = "read-only-test-token-0123456789"
PROFILE = 'query { author(id: "A9000000042") { name worksCount } }'
DELETE = 'mutation { deleteWork(id: "W9000000001") }'


def test_a_read_only_copy_is_served_with_its_plans_warm_and_writes_refused(
    tmp_path_factory: pytest.TempPathFactory, caplog: pytest.LogCaptureFixture
) -> None:
    primary = quick_home(tmp_path_factory.mktemp("primary-home"))
    copy = quick_home(tmp_path_factory.mktemp("copy-home"))
    primary.start(
        bolt_port=free_port(), http_port=free_port(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE
    )
    try:
        status = primary.status()
        target = Neo4jTarget(status.uri or "", "neo4j", primary.password(), "primary", primary)
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
        assert copy.settings()["server.databases.default_to_read_only"] == "true"
        # The home's own settings before the clone are kept beside it.
        assert "internal.server.bolt.connection_shutdown_wait_time" in copy.settings()

        copy.start(
            bolt_port=free_port(), http_port=free_port(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE
        )
        replica = Neo4jTarget(copy.status().uri or "", "neo4j", copy.password(), "copy", copy)
        settings = replica.settings(warm_up=True, write_token=TOKEN)
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
            assert len(repository.planned) >= 2 * len(LABELS) * len(WARM_DEPTHS)

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

        # Cloned again without --read-only, the copy is refreshed and takes writes.
        again = CliRunner().invoke(
            cli, ["neo4j", "clone", "--from", str(primary.home), "--to", str(copy.home)]
        )
        assert again.exit_code == 0, again.output
        assert copy.status().running  # started again as it was
        assert "server.databases.default_to_read_only" not in copy.settings()
        with neo4j.GraphDatabase.driver(replica.uri, auth=(replica.user, replica.password)) as d:
            records, _, _ = d.execute_query(
                "MATCH (p:Paper {id: $id}) DETACH DELETE p RETURN count(*) AS n",
                id="W9000000001",
            )
            assert records[0]["n"] == 1
    finally:
        copy.stop()
        primary.stop()
