"""The repository against the real Neo4j: a statement's first runs wait for one plan, and
writes in several statements carry bookmarks to the reads after them."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import neo4j
import pytest

from graph_service.db.catalog import Catalog
from graph_service.db.repository import Ran, Repository, plan_key
from graph_service.db.statements import Statement
from graph_service.ingest.write import store_institutions
from tests.support.neo4j import Neo4jTarget

KEYS = {"keys": [{"index": 0, "id": "W-nothing-has-this-id"}]}


def overlapping(spans: list[tuple[float, float]]) -> bool:
    ordered = sorted(spans)
    return any(later[0] < earlier[1] for earlier, later in itertools.pairwise(ordered))


def test_first_runs_wait_for_one_plan_then_run_side_by_side(neo4j_target: Neo4jTarget) -> None:
    async def scenario() -> None:
        repository = Repository.connect(neo4j_target.settings())
        ran: list[Ran] = []
        repository.observers.append(ran.append)

        def spans() -> list[tuple[float, float]]:
            """When each statement was with Neo4j (after any wait for another's plan)."""
            return [(r.sent, r.finished) for r in ran if r.sent is not None]

        try:
            first = await asyncio.gather(
                *(repository.read(Statement.GET_PAPERS, KEYS) for _ in range(4))
            )
            assert first == [[], [], [], []]
            (leader, *followers) = sorted(spans())
            assert all(leader[1] <= started for started, _ in followers), spans()
            text = repository.catalog.text(Statement.GET_PAPERS)
            assert plan_key(text, KEYS) in repository.planned
            # Another parameter type is another plan (Neo4j plans a null apart from a list).
            assert plan_key(text, {"keys": None}) not in repository.planned

            ran.clear()
            await asyncio.gather(*(repository.read(Statement.GET_PAPERS, KEYS) for _ in range(4)))
            assert len(spans()) == 4
            assert overlapping(spans()), spans()
        finally:
            await repository.close()

    asyncio.run(scenario())


def test_a_read_after_a_write_in_several_statements_sees_it_by_its_bookmark(
    neo4j_target: Neo4jTarget, driver: neo4j.Driver
) -> None:
    # On a cluster a read may go to a member that has not seen the write yet; the bookmark
    # the write leaves in the driver's manager makes that member wait until it has.
    async def scenario() -> None:
        repository = Repository.connect(neo4j_target.settings())
        manager = repository.bookmarks
        try:
            before = await manager.get_bookmarks()
            institution: dict[str, Any] = {"id": "I-bookmarked", "name": "Bookmark Institute"}
            institution |= {"parents": [], "ror": None, "countryCode": None, "type": None}
            institution["city"] = None
            await store_institutions(repository, [institution])
            after = await manager.get_bookmarks()
            assert after
            assert after != before
            keys = {"keys": [{"index": 0, "id": "I-bookmarked"}]}
            (row,) = await repository.read(Statement.GET_INSTITUTIONS, keys)
            assert row["value"]["name"] == "Bookmark Institute"
        finally:
            await repository.close()
            driver.execute_query("MATCH (i:Institution {id: 'I-bookmarked'}) DETACH DELETE i")

    asyncio.run(scenario())


@pytest.mark.scale
def test_a_constraint_on_a_large_graph_is_made_past_the_query_timeout(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver
) -> None:
    """A constraint checks every node inside its transaction (minutes after a bulk import of
    millions): applying the schema waits for it however short the query timeout."""
    graph.execute_query("DROP CONSTRAINT paper_id IF EXISTS")
    graph.execute_query("UNWIND range(1, 200000) AS i CREATE (:Paper {id: 'W' + i})")

    async def scenario() -> list[str]:
        repository = Repository.connect(neo4j_target.settings(query_timeout=0.01))
        try:
            return await repository.apply_schema()
        finally:
            await repository.close()

    try:
        assert "paper_id" in asyncio.run(scenario())
        constraints = graph.execute_query("SHOW CONSTRAINTS YIELD name").records
        assert "paper_id" in {c["name"] for c in constraints}
    finally:
        # The schema the other tests share, whatever happened above.
        graph.execute_query(Catalog().text(Statement.SCHEMA_PAPER_ID))
