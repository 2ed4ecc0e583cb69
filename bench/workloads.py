"""The benchmark's workloads: what each system is asked (the service's GraphQL, the peer's,
and the floor: the service's own statements, level by level, through the driver), for
centres sampled over the productivity distribution."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import neo4j

from graph_service.api import Context, build_schema
from graph_service.api.execution.batching import Batcher
from graph_service.api.resolvers.fulltext import lucene_query
from graph_service.api.resolvers.slices import slice_parameters
from graph_service.api.types.node import ALL_LABELS
from graph_service.db.catalog import Composed, cypher_dir, read_folder
from graph_service.db.repository import Ran, Repository
from graph_service.localneo4j.server import LocalServer

SEED = 7
# What the peer's slice query takes of the statement's parameters (the rest it fixes itself).
PEER_SLICE_PARAMETERS = ("center", "depth", "scanLimit", "relTypes", "nodeTypes", "listed")
# What a researcher-explorer UI sends: mostly slices, then profiles; few searches and paths.
MIX = {"W2": 35, "W3": 30, "W1": 25, "W4": 7, "W5": 3}

W1_SERVICE = """query Profile($id: ID!) { author(id: $id) {
  id name worksCount citationCount hIndex
  institutions { institution { id name } firstYear lastYear papers }
  topics(first: 5) { topic { id name } works }
  collaborators(first: 10) { totalCount nodes { author { id name } sharedWorks } }
  works(first: 20) { totalCount nodes {
    id title year venue citedByCount
    authorships { position author { id name } }
    topics { score topic { id name } }
  } }
} }"""
# The nearest form in the library: native relationship fields and connections, and a @cypher
# field for the top topics (it has no aggregation over a two-hop pattern).
W1_PEER = """query Profile($id: ID!) { authors(where: {id: {eq: $id}}) {
  id name worksCount citationCount hIndex
  institutionsConnection(sort: [{edge: {papers: DESC}}]) {
    edges { properties { firstYear lastYear papers } node { id name } } }
  topTopics(first: 5) { topic { id name } works }
  collaboratorsConnection(first: 10, sort: [{edge: {sharedWorks: DESC}}]) {
    totalCount edges { properties { sharedWorks } node { id name } } }
  worksConnection(first: 20, sort: [{node: {year: DESC}}, {node: {citedByCount: DESC}}]) {
    totalCount edges { node {
      id title year venue citedByCount
      authorsConnection(sort: [{edge: {position: ASC}}]) {
        edges { properties { position } node { id name } } }
      topicsConnection { edges { properties { score } node { id name } } }
    } } }
} }"""
SLICE_FIELDS = """truncated totalNeighbors
  nodes { id type label hop year citations worksCount weight }
  edges { source target type weight }"""
SLICE_SERVICE = (
    "query Slice($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth, limit: 200, "
    "perNodeLimit: 25) { center { id } " + SLICE_FIELDS + " } }"
)


def slice_peer(depth: int) -> str:
    """The peer's slice query: a field per depth, each running the statement the service
    writes out for an author centre at that depth."""
    return (
        "query Slice($center: ID!, $depth: Int!, $scanLimit: Int!, $relTypes: [String!]!, "
        "$nodeTypes: [String!]!, $listed: [ListedKind!]!) "
        f"{{ neighborhood: neighborhood{depth}(center: $center, depth: $depth, limit: 200, "
        "perNodeLimit: 25, scanLimit: $scanLimit, relTypes: $relTypes, nodeTypes: $nodeTypes, "
        "listed: $listed) { center " + SLICE_FIELDS + " } }"
    )


SEARCH_SERVICE = """query Search($q: String!) { search(query: $q, first: 10) {
  score node { __typename id ... on Author { name } ... on Paper { title year }
  ... on Topic { name } ... on Institution { name } } } }"""
SEARCH_PEER = """query Search($q: String!, $types: [String!]!) {
  search(query: $q, types: $types, first: 10, candidates: 10) { id name title year } }"""
PATH_FIELDS = "nodes { id type label hop weight } edges { source target type weight }"
PATH_QUERY = (
    "query Path($a: ID!, $b: ID!) { path(from: $a, to: $b, maxLength: 6) { " + PATH_FIELDS + " } }"
)


@dataclass
class Call:
    """One request of a workload in the three forms."""

    workload: str
    floor: list[list[tuple[str, dict[str, Any]]]]  # statement texts, level by level
    service: dict[str, Any]
    peer: dict[str, Any]


def repository_for(server: LocalServer) -> Repository:
    status = server.status()
    driver = neo4j.AsyncGraphDatabase.driver(
        status.uri or "", auth=("neo4j", server.password()), notifications_min_severity="OFF"
    )
    return Repository(driver, "neo4j", timeout=60.0)


# -- workloads -------------------------------------------------------------------------------


async def service_statements(
    repository: Repository, query: str, variables: dict[str, Any]
) -> list[list[tuple[str, dict[str, Any]]]]:
    """The statements graph_service runs for a query, grouped into levels: a statement waits
    for those that had finished before it started, as it does in the service."""
    calls: list[Ran] = []
    repository.observers.append(calls.append)
    try:
        context = Context(repository=repository, batcher=Batcher(repository), request_id="bench")
        result = await build_schema().execute(
            query, variable_values=variables, context_value=context
        )
    finally:
        repository.observers.remove(calls.append)
    if result.errors:
        raise RuntimeError(f"recording {variables}: {result.errors[0]}")
    levels: dict[int, int] = {}
    grouped: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for index, call in enumerate(calls):
        before = [levels[i] for i, c in enumerate(calls) if c.finished < call.started]
        levels[index] = 1 + max(before, default=0)
        grouped.setdefault(levels[index], []).append((call.text, dict(call.parameters)))
    return [grouped[level] for level in sorted(grouped)]


def sample_centres(authors: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Hubs first, then authors spread over the productivity distribution (by rank)."""
    picks = list(range(min(3, len(authors))))
    spread = n - len(picks)
    for k in range(spread):
        # Ranks spaced geometrically: the head of a power law matters most to latency tails.
        rank = round(len(authors) ** ((k + 1) / spread)) - 1
        picks.append(min(rank, len(authors) - 1))
    seen: list[int] = []
    for rank in picks:
        while rank in seen and rank + 1 < len(authors):
            rank += 1
        seen.append(rank)
    return [authors[rank] for rank in seen]


