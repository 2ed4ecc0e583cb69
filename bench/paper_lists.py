"""Paper lists at scale: the latency of `papers` queries as the list pages send them, through
the served app, beside the list statement alone (the floor), in one run.

Generates works (a third of those from 2008 on also on arXiv), bulk-loads them into a
throw-away Neo4j, loads their arXiv records the online way (the rate is printed), serves the
app the README's way, and times each query after a warm-up: p50 and p90 over the runs.

    .venv/bin/python -m bench.paper_lists --papers 100000
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.request
from typing import Any

import neo4j

from bench.graph import throwaway_graph
from graph_service.api.resolvers.papers import parameters_for
from graph_service.api.types.paper_list import PaperFilter, PaperOrder
from graph_service.db.catalog import Catalog
from graph_service.db.statements import Statement
from graph_service.http.child import served

# What the paper list page asks for each paper (seed page 002).
LIST = """query($filter: PaperFilter, $order: PaperOrder, $after: String,
             $counted: Boolean = true) {
  papers(filter: $filter, orderBy: $order, first: 20, after: $after) {
    totalCount @include(if: $counted) pageInfo { hasNextPage endCursor }
    nodes { id title publicationDate hasCode codeUrls citedByCount abstract
      primaryCategory { shortName } authorCount
      authorships(first: 3) { author { id name hIndex worksCount citationCount } } }
  }
}"""


def cases(author: str) -> list[tuple[str, dict[str, Any], str | None]]:
    return [
        (
            "category, code, since 2020 (newest)",
            {"categories": ["cs.LG"], "hasCode": True, "yearFrom": 2020},
            "NEWEST",
        ),
        ("category (newest)", {"categories": ["cs.LG"]}, "NEWEST"),
        ("archive (most cited)", {"categories": ["cs"]}, "MOST_CITED"),
        ("words (relevance)", {"query": "graph learning"}, None),
        (
            "words, category, open access (newest)",
            {"query": "robust", "categories": ["cs.CV"], "openAccess": True},
            "NEWEST",
        ),
        ("author (newest)", {"authorIds": [author]}, "NEWEST"),
        ("years, open access (most cited)", {"yearFrom": 2024, "openAccess": True}, "MOST_CITED"),
        ("everything (newest)", {}, "NEWEST"),
    ]


def post(base: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """The answer of the served app to `query`; an error answer raises."""
    request = urllib.request.Request(  # noqa: S310
        f"{base}/graphql",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310
        body: dict[str, Any] = json.loads(answer.read())
    if body.get("errors"):
        raise RuntimeError(body["errors"])
    return body


def timed(run: Any, runs: int) -> list[float]:
    run()
    run()  # plans, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def statement_parameters(filter: dict[str, Any], order: str | None) -> dict[str, Any]:
    snake = {
        "authorIds": "author_ids",
        "hasCode": "has_code",
        "yearFrom": "year_from",
        "openAccess": "open_access",
    }
    wanted = PaperFilter(**{snake.get(k, k): v for k, v in filter.items()})
    parameters = parameters_for(wanted)
    chosen = PaperOrder[order] if order else PaperOrder.RELEVANCE
    parameters.update(order=chosen.value, after=None, first=21, count=True)
    return parameters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()
    with (
        throwaway_graph(options.papers, "lists-bench-", arxiv=True) as graph,
        served(graph.env) as service,
    ):
        text = Catalog().text(Statement.PAGE_PAPERS)
        auth = ("neo4j", graph.server.password())
        with neo4j.GraphDatabase.driver(
            graph.env["NEO4J_URI"], auth=auth, notifications_min_severity="OFF"
        ) as driver:
            print(
                f"\n{options.papers:,} papers; {options.runs} runs each after 2 warm-ups; "
                "ms, p50 / p90\n"
            )
            print(f"{'query':42} {'total':>7} {'service':>15} {'statement':>15} {'ratio':>6}")
            for name, filter, order in cases(graph.authors[0]):
                variables = {"filter": filter, "order": order}
                try:
                    total = post(service.base, LIST, variables)["data"]["papers"]["totalCount"]
                except RuntimeError as error:  # e.g. QUERY_TOO_LARGE: say so, go on
                    print(f"{name:42} {'':>7} {error.args[0][0]['extensions']['code']}")
                    continue
                served_ms = timed(lambda v=variables: post(service.base, LIST, v), options.runs)
                parameters = statement_parameters(filter, order)
                floor_ms = timed(lambda p=parameters: driver.execute_query(text, p), options.runs)
                p50, floor50 = statistics.median(served_ms), statistics.median(floor_ms)
                print(
                    f"{name:42} {total:>7,} "
                    f"{p50:>6.1f} / {percentile(served_ms, 90):>6.1f} "
                    f"{floor50:>6.1f} / {percentile(floor_ms, 90):>6.1f} "
                    f"{p50 / floor50:>6.2f}"
                )
            first = post(service.base, LIST, {"filter": cases("")[0][1], "order": "NEWEST"})
            after = first["data"]["papers"]["pageInfo"]["endCursor"]
            for name, counted in (("counted", True), ("not counted", False)):
                next_page: dict[str, Any] = {
                    "filter": cases("")[0][1],
                    "order": "NEWEST",
                    "after": after,
                    "counted": counted,
                }
                page_two = timed(lambda v=next_page: post(service.base, LIST, v), options.runs)
                print(
                    f"{'  its second page, ' + name:42} {'':>7} "
                    f"{statistics.median(page_two):>6.1f} / {percentile(page_two, 90):>6.1f}"
                )


def percentile(values: list[float], share: int) -> float:
    return statistics.quantiles(values, n=100)[share - 1]


if __name__ == "__main__":
    main()
