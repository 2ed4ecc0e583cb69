"""Similar papers and importance against the real Neo4j: values worked out by hand (and by an
independent power iteration) on a small graph, kept up to date by writes, served by the API."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import numpy as np
import pytest
from typer.testing import CliRunner

from graph_service.cli import app as cli
from graph_service.db.repository import Repository
from graph_service.devdata import generator
from graph_service.ingest import importance
from graph_service.ingest.edits import delete_work, upsert_records
from graph_service.ingest.importance import refresh_importance
from graph_service.ingest.lists import refresh_similarity
from graph_service.ingest.similarity import OPENALEX_WEIGHT, id_rank, similar_lists
from tests.support.api import Api, api_for
from tests.support.cypher import cypher
from tests.support.graphs import load_files, with_repository
from tests.support.neo4j import Neo4jTarget

OA = "https://openalex.org/"
A, B, C, D = "W9100000001", "W9100000002", "W9100000003", "W9100000004"
X, Y, Z = "W9100000011", "W9100000012", "W9100000013"
E = "W9100000021"
CITES = {A: [X, Y], B: [X, Y, Z], C: [Y, Z], D: [X], X: [], Y: [], Z: []}
AUTHORS = {A: ["A9100000001", "A9100000002"], B: ["A9100000001"], C: [], D: [], X: [], Y: [], Z: []}


def record(id: str, year: int, cites: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": OA + id,
        "title": f"Work {id}",
        "publication_year": year,
        "authorships": [{"author": {"id": OA + a, "display_name": a}} for a in AUTHORS.get(id, [])],
        "topics": [{"id": OA + "T99001", "display_name": "Test topic", "score": 0.9}],
        "referenced_works": [OA + c for c in cites],
        **extra,
    }


def records() -> list[dict[str, Any]]:
    related = {D: {"related_works": [OA + A, OA + "W9199999999"]}}
    return [
        record(id, 2019 if id in (X, Y, Z) else 2020, cites, **related.get(id, {}))
        for id, cites in CITES.items()
    ]


def stored(driver: neo4j.Driver) -> dict[tuple[str, str], dict[str, Any]]:
    rows = cypher(
        driver,
        "MATCH (p:Paper)-[s:SIMILAR_TO]->(q:Paper) RETURN p.id AS p, q.id AS q, s {.*} AS s",
    )
    return {(row["p"], row["q"]): row["s"] for row in rows}


def expected(hub_cap: int = 500) -> dict[tuple[str, str], dict[str, Any]]:
    """Co-citation and coupling by their definitions, from CITES alone (every list kept)."""
    citers = {p: {w for w, refs in CITES.items() if p in refs} for p in CITES}
    counted = {w for w, refs in CITES.items() if len(refs) <= hub_cap}
    unpopular = {p for p in CITES if len(citers[p]) <= hub_cap}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for p in CITES:
        for q in CITES:
            if p == q:
                continue
            shared_citers = len(citers[p] & citers[q] & counted)
            shared_refs = len(set(CITES[p]) & set(CITES[q]) & unpopular)
            cc = shared_citers / math.sqrt(len(citers[p]) * len(citers[q])) if shared_citers else 0
            cp = shared_refs / math.sqrt(len(CITES[p]) * len(CITES[q])) if shared_refs else 0
            listed = (p, q) == (D, A)
            if cc or cp or listed:
                value: dict[str, Any] = {"score": 1 - (1 - cc) * (1 - cp) * (0.9 if listed else 1)}
                if cc:
                    value["coCitation"] = cc
                if cp:
                    value["coupling"] = cp
                if listed:
                    value["openalex"] = True
                found[(p, q)] = value
    return found


def assert_same(got: dict[Any, dict[str, Any]], want: dict[Any, dict[str, Any]]) -> None:
    assert got.keys() == want.keys()
    for key, value in want.items():
        assert got[key].keys() == value.keys(), key
        for name, number in value.items():
            assert got[key][name] == pytest.approx(number), (key, name)


@pytest.fixture
def small(neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path) -> neo4j.Driver:
    path = tmp_path / "works.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records()))
    load_files(neo4j_target, [path])
    return graph


def recompute_all(target: Neo4jTarget, driver: neo4j.Driver, top_k: int, hub_cap: int) -> None:
    """Every list made again paper by paper, then all at once: both store the same."""
    made = []
    for whole in (False, True):
        cypher(driver, "MATCH (p:Paper) SET p:Stale")

        async def work(repository: Repository, whole: bool = whole) -> int:
            return await refresh_similarity(repository, top_k, hub_cap, whole=whole)

        assert with_repository(target, work) == len(CITES)
        made.append(stored(driver))
    assert made[0] == made[1]


def test_similarity_is_cosine_of_shared_citers_and_references(small: neo4j.Driver) -> None:
    # A few by hand, the rest by the definition: X and Y are both cited by A and B, of the
    # three works citing each; A and B share X and Y of A's two and B's three references.
    want = expected()
    assert want[(X, Y)]["coCitation"] == pytest.approx(2 / 3)
    assert want[(A, B)]["coupling"] == pytest.approx(2 / math.sqrt(6))
    assert want[(D, A)]["score"] == pytest.approx(1 - (1 - 1 / math.sqrt(2)) * 0.9)
    assert_same(stored(small), want)
    assert not cypher(small, "MATCH (p:Stale) RETURN p.id AS id")


def test_hubs_add_no_pairs(neo4j_target: Neo4jTarget, small: neo4j.Driver) -> None:
    # B cites three works and X and Y are cited by three: past a cap of two none of them
    # makes pairs, while the cosine's denominators still count every citation.
    recompute_all(neo4j_target, small, top_k=20, hub_cap=2)
    want = expected(hub_cap=2)
    assert want[(X, Y)]["coCitation"] == pytest.approx(1 / 3)
    assert (A, B) not in want
    assert_same(stored(small), want)


def test_each_paper_keeps_its_best_k_per_kind(
    neo4j_target: Neo4jTarget, small: neo4j.Driver
) -> None:
    recompute_all(neo4j_target, small, top_k=1, hub_cap=500)
    lists: dict[str, set[str]] = {}
    for p, q in stored(small):
        lists.setdefault(p, set()).add(q)
    # A: coupled best with B (2/sqrt(6) over D's 1/sqrt(2)); D: A by coupling, and by OpenAlex.
    assert lists[A] == {B}
    assert lists[D] == {A}
    # X is co-cited best with Y (2/3 against 1/sqrt(6)); Y with Z (2/sqrt(6) against 2/3).
    assert lists[X] == {Y}
    assert lists[Y] == {Z}


def test_writes_refresh_what_they_touch(neo4j_target: Neo4jTarget, small: neo4j.Driver) -> None:
    before = stored(small)
    new = record(E, 2021, [X, Z])

    async def add(repository: Repository) -> int:
        report = await upsert_records(repository, [new])
        return report.refreshed_papers

    # E, and the works it cites, get their lists made again.
    assert with_repository(neo4j_target, add) == 3
    incremental = stored(small)
    assert incremental[(X, Z)]["coCitation"] == pytest.approx(2 / math.sqrt(4 * 3))
    assert incremental[(E, B)]["coupling"] == pytest.approx(2 / math.sqrt(2 * 3))
    # The lists the write touched are what the definition gives on the new graph.
    CITES[E] = [X, Z]
    try:
        want = {k: v for k, v in expected().items() if k[0] in (E, X, Z)}
    finally:
        del CITES[E]
    assert_same({k: v for k, v in incremental.items() if k[0] in (E, X, Z)}, want)

    async def remove(repository: Repository) -> bool:
        return await delete_work(repository, E)

    assert with_repository(neo4j_target, remove)
    after = stored(small)
    assert_same(
        {k: v for k, v in after.items() if k[0] in (X, Z)},
        {k: v for k, v in before.items() if k[0] in (X, Z)},
    )
    assert not any(E in key for key in after)


def test_refresh_all_makes_every_list_again(neo4j_target: Neo4jTarget, small: neo4j.Driver) -> None:
    cypher(small, "MATCH ()-[s:SIMILAR_TO]->() DELETE s")
    cypher(small, "MATCH (p:Paper) REMOVE p.importance")
    result = CliRunner().invoke(
        cli, ["refresh", "--all"], env={**neo4j_target.env(), "GRAPH_SERVICE_SIMILAR_TOP_K": "1"}
    )
    assert result.exit_code == 0, result.output
    assert f"{len(CITES)} similarity lists made, {len(CITES)} papers ranked" in result.output
    lists: dict[str, set[str]] = {}
    for p, q in stored(small):
        lists.setdefault(p, set()).add(q)
    assert lists[A] == {B}
    assert not cypher(small, "MATCH (p:Paper) WHERE p.importance IS NULL RETURN p.id AS id")


def pagerank(cites: dict[str, list[str]], damping: float = 0.85) -> dict[str, float]:
    """Graph Data Science's PageRank, by plain power iteration: (1 - d) + d * the sum of each
    citing paper's rank over its references."""
    rank = dict.fromkeys(cites, 1 - damping)
    for _ in range(100):
        rank = {
            p: (1 - damping)
            + damping * sum(rank[w] / len(refs) for w, refs in cites.items() if p in refs)
            for p in cites
        }
    return rank