async def build_calls(server: LocalServer, centres: int) -> tuple[dict[str, list[Call]], int]:
    repository = repository_for(server)
    by_works = read_folder(cypher_dir() / "bench")["select_authors_by_works"]
    try:
        # Every author, sorted: on the 1M graph with a cold page cache this takes minutes.
        authors = await repository.read(
            Composed("select_authors_by_works", by_works), tx_timeout=1800.0
        )
        sample = sample_centres(authors, centres)
        calls: dict[str, list[Call]] = {w: [] for w in ("W1", "W2", "W3", "W4", "W5")}
        for author in sample:
            variables = {"id": author["id"]}
            calls["W1"].append(
                Call(
                    "W1",
                    await service_statements(repository, W1_SERVICE, variables),
                    {"query": W1_SERVICE, "variables": variables},
                    {"query": W1_PEER, "variables": variables},
                )
            )
            for workload, depth in (("W2", 1), ("W3", 2)):
                variables = {"id": author["id"], "depth": depth}
                # The peer takes the service's own statement parameters (limit 200, 25 each).
                built = slice_parameters(author["id"], depth)
                peer = {key: built[key] for key in PEER_SLICE_PARAMETERS}
                calls[workload].append(
                    Call(
                        workload,
                        await service_statements(repository, SLICE_SERVICE, variables),
                        {"query": SLICE_SERVICE, "variables": variables},
                        {"query": slice_peer(depth), "variables": peer},
                    )
                )
            # What a person types while looking for this author: the family name, cut short.
            typed = (author["name"] or "x").split()[-1][:5]
            calls["W4"].append(
                Call(
                    "W4",
                    await service_statements(repository, SEARCH_SERVICE, {"q": typed}),
                    {"query": SEARCH_SERVICE, "variables": {"q": typed}},
                    {
                        "query": SEARCH_PEER,
                        "variables": {"q": lucene_query(typed), "types": ALL_LABELS},
                    },
                )
            )
        half = len(sample) // 2
        for a, b in zip(sample[:half], sample[half:], strict=False):
            variables = {"a": a["id"], "b": b["id"]}
            # The same query in both GraphQL servers: `path` has one shape in both schemas.
            body = {"query": PATH_QUERY, "variables": variables}
            calls["W5"].append(
                Call(
                    "W5",
                    await service_statements(repository, PATH_QUERY, variables),
                    body,
                    body,
                )
            )
        mixed = [w for w, share in MIX.items() for _ in range(share)]
        random.Random(SEED).shuffle(mixed)
        calls["W6"] = [calls[w][i % len(calls[w])] for i, w in enumerate(mixed) if calls[w]]
        return calls, len(authors)
    finally:
        await repository.close()
