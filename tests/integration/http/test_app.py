"""The app on the session's Neo4j: health checks and a real GraphQL query."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from graph_service.http.app import create_app
from tests.support.neo4j import Neo4jTarget


@pytest.fixture(scope="module")
def client(neo4j_target: Neo4jTarget) -> Iterator[TestClient]:
    # Health and server info plan no slices: no start-up planning to wait for.
    with TestClient(create_app(neo4j_target.settings(warm_up=False))) as test_client:
        yield test_client


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_when_neo4j_answers(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.json() == {"status": "ready"}
    assert response.status_code == 200


def test_graphql_server_info(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ serverInfo { name version edition } }"})
    assert response.status_code == 200
    info = response.json()["data"]["serverInfo"]
    assert info["name"] == "Neo4j Kernel"
    assert info["version"].startswith("5.26.")
    assert info["edition"] == "community"


def test_graphiql_page(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    # Our own bundle, served from here: nothing is loaded from a CDN.
    assert 'src="/static/graphiql.js"' in response.text
    assert "unpkg.com" not in response.text
    assert "jsdelivr" not in response.text
    assert client.get("/static/graphiql.js").status_code == 200


def test_readyz_with_wrong_password(neo4j_target: Neo4jTarget) -> None:
    # A user of its own: Neo4j locks a user out after repeated failures, and `neo4j` is the
    # one every other test uses.
    settings = neo4j_target.settings(neo4j_user="nobody", neo4j_password="not-the-password")
    with TestClient(create_app(settings)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "Neo4j refused the configured credentials"


def test_explorer_and_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'src="/static/explorer.js"' in page.text
    for name in ("explorer.js", "explorer.css", "graphiql.js", "graphiql.css"):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200, name
        assert len(asset.content) > 1000
    # Each view's address opens the page app, which draws the view it names.
    for view in (
        "/papers?category=cs.LG",
        "/paper/W1",
        "/similar/W1",
        "/author/A1",
        "/topic/fields/17",
    ):
        assert client.get(view).text == page.text, view
    assert client.get("/no-such-view").status_code == 404
    ide = client.get("/graphql", headers={"Accept": "text/html"})
    # Every script and stylesheet the two pages name comes from this server.
    for html in (page.text, ide.text):
        assert "https://" not in html
        assert "http://" not in html