def test_importance_is_pagerank_ranked_within_topic_and_year(small: neo4j.Driver) -> None:
    want = pagerank(CITES)
    assert want[X] == pytest.approx(0.15 + 0.85 * (0.15 / 2 + 0.15 / 3 + 0.15))
    rows = cypher(
        small,
        "MATCH (p:Paper) RETURN p.id AS id, p.importance AS importance, "
        "p.importancePercentile AS percentile, p.importanceCohort AS cohort",
    )
    got = {row["id"]: row for row in rows}
    for id, value in want.items():
        assert got[id]["importance"] == pytest.approx(value, rel=1e-6), id
    # 2019: Z < Y < X, so a third, two thirds and all of the three are at or below each.
    assert [got[p]["percentile"] for p in (Z, Y, X)] == [33.3, 66.7, 100.0]
    assert {got[p]["cohort"] for p in (X, Y, Z)} == {3}
    # 2020: nobody cites A to D, all four tie.
    assert {(got[p]["percentile"], got[p]["cohort"]) for p in (A, B, C, D)} == {(100.0, 4)}
    authors = {
        row["id"]: row["importance"]
        for row in cypher(small, "MATCH (a:Author) RETURN a.id AS id, a.importance AS importance")
    }
    # Fractional: A has two authors, B one.
    assert authors["A9100000001"] == pytest.approx(want[A] / 2 + want[B], rel=1e-6)
    assert authors["A9100000002"] == pytest.approx(want[A] / 2, rel=1e-6)


