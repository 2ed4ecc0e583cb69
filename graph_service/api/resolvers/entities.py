"""Nodes by id: which node an id names (OpenAlex's or arXiv's, short or full) and the node
itself, fetched through the request's batcher."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from graph_service.api.context import Ctx, batcher
from graph_service.api.types.author import Author
from graph_service.api.types.institution import Institution
from graph_service.api.types.node import Node
from graph_service.api.types.paper import Paper
from graph_service.api.types.topic import Topic
from graph_service.db.statements import Statement
from graph_service.ingest import arxiv, openalex
from graph_service.ingest.arxiv import PAPER_PREFIX


class Entity(NamedTuple):
    """How to fetch a node of one label and make it a GraphQL object."""

    statement: Statement
    build: Callable[[dict[str, Any]], Node]


ENTITIES: dict[str, Entity] = {
    "Author": Entity(Statement.GET_AUTHORS, Author.of),
    "Paper": Entity(Statement.GET_PAPERS, Paper.of),
    "Topic": Entity(Statement.GET_TOPICS, Topic.of),
    "Institution": Entity(Statement.GET_INSTITUTIONS, Institution.of),
}


async def resolve(info: Ctx, value: str) -> tuple[str, str] | None:
    """(label, id) of the node an id names now. An arXiv paper id finds the paper with that
    arXiv id, which is an OpenAlex work's once OpenAlex loaded the same paper."""
    parsed = node_label(value)
    if parsed is None or parsed[0] != "Paper" or not parsed[1].startswith(PAPER_PREFIX):
        return parsed
    current = await batcher(info).get(Statement.RESOLVE_ARXIV_IDS, parsed[1][len(PAPER_PREFIX) :])
    return ("Paper", current) if current else None


async def entity(info: Ctx, value: str, label: str | None = None) -> Node | None:
    parsed = await resolve(info, value)
    if parsed is None or (label is not None and parsed[0] != label):
        return None
    statement, build = ENTITIES[parsed[0]]
    found = await batcher(info).get(statement, parsed[1])
    return build(found) if found else None


def node_label(value: str) -> tuple[str, str] | None:
    """(label, id) of any id a client may give: OpenAlex's (short or full), or arXiv's (a
    paper as `arXiv:<id>`, an arXiv author, a category); None when it names no node."""
    return openalex.node_label(value) or arxiv.node_label(value)


def parse_id(value: str, label: str | None = None) -> str | None:
    """The short id when `value` can name a node (of `label`, if given); otherwise None."""
    parsed = node_label(value)
    if parsed is None or (label is not None and parsed[0] != label):
        return None
    return parsed[1]
