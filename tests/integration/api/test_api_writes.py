"""GraphQL writes against the real Neo4j: the token rule, upserts, deletes, stable cursors."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph_service.api.resolvers.slices import SCAN_LIMIT
from graph_service.api.resolvers.warmup import unmatched_id, write_shapes
from graph_service.devdata.demo import DEMO_WORKS
from graph_service.ingest.hubs import HUB_LIST, rank_hubs
from tests.support.api import WRITE_TOKEN, Api, api_for
from tests.support.cypher import cypher
from tests.support.graphs import load_files, with_repository
from tests.support.neo4j import Neo4jTarget
from tests.support.statements import swapped_statements

UPSERT = """mutation($works: [WorkInput!]!) {
  upsertWorks(works: $works) { upserted skipped refreshedAuthors rejected { index reason } } }"""
DELETE = "mutation($id: ID!) { deleteWork(id: $id) }"
AUTHOR = "A9000000042"  # Changhai Zhou in the demo set
WORKS = """query($id: ID!, $after: String) { author(id: $id) { worksCount
  works(first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }"""


@pytest.fixture
def demo(neo4j_target: Neo4jTarget, graph: neo4j.Driver) -> neo4j.Driver:
    load_files(neo4j_target, [DEMO_WORKS])
    return graph


@pytest.fixture
def writer(neo4j_target: Neo4jTarget, demo: neo4j.Driver) -> Iterator[Api]:
    # No slices here: planning them at start-up would only cost each test seconds.
    with api_for(neo4j_target, write_token=WRITE_TOKEN, warm_up=False) as client:
        yield client


def work(id: str, year: int, authors: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": id,
        "title": f"Work {id}",
        "publicationYear": year,
        "citedByCount": 3,
        "authorships": [{"authorId": a, "name": f"Author {a}"} for a in authors],
        "topics": [
            {
                "id": "T99001",
                "name": "Test topic",
                "score": 0.9,
                "subfieldId": "subfields/9901",
                "subfieldName": "Test subfield",
            }
        ],
        **extra,
    }


def test_writes_are_off_without_a_token(neo4j_target: Neo4jTarget, demo: neo4j.Driver) -> None:
    with api_for(neo4j_target, warm_up=False) as client:
        errors = client.errors(UPSERT, {"works": [work("W1", 2020, [AUTHOR])]}, token="anything")
        assert errors[0]["extensions"]["code"] == "FORBIDDEN"
        assert "disabled" in errors[0]["message"]
        assert client.errors(DELETE, {"id": "W9000000001"})[0]["extensions"]["code"] == (
            "FORBIDDEN"
        )
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) RETURN p") == []


def test_writes_need_the_right_token(writer: Api, demo: neo4j.Driver) -> None:
    for token in [None, "wrong-token-0123456789"]:
        errors = writer.errors(UPSERT, {"works": [work("W1", 2020, [AUTHOR])]}, token=token)
        assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) RETURN p") == []


def test_upsert_stores_works_and_refreshes_authors(writer: Api, demo: neo4j.Driver) -> None:
    before = writer.data(WORKS, {"id": AUTHOR, "after": None})["author"]["worksCount"]
    works = [
        work("https://openalex.org/W1", 2030, [AUTHOR, "A77"], updatedDate="2030-01-02"),
        {"id": "not-a-work"},
        work("W2", 2031, ["A77"], referencedWorks=["W1", "W3"]),
    ]
    result = writer.data(UPSERT, {"works": works}, token=WRITE_TOKEN)["upsertWorks"]
    assert (result["upserted"], result["skipped"]) == (2, 0)
    assert result["rejected"][0]["index"] == 1
    assert "not an OpenAlex W" in result["rejected"][0]["reason"]
    assert result["refreshedAuthors"] >= 2
    profile = writer.data(
        """{ author(id: "A77") { worksCount collaborators { nodes { author { id } sharedWorks } } }
             paper(id: "W2") { references(includeStubs: true) { totalCount nodes { id stub } } } }"""
    )
    assert profile["author"]["worksCount"] == 2
    assert profile["author"]["collaborators"]["nodes"] == [
        {"author": {"id": AUTHOR}, "sharedWorks": 1}
    ]
    assert {(n["id"], n["stub"]) for n in profile["paper"]["references"]["nodes"]} == {
        ("W1", False),
        ("W3", True),
    }
    after = writer.data(WORKS, {"id": AUTHOR, "after": None})["author"]["worksCount"]
    assert after == before + 1
    # An older copy of W1 is skipped and changes nothing.
    older = work("W1", 1999, ["A78"], updatedDate="2020-01-01")
    result = writer.data(UPSERT, {"works": [older]}, token=WRITE_TOKEN)["upsertWorks"]
    assert (result["upserted"], result["skipped"]) == (0, 1)
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) RETURN p.year AS y") == [{"y": 2030}]


def test_delete_keeps_a_cited_work_as_a_stub(writer: Api, demo: neo4j.Driver) -> None:
    works = [work("W1", 2030, [AUTHOR]), work("W2", 2031, ["A77"], referencedWorks=["W1"])]
    writer.data(UPSERT, {"works": works}, token=WRITE_TOKEN)
    count = writer.data(WORKS, {"id": AUTHOR, "after": None})["author"]["worksCount"]
    assert writer.data(DELETE, {"id": "W1"}, token=WRITE_TOKEN) == {"deleteWork": True}
    assert writer.data('{ paper(id: "W1") { stub title } }')["paper"] == {
        "stub": True,
        "title": None,
    }
    assert writer.data(WORKS, {"id": AUTHOR, "after": None})["author"]["worksCount"] == count - 1
    assert writer.data(DELETE, {"id": "W2"}, token=WRITE_TOKEN) == {"deleteWork": True}
    assert writer.data('{ paper(id: "W2") { id } }')["paper"] is None
    assert writer.data('{ author(id: "A77") { worksCount } }')["author"]["worksCount"] == 0
    assert writer.data(DELETE, {"id": "W2"}, token=WRITE_TOKEN) == {"deleteWork": False}


def test_the_warm_up_plans_every_statement_a_write_runs(writer: Api, demo: neo4j.Driver) -> None:
    # On a cold server the first write planned a dozen statements: 4.6 s alone, and past the
    # request's 15 s beside other requests. With writes on, the warm-up plans them (EXPLAIN,
    # so nothing is written); a write and a delete then plan nothing new.
    repository = writer.repository
    for statement, parameters, writes in write_shapes(unmatched_id("W9000000001")):
        plan = repository.explain if writes else repository.read
        writer.client.portal.call(plan, statement, parameters)  # type: ignore[union-attr]
    assert cypher(demo, "MATCH (p:Paper) WHERE p.id STARTS WITH '~' RETURN p") == []
    warmed = set(repository.planned)
    works = [work("W7100000001", 2030, [AUTHOR, "A7100000001"], referencedWorks=["W9000000001"])]
    assert writer.data(UPSERT, {"works": works}, token=WRITE_TOKEN)["upsertWorks"]["upserted"] == 1
    assert writer.data(DELETE, {"id": "W7100000001"}, token=WRITE_TOKEN) == {"deleteWork": True}
    assert repository.planned - warmed == set()


def test_writes_at_once_neither_deadlock_nor_wait_for_retries(
    writer: Api, demo: neo4j.Driver, caplog: pytest.LogCaptureFixture
) -> None:
    # Eight writes at once on the same authors and topic locked them in different orders:
    # Neo4j found deadlocks, the driver retried a second and more later, and a write under
    # load ran past its deadline. The service now runs one write at a time.
    def upsert(index: int) -> int:
        works = [work(f"W72000000{index:02}", 2030, [AUTHOR, "A7200000001"])]
        result = writer.data(UPSERT, {"works": works}, token=WRITE_TOKEN)["upsertWorks"]
        return int(result["upserted"])

    with caplog.at_level(logging.WARNING, logger="neo4j"), ThreadPoolExecutor(8) as pool:
        assert sum(pool.map(upsert, range(16))) == 16
    assert not [r.getMessage() for r in caplog.records if "retried" in r.getMessage()]
    profile = writer.data('{ author(id: "A7200000001") { worksCount } }')
    assert profile["author"]["worksCount"] == 16


PATH = """query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxLength: 8) { nodes { id } } }"""


def test_a_path_never_passes_through_a_stub(writer: Api) -> None:
    """Two works citing one that is not loaded are two relationships apart through it; a path
    between them goes around it, or there is none."""
    works = [
        work("W1", 2030, ["A71"], topics=[], referencedWorks=["W3"]),
        work("W2", 2031, ["A72"], topics=[], referencedWorks=["W3"]),
    ]
    writer.data(UPSERT, {"works": works}, token=WRITE_TOKEN)
    assert writer.data('{ paper(id: "W3") { stub } }')["paper"] == {"stub": True}
    assert writer.data(PATH, {"a": "W1", "b": "W2"})["path"] is None
    # A work by both authors joins them the long way round.
    writer.data(UPSERT, {"works": [work("W4", 2032, ["A71", "A72"], topics=[])]}, token=WRITE_TOKEN)
    path = writer.data(PATH, {"a": "W1", "b": "W2"})["path"]
    assert [n["id"] for n in path["nodes"]] == ["W1", "A71", "W4", "A72", "W2"]
    assert writer.data(PATH, {"a": "W1", "b": "W3"})["path"] is None  # nor ends at one


def test_cursors_survive_inserts(writer: Api) -> None:
    first = writer.data(WORKS, {"id": AUTHOR, "after": None})["author"]["works"]
    everything = [n["id"] for n in first["nodes"]]
    cursor = first["pageInfo"]["endCursor"]
    # A new work that sorts first, and one that sorts in the middle of what is left.
    writer.data(
        UPSERT,
        {"works": [work("W1", 2099, [AUTHOR]), work("W2", 2025, [AUTHOR])]},
        token=WRITE_TOKEN,
    )
    while True:
        page = writer.data(WORKS, {"id": AUTHOR, "after": cursor})["author"]["works"]
        everything += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        cursor = page["pageInfo"]["endCursor"]
    original = [f"W90000000{n:02d}" for n in range(1, 60)]
    stored = {i for i in everything if i in original}
    assert len(everything) == len(set(everything))  # no duplicates
    assert "W1" not in everything  # sorts before the cursor: not on later pages
    assert "W2" in everything
    assert len(stored) == 9  # no gaps: all nine original works are there


HUB_SLICE = """query($id: ID!) { neighborhood(id: $id, limit: 500, perNodeLimit: 100) {
  truncated totalNeighbors nodes { id hop } edges { source target weight } } }"""


@pytest.mark.scale
def test_a_hub_slice_is_bounded_and_says_so(neo4j_target: Neo4jTarget, demo: neo4j.Driver) -> None:
    # An institution with more members than an expanded node reads of one kind. Made before
    # the service starts, so the plans it warms up fit the data (a big change in the graph's
    # statistics makes Neo4j plan the slice statement again, which takes seconds).
    members = SCAN_LIMIT + 50
    cypher(
        demo,
        "CREATE (i:Institution {id: 'I77', name: 'Hub'}) WITH i "
        "UNWIND range(1, $n) AS k "
        "CREATE (:Author {id: 'A77' + toString(k), name: 'M' + toString(k)})"
        "-[:AFFILIATED_WITH {papers: k % 37, firstYear: 2000, lastYear: 2020}]->(i)",
        n=members,
    )
    with api_for(neo4j_target) as client:
        result = client.data(HUB_SLICE, {"id": "I77"})["neighborhood"]
    assert result["totalNeighbors"] == members  # counted in full
    assert result["truncated"] is True
    assert len(result["nodes"]) == 101  # the hub and perNodeLimit members
    assert {n["hop"] for n in result["nodes"][1:]} == {1}
    weights = [e["weight"] for e in result["edges"]]
    assert len(weights) == 100
    assert max(weights) == 36  # ranked by papers there, among those read


HUB_TOP = """query($id: ID!, $rels: [RelationshipType!], $from: Int) {
  neighborhood(id: $id, limit: 500, perNodeLimit: 100, relationshipTypes: $rels, yearFrom: $from) {
    truncated nodes { id } } }"""


def rank_every_hub(target: Neo4jTarget) -> int:
    """What a bulk load and `refresh --all` end with."""
    return with_repository(target, rank_hubs)


def top_of(api: Api, id: str, rels: list[str], year_from: int | None = None) -> list[str]:
    found = api.data(HUB_TOP, {"id": id, "rels": rels, "from": year_from})["neighborhood"]
    assert found["truncated"] is True
    return [node["id"] for node in found["nodes"][1:]]


def test_a_hub_slice_is_its_exact_top(neo4j_target: Neo4jTarget, demo: neo4j.Driver) -> None:
    # Members in an order unrelated to their rank, so that whichever SCAN_LIMIT members a
    # scan reads in store order, some of the best are among those it leaves out.
    members = SCAN_LIMIT + 50
    cypher(
        demo,
        "CREATE (i:Institution {id: 'I78', name: 'Hub'}) WITH i "
        "UNWIND range(1, $n) AS k "
        "CREATE (:Author {id: 'A78' + toString(k), name: 'M' + toString(k)})"
        "-[:AFFILIATED_WITH {papers: (k * 37) % $n, firstYear: 2000,"
        " lastYear: CASE WHEN k % 5 = 0 THEN 2005 ELSE 2020 END}]->(i)",
        n=members,
    )

    def exact(year_from: int) -> list[str]:
        rows = cypher(
            demo,
            "MATCH (a:Author)-[r:AFFILIATED_WITH]->(:Institution {id: 'I78'}) "
            "WHERE r.lastYear >= $from "
            "RETURN a.id AS id ORDER BY r.papers DESC, a.id LIMIT 100",
            **{"from": year_from},
        )
        return [row["id"] for row in rows]

    with api_for(neo4j_target, warm_up=False) as client:
        scanned = top_of(client, "I78", ["AFFILIATED_WITH"])
        assert len(scanned) == 100
        assert scanned != exact(0)  # the best among those read, not the best
        assert rank_every_hub(neo4j_target) >= 1
        assert (
            cypher(demo, "MATCH (i:Hub {id: 'I78'}) RETURN size(i.top_AFFILIATED_WITH_in) AS n")[0][
                "n"
            ]
            == HUB_LIST
        )
        assert top_of(client, "I78", ["AFFILIATED_WITH"]) == exact(0)
        # A filter the list's best pass in part: still the exact top of what passes.
        assert top_of(client, "I78", ["AFFILIATED_WITH"], 2010) == exact(2010)
        # Every kind at once: the members still come first, in the same order (the hub has no
        # other kind of neighbour).
        assert top_of(client, "I78", []) == exact(0)


def test_a_write_keeps_a_hubs_top_exact(
    neo4j_target: Neo4jTarget, writer: Api, demo: neo4j.Driver
) -> None:
    papers = SCAN_LIMIT + 50
    cypher(
        demo,
        "MERGE (t:Topic {id: 'T99001'}) SET t.name = 'Test topic' WITH t "
        "UNWIND range(1, $n) AS k "
        "CREATE (:Paper {id: 'W78' + toString(k), title: 'P' + toString(k), year: 2010,"
        " citedByCount: (k * 37) % $n})-[:HAS_TOPIC {score: 0.5}]->(t)",
        n=papers,
    )
    rank_every_hub(neo4j_target)

    def exact() -> list[str]:
        rows = cypher(
            demo,
            "MATCH (p:Paper)-[:HAS_TOPIC]->(:Topic {id: 'T99001'}) "
            "RETURN p.id AS id ORDER BY p.citedByCount DESC, p.id LIMIT 100",
        )
        return [row["id"] for row in rows]

    assert top_of(writer, "T99001", ["HAS_TOPIC"]) == exact()
    # A new work cited more than any: the topic's list is made again with the write.
    new = work("W7899999", 2020, [AUTHOR], citedByCount=10**6)
    assert writer.data(UPSERT, {"works": [new]}, token=WRITE_TOKEN)["upsertWorks"]["upserted"] == 1
    top = top_of(writer, "T99001", ["HAS_TOPIC"])
    assert top[0] == "W7899999"
    assert top == exact()
    # Deleted: the list passes over it, and the rest is still the exact top.
    assert writer.data(DELETE, {"id": "W7899999"}, token=WRITE_TOKEN)["deleteWork"] is True
    assert top_of(writer, "T99001", ["HAS_TOPIC"]) == exact()


def test_a_write_whose_refresh_fails_is_reported_stored_not_failed(
    writer: Api, demo: neo4j.Driver, tmp_path: Path
) -> None:
    # The derived-value refresh runs after the works' commit; when it fails the works are in
    # the graph, so the answer must say stored (and that the refresh is pending).
    writer.repository.catalog = swapped_statements(
        tmp_path, select_stale_authors="RETURN 1/0 AS broken"
    )
    body = writer.post(
        UPSERT.replace("refreshedAuthors", "refreshedAuthors refreshPending"),
        {"works": [work("W1", 2020, [AUTHOR])]},
        token=WRITE_TOKEN,
    )
    assert "errors" not in body, body
    result = body["data"]["upsertWorks"]
    assert (result["upserted"], result["refreshPending"]) == (1, True)
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) RETURN p.title AS t") == [{"t": "Work W1"}]
    assert cypher(demo, "MATCH (a:Author:Stale {id: $a}) RETURN count(a) AS n", a=AUTHOR) == [
        {"n": 1}
    ]
    assert writer.data(DELETE, {"id": "W1"}, token=WRITE_TOKEN) == {"deleteWork": True}
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) WHERE NOT p.stub RETURN p") == []


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("publicationYear", -5, "publication_year -5 is outside 1000-2100"),
        ("citedByCount", -1, "cited_by_count -1 is outside 0-1000000000"),
        (
            "publicationDate",
            "2024-13-45",
            "publication_date '2024-13-45' is not a date (YYYY-MM-DD)",
        ),
        ("updatedDate", "zzzz", "updated_date 'zzzz' is not an ISO date or date-time"),
        ("title", "t" * 200_000, "title is 200,000 characters; the most is 5,000"),
    ],
)
def test_upserts_out_of_bounds_are_rejected_with_the_reason(
    writer: Api, demo: neo4j.Driver, field: str, value: Any, reason: str
) -> None:
    body = writer.data(
        UPSERT, {"works": [work("W1", 2020, [AUTHOR], **{field: value})]}, token=WRITE_TOKEN
    )
    result = body["upsertWorks"]
    assert result["upserted"] == 0
    assert result["rejected"] == [{"index": 0, "reason": reason}]
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) RETURN p") == []


def test_a_work_stays_updatable(writer: Api, demo: neo4j.Driver) -> None:
    # 'zzzz' used to be stored as the update date and win against every later record.
    for date, title in [("2024-01-01", "first"), ("2024-06-01T10:00:00", "second")]:
        writer.data(
            UPSERT,
            {"works": [work("W1", 2020, [AUTHOR], updatedDate=date, title=title)]},
            token=WRITE_TOKEN,
        )
    assert cypher(demo, "MATCH (p:Paper {id: 'W1'}) RETURN p.title AS t") == [{"t": "second"}]