def test_an_author_left_without_works_ranks_at_zero(
    neo4j_target: Neo4jTarget, small: neo4j.Driver
) -> None:
    # Deleting a work can leave its author with none: the fractional share divided by the
    # count of a missing paper's authors (0) failed every later ranking with an
    # ArithmeticError, so every load after such a delete ended in an error.
    cypher(small, "MATCH (:Author {id: 'A9100000002'})-[r:AUTHORED]->() DELETE r")
    assert with_repository(neo4j_target, refresh_importance) >= len(CITES)
    authors = {
        row["id"]: row["importance"]
        for row in cypher(small, "MATCH (a:Author) RETURN a.id AS id, a.importance AS importance")
    }
    assert authors["A9100000002"] == 0.0
    assert isinstance(authors["A9100000002"], float)
    assert authors["A9100000001"] > 0.0


def test_authors_ranked_one_per_batch_equal_all_at_once(
    neo4j_target: Neo4jTarget, small: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The batches follow the authors' ids from '' on; one author per batch walks every id
    # boundary, and none may be skipped or ranked twice.
    query = "MATCH (a:Author) RETURN a.id AS id, a.importance AS importance ORDER BY id"
    at_once = cypher(small, query)
    assert len(at_once) >= 2
    cypher(small, "MATCH (a:Author) REMOVE a.importance")
    monkeypatch.setattr(importance, "AUTHOR_BATCH", 1)
    with_repository(neo4j_target, refresh_importance)
    assert cypher(small, query) == at_once


@pytest.fixture
def gql(neo4j_target: Neo4jTarget, small: neo4j.Driver) -> Iterator[Api]:
    with api_for(neo4j_target, warm_up=False) as client:
        yield client


RELATED = """query($id: ID!, $kind: RelatedKind!, $after: String) { paper(id: $id) {
  related(first: 2, kind: $kind, after: $after) { totalCount
    edges { cursor node { score coCitation coupling openalex paper { id importance } } }
    pageInfo { hasNextPage endCursor } } } }"""


def test_related_papers_page_by_kind(gql: Api) -> None:
    want = expected()

    def walk(id: str, kind: str) -> list[dict[str, Any]]:
        seen, after = [], None
        while True:
            related = gql.data(RELATED, {"id": id, "kind": kind, "after": after})["paper"][
                "related"
            ]
            seen += [edge["node"] for edge in related["edges"]]
            if not related["pageInfo"]["hasNextPage"]:
                assert related["totalCount"] == len(seen)
                return seen
            after = related["pageInfo"]["endCursor"]

    everything = walk(A, "ALL")
    ranked = sorted((q for p, q in want if p == A), key=lambda q: (-want[(A, q)]["score"], q))
    assert [n["paper"]["id"] for n in everything] == ranked
    assert everything[0]["coupling"] == pytest.approx(2 / math.sqrt(6))
    assert everything[0]["coCitation"] == 0.0
    assert [n["paper"]["id"] for n in walk(D, "OPENALEX")] == [A]
    assert walk(D, "OPENALEX")[0]["openalex"] is True
    assert [n["paper"]["id"] for n in walk(X, "CO_CITATION")] == [Y, Z]
    assert walk(X, "COUPLING") == []
    # A cursor is good for its own kind only.
    first = gql.data(RELATED, {"id": A, "kind": "ALL"})["paper"]["related"]
    errors = gql.errors(
        RELATED, {"id": A, "kind": "COUPLING", "after": first["pageInfo"]["endCursor"]}
    )
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "kind" in errors[0]["message"]


SLICE = """query($id: ID!, $projection: Projection!, $limit: Int!) {
  neighborhood(id: $id, projection: $projection, limit: $limit) { totalNeighbors truncated
    nodes { id hop year citations importance role strength }
    edges { source target type weight } } }"""


def test_similarity_slice_is_the_paper_its_most_similar_and_their_edges(gql: Api) -> None:
    want = expected()
    similar = gql.data(SLICE, {"id": X, "projection": "SIMILARITY", "limit": 1})["neighborhood"]
    # X's similar papers either way: Y and Z; the better is Y (2/3), the other is cut.
    assert [(n["id"], n["role"], n["hop"]) for n in similar["nodes"]] == [
        (X, "CENTER", 0),
        (Y, "SIMILAR", 1),
    ]
    assert similar["totalNeighbors"] == 2
    assert similar["truncated"] is True
    assert similar["nodes"][1]["strength"] == pytest.approx(want[(X, Y)]["score"])
    assert similar["nodes"][1]["year"] == 2019
    assert similar["edges"] == [
        {"source": X, "target": Y, "type": "SIMILAR_TO", "weight": pytest.approx(2 / 3)}
    ]
    whole = gql.data(SLICE, {"id": X, "projection": "SIMILARITY", "limit": 50})["neighborhood"]
    members = {n["id"] for n in whole["nodes"]}
    assert members == {X, Y, Z}
    assert {(e["source"], e["target"]) for e in whole["edges"]} == {(X, Y), (X, Z), (Y, Z)}


def test_citation_slice_gives_prior_and_derivative_works(gql: Api) -> None:
    # A's most similar: B, D, C (coupling); with A they cite X, Y, Z: the prior works. Nothing
    # cites them: no derivative works.
    cited = gql.data(SLICE, {"id": A, "projection": "CITATION", "limit": 10})["neighborhood"]
    roles = {n["id"]: (n["role"], n["strength"]) for n in cited["nodes"]}
    assert roles == {A: ("CENTER", 0), X: ("PRIOR", 3), Y: ("PRIOR", 3), Z: ("PRIOR", 2)}
    assert {(e["source"], e["target"]) for e in cited["edges"]} == {(A, X), (A, Y)}
    derived = gql.data(SLICE, {"id": X, "projection": "CITATION", "limit": 10})["neighborhood"]
    assert {n["id"]: n["role"] for n in derived["nodes"] if n["role"] == "DERIVATIVE"} == {
        A: "DERIVATIVE",
        B: "DERIVATIVE",
        C: "DERIVATIVE",
        D: "DERIVATIVE",
    }
    errors = gql.errors(SLICE, {"id": "A9100000001", "projection": "SIMILARITY", "limit": 10})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_lists_order_by_importance_and_paths_follow_similarity(gql: Api) -> None:
    papers = gql.data("{ papers(first: 3, orderBy: IMPORTANCE) { nodes { id importance } } }")
    assert [n["id"] for n in papers["papers"]["nodes"]] == [X, Y, Z]
    works = gql.data(
        '{ author(id: "A9100000001") { importance works(orderBy: IMPORTANCE) { nodes { id } } } }'
    )["author"]
    assert [n["id"] for n in works["works"]["nodes"]] == sorted([A, B])
    path = gql.data(
        f'{{ path(from: "{C}", to: "{D}", projection: SIMILARITY) {{ nodes {{ id }} '
        "edges { type } } }"
    )["path"]
    # C and D share no reference; C-A-D (or C-B-D) is two similarity links.
    assert len(path["nodes"]) == 3
    assert {e["type"] for e in path["edges"]} == {"SIMILAR_TO"}


@pytest.mark.shared_data
def test_related_works_of_a_well_cited_paper_match_the_records(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, shared_data: Path
) -> None:
    works = shared_data / "openalex" / "works-sample-289.jsonl"
    load_files(neo4j_target, [works])
    refs: dict[str, set[str]] = {}
    for line in works.read_text().splitlines():
        if line.strip():
            work = json.loads(line)
            refs[work["id"].removeprefix(OA)] = {
                r.removeprefix(OA) for r in work["referenced_works"]
            }
    citers: dict[str, set[str]] = {}
    for work, cited in refs.items():
        for ref in cited:
            citers.setdefault(ref, set()).add(work)
    seed = max(citers, key=lambda p: (len(citers[p]), p))
    scores: dict[str, float] = {}
    for work in citers[seed]:
        if len(refs[work]) > 500:
            continue
        for other in refs[work] - {seed}:
            scores[other] = scores.get(other, 0) + 1
    cosine = {q: n / math.sqrt(len(citers[seed]) * len(citers[q])) for q, n in scores.items()}
    best = sorted(cosine, key=lambda q: (-cosine[q], q))[:20]
    rows = cypher(
        graph,
        "MATCH (:Paper {id: $id})-[s:SIMILAR_TO]->(q) WHERE s.coCitation IS NOT NULL "
        "RETURN q.id AS id, s.coCitation AS value",
        id=seed,
    )
    got = {row["id"]: row["value"] for row in rows}
    assert len(got) >= 20
    for q in best:
        assert got[q] == pytest.approx(cosine[q]), q


def sparse_lists(
    driver: neo4j.Driver, top_k: int, hub_cap: int
) -> dict[tuple[str, str], dict[str, Any]]:
    """The lists ingest.similarity makes from the graph's citations, in stored form."""
    ids = [row["id"] for row in cypher(driver, "MATCH (p:Paper) RETURN p.id AS id")]
    index = {id: i for i, id in enumerate(ids)}
    edges = cypher(driver, "MATCH (w:Paper)-[:CITES]->(q:Paper) RETURN w.id AS w, q.id AS q")
    related: list[list[int]] = [[] for _ in ids]
    for row in cypher(
        driver,
        "MATCH (p:Paper) WHERE p.relatedWorks IS NOT NULL RETURN p.id AS p, p.relatedWorks AS r",
    ):
        related[index[row["p"]]] = [index[r] for r in row["r"] if r in index]
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for similar in similar_lists(
        len(ids),
        np.array([index[e["w"]] for e in edges], dtype=np.int64),
        np.array([index[e["q"]] for e in edges], dtype=np.int64),
        related,
        id_rank(ids),
        top_k,
        hub_cap,
        OPENALEX_WEIGHT,
    ):
        for at, other in enumerate(similar.others):
            value: dict[str, Any] = {"score": float(similar.score[at])}
            if similar.co_citation[at] > 0:
                value["coCitation"] = float(similar.co_citation[at])
            if similar.coupling[at] > 0:
                value["coupling"] = float(similar.coupling[at])
            if similar.listed[at]:
                value["openalex"] = True
            found[(ids[similar.paper], ids[int(other)])] = value
    return found


# The service's own sizes run in make check (the scale tier); the small ones in make test.
@pytest.mark.parametrize(
    ("top_k", "hub_cap"), [pytest.param(20, 500, marks=pytest.mark.scale), (3, 6)]
)
def test_sparse_lists_equal_the_statements_to_the_last_bit(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path, top_k: int, hub_cap: int
) -> None:
    works = tmp_path / "works.jsonl"
    generator.write(works, 400, seed=17)
    load_files(neo4j_target, [works])
    cypher(graph, "MATCH (p:Paper) SET p:Stale")

    async def work(repository: Repository) -> int:
        return await refresh_similarity(repository, top_k, hub_cap)

    with_repository(neo4j_target, work)
    made = stored(graph)
    assert len(made) > 2000  # a graph with lists of every kind
    assert any("openalex" in value for value in made.values())
    # Exactly equal: same pairs, same kinds, same doubles.
    assert sparse_lists(graph, top_k, hub_cap) == made


def test_making_every_list_at_once_stores_what_paper_by_paper_does(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    works = tmp_path / "works.jsonl"
    generator.write(works, 400, seed=19)
    load_files(neo4j_target, [works])  # lists made paper by paper, as a small load does
    one_by_one = stored(graph)
    papers = cypher(graph, "MATCH (p:Paper) SET p:Stale RETURN count(p) AS n")[0]["n"]

    async def work(repository: Repository) -> int:
        return await refresh_similarity(repository, whole=True)

    assert with_repository(neo4j_target, work) == papers
    assert stored(graph) == one_by_one
    assert not cypher(graph, "MATCH (p:Paper:Stale) RETURN p.id AS id")
