"""Hubs' ranked neighbours: a node with more than HUB_FROM relationships of one kind keeps
its relationships to its HUB_LIST most relevant neighbours of that kind, best first, as element
ids (`top_<TYPE>_<out|in>`, and the label :Hub), so that a slice through it reads its top
neighbours directly, exactly, instead of ranking the first few hundred in store order
(cypher/select_neighborhood, cypher/rank_hubs).

The lists are derived values: made for the whole graph after a bulk load and by
`refresh --all`, and, after a load or a write through the API, for the hubs next to the nodes
it made :Stale (labelled :Rerank before the refresh lets them go, and their hubs found after
it, when the relationships it makes are there)."""

from __future__ import annotations

import asyncio
from typing import Any

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement

# A kind of relationship with more neighbours than this is ranked ahead. The slice statement
# reads 300 of a kind (api.slices.SCAN_LIMIT) when it has no list, so below that it is exact.
HUB_FROM = 300
# Ids a list keeps: a slice takes at most 100 of a kind (api.slices.MAX_PER_NODE); the rest
# is room for the filters (years, stubs) to leave some out.
HUB_LIST = 300
# Hubs ranked per transaction: the largest read hundreds of thousands of relationships.
RANK_BATCH = 100
# Transactions at once: Neo4j runs each on one core, and a whole graph's hubs take a while.
RANK_WORKERS = 2
RANK_TIMEOUT = 600.0
# Nodes labelled or let go per transaction.
LABEL_BATCH = 50_000

# The label at the far end of each kind of relationship, by direction (True: outgoing).
FAR_LABEL: dict[tuple[str, bool], str] = {
    ("AUTHORED", True): "Paper",
    ("AUTHORED", False): "Author",
    ("CITES", True): "Paper",
    ("CITES", False): "Paper",
    ("HAS_TOPIC", True): "Topic",
    ("HAS_TOPIC", False): "Paper",
    ("SUBTOPIC_OF", True): "Topic",
    ("SUBTOPIC_OF", False): "Topic",
    ("AFFILIATED_WITH", True): "Institution",
    ("AFFILIATED_WITH", False): "Author",
    ("PART_OF", True): "Institution",
    ("PART_OF", False): "Institution",
    ("COLLABORATES_WITH", True): "Author",
    ("COLLABORATES_WITH", False): "Author",
    ("SIMILAR_TO", True): "Paper",
    ("SIMILAR_TO", False): "Paper",
}


def list_key(relationship: str, outgoing: bool) -> str:
    """The property a hub keeps its list of one kind under (as cypher/rank_hubs names it)."""
    return f"top_{relationship}_{'out' if outgoing else 'in'}"


def listed_kinds(relationships: list[str], labels: list[str]) -> list[dict[str, Any]]:
    """The `$listed` parameter of cypher/select_neighborhood: the kinds a slice follows whose
    far end it shows, each with the property its list is kept under."""
    return [
        {
            "key": list_key(relationship, outgoing),
            "kind": f"{relationship}{'>' if outgoing else '<'}",
            "type": relationship,
            "out": outgoing,
        }
        for (relationship, outgoing), label in FAR_LABEL.items()
        if relationship in relationships and label in labels
    ]


async def mark_changes(repository: Repository) -> int:
    """Label the :Stale nodes :Rerank, before a refresh lets them go; returns how many. The
    hubs next to them are ranked after it (`rank_changed_hubs`), or at the next refresh if
    this one stops half way."""
    return await repository.write_until_done(
        Statement.MARK_HUB_CHANGES, "marked", LABEL_BATCH, RANK_TIMEOUT
    )


async def rank_changed_hubs(repository: Repository) -> int:
    """Make the lists of the hubs next to :Rerank nodes again, then let those go; returns how
    many of the hubs keep lists."""
    rows = await repository.read(Statement.SELECT_CHANGED_HUBS, {"from": HUB_FROM})
    hubs = await rank_hubs(repository, [row["node"] for row in rows])
    await repository.write_until_done(
        Statement.CLEAR_HUB_CHANGES, "cleared", LABEL_BATCH, RANK_TIMEOUT
    )
    return hubs


async def rank_hubs(repository: Repository, nodes: list[str] | None = None) -> int:
    """Make the lists of `nodes` (element ids; every hub of the graph when None, and then
    the :Rerank marks go too) again; returns how many of them keep lists."""
    if nodes is None:
        rows = await repository.read(Statement.SELECT_HUBS, {"from": HUB_FROM})
        hubs = await rank_hubs(repository, [row["node"] for row in rows])
        await repository.write_until_done(
            Statement.CLEAR_HUB_CHANGES, "cleared", LABEL_BATCH, RANK_TIMEOUT
        )
        return hubs
    batches = [nodes[start : start + RANK_BATCH] for start in range(0, len(nodes), RANK_BATCH)]
    batches.reverse()

    async def rank() -> int:
        hubs = 0
        while batches:
            rows = await repository.write(
                Statement.RANK_HUBS,
                {"nodes": batches.pop(), "from": HUB_FROM, "length": HUB_LIST},
                tx_timeout=RANK_TIMEOUT,
            )
            hubs += int(rows[0]["hubs"])
        return hubs

    # Each transaction writes its own hubs only, so two never wait on each other's locks.
    return sum(await asyncio.gather(*(rank() for _ in range(RANK_WORKERS))))
