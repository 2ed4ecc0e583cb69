"""Shortest paths through the whole graph, searched from both ends at once.

Neo4j's own `shortestPath` grows the side with fewer nodes, whatever they cost to expand: at a
million papers a path between two people could read the 750,000 members of one institution
and took 0.7 s, and 32 such paths at once ran past the statement budget. This search is the
same breadth-first search from both ends, level by level, with two changes to what it reads:

- it grows the side whose next level costs fewer relationships (Neo4j counts a node's degree
  without reading its relationships);
- it does not read a hub's neighbours (a node with more than `HUB_DEGREE` relationships) until
  a longer path needs them. The other side meets a hub's neighbours by testing its own nodes
  for a relationship to the hub, or by reading the hub's relationships against them,
  whichever reads fewer.

It stops at the first level where the two sides meet, taking the shortest of the meetings
found there, so a path is as short as `shortestPath`'s, through hubs too; and with a
COST_LIMIT error once it would read more than `SEARCH_BUDGET` relationships, or bring more
than `FETCH_BUDGET` back to the service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph_service.db.repository import Record, Repository
from graph_service.db.statements import Statement
from graph_service.errors import CostLimit

# A node with more relationships than this (that a path may follow) is a hub.
HUB_DEGREE = 1_000
# Relationships one search may read (and node pairs it may test).
SEARCH_BUDGET = 2_000_000
# Relationships one search may bring back to the service (it keeps a node per one, about
# 150 bytes: 250,000 hold some 40 MB).
FETCH_BUDGET = 250_000
# What reading a hub's neighbours and then theirs is taken to cost, per neighbour.
NEIGHBOUR_COST = 20
# The labels a node of each label has relationships to (a path's types: AUTHORED, CITES,
# HAS_TOPIC, SUBTOPIC_OF, AFFILIATED_WITH, PART_OF). Two hubs whose sets do not meet have no
# neighbour in common.
NEIGHBOURS = {
    "Author": {"Paper", "Institution"},
    "Paper": {"Author", "Paper", "Topic"},
    "Topic": {"Paper", "Topic"},
    "Institution": {"Author", "Institution"},
}
# What testing one node for a relationship to a hub costs, in relationships read from a hub:
# at 1M papers, 10,000 authors tested took 200 ms, 750,000 relationships of a hub read 400 ms.
NODE_TEST_COST = 40


@dataclass
class Side:
    """The search from one end.

    `reached` maps each node it has read to how (previous node, relationship; None for the
    root) and `depth` to how far. The nodes at distance `level` are `frontier` plus the
    neighbours of `hubs` (reached at `level` - 1, neighbours not read yet)."""

    root: str
    reached: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    frontier: list[str] = field(default_factory=list)
    hubs: dict[str, int] = field(default_factory=dict)  # hub -> its degree
    level: int = 0
    counted: dict[str, int] | None = None  # the frontier's degrees (stubs left out), once read

    def __post_init__(self) -> None:
        self.reached[self.root] = None
        self.depth[self.root] = 0
        self.frontier = [self.root]

    def add(self, expanded: list[Record], depth: int) -> list[str]:
        """Take in an expansion (expand_path_frontier's row); the nodes new to this side."""
        fresh: list[str] = []
        if not expanded:
            return fresh
        row = expanded[0]
        reached, depths = self.reached, self.depth
        for parent, via, node in zip(row["parents"], row["via"], row["reached"], strict=True):
            if node not in reached:
                reached[node] = (parent, via)
                depths[node] = depth
                fresh.append(node)
        return fresh

    def walk(self, node: str) -> tuple[list[str], list[str]]:
        """The nodes from `node` back to the root, and the relationships between them."""
        nodes, relationships = [node], []
        step = self.reached[node]
        while step is not None:
            previous, via = step
            nodes.append(previous)
            relationships.append(via)
            step = self.reached[previous]
        return nodes, relationships


@dataclass(frozen=True, order=True)
class Meeting:
    """Where the growing side (`near`) and the other (`far`) join, through `nodes` and
    `relationships` (in order from `near`; none when they are one node); ordered by length,
    then ids for a stable pick."""

    length: int
    near: str
    far: str
    nodes: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()


class Search:
    """One path search: two sides and what they have cost so far."""

    def __init__(self, repository: Repository, ends: Record, labels: tuple[str, str]) -> None:
        self.repository = repository
        self.start, self.finish = Side(ends["source"]), Side(ends["target"])
        self.start.counted = {self.start.root: ends["sourceDegree"]}
        self.finish.counted = {self.finish.root: ends["targetDegree"]}
        self.spent = self.fetched = 0
        # The labels of the nodes counted.
        self.labels = {self.start.root: labels[0], self.finish.root: labels[1]}

    async def run(self, max_length: int) -> dict[str, Any] | None:
        start, finish = self.start, self.finish
        while start.level + finish.level < max_length:
            costs = [await self._cost(side) for side in (start, finish)]
            if costs[0] is None or costs[1] is None:
                return None  # one side has reached all it can: nothing joins them
            grow, other = (start, finish) if costs[0] <= costs[1] else (finish, start)
            meetings = await self._grow(grow, other)
            if meetings:
                return await self._slice(grow, other, min(meetings))
        return None

    def _charge(self, cost: int, level: int, fetched: bool = False) -> None:
        """Count `cost` relationships read (and brought back, if `fetched`); stop the search
        with COST_LIMIT past either budget."""
        self.spent += cost
        self.fetched += cost if fetched else 0
        if self.spent > SEARCH_BUDGET or self.fetched > FETCH_BUDGET:
            raise CostLimit(
                f"no path of up to {level} relationships, and looking further would read more "
                f"than one search may ({SEARCH_BUDGET:,} relationships, {FETCH_BUDGET:,} of "
                "them brought back): try a smaller maxLength or the COLLABORATION projection"
            )

    async def _counted(self, side: Side) -> dict[str, int]:
        if side.counted is None:
            rows = await self.repository.read(
                Statement.COUNT_PATH_FRONTIER, {"frontier": side.frontier}
            )
            side.counted = {}
            if rows:
                row = rows[0]
                counts = zip(row["ids"], row["degrees"], row["stubs"], row["labels"], strict=True)
                for node, degree, stub, label in counts:
                    if not stub:  # a stub leads nowhere
                        side.counted[node] = degree
                        self.labels[node] = label
        return side.counted

    async def _cost(self, side: Side) -> int | None:
        """What growing `side` by a level would read (estimated past unread hubs); None when
        it has nothing left to grow."""
        counted = await self._counted(side)
        if not counted and not side.hubs:
            return None
        light = sum(min(degree, HUB_DEGREE) for degree in counted.values())
        return light + sum(side.hubs.values()) * (1 + NEIGHBOUR_COST)

    async def _grow(self, grow: Side, other: Side) -> list[Meeting]:
        """Grow one level; the meetings with `other` that the level makes."""
        read = self.repository.read
        level = grow.level + other.level  # no path this short or shorter joins them
        if grow.hubs:
            # A longer path needs the hubs' neighbours now. They were met already (below).
            self._charge(sum(grow.hubs.values()), level, fetched=True)
            rows = await read(Statement.EXPAND_PATH_FRONTIER, {"frontier": list(grow.hubs)})
            grow.frontier += grow.add(rows, grow.level)
            grow.hubs, grow.counted = {}, None
        counted = await self._counted(grow)
        light = [node for node, degree in counted.items() if degree <= HUB_DEGREE]
        hubs = {node: degree for node, degree in counted.items() if degree > HUB_DEGREE}
        self._charge(sum(counted[node] for node in light), level, fetched=True)
        rows = await read(Statement.EXPAND_PATH_FRONTIER, {"frontier": light}) if light else []
        grow.level += 1
        fresh = grow.add(rows, grow.level)
        grow.frontier, grow.hubs, grow.counted = fresh, hubs, None

        near, far = grow.depth, other.depth
        # Every meeting this level makes is as long as any other (grow.level + other.level):
        # the checks run cheapest first and stop at the first that finds one.
        meetings = [Meeting(near[n] + far[n], n, n) for n in fresh if n in far]
        if meetings:
            # A stub is reached like any node but no path goes through one.
            found = await read(Statement.SELECT_STUBS, {"ids": [m.near for m in meetings]})
            stubs = set(found[0]["stubs"]) if found else set()
            meetings = [m for m in meetings if m.near not in stubs]
        if not meetings and hubs and other.hubs:
            meetings = await self._meet_hubs(hubs, other, near, level)
        if not meetings and hubs and other.frontier:
            # A node of the other side's last level next to a new hub of this one (a meeting
            # with an earlier level would be a shorter path, found at an earlier level).
            meetings = [
                Meeting(near[hub] + 1 + far[node], hub, node, (), (via,))
                for node, hub, via in await self._next_to(other.frontier, hubs, level)
            ]
        if not meetings and fresh and other.hubs:
            # A new node next to a hub of the other side: a neighbour that side has not read.
            meetings = [
                Meeting(near[node] + 1 + far[hub], node, hub, (), (via,))
                for node, hub, via in await self._next_to(fresh, other.hubs, level)
            ]
        return meetings

    async def _next_to(
        self, nodes: list[str], hubs: dict[str, int], level: int
    ) -> list[tuple[str, str, str]]:
        """Which of `nodes` are next to which of `hubs`, as (node, hub, relationship), read
        from whichever end costs less."""
        by_hub, by_node = sum(hubs.values()), len(nodes) * len(hubs) * NODE_TEST_COST
        self._charge(min(by_hub, by_node), level)
        statement = (
            Statement.MEET_PATH_HUBS_FROM_HUBS if by_hub <= by_node else Statement.MEET_PATH_HUBS
        )
        found = await self.repository.read(statement, {"nodes": nodes, "hubs": list(hubs)})
        if not found:
            return []
        row = found[0]
        return list(zip(row["nodes"], row["hubs"], row["via"], strict=True))

    async def _meet_hubs(
        self, hubs: dict[str, int], other: Side, near: dict[str, int], level: int
    ) -> list[Meeting]:
        """Two hubs, one each side, with a neighbour in common."""
        pairs = []
        for mine, degree in hubs.items():
            for theirs, their_degree in other.hubs.items():
                if not NEIGHBOURS[self.labels[mine]] & NEIGHBOURS[self.labels[theirs]]:
                    continue  # a topic and an institution: nothing is next to both
                pairs.append([mine, theirs] if degree <= their_degree else [theirs, mine])
                # The smaller hub's neighbours are read, each tested against the larger.
                self._charge(min(degree, their_degree) * NODE_TEST_COST, level)
        if not pairs:
            return []
        meetings = []
        for r in await self.repository.read(Statement.MEET_PATH_HUB_PAIRS, {"pairs": pairs}):
            if r["small"] in hubs:
                mine, theirs, via = r["small"], r["large"], (r["first"], r["second"])
            else:
                mine, theirs, via = r["large"], r["small"], (r["second"], r["first"])
            length = near[mine] + 2 + other.depth[theirs]
            meetings.append(Meeting(length, mine, theirs, (r["middle"],), via))
        return meetings

    async def _slice(self, grow: Side, other: Side, meeting: Meeting) -> dict[str, Any] | None:
        """The path through `meeting`, from the start to the finish, as a slice record (None
        if part of it is gone since)."""
        near_nodes, near_relationships = grow.walk(meeting.near)
        far_nodes, far_relationships = other.walk(meeting.far)
        if meeting.near == meeting.far:
            far_nodes = far_nodes[1:]
        nodes = near_nodes[::-1] + list(meeting.nodes) + far_nodes
        relationships = near_relationships[::-1] + list(meeting.relationships) + far_relationships
        if grow is self.finish:
            nodes, relationships = nodes[::-1], relationships[::-1]
        rows = await self.repository.read(
            Statement.SELECT_PATH_SLICE, {"nodes": nodes, "relationships": relationships}
        )
        return dict(rows[0]["slice"]) if rows else None


async def shortest_path(
    repository: Repository, source: tuple[str, str], target: tuple[str, str], max_length: int
) -> dict[str, Any] | None:
    """A shortest path between two (label, id) nodes of at most `max_length` relationships,
    as a slice record; None when there is none."""
    parameters = {"from": source[1], "to": target[1]}
    ends = await repository.read(repository.catalog.path_ends(source[0], target[0]), parameters)
    if not ends:
        return None
    return await Search(repository, ends[0], (source[0], target[0])).run(max_length)
