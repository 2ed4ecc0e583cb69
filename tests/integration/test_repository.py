"""A statement's first runs on a server wait for one of them to be planned instead of each
planning it: sixteen first runs at once on a cold Neo4j each took the time of sixteen plans."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

import pytest

from graph_service.repository import Repository, plan_key
from graph_service.statements import Statement
from tests.conftest import Neo4jTarget

KEYS = {"keys": [{"index": 0, "id": "W-nothing-has-this-id"}]}


def overlapping(spans: list[tuple[float, float]]) -> bool:
    ordered = sorted(spans)
    return any(later[0] < earlier[1] for earlier, later in itertools.pairwise(ordered))


def test_first_runs_wait_for_one_plan_then_run_side_by_side(
    neo4j_target: Neo4jTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario() -> None:
        repository = Repository.connect(neo4j_target.settings())
        spans: list[tuple[float, float]] = []
        execute = repository._execute

        async def timed(*args: Any) -> Any:
            started = time.perf_counter()
            try:
                return await execute(*args)
            finally:
                spans.append((started, time.perf_counter()))

        monkeypatch.setattr(repository, "_execute", timed)
        try:
            first = await asyncio.gather(
                *(repository.read(Statement.GET_PAPERS, KEYS) for _ in range(4))
            )
            assert first == [[], [], [], []]
            (leader, *followers) = sorted(spans)
            assert all(leader[1] <= started for started, _ in followers), spans
            text = repository.catalog.text(Statement.GET_PAPERS)
            assert plan_key(text, KEYS) in repository.planned
            # Another parameter type is another plan (Neo4j plans a null apart from a list).
            assert plan_key(text, {"keys": None}) not in repository.planned

            spans.clear()
            await asyncio.gather(*(repository.read(Statement.GET_PAPERS, KEYS) for _ in range(4)))
            assert len(spans) == 4
            assert overlapping(spans), spans
        finally:
            await repository.close()

    asyncio.run(scenario())
