"""`papers`: filters, orders and pages of the paper list, each checked against the graph as a
plain Cypher query reads it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import neo4j
import pytest

from graph_service.api.resolvers.papers import parameters_for
from graph_service.api.types.paper_list import PaperFilter
from graph_service.db.catalog import Catalog
from graph_service.db.statements import Statement
from tests.support.api import Api
from tests.support.cypher import cypher

PAGE = """query($filter: PaperFilter, $order: PaperOrder, $first: Int!, $after: String,
               $counted: Boolean = true) {
  papers(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount @include(if: $counted)
    pageInfo { hasNextPage endCursor } edges { cursor node { id } }
  }
}"""

# Every non-stub paper with what the filters look at, read without the service's statement.
REFERENCE = """
MATCH (p:Paper) WHERE NOT coalesce(p.stub, false)
RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.year AS year,
       p.publicationDate AS date, coalesce(p.citedByCount, 0) AS cites,
       coalesce(p.importance, 0.0) AS importance, coalesce(p.codeUrls, []) AS code,
       coalesce(p.isOpenAccess, false) AS oa,
       [(a:Author)-[:AUTHORED]->(p) | a.id] AS authors,
       reduce(ids = [], r IN [(p)<-[r:AUTHORED]-() | coalesce(r.institutionIds, [])] | ids + r)
         AS institutions,
       [(p)-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(t:Topic) | t.id] AS topics
