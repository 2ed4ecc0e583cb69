"""The GraphQL API on the real OpenAlex sample (../shared/data; skipped when it is absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from tests.support.api import Api, api_for
from tests.support.cypher import cypher, path_length
from tests.support.graphs import load_files
from tests.support.neo4j import Neo4jTarget
from tests.support.slices import check_slice, slice_of

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def sample(
    neo4j_target: Neo4jTarget, module_graph: neo4j.Driver, shared_data: Path
) -> neo4j.Driver:
    load_files(neo4j_target, [shared_data / "openalex" / "works-sample-289.jsonl"])
    return module_graph


@pytest.fixture(scope="module")
def sample_api(neo4j_target: Neo4jTarget, sample: neo4j.Driver) -> Iterator[Api]:
    with api_for(neo4j_target) as client:
        yield client


def test_author_counts_for_a_hundred_authors(sample_api: Api, sample: neo4j.Driver) -> None:
    expected = cypher(
        sample,
        """MATCH (a:Author)-[:AUTHORED]->(p:Paper)
           WITH a, collect(p.citedByCount) AS cites ORDER BY size(cites) DESC, a.id LIMIT 100
           RETURN a.id AS id, size(cites) AS works,
                  reduce(s = 0, c IN cites | s + c) AS citations, cites""",
    )
    before = sample_api.repository.executed
    nodes = sample_api.data(
        """query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Author {
             worksCount citationCount hIndex works(first: 3) { totalCount } } } }""",
        {"ids": [f"https://openalex.org/{row['id']}" for row in expected]},
    )["nodes"]
    assert sample_api.repository.executed - before == 2  # the authors, then all their first pages
    for row, node in zip(expected, nodes, strict=True):
        ranked = sorted(row["cites"], reverse=True)
        assert node["id"] == row["id"]
        assert (node["worksCount"], node["citationCount"]) == (row["works"], row["citations"])
        assert node["hIndex"] == sum(1 for i, c in enumerate(ranked) if c > i)
        assert node["works"]["totalCount"] == row["works"]


def test_references_with_and_without_stubs(sample_api: Api, sample: neo4j.Driver) -> None:
    paper = cypher(
        sample,
        """MATCH (p:Paper {stub: false})-[:CITES]->(q) WITH p, count(q) AS n
           RETURN p.id AS id, n ORDER BY n DESC, p.id LIMIT 1""",
    )[0]
    query = """query($id: ID!, $after: String, $stubs: Boolean!) { paper(id: $id) {
      references(first: 25, after: $after, includeStubs: $stubs) {
        totalCount nodes { id stub } pageInfo { hasNextPage endCursor } } } }"""
    for stubs in (True, False):
        seen: list[dict[str, object]] = []
        after = None
        while True:
            page = sample_api.data(query, {"id": paper["id"], "after": after, "stubs": stubs})
            references = page["paper"]["references"]
            seen += references["nodes"]
            if not references["pageInfo"]["hasNextPage"]:
                break
            after = references["pageInfo"]["endCursor"]
        assert len({n["id"] for n in seen}) == len(seen) == references["totalCount"]
        if stubs:
            assert len(seen) == paper["n"]
        else:
            assert not any(n["stub"] for n in seen)


def test_slices_and_paths_on_real_records(sample_api: Api, sample: neo4j.Driver) -> None:
    centres = [
        r["id"]
        for r in cypher(
            sample,
            """MATCH (a:Author) WITH a ORDER BY a.worksCount DESC, a.id LIMIT 5 RETURN a.id AS id
               UNION MATCH (p:Paper {stub: false}) WITH p ORDER BY p.id LIMIT 3 RETURN p.id AS id
               UNION MATCH (i:Institution) WITH i ORDER BY i.id LIMIT 2 RETURN i.id AS id""",
        )
    ]
    for centre in centres:
        for depth, limit, per in [(1, 50, 25), (2, 150, 10)]:
            result = slice_of(sample_api, centre, depth=depth, limit=limit, per=per)
            check_slice(sample, centre, result, depth, limit, per)
    authors = [r["id"] for r in cypher(sample, "MATCH (a:Author) RETURN a.id AS id ORDER BY a.id")]
    for a, b in [(authors[0], authors[-1]), (authors[10], authors[200]), (authors[5], authors[6])]:
        expected = path_length(sample, a, b)
        result = sample_api.data(
            "query($a: ID!, $b: ID!) { path(from: $a, to: $b) { edges { id } } }",
            {"a": a, "b": b},
        )["path"]
        if expected is not None:
            assert len(result["edges"]) == expected
        else:
            assert result is None
