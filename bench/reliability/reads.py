"""The graph's ids and the explorer's reads of them, the load under the faults and the soak."""

from __future__ import annotations

import random
from collections.abc import Awaitable
from dataclasses import dataclass

from bench.overload import PROFILE  # the explorer's profile, as the overload script sends it
from bench.reliability.client import Answer, Client

SEARCH = """query($q: String!) { search(query: $q, first: 10) { score node { id __typename
  ... on Author { name } ... on Paper { title } ... on Topic { name }
  ... on Institution { name } } } }"""
SLICE = """query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 150, perNodeLimit: 15) {
  truncated nodes { id type label weight hop } edges { id source target type } } }"""
PAPER = """query($id: ID!) { paper(id: $id) { id title year abstract citedByCount
  authorships { author { id name } } related(first: 10) { nodes { paper { id title } } } } }"""


@dataclass
class Ids:
    authors: list[str]
    papers: list[str]
    topics: list[str]
    institutions: list[str]
    words: list[str]


async def sample_ids(client: Client, authors: list[str]) -> Ids:
    papers: list[str] = []
    topics: list[str] = []
    institutions: list[str] = []
    words: list[str] = []
    for author in authors[:: max(1, len(authors) // 40)][:40]:
        answer = await client.gql("sample", PROFILE, {"id": author})
        found = answer.body["data"]["author"]
        papers += [w["id"] for w in found["works"]["nodes"]]
        topics += [t["topic"]["id"] for t in found["topics"]]
        institutions += [i["institution"]["id"] for i in found["institutions"]]
        words += [found["name"].split()[-1], *found["works"]["nodes"][0]["title"].split()[:2]]
    return Ids(authors, sorted(set(papers)), sorted(set(topics)), sorted(set(institutions)), words)


def mixed(client: Client, ids: Ids, rng: random.Random) -> Awaitable[Answer]:
    """One read of the explorer's kind: a profile, a search, a slice or a paper page."""
    kind = rng.choices(["profile", "search", "slice", "paper"], weights=[4, 3, 2, 3])[0]
    if kind == "profile":
        return client.gql(kind, PROFILE, {"id": rng.choice(ids.authors)})
    if kind == "search":
        return client.gql(kind, SEARCH, {"q": rng.choice(ids.words)})
    if kind == "slice":
        return client.gql(kind, SLICE, {"id": rng.choice(ids.authors[:200])})
    return client.gql(kind, PAPER, {"id": rng.choice(ids.papers)})
