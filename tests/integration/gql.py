"""GraphQL test helpers: a client that fails loudly, and facts read straight from Neo4j."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from starlette.testclient import TestClient

from graph_service.db.catalog import Catalog, cypher_dir
from graph_service.db.repository import Repository
from graph_service.http.app import create_app
from graph_service.ingest.importer import Importer
from graph_service.ingest.report import Report
from tests.conftest import Neo4jTarget

T = TypeVar("T")

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


def readyz_once_it_is(client: TestClient, status_code: int, within: float) -> dict[str, Any]:
    """Poll /readyz (which keeps a probe's answer for a second) until it says `status_code`,
    for at most `within` seconds; its body then."""
    give_up = time.monotonic() + within
    while (answer := client.get("/readyz")).status_code != status_code:
        assert time.monotonic() < give_up, f"/readyz still says {answer.status_code}"
        time.sleep(0.1)
    body: dict[str, Any] = answer.json()
    return body


def swapped_statements(directory: Path, **texts: str) -> Catalog:
    """The service's statements, with those named swapped for the texts given."""
    folder = directory / "cypher"
    folder.mkdir()
    for path in cypher_dir().glob("*.cypher"):
        (folder / path.name).write_text(texts.get(path.stem, path.read_text()))
    return Catalog(folder)


def slow_statements(directory: Path) -> Catalog:
    """The service's statements, with the slice swapped for one that runs far past any
    timeout a test sets (it never returns a row)."""
    return swapped_statements(
        directory,
        select_neighborhood="UNWIND range(1, 10000000000) AS x WITH x WHERE x = -1 "
        "RETURN x AS slice",
    )


def load_files(
    target: Neo4jTarget, paths: list[Path], rejected: int = 0, arxiv: bool = False
) -> Report:
    """Load work files (or arXiv files) through the importer; exactly `rejected` lines may be
    refused."""

    async def work(repository: Repository) -> Report:
        importer = Importer(repository)
        report = await (importer.arxiv(paths) if arxiv else importer.works(paths))
        assert len(report.rejected) == rejected, report.rejected[:3]
        return report

    return with_repository(target, work)


def with_repository(target: Neo4jTarget, work: Callable[[Repository], Awaitable[T]]) -> T:
    """`work` run with a repository of its own on `target`, closed after."""

    async def go() -> T:
        repository = Repository.connect(target.settings())
        try:
            return await work(repository)
        finally:
            await repository.close()

    return asyncio.run(go())


def cypher(driver: neo4j.Driver, query: str, **parameters: Any) -> list[dict[str, Any]]:
    """An independent answer, straight from Neo4j (tests only)."""
    records, _, _ = driver.execute_query(query, parameters)
    return [record.data() for record in records]


def path_length(driver: neo4j.Driver, a: str, b: str) -> int | None:
    """The length of a shortest FULL path of at most 6 between two authors, straight from
    Neo4j (no stubs on the way); None when there is none."""
    rows = cypher(
        driver,
        """MATCH (a:Author {id: $a}), (b:Author {id: $b})
           MATCH p = shortestPath(
             (a)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF*..6]-(b))
           WHERE all(x IN nodes(p) WHERE NOT coalesce(x.stub, false))
           RETURN length(p) AS length""",
        a=a,
        b=b,
    )
    return rows[0]["length"] if rows else None