"""


@pytest.fixture(scope="module")
def listed(shared: neo4j.Driver) -> list[dict[str, Any]]:
    """Every listable paper of the shared graph as the reference reads it (the demo set,
    OpenAlex and arXiv, and generated papers, a third of the recent ones on arXiv)."""
    return cypher(shared, REFERENCE)


def every_page(api: Api, filter: dict[str, Any] | None, order: str | None, size: int = 7) -> Any:
    """The ids of the whole list, walked a page at a time; the count is asked for on the
    first page only, as a list page does, and is the number of ids walked."""
    ids: list[str] = []
    after = None
    total = None
    while True:
        variables = {"filter": filter, "order": order, "first": size, "after": after}
        page = api.data(PAGE, variables | {"counted": after is None})["papers"]
        ids += [edge["node"]["id"] for edge in page["edges"]]
        assert ("totalCount" in page) == (after is None)
        total = page.get("totalCount", total)
        if not page["pageInfo"]["hasNextPage"]:
            assert total == len(ids)
            return ids
        after = page["pageInfo"]["endCursor"]
        assert after == page["edges"][-1]["cursor"]


def day(paper: dict[str, Any]) -> int:
    if paper["date"]:
        return int(paper["date"].replace("-", ""))
    return (paper["year"] or 0) * 10000


def category_topics(driver: neo4j.Driver) -> dict[str, list[str]]:
    rows = cypher(
        driver,
        "MATCH (p:Paper)-[:HAS_TOPIC]->(:Category)-[:SUBTOPIC_OF*0..1]->(c:Category) "
        "RETURN p.id AS id, collect(c.id) AS categories",
    )
    return {row["id"]: row["categories"] for row in rows}


def expected(
    listed: list[dict[str, Any]], driver: neo4j.Driver, wanted: dict[str, Any], order: str
) -> list[str]:
    categories = category_topics(driver)

    def passes(p: dict[str, Any]) -> bool:
        checks: dict[str, Callable[[Any], bool]] = {
            "categories": lambda v: bool(set(categories.get(p["id"], [])) & set(v)),
            "topics": lambda v: bool(set(p["topics"]) & set(v)),
            "authorIds": lambda v: bool(set(p["authors"]) & set(v)),
            "institutionIds": lambda v: bool(set(p["institutions"]) & set(v)),
            "yearFrom": lambda v: p["year"] is not None and p["year"] >= v,
            "yearTo": lambda v: p["year"] is not None and p["year"] <= v,
            "dateFrom": lambda v: p["date"] is not None and p["date"] >= v,
            "dateTo": lambda v: p["date"] is not None and p["date"] <= v,
            "hasCode": lambda v: bool(p["code"]) == v,
            "openAccess": lambda v: p["oa"] == v,
            "minCitations": lambda v: p["cites"] >= v,
        }
        return all(checks[name](value) for name, value in wanted.items())

    keys: dict[str, Callable[[dict[str, Any]], tuple[Any, ...]]] = {
        "NEWEST": lambda p: (-day(p), -p["cites"], p["id"]),
        "MOST_CITED": lambda p: (-p["cites"], -day(p), p["id"]),
        "IMPORTANCE": lambda p: (-p["importance"], -p["cites"], p["id"]),
    }
    return [p["id"] for p in sorted((p for p in listed if passes(p)), key=keys[order])]


def most(driver: neo4j.Driver, query: str) -> str:
    return str(cypher(driver, query)[0]["id"])


def filters(driver: neo4j.Driver, part: str) -> list[dict[str, Any]]:
    author = most(
        driver,
        "MATCH (a:Author)-[:AUTHORED]->(p:Paper) WHERE p.categories IS NOT NULL "
        "RETURN a.id AS id, count(p) AS n ORDER BY n DESC, id LIMIT 1",
    )
    institution = most(
        driver,
        "MATCH (i:Institution)<-[:AFFILIATED_WITH]-(:Author) "
        "RETURN i.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    )
    field = most(
        driver,
        "MATCH (t:Topic {level: 1})<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p) "
        "WHERE NOT t:Category RETURN t.id AS id, count(p) AS n ORDER BY n DESC, id LIMIT 1",
    )
    # Each filter alone (a range is one filter): what a paper is about or who wrote it, then
    # its dates, flags and counts; then filters together.
    subjects: list[dict[str, Any]] = [
        {},
        {"categories": ["cs.LG"]},
        {"categories": ["cs"]},
        {"topics": [field]},
        {"authorIds": [author]},
        {"institutionIds": [institution]},
    ]
    ranges: list[dict[str, Any]] = [
        {"yearFrom": 2015, "yearTo": 2020},
        {"dateFrom": "2020-03-01", "dateTo": "2024-06-30"},
        {"hasCode": True},
        {"hasCode": False, "openAccess": False},
        {"minCitations": 20},
    ]
    together: list[dict[str, Any]] = [
        {"categories": ["cs.SE", "stat.ML"], "hasCode": True},
        {"authorIds": [author], "openAccess": True},
        {"yearTo": 1990, "minCitations": 5},
        {"categories": ["cs"], "yearFrom": 2020, "hasCode": True, "openAccess": True},
        {"institutionIds": [institution], "topics": [field], "dateFrom": "2000-01-01"},
    ]
    return {"subjects": subjects, "ranges": ranges, "together": together}[part]


# The filters on subjects under the default order in make test; the ranges, filters together
# and the other orders in make check (each case plans a statement of its own: about two
# seconds).
@pytest.mark.parametrize(
    ("order", "part"),
    [
        ("NEWEST", "subjects"),
        *(
            pytest.param(order, part, marks=pytest.mark.scale)
            for order in ("NEWEST", "MOST_CITED", "IMPORTANCE")
            for part in ("subjects", "ranges", "together")
            if (order, part) != ("NEWEST", "subjects")
        ),
    ],
)
def test_every_filter_and_order_lists_what_cypher_finds(
    api: Api, listed: list[dict[str, Any]], driver: neo4j.Driver, order: str, part: str
) -> None:
    nonempty = 0
    for filter in filters(driver, part):
        want = expected(listed, driver, filter, order)
        assert every_page(api, filter, order) == want, filter
        nonempty += bool(want)
    # The fixture gives every filter something to find.
    assert nonempty == len(filters(driver, part))


def test_newest_is_the_default_order_and_lists_every_paper(
    api: Api, listed: list[dict[str, Any]], driver: neo4j.Driver
) -> None:
    first = api.data(PAGE, {"first": 20})["papers"]
    assert first["totalCount"] == len(listed)
    want = expected(listed, driver, {}, "NEWEST")
    assert [edge["node"]["id"] for edge in first["edges"]] == want[:20]


def words_of(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def matches(words: list[str], text_words: list[str]) -> bool:
    return all(any(token.startswith(word) for token in text_words) for word in words)


@pytest.mark.parametrize(
    ("query", "title_hits"),
    [("graph", True), ("neural net", True), ("robust models", True), ("Code availab", False)],
)
def test_a_query_finds_words_in_titles_and_abstracts_title_hits_first(
    api: Api, listed: list[dict[str, Any]], query: str, title_hits: bool
) -> None:
    words = words_of(query)
    in_title = {p["id"] for p in listed if matches(words, words_of(p["title"]))}
    anywhere = {
        p["id"]
        for p in listed
        if all(
            any(t.startswith(w) for t in words_of(p["title"]) + words_of(p["abstract"]))
            for w in words
        )
    }
    ids = every_page(api, {"query": query}, None, size=50)
    assert len(ids) == len(set(ids))
    assert set(ids) == anywhere
    # Every paper with all the words in its title comes before every other.
    assert set(ids[: len(in_title)]) == in_title
    assert bool(in_title) == title_hits
    assert anywhere - in_title


def test_a_query_combines_with_the_other_filters(
    api: Api, listed: list[dict[str, Any]], driver: neo4j.Driver
) -> None:
    newest = every_page(api, {"query": "models", "hasCode": True}, "NEWEST")
    want = [
        id
        for id in expected(listed, driver, {"hasCode": True}, "NEWEST")
        if any(
            matches(["models"], words_of(p["title"]) + words_of(p["abstract"]))
            for p in listed
            if p["id"] == id
        )
    ]
    assert want
    assert newest == want


def test_a_cursor_belongs_to_its_order_and_bad_filters_say_what_is_wrong(api: Api) -> None:
    page = api.data(PAGE, {"first": 2, "order": "NEWEST"})["papers"]
    cursor = page["pageInfo"]["endCursor"]
    cases = [
        ({"order": "MOST_CITED", "after": cursor}, "not a cursor of this list"),
        ({"order": "RELEVANCE"}, "give a query"),
        ({"filter": {"query": " () "}}, "no words"),
        ({"filter": {"dateFrom": "2020-13-01"}}, "not a day as YYYY-MM-DD"),
        ({"filter": {"dateFrom": "2020-05"}}, "not a day as YYYY-MM-DD"),
        ({"filter": {"yearFrom": 2021, "yearTo": 2020}}, "yearFrom (2021) is after yearTo"),
        ({"filter": {"categories": ["LG"]}}, "not an arXiv category"),
        ({"filter": {"authorIds": ["W2105824687"]}}, "authorIds: 'W2105824687' is not an id"),
        ({"filter": {"minCitations": -1}}, "minCitations must be 0 or more"),
        ({"filter": {"topics": []}}, "the number of topics must be between 1"),
        ({"first": 101}, "first must be between 1 and 100"),
    ]
    for variables, message in cases:
        errors = api.errors(PAGE, {"first": 5, **variables})
        assert message in errors[0]["message"], (variables, errors)
        assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_an_unknown_id_lists_nothing(api: Api) -> None:
    for filter in ({"authorIds": ["A1"]}, {"categories": ["cs.XX"]}, {"topics": ["T1"]}):
        page = api.data(PAGE, {"filter": filter, "first": 5})["papers"]
        assert page == {
            "totalCount": 0,
            "pageInfo": {"hasNextPage": False, "endCursor": None},
            "edges": [],
        }


LIST = """query($first: Int!, $filter: PaperFilter) {
  papers(filter: $filter, first: $first) { totalCount nodes {
    id title publicationDate hasCode codeUrls abstract citedByCount
    primaryCategory { shortName }
    authorCount
    authorships(first: 3) { author { id name hIndex worksCount citationCount } }
  } }
}"""


def test_a_listed_page_with_authors_costs_a_constant_number_of_statements(
    api: Api, listed: list[dict[str, Any]], driver: neo4j.Driver
) -> None:
    counts = []
    for n in (1, 5, 20):
        before = api.repository.executed
        nodes = api.data(LIST, {"first": n, "filter": {"categories": ["cs"]}})["papers"]["nodes"]
        counts.append(api.repository.executed - before)
        assert len(nodes) == n
    # The page, then one statement each for the authorships, abstracts and categories.
    assert counts == [4, 4, 4]
    authors = cypher(
        driver,
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper {id: $id}) "
        "RETURN a {.id, .name, .hIndex, .worksCount, .citationCount} AS a ORDER BY r.position",
        id=nodes[0]["id"],
    )
    assert nodes[0]["authorCount"] == len(authors)
    assert [s["author"] for s in nodes[0]["authorships"]] == [
        {
            "id": a["a"]["id"],
            "name": a["a"]["name"],
            "hIndex": a["a"]["hIndex"],
            "worksCount": a["a"]["worksCount"],
            "citationCount": a["a"]["citationCount"],
        }
        for a in authors[:3]
    ]


def profile(driver: neo4j.Driver, count: bool = True, **filter: Any) -> dict[str, int]:
    """The rows each kind of operator produced when the list statement ran for `filter`."""
    parameters = parameters_for(PaperFilter(**filter))
    parameters.update(order="newest", after=None, first=21, count=count)
    with driver.session() as session:
        summary = session.run("PROFILE " + Catalog().text(Statement.PAGE_PAPERS), parameters)
        plan = summary.consume().profile
    rows: dict[str, int] = {}

    def walk(operator: dict[str, Any]) -> None:
        kind = operator["operatorType"].split("@")[0]
        # The driver lifts most figures out of `args`, but not a procedure call's.
        rows[kind] = rows.get(kind, 0) + operator.get("rows", operator["args"].get("Rows", 0))
        for child in operator.get("children", []):
            walk(child)

    assert plan is not None
    walk(plan)
    return rows


def test_papers_come_from_an_index_unless_nothing_narrows_the_list(
    driver: neo4j.Driver, listed: list[dict[str, Any]]
) -> None:
    scan, seek, years, text = (
        "NodeByLabelScan",
        "NodeUniqueIndexSeek",
        "NodeIndexSeekByRange",
        "ProcedureCall",
    )
    some = cypher(
        driver,
        "MATCH (i:Institution)<-[:AFFILIATED_WITH]-(a:Author)-[:AUTHORED]->(:Paper)"
        "-[:HAS_TOPIC]->(t:Topic) WHERE NOT t:Category "
        "RETURN i.id AS institution, a.id AS author, t.id AS topic LIMIT 1",
    )[0]
    for filter in (
        {"categories": ["cs.LG"], "has_code": True},
        {"topics": [some["topic"]]},
        {"author_ids": [some["author"]], "year_from": 2000},
        {"institution_ids": [some["institution"]]},
    ):
        rows = profile(driver, **filter)
        assert rows[scan] == rows[years] == rows[text] == 0, filter
        assert rows[seek] > 0, filter
    rows = profile(driver, year_from=2020, open_access=True)
    assert rows[scan] == rows[text] == 0
    assert rows[years] > 0
    rows = profile(driver, query="graph", categories=["cs"])
    assert rows[scan] == rows[years] == 0
    assert rows[text] > 0
    # Nothing narrows: every paper is read once to count and once for the page, or only
    # for the page when the count is not asked for.
    every = len(listed) + stubs(driver)
    assert profile(driver, has_code=True)[scan] == 2 * every
    assert profile(driver, count=False, has_code=True)[scan] == every


def stubs(driver: neo4j.Driver) -> int:
    return int(cypher(driver, "MATCH (p:Paper {stub: true}) RETURN count(p) AS n")[0]["n"])
