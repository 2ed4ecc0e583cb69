"""The GraphQL API against the real Neo4j, on the shared graph (tests/support/shared.py).

The demo set carries the seed pages' facts; the generated graph (shipped generator, fixed
seed) adds institutions, citations and hubs. Expected values come from Cypher run here.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

import graph_service.api.execution.direct
import graph_service.api.resolvers.paths
import graph_service.api.types.slice
from bench.workloads import SEARCH_SERVICE, W1_SERVICE
from graph_service.api import build_schema
from tests.support.api import Api, api_for
from tests.support.cypher import cypher, path_length
from tests.support.neo4j import Neo4jTarget
from tests.support.project import ROOT
from tests.support.slices import SLICE, Reach, check_slice, reach, slice_of
from tests.support.statements import slow_statements, swapped_statements


def top_author(driver: neo4j.Driver, skip: int = 0) -> str:
    rows = cypher(
        driver,
        "MATCH (a:Author) RETURN a.id AS id ORDER BY a.worksCount DESC, a.id SKIP $skip LIMIT 1",
        skip=skip,
    )
    return str(rows[0]["id"])


# --- lookups ---------------------------------------------------------------------------------


def test_seed_researcher_profile_by_full_id(api: Api, shared: neo4j.Driver) -> None:
    author_id = cypher(shared, "MATCH (a:Author {name: 'Changhai Zhou'}) RETURN a.id AS id")[0][
        "id"
    ]
    data = api.data(
        """query($id: ID!) { author(id: $id) { id name worksCount citationCount hIndex
             works(first: 50) { totalCount nodes { id year venue } } } }""",
        {"id": f"https://openalex.org/{author_id}"},
    )["author"]
    # The seed page: 9 works, 40 citations, h-index 6.
    assert (data["id"], data["name"]) == (author_id, "Changhai Zhou")
    assert (data["worksCount"], data["citationCount"], data["hIndex"]) == (9, 40, 6)
    assert data["works"]["totalCount"] == 9 == len(data["works"]["nodes"])
    years = [n["year"] for n in data["works"]["nodes"]]
    assert years == sorted(years, reverse=True)


def test_lookups_are_null_when_absent_or_of_another_type(api: Api, shared: neo4j.Driver) -> None:
    paper = cypher(shared, "MATCH (p:Paper {stub: false}) RETURN p.id AS id LIMIT 1")[0]["id"]
    topic = cypher(shared, "MATCH (t:Topic {level: 2}) RETURN t.id AS id LIMIT 1")[0]["id"]
    inst = cypher(shared, "MATCH (i:Institution) RETURN i.id AS id LIMIT 1")[0]["id"]
    data = api.data(
        """query($p: ID!, $t: ID!, $i: ID!) {
             paper(id: $p) { id } asAuthor: author(id: $p) { id }
             topic(id: $t) { id level } institution(id: $i) { id }
             missing: paper(id: "W1") { id } nonsense: node(id: "not an id") { id }
             node(id: $i) { __typename id }
             nodes(ids: [$p, "A1", $t]) { __typename id } }""",
        {"p": f"https://openalex.org/{paper}", "t": f"https://openalex.org/{topic}", "i": inst},
    )
    assert data["paper"] == {"id": paper}
    assert data["asAuthor"] is None
    assert data["missing"] is None
    assert data["nonsense"] is None
    assert data["topic"] == {"id": topic, "level": 2}
    assert data["institution"] == {"id": inst}
    assert data["node"] == {"__typename": "Institution", "id": inst}
    assert data["nodes"] == [
        {"__typename": "Paper", "id": paper},
        None,
        {"__typename": "Topic", "id": topic},
    ]


def test_nodes_accepts_at_most_100_ids(api: Api) -> None:
    errors = api.errors("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ["A1"] * 101})
    assert "100 (the maximum)" in errors[0]["message"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_author_fields_match_the_graph(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    data = api.data(
        """query($id: ID!) { author(id: $id) {
             worksCount citationCount hIndex
             institutions { institution { id } firstYear lastYear papers }
             topics(first: 5) { topic { id } works }
             collaborators(first: 3) { totalCount nodes { author { id } sharedWorks lastYear } }
           } }""",
        {"id": author},
    )["author"]
    cites = [
        r["c"]
        for r in cypher(
            shared,
            "MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper) RETURN p.citedByCount AS c",
            id=author,
        )
    ]
    ranked = sorted(cites, reverse=True)
    assert data["worksCount"] == len(cites)
    assert data["citationCount"] == sum(cites)
    assert data["hIndex"] == sum(1 for i, c in enumerate(ranked) if c > i)
    affiliations = cypher(
        shared,
        """MATCH (:Author {id: $id})-[r:AUTHORED]->(p:Paper) UNWIND r.institutionIds AS i
           RETURN i AS id, min(p.year) AS first, max(p.year) AS last, count(p) AS papers""",
        id=author,
    )
    assert sorted(
        (a["institution"]["id"], a["firstYear"], a["lastYear"], a["papers"])
        for a in data["institutions"]
    ) == sorted((a["id"], a["first"], a["last"], a["papers"]) for a in affiliations)
    topic_counts = cypher(
        shared,
        """MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
           RETURN t.id AS id, count(DISTINCT p) AS works ORDER BY works DESC""",
        id=author,
    )
    counts = {t["id"]: t["works"] for t in topic_counts}
    assert [t["works"] for t in data["topics"]] == [t["works"] for t in topic_counts[:5]]
    assert all(counts[t["topic"]["id"]] == t["works"] for t in data["topics"])
    coauthors = cypher(
        shared,
        """MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
           RETURN b.id AS id, count(DISTINCT p) AS shared, max(p.year) AS last
           ORDER BY shared DESC, last DESC, id""",
        id=author,
    )
    assert data["collaborators"]["totalCount"] == len(coauthors)
    assert [
        (c["author"]["id"], c["sharedWorks"], c["lastYear"]) for c in data["collaborators"]["nodes"]
    ] == [(c["id"], c["shared"], c["last"]) for c in coauthors[:3]]


def test_paper_fields_match_the_graph(api: Api, shared: neo4j.Driver) -> None:
    paper = cypher(
        shared,
        """MATCH (p:Paper {stub: false}) WHERE 2 < COUNT { (p)<-[:CITES]-() } < 100
             AND 2 < COUNT { (p)-[:CITES]->() } < 100
           RETURN p.id AS id ORDER BY p.id LIMIT 1""",
    )[0]["id"]
    data = api.data(
        """query($id: ID!) { paper(id: $id) {
             id title year type venue doi citedByCount stub
             authorships { position isCorresponding author { id } institutions { id } }
             topics { topic { id } score }
             references(first: 100) { totalCount nodes { id citedByCount } }
             citedBy(first: 100) { totalCount nodes { id } }
           } }""",
        {"id": paper},
    )["paper"]
    stored = cypher(shared, "MATCH (p:Paper {id: $id}) RETURN properties(p) AS p", id=paper)[0]["p"]
    assert (data["title"], data["year"], data["type"], data["venue"], data["doi"]) == (
        stored["title"],
        stored["year"],
        stored["type"],
        stored["venue"],
        stored.get("doi"),
    )
    assert data["citedByCount"] == stored["citedByCount"]
    assert data["stub"] is False
    byline = cypher(
        shared,
        """MATCH (a:Author)-[r:AUTHORED]->(:Paper {id: $id})
           RETURN a.id AS id, r.position AS position, coalesce(r.institutionIds, []) AS institutions
           ORDER BY position""",
        id=paper,
    )
    assert [(s["position"], s["author"]["id"]) for s in data["authorships"]] == [
        (b["position"], b["id"]) for b in byline
    ]
    assert [sorted(i["id"] for i in s["institutions"]) for s in data["authorships"]] == [
        sorted(b["institutions"]) for b in byline
    ]
    scores = [t["score"] for t in data["topics"]]
    assert scores == sorted(scores, reverse=True)
    assert scores
    references = cypher(
        shared,
        "MATCH (:Paper {id: $id})-[:CITES]->(q:Paper) WHERE NOT q.stub RETURN q.id AS id",
        id=paper,
    )
    citers = cypher(
        shared, "MATCH (q:Paper)-[:CITES]->(:Paper {id: $id}) RETURN q.id AS id", id=paper
    )
    assert data["references"]["totalCount"] == len(references)
    assert {n["id"] for n in data["references"]["nodes"]} == {r["id"] for r in references}
    counts = [n["citedByCount"] for n in data["references"]["nodes"]]
    assert counts == sorted(counts, reverse=True)
    assert data["citedBy"]["totalCount"] == len(citers)
    assert {n["id"] for n in data["citedBy"]["nodes"]} == {r["id"] for r in citers}


def test_topic_and_institution_fields(api: Api, shared: neo4j.Driver) -> None:
    topic = cypher(
        shared,
        """MATCH (t:Topic {level: 3})<-[:HAS_TOPIC]-(p) WITH t, count(p) AS n
           RETURN t.id AS id ORDER BY n DESC, t.id LIMIT 1""",
    )[0]["id"]
    data = api.data(
        """query($id: ID!) { topic(id: $id) { level parent { level children { id } }
             works(first: 5) { totalCount } topAuthors(first: 3) { author { id } works } } }""",
        {"id": topic},
    )["topic"]
    assert data["level"] == 3
    assert data["parent"]["level"] == 2
    assert topic in {c["id"] for c in data["parent"]["children"]}
    on_topic = cypher(
        shared, "MATCH (:Topic {id: $id})<-[:HAS_TOPIC]-(p:Paper) RETURN count(p) AS n", id=topic
    )[0]["n"]
    assert data["works"]["totalCount"] == on_topic
    works = [a["works"] for a in data["topAuthors"]]
    assert works == sorted(works, reverse=True)
    assert works[0] >= 1

    inst = cypher(
        shared,
        """MATCH (i:Institution)<-[:AFFILIATED_WITH]-(a) WITH i, count(a) AS n
           RETURN i.id AS id ORDER BY n DESC, i.id LIMIT 1""",
    )[0]["id"]
    data = api.data(
        """query($id: ID!) { institution(id: $id) { name countryCode type
             authors(first: 5) { totalCount nodes { author { id } papers } }
             works(first: 5) { totalCount } } }""",
        {"id": inst},
    )["institution"]
    members = cypher(
        shared,
        "MATCH (:Institution {id: $id})<-[r:AFFILIATED_WITH]-() RETURN count(r) AS n",
        id=inst,
    )[0]["n"]
    papers = cypher(
        shared,
        """MATCH (:Author)-[r:AUTHORED]->(p:Paper) WHERE $id IN r.institutionIds
           RETURN count(DISTINCT p) AS n""",
        id=inst,
    )[0]["n"]
    assert data["name"]
    assert data["authors"]["totalCount"] == members
    assert data["works"]["totalCount"] == papers
    per_author = [m["papers"] for m in data["authors"]["nodes"]]
    assert per_author == sorted(per_author, reverse=True)


# --- pagination ------------------------------------------------------------------------------


def walk(api: Api, query: str, variables: dict[str, Any], path: list[str]) -> tuple[list[Any], int]:
    """Every node of a connection, page by page; and the totalCount each page reported."""
    seen: list[Any] = []
    totals = set()
    after = None
    for _ in range(1000):
        data = api.data(query, {**variables, "after": after})
        for key in path:
            data = data[key]
        seen.extend(data["nodes"])
        totals.add(data["totalCount"])
        assert len(data["edges"]) == len(data["nodes"])
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
        assert after == data["edges"][-1]["cursor"]
    assert len(totals) == 1
    return seen, totals.pop()


@pytest.mark.parametrize("order", ["NEWEST_FIRST", "MOST_CITED"])
def test_walking_an_authors_works(api: Api, shared: neo4j.Driver, order: str) -> None:
    author = top_author(shared)
    query = """query($id: ID!, $after: String, $order: WorkOrder!) { author(id: $id) {
        works(first: 7, after: $after, orderBy: $order) {
          totalCount nodes { id year citedByCount } edges { cursor } pageInfo { hasNextPage endCursor }
        } } }"""
    seen, total = walk(api, query, {"id": author, "order": order}, ["author", "works"])
    expected = cypher(
        shared,
        """MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)
           RETURN p.id AS id, p.year AS year, p.citedByCount AS cites""",
        id=author,
    )
    if order == "NEWEST_FIRST":
        expected.sort(key=lambda p: (-p["year"], -p["cites"], p["id"]))
    else:
        expected.sort(key=lambda p: (-p["cites"], -p["year"], p["id"]))
    assert [p["id"] for p in seen] == [p["id"] for p in expected]
    assert total == len(expected) > 7


def test_walking_collaborators_cited_by_and_topic_works(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    seen, total = walk(
        api,
        """query($id: ID!, $after: String) { author(id: $id) { collaborators(first: 9, after: $after)
           { totalCount nodes { author { id } } edges { cursor } pageInfo { hasNextPage endCursor } } } }""",
        {"id": author},
        ["author", "collaborators"],
    )
    ids = [c["author"]["id"] for c in seen]
    assert len(ids) == len(set(ids)) == total > 9

    hub = cypher(
        shared,
        """MATCH (p:Paper)<-[:CITES]-(q) WITH p, count(q) AS n
           RETURN p.id AS id, n ORDER BY n DESC, p.id LIMIT 1""",
    )[0]
    seen, total = walk(
        api,
        """query($id: ID!, $after: String) { paper(id: $id) { citedBy(first: 10, after: $after)
           { totalCount nodes { id } edges { cursor } pageInfo { hasNextPage endCursor } } } }""",
        {"id": hub["id"]},
        ["paper", "citedBy"],
    )
    assert len({p["id"] for p in seen}) == len(seen) == total == hub["n"]

    field = cypher(shared, "MATCH (t:Topic {level: 1}) RETURN t.id AS id ORDER BY t.id LIMIT 1")
    seen, total = walk(
        api,
        """query($id: ID!, $after: String) { topic(id: $id) { works(first: 50, after: $after)
           { totalCount nodes { id } edges { cursor } pageInfo { hasNextPage endCursor } } } }""",
        {"id": field[0]["id"]},
        ["topic", "works"],
    )
    below = cypher(
        shared,
        """MATCH (:Topic {id: $id})<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
           RETURN count(DISTINCT p) AS n""",
        id=field[0]["id"],
    )[0]["n"]
    assert len({p["id"] for p in seen}) == len(seen) == total == below


def test_bad_cursors_and_page_sizes_are_rejected(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    query = "query($id: ID!, $first: Int!, $after: String) { author(id: $id) { works(first: $first, after: $after) { totalCount } } }"
    too_big = api.errors(query, {"id": author, "first": 101})
    assert "between 1 and 100 (the maximum)" in too_big[0]["message"]
    for cursor in ["garbage!", "WzEsMl0"]:
        bad = api.errors(query, {"id": author, "first": 5, "after": cursor})
        assert bad[0]["extensions"]["code"] == "BAD_USER_INPUT"
    # A cursor of one list is refused by another.
    other = api.data(
        "query($id: ID!) { author(id: $id) { collaborators(first: 1) { pageInfo { endCursor } } } }",
        {"id": author},
    )["author"]["collaborators"]["pageInfo"]["endCursor"]
    wrong = api.errors(query, {"id": author, "first": 5, "after": other})
    assert "not a cursor of this list" in wrong[0]["message"]


# --- search ----------------------------------------------------------------------------------


def test_search_as_you_type(api: Api, shared: neo4j.Driver) -> None:
    hits = api.data(
        '{ search(query: "changhai zh", first: 5) { score node { __typename id ... on Author { name } } } }'
    )["search"]
    assert hits[0]["node"]["name"] == "Changhai Zhou"
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    papers = api.data(
        '{ search(query: "quantization", types: [PAPER], first: 10) { node { __typename } } }'
    )["search"]
    # Papers with a title word starting "quantization" (the index matches words and prefixes).
    titled = cypher(
        shared,
        "MATCH (p:Paper) WHERE p.title =~ '(?is).*\\\\bquantization.*' RETURN count(p) AS n",
    )[0]["n"]
    assert len(papers) == min(10, titled) > 0
    assert {h["node"]["__typename"] for h in papers} == {"Paper"}
    # Lucene syntax in the input is only words to us: no parse error, the words' answer.
    odd = api.data('{ search(query: "zhou AND (\\"[~", first: 3) { node { id } } }')["search"]
    plain = api.data('{ search(query: "zhou and", first: 3) { node { id } } }')["search"]
    assert odd == plain
    errors = api.errors('{ search(query: "zhou", first: 51) { score } }')
    assert "50 (the maximum)" in errors[0]["message"]
    assert api.errors('{ search(query: "  ()  ") { score } }')[0]["extensions"]["code"] == (
        "BAD_USER_INPUT"
    )


# --- slices ----------------------------------------------------------------------------------


# Every other centre (in the order authors, papers, institutions, topics) in make test, the
# others in make check.
@pytest.mark.parametrize("half", [0, pytest.param(1, marks=pytest.mark.scale)])
def test_slice_invariants_on_many_centres(api: Api, shared: neo4j.Driver, half: int) -> None:
    centres = [
        r["id"]
        for r in cypher(
            shared,
            """MATCH (a:Author) WITH a ORDER BY a.worksCount DESC, a.id LIMIT 4 RETURN a.id AS id
               UNION MATCH (a:Author) WHERE a.id STARTS WITH 'A9' WITH a ORDER BY a.id LIMIT 3 RETURN a.id AS id
               UNION MATCH (p:Paper {stub: false}) WITH p ORDER BY p.citedByCount DESC LIMIT 2 RETURN p.id AS id
               UNION MATCH (i:Institution) WITH i ORDER BY i.id LIMIT 2 RETURN i.id AS id
               UNION MATCH (t:Topic) WITH t ORDER BY t.id LIMIT 2 RETURN t.id AS id""",
        )
    ]
    assert len(centres) >= 10
    combos = [(1, 50, 25), (1, 5, 25), (2, 60, 5), (2, 500, 100), (3, 40, 3)]
    reaches: dict[tuple[str, int], Reach] = {}
    for centre, (depth, limit, per) in itertools.product(centres[half::2], combos):
        if depth == 3 and not centre.startswith("A9"):
            continue  # depth 3 around a hub reaches most of the graph: slow to check by hand
        result = slice_of(api, centre, depth=depth, limit=limit, per=per)
        if (centre, depth) not in reaches:
            reaches[centre, depth] = reach(shared, centre, depth)
        check_slice(shared, centre, result, depth, limit, per, reaches[centre, depth])
        assert result == slice_of(api, centre, depth=depth, limit=limit, per=per)


def test_depth_one_ranks_and_counts(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    papers = cypher(
        shared,
        """MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)
           RETURN p.id AS id ORDER BY p.citedByCount DESC, p.id""",
        id=author,
    )
    result = slice_of(api, author, limit=6, rels=["AUTHORED"], types=["PAPER"])
    assert [n["id"] for n in result["nodes"][1:]] == [p["id"] for p in papers[:5]]
    assert result["totalNeighbors"] == len(papers)
    assert result["truncated"]
    whole = slice_of(api, author, limit=500, per=100, rels=["AUTHORED"], types=["PAPER"])
    assert len(whole["nodes"]) == len(papers) + 1
    assert not whole["truncated"]
    assert len(whole["edges"]) == len(papers)


def test_year_filter_and_expand_merge(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    ranged = slice_of(api, author, depth=2, limit=200, **{"from": 2000, "to": 2010})
    papers = [n for n in ranged["nodes"] if n["type"] == "PAPER"]
    assert all(2000 <= n["year"] <= 2010 for n in papers)
    # The centre's own papers in range are offered first, most cited first (taking turns
    # with its few institutions within perNodeLimit 25).
    own = cypher(
        shared,
        "MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper) WHERE 2000 <= p.year <= 2010 "
        "RETURN p.id AS id ORDER BY p.citedByCount DESC, p.id LIMIT 15",
        id=author,
    )
    assert own, "the top author has papers from 2000 to 2010 in the generated graph"
    assert {row["id"] for row in own} <= {n["id"] for n in papers}
    # Expanding a neighbour gives the same ids for the nodes and edges both slices hold.
    first = slice_of(api, author, limit=50)
    # A paper: it offers all its authors, where a big institution offers the members its
    # scan reaches first, which need not include this one.
    neighbour = next(n["id"] for n in first["nodes"] if n["type"] == "PAPER")
    second = slice_of(api, neighbour, limit=50)
    edges_a = {e["id"]: e for e in first["edges"]}
    edges_b = {e["id"]: e for e in second["edges"]}
    common = edges_a.keys() & edges_b.keys()
    assert common
    assert all(edges_a[k] == edges_b[k] for k in common)
    nodes_a = {n["id"]: n for n in first["nodes"]}
    for node in second["nodes"]:
        if node["id"] in nodes_a:
            assert {k: v for k, v in node.items() if k != "hop"} == {
                k: v for k, v in nodes_a[node["id"]].items() if k != "hop"
            }


def test_collaboration_projection(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    result = slice_of(api, author, projection="COLLABORATION", depth=2, limit=100, per=10)
    assert {n["type"] for n in result["nodes"]} == {"AUTHOR"}
    assert {e["type"] for e in result["edges"]} == {"COLLABORATES_WITH"}
    for edge in result["edges"]:
        works = cypher(
            shared,
            """MATCH (:Author {id: $a})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(:Author {id: $b})
               RETURN count(DISTINCT p) AS n""",
            a=edge["source"],
            b=edge["target"],
        )[0]["n"]
        assert edge["weight"] == works > 0
    coauthors = cypher(
        shared,
        """MATCH (:Author {id: $id})-[:AUTHORED]->()<-[:AUTHORED]-(b:Author)
           RETURN count(DISTINCT b) AS n""",
        id=author,
    )[0]["n"]
    assert result["totalNeighbors"] == coauthors


def test_slice_limits_and_absent_centre(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    for options, maximum in [
        ({"depth": 4}, "3 (the maximum)"),
        ({"limit": 501}, "500 (the maximum)"),
        ({"per": 101}, "100 (the maximum)"),
    ]:
        variables = {"id": author, "depth": 1, "limit": 50, "per": 25, "projection": "FULL"}
        variables.update(options)
        errors = api.errors(SLICE, variables)
        assert maximum in errors[0]["message"]
    assert api.data(
        SLICE, {"id": "A1", "depth": 1, "limit": 5, "per": 5, "projection": "FULL"}
    ) == {"neighborhood": None}


# --- paths -----------------------------------------------------------------------------------


PATH = """query($a: ID!, $b: ID!, $max: Int!, $p: Projection!) {
  path(from: $a, to: $b, maxLength: $max, projection: $p) {
    nodes { id hop } edges { id source target type } truncated } }"""


def test_path_matches_cypher_shortest_path(api: Api, shared: neo4j.Driver) -> None:
    authors = [r["id"] for r in cypher(shared, "MATCH (a:Author) RETURN a.id AS id ORDER BY a.id")]
    pairs = [(authors[i], authors[-1 - 3 * i]) for i in range(6)] + [
        (authors[0], authors[1]),
        (authors[0], authors[len(authors) // 2]),
    ]
    for a, b in pairs:
        expected = path_length(shared, a, b)
        result = api.data(PATH, {"a": a, "b": b, "max": 6, "p": "FULL"})["path"]
        if expected is None:
            assert result is None
            continue
        assert result is not None
        assert len(result["edges"]) == expected == len(result["nodes"]) - 1
        ids = [n["id"] for n in result["nodes"]]
        assert ids[0] == a
        assert ids[-1] == b
        for i, edge in enumerate(result["edges"]):
            assert {edge["source"], edge["target"]} == {ids[i], ids[i + 1]}


ANY_PATH_LENGTH = """MATCH (a {id: $a}), (b {id: $b})
MATCH p = shortestPath((a)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF*..8]-(b))
WHERE all(x IN nodes(p) WHERE NOT coalesce(x.stub, false))
RETURN length(p) AS length"""


# With hubs at 3 relationships the search meets behind them in every way it can (make test);
# the service's own threshold and 40 check the same at other mixes of hubs (make check).
@pytest.mark.parametrize(
    "hub_degree",
    [
        pytest.param(graph_service.api.resolvers.paths.HUB_DEGREE, marks=pytest.mark.scale),
        pytest.param(40, marks=pytest.mark.scale),
        3,
    ],
)
def test_paths_between_every_kind_of_node_are_as_short_as_shortest_path(
    api: Api, shared: neo4j.Driver, monkeypatch: pytest.MonkeyPatch, hub_degree: int
) -> None:
    """The search from both ends against Neo4j's shortestPath: the same length between nodes
    of every label, each edge joining the nodes it stands between, and no stub on the way.
    With hubs made common (more than 40, or 3, relationships) the search meets behind them
    in every way it can: next to a hub from either side, and between two hubs."""
    monkeypatch.setattr(graph_service.api.resolvers.paths, "HUB_DEGREE", hub_degree)
    ends = cypher(
        shared,
        """MATCH (n) WHERE (n:Author OR n:Paper OR n:Topic OR n:Institution)
             AND NOT coalesce(n.stub, false)
           WITH labels(n)[0] AS label, n.id AS id ORDER BY id
           WITH label, collect(id) AS ids
           RETURN label, [i IN range(0, 5) | ids[(i * 7919) % size(ids)]] AS picks""",
    )
    picks = [id for row in ends for id in row["picks"]]
    stubs = {r["id"] for r in cypher(shared, "MATCH (n {stub: true}) RETURN n.id AS id")}
    pairs = [(a, b) for a, b in itertools.combinations(picks, 2) if a != b][::7]
    assert len(pairs) > 30
    lengths = set()
    for a, b in pairs:
        expected = cypher(shared, ANY_PATH_LENGTH, a=a, b=b)
        result = api.data(PATH, {"a": a, "b": b, "max": 8, "p": "FULL"})["path"]
        if not expected:
            assert result is None
            continue
        lengths.add(expected[0]["length"])
        ids = [n["id"] for n in result["nodes"]]
        assert (ids[0], ids[-1]) == (a, b)
        assert len(result["edges"]) == expected[0]["length"]
        assert [n["hop"] for n in result["nodes"]] == list(range(len(ids)))
        assert not stubs & set(ids)
        for i, edge in enumerate(result["edges"]):
            assert {edge["source"], edge["target"]} == {ids[i], ids[i + 1]}
        # One shorter finds nothing: the path is a shortest one.
        shorter = {"a": a, "b": b, "max": expected[0]["length"] - 1, "p": "FULL"}
        if shorter["max"] >= 1:
            assert api.data(PATH, shorter)["path"] is None
    assert len(lengths) >= 3  # short and long paths were both compared


@pytest.mark.parametrize("budget", ["SEARCH_BUDGET", "FETCH_BUDGET"])
def test_a_path_search_that_would_run_away_stops_with_a_cost_error(
    api: Api, shared: neo4j.Driver, monkeypatch: pytest.MonkeyPatch, budget: str
) -> None:
    authors = [r["id"] for r in cypher(shared, "MATCH (a:Author) RETURN a.id AS id ORDER BY a.id")]
    far = next(
        (a, b)
        for a, b in zip(authors, reversed(authors), strict=True)
        if (path_length(shared, a, b) or 0) >= 4
    )
    monkeypatch.setattr(graph_service.api.resolvers.paths, budget, 20)
    error = api.errors(PATH, {"a": far[0], "b": far[1], "max": 6, "p": "FULL"})[0]
    assert error["extensions"]["code"] == "COST_LIMIT"
    assert "smaller maxLength" in error["message"]


def test_collaboration_path_and_limits(api: Api, shared: neo4j.Driver) -> None:
    a, b = top_author(shared), top_author(shared, skip=30)
    expected = cypher(
        shared,
        """MATCH (a:Author {id: $a}), (b:Author {id: $b})
           MATCH p = shortestPath((a)-[:COLLABORATES_WITH*..8]-(b)) RETURN length(p) AS n""",
        a=a,
        b=b,
    )
    result = api.data(PATH, {"a": a, "b": b, "max": 8, "p": "COLLABORATION"})["path"]
    assert len(result["edges"]) == expected[0]["n"]
    assert {e["type"] for e in result["edges"]} == {"COLLABORATES_WITH"}
    if expected[0]["n"] > 1:
        shorter = api.data(
            PATH, {"a": a, "b": b, "max": expected[0]["n"] - 1, "p": "COLLABORATION"}
        )
        assert shorter["path"] is None
    assert (
        "8 (the maximum)" in api.errors(PATH, {"a": a, "b": b, "max": 9, "p": "FULL"})[0]["message"]
    )
    assert api.errors(PATH, {"a": a, "b": a, "max": 3, "p": "FULL"})[0]["extensions"]["code"] == (
        "BAD_USER_INPUT"
    )


# --- cost ------------------------------------------------------------------------------------


PROFILE_FIELDS = """name worksCount citationCount hIndex
  institutions { institution { name } firstYear lastYear }
  topics(first: 5) { topic { name } works }
  collaborators(first: 10) { totalCount nodes { author { name } sharedWorks } }
  works(first: $n) { totalCount nodes {
    title year venue citedByCount
    authorships { position author { id name } institutions { name } }
    topics { score topic { name } }
  } }"""
PROFILE = "query($id: ID!, $n: Int!) { author(id: $id) { " + PROFILE_FIELDS + " } }"


def test_profile_costs_a_constant_number_of_statements(api: Api, shared: neo4j.Driver) -> None:
    author = top_author(shared)
    counts = []
    for n in (1, 5, 20):
        before = api.repository.executed
        data = api.data(PROFILE, {"id": author, "n": n})
        counts.append(api.repository.executed - before)
        assert len(data["author"]["works"]["nodes"]) == n
    # The profile in one statement, then the authorships' institutions (not shared ahead),
    # however many works.
    assert counts == [2, 2, 2]


def test_a_profile_loaded_ahead_equals_its_fields_loaded_one_by_one(
    api: Api, shared: neo4j.Driver
) -> None:
    def both(variables: str, fields: str, values: dict[str, Any], tail: str = "") -> list[Any]:
        # `node` loads field by field: the reference for what `author` loads in one statement.
        ahead = f"query({variables}) {{ author(id: $id) {{ {fields} }} }} {tail}"
        reference = (
            f"query({variables}) {{ author: node(id: $id) {{ ... on Author {{ {fields} }} }} }} "
            + tail
        )
        return [api.data(query, values)["author"] for query in (ahead, reference)]

    author = top_author(shared)
    ahead, one_by_one = both("$id: ID!, $n: Int!", PROFILE_FIELDS, {"id": author, "n": 4})
    assert ahead == one_by_one
    assert ahead["topics"]
    assert ahead["works"]["nodes"][0]["authorships"]
    page = """fragment Page on Author {
        topics(first: 2) { topic { id name level parent { id } } works }
        works(first: 3, after: $after, orderBy: MOST_CITED) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id citedByCount authorships { position author { id } } } } }
        newest: works(first: 2) { nodes { id year } }
        collaborators(first: 2) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { author { id hIndex } sharedWorks firstYear lastYear } } }
      }"""
    variables = "$id: ID!, $after: String"
    first, reference = both(variables, "...Page", {"id": author, "after": None}, page)
    assert first == reference
    cursor = first["works"]["pageInfo"]["endCursor"]
    second, reference = both(variables, "...Page", {"id": author, "after": cursor}, page)
    assert second == reference
    assert second["works"]["edges"][0]["node"]["id"] not in {
        edge["node"]["id"] for edge in first["works"]["edges"]
    }
    assert api.data(PROFILE, {"id": "A1", "n": 3}) == {"author": None}


FLAT_FIELDS = """query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 60) {
  cut: truncated center { __typename id type label node { id } }
  nodes { __typename id kind: type label hop year citations worksCount weight }
  edges { id source target type weight }
} }"""


# A slice whose centre has no label: a null in a non-null field.
UNLABELLED = """RETURN {nodes: [{id: $center, type: 'Author', label: null, weight: 0, hop: 0,
  year: null, citations: null, worksCount: null}], edges: [], truncated: false,
  totalNeighbors: 0} AS slice"""


@pytest.fixture(scope="module")
def graphql_core(neo4j_target: Neo4jTarget, shared: neo4j.Driver) -> Iterator[Api]:
    """The service with its fast paths off: graphql-core completes every field."""
    with api_for(neo4j_target, fast_completion=False, warm_up=False) as client:
        yield client


def test_plain_objects_complete_as_graphql_core_completes_them(
    neo4j_target: Neo4jTarget, api: Api, graphql_core: Api, shared: neo4j.Driver, tmp_path: Path
) -> None:
    variables = {"id": top_author(shared)}
    fast = api.client.post("/graphql", json={"query": FLAT_FIELDS, "variables": variables})
    slow = graphql_core.client.post("/graphql", json={"query": FLAT_FIELDS, "variables": variables})
    assert fast.json() == slow.json()
    assert len(fast.json()["data"]["neighborhood"]["nodes"]) > 20
    # A null in a non-null field is graphql-core's error, the same either way.
    unlabelled = swapped_statements(tmp_path, select_neighborhood=UNLABELLED)
    with (
        api_for(neo4j_target, warm_up=False) as fast_api,
        api_for(neo4j_target, fast_completion=False, warm_up=False) as slow_api,
    ):
        fast_api.repository.catalog = slow_api.repository.catalog = unlabelled
        fast = fast_api.client.post("/graphql", json={"query": FLAT_FIELDS, "variables": variables})
        slow = slow_api.client.post("/graphql", json={"query": FLAT_FIELDS, "variables": variables})
    assert fast.json()["data"] == slow.json()["data"] == {"neighborhood": None}

    def errors(response: Any) -> list[tuple[Any, ...]]:
        return [(e["path"], e["extensions"]["code"]) for e in response.json()["errors"]]

    assert errors(fast) == errors(slow) == [(["neighborhood", "center", "label"], "INTERNAL_ERROR")]


AUTHOR_SCALARS = "__typename id name orcid worksCount citationCount hIndex importance"
PAPER_SCALARS = """__typename id title year publicationDate type venue doi citedByCount stub
  language isOpenAccess oaStatus landingPageUrl pdfUrl arxivId codeUrls journalRef comments
  arxivVersions importance importancePercentile importanceCohort hasCode doiUrl arxivUrl"""
TOPIC_SCALARS = "__typename id name level scheme shortName"
INSTITUTION_SCALARS = "__typename id name countryCode type ror"
DIRECT = (
    """query($id: ID!, $n: Int!, $order: WorkOrder!, $with: Boolean!, $few: Int) {
  kind: __typename
  author(id: $id) { ...Scalars
    institutions { institution { ...I } firstYear lastYear papers __typename }
    topics(first: 3) { topic { ...T } works }
    works(first: $n, orderBy: $order) { __typename totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ...P authorCount authorships(first: $few) { position isCorresponding
        author { ...Scalars } } topics { score topic { ...T } } } }
      nodes { id authorships @include(if: $with) { author { id } } ... on Paper { year } } }
    collaborators(first: 4) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { sharedWorks firstYear lastYear author { ...Scalars } } } }
    again: name
  }
}
fragment Scalars on Author { """
    + AUTHOR_SCALARS
    + " }\nfragment P on Paper { "
    + PAPER_SCALARS
    + " }\nfragment T on Topic { "
    + TOPIC_SCALARS
    + " }\nfragment I on Institution { "
    + INSTITUTION_SCALARS
    + " }"
)
DIRECT_SEARCH = (
    """query($q: String!, $types: [NodeType!]) { search(query: $q, types: $types, first: 12) {
  score node { __typename id ... on Author { """
    + AUTHOR_SCALARS
    + " } ... on Paper { "
    + PAPER_SCALARS
    + " } ... on Topic { "
    + TOPIC_SCALARS
    + " } ... on Institution { "
    + INSTITUTION_SCALARS
    + " } } } }"
)


def test_direct_completion_answers_as_graphql_core_does(
    api: Api, graphql_core: Api, shared: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Operations whose fields the direct walk can complete are answered by it, with the
    same response graphql-core gives; anything else, or anything it cannot settle, goes to
    graphql-core. A walk is made once per operation and shaping variables, and shared."""
    walked: list[bool] = []
    run, made = (
        graph_service.api.execution.direct.Walk.run,
        graph_service.api.execution.direct.Walk.of,
    )
    walks: list[Any] = []

    async def counted(self: Any, executor: Any) -> Any:
        try:
            data = await run(self, executor)
        except Exception:
            walked.append(False)
            raise
        walked.append(True)
        return data

    def making(executor: Any, root_type: Any, grouped: Any) -> Any:
        walks.append(made(executor, root_type, grouped))
        return walks[-1]

    monkeypatch.setattr(graph_service.api.execution.direct.Walk, "run", counted)
    monkeypatch.setattr(graph_service.api.execution.direct.Walk, "of", making)

    def both(query: str, variables: dict[str, Any]) -> tuple[Any, Any]:
        direct = api.client.post("/graphql", json={"query": query, "variables": variables})
        slow = graphql_core.client.post("/graphql", json={"query": query, "variables": variables})
        assert direct.status_code == slow.status_code
        first, second = direct.json(), slow.json()
        for body in (first, second):
            for error in body.get("errors", []):
                del error["extensions"]["requestId"]
        return first, second

    author = top_author(shared)
    variables = {"id": author, "n": 6, "order": "MOST_CITED", "with": True, "few": 2}
    direct, standard = both(DIRECT, variables)
    assert direct == standard
    assert walked == [True]
    works = direct["data"]["author"]["works"]
    assert len(works["edges"]) == 6
    assert works["nodes"][0]["authorships"]
    assert len(works["edges"][0]["node"]["authorships"]) <= 2
    assert direct["data"]["author"]["topics"]
    assert direct["data"]["author"]["collaborators"]
    assert direct["data"]["kind"] == "Query"
    for changed in ({"with": False, "few": None, "order": "NEWEST_FIRST"}, {"order": "IMPORTANCE"}):
        direct, standard = both(DIRECT, variables | changed)
        assert direct == standard
    assert walked == [True] * 3
    assert len(walks) == 3  # the nested variables shape each walk
    # Another author, and the first shape again: the first walk serves it, with this
    # request's root arguments and loader.
    others = top_author(shared, skip=1)
    direct, standard = both(DIRECT, variables | {"id": others})
    assert direct == standard
    assert direct["data"]["author"]["id"] == others
    assert len(walks) == 3
    assert walked == [True] * 4
    direct, standard = both(W1_SERVICE, {"id": author})
    assert direct == standard
    assert direct["data"]["author"]["works"]["nodes"]
    assert walked[-1] is True
    hits: list[dict[str, Any]] = []
    for text, types in (("zhou", None), ("neural net", ["PAPER", "TOPIC"]), ("institute", None)):
        direct, standard = both(DIRECT_SEARCH, {"q": text, "types": types})
        assert direct == standard
        hits += direct["data"]["search"]
    direct, standard = both(SEARCH_SERVICE, {"q": "zhou"})
    assert direct == standard
    assert len(hits) > 10
    assert {hit["node"]["__typename"] for hit in hits} >= {"Author", "Paper", "Institution"}
    assert walked[-4:] == [True] * 4
    paper = next(hit["node"]["id"] for hit in hits if hit["node"]["__typename"] == "Paper")
    lookup = (
        "query($id: ID!) { node(id: $id) { id ... on Paper { title doiUrl } } "
        "paper(id: $id) { year } }"
    )
    direct, standard = both(lookup, {"id": paper})
    assert direct == standard
    assert direct["data"]["paper"]["year"]
    slices = {
        "id": author,
        "depth": 2,
        "limit": 80,
        "per": 10,
        "types": ["AUTHOR", "PAPER"],
        "rels": None,
        "from": 2000,
        "to": None,
        "projection": "FULL",
    }
    shapes: list[dict[str, Any]] = [
        {},
        {"depth": 1, "types": None, "from": None},
        {"projection": "COLLABORATION"},
    ]
    for changed in shapes:
        direct, standard = both(SLICE, slices | changed)
        assert direct == standard
        assert len(direct["data"]["neighborhood"]["nodes"]) > 5
    other = top_author(shared, skip=3)
    direct, standard = both(PATH, {"a": author, "b": other, "max": 6, "p": "FULL"})
    assert direct == standard
    assert direct["data"]["path"]["nodes"]
    assert walked[-6:] == [True] * 6

    # Left to graphql-core from the start: a field the walk does not complete, a later page.
    count = len(walked)
    for query, values in (
        (PROFILE, {"id": author, "n": 2}),  # authorships' institutions
        (
            DIRECT.replace("first: $n,", "first: $n, after: $after,").replace(
                "$few: Int)", "$few: Int, $after: String)"
            ),
            variables | {"after": works["pageInfo"]["endCursor"]},
        ),
    ):
        direct, standard = both(query, values)
        assert direct == standard
        assert "errors" not in direct
    assert len(walked) == count
    # Errors are graphql-core's: an absent author, arguments out of range.
    direct, standard = both(DIRECT, variables | {"id": "A1"})
    assert direct == standard
    assert direct["data"] == {"kind": "Query", "author": None}
    for bad in ({"n": 0}, {"few": 0}):
        direct, standard = both(DIRECT, variables | bad)
        assert direct == standard
        assert direct["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- limits and errors -----------------------------------------------------------------------


def test_document_limits(api: Api) -> None:
    deep = '{ author(id: "A1") { works { nodes { authorships { author { works { nodes { authorships { author { works { nodes { authorships { author { name } } } } } } } } } } } } } }'
    assert "exceeds maximum operation depth" in api.errors(deep)[0]["message"]
    aliases = "{ " + " ".join(f'a{i}: author(id: "A1") {{ id }}' for i in range(31)) + " }"
    assert "aliases" in api.errors(aliases)[0]["message"].lower()
    tokens = (
        "{ "
        + " ".join(f'a{i}: author(id: "A1") {{ id name orcid }}' for i in range(5))
        + " " * 10
        + "__typename " * 4000
        + "}"
    )
    assert "token" in api.errors(tokens)[0]["message"].lower()


def test_bad_requests_are_not_500(api: Api) -> None:
    response = api.client.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    errors = api.errors("{ author(id: 1 { id } }")
    assert "Syntax Error" in errors[0]["message"]
    unknown = api.errors('{ author(id: "A1") { nope } }')
    assert "Cannot query field" in unknown[0]["message"]
    # Validation is cached per document; each response still names its own request.
    for request_id in ("req-a", "req-b"):
        response = api.client.post(
            "/graphql",
            json={"query": '{ author(id: "A1") { nope } }'},
            headers={"X-Request-ID": request_id},
        )
        error = response.json()["errors"][0]
        assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED", "requestId": request_id}


def test_timeouts_become_graphql_errors(
    neo4j_target: Neo4jTarget, shared: neo4j.Driver, tmp_path: Path
) -> None:
    # The neighbourhood statement swapped for one that runs far past a 0.5 s budget.
    with api_for(neo4j_target, query_timeout=0.5) as client:
        client.repository.catalog = slow_statements(tmp_path)
        errors = client.errors('{ neighborhood(id: "A1") { truncated } }')
    assert errors[0]["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "time limit" in errors[0]["message"]


# A slice naming a kind of node the API does not know: an error nobody expected.
UNEXPECTED = """RETURN {nodes: [{id: $center, type: 'Planet', label: 'secret internals',
  weight: 0, hop: 0, year: null, citations: null, worksCount: null}], edges: [],
  truncated: false, totalNeighbors: 0} AS slice"""


def test_unexpected_errors_are_masked_and_logged(
    neo4j_target: Neo4jTarget,
    shared: neo4j.Driver,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with (
        api_for(neo4j_target, warm_up=False) as api,
        caplog.at_level(logging.ERROR, logger="graph_service.errors"),
    ):
        api.repository.catalog = swapped_statements(tmp_path, select_neighborhood=UNEXPECTED)
        response = api.client.post(
            "/graphql",
            json={"query": '{ neighborhood(id: "A9000000042") { truncated } }'},
            headers={"X-Request-ID": "req-12345"},
        )
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-12345"
    error = response.json()["errors"][0]
    assert "secret" not in response.text
    assert "Planet" not in response.text
    assert "Traceback" not in response.text
    assert error["extensions"] == {"code": "INTERNAL_ERROR", "requestId": "req-12345"}
    assert any("req-12345" in r.getMessage() and r.exc_info for r in caplog.records)


def test_schema_file_matches_the_code() -> None:
    written = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert written == build_schema().as_str() + "\n", "run `make schema` and commit the file"
