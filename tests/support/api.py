"""A GraphQL client for tests: the app in process over the real Neo4j, failing loudly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.testclient import TestClient

from graph_service.db.repository import Repository
from graph_service.http.app import create_app
from tests.support.neo4j import Neo4jTarget
from tests.support.polling import poll

WRITE_TOKEN = "test-write-token-0123456789"


class Api:
    """POSTs GraphQL to the app; `data` asserts there were no errors, `errors` that there were."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    @property
    def repository(self) -> Repository:
        repository: Repository = self.client.app.state.repository  # type: ignore[attr-defined]
        return repository

    def post(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        # Refusals have their own statuses (401, 403, 503 ...); a 500 is never an answer.
        assert response.status_code != 500, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = self.post(query, variables, **kw)
        assert "errors" not in body, body["errors"]
        return body["data"]

    def errors(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = self.post(query, variables, **kw)
        assert body.get("errors"), body
        return body["errors"]


@contextmanager
def api_for(target: Neo4jTarget, **settings: Any) -> Iterator[Api]:
    with TestClient(create_app(target.settings(**settings))) as client:
        yield Api(client)


def readyz_says(client: TestClient, status_code: int, within: float) -> dict[str, Any]:
    """/readyz's body once it answers `status_code`, polled for at most `within` seconds (it
    keeps a probe's answer for a moment, so a change shows after it)."""

    def answered() -> dict[str, Any] | None:
        answer = client.get("/readyz")
        body: dict[str, Any] = answer.json()
        return body if answer.status_code == status_code else None

    return poll(answered, within, f"/readyz answering {status_code}")
