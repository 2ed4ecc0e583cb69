"""Batched reads for one request: every `get_*`/`page_*` statement keyed by node id.

Resolvers ask for (statement, id, options); a DataLoader gathers the asks of one execution
step and runs each statement once for all of them (`UNWIND $keys`), so nested fields cost one
round trip per field per level, never one per parent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from strawberry.dataloader import DataLoader

from graph_service.repository import Repository


@dataclass(frozen=True)
class Ask:
    """One parent's share of a batched statement."""

    statement: str
    id: str
    # The keyset position of a page (per parent), as a tuple so that the ask can be a key.
    after: tuple[Any, ...] | None = None
    # Parameters the whole batch shares (page size, filters), as sorted pairs.
    shared: tuple[tuple[str, Hashable], ...] = ()


class Loaders:
    """The request's DataLoader, and lookups by statement for the resolvers."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self._loader: DataLoader[Ask, Any] = DataLoader(self._run)

    async def get(
        self, statement: str, id: str, after: list[Any] | None = None, **shared: Any
    ) -> Any:
        """The value `statement` gives for `id` (None when the node is absent)."""
        return await self._loader.load(_ask(statement, id, after, shared))

    async def get_many(self, statement: str, ids: list[str]) -> list[Any]:
        return list(await self._loader.load_many([Ask(statement, i) for i in ids]))

    def prime(
        self, statement: str, id: str, value: Any, after: list[Any] | None = None, **shared: Any
    ) -> None:
        """Remember what `get` with these arguments would give, because another statement
        already returned it (e.g. an authorship's author)."""
        self._loader.prime(_ask(statement, id, after, shared), value)

    async def load_profile(self, id: str, profile: Profile) -> Any:
        """The author `id` (None if absent), after one `get_author_profile` statement has
        primed the loads its profile's fields will make."""
        rows = await self.repository.read(
            "get_author_profile",
            {
                "id": id,
                "affiliations": profile.affiliations,
                "topics": profile.topics,
                # One more than the page, as the page statements do, to tell if more follow.
                "works": profile.works + 1 if profile.works else 0,
                "mostCited": profile.works_statement == "page_author_works_most_cited",
                "authorships": profile.authorships,
                "paperTopics": profile.paper_topics,
                "collaborators": profile.collaborators + 1 if profile.collaborators else 0,
            },
        )
        if not rows:
            return None
        found = rows[0]["profile"]
        self.prime("get_authors", id, found["author"])
        if profile.affiliations:
            self.prime("get_author_affiliations", id, found["affiliations"])
        if profile.topics:
            self.prime("get_author_topics", id, found["topics"], first=profile.topics)
        if profile.works:
            works = found["works"]
            for row in works["rows"]:
                if profile.authorships:
                    self.prime("get_paper_authorships", row["node"]["id"], row["authorships"])
                if profile.paper_topics:
                    self.prime("get_paper_topics", row["node"]["id"], row["topics"])
            self.prime(profile.works_statement, id, works, first=profile.works + 1)
        if profile.collaborators:
            self.prime(
                "page_author_collaborators",
                id,
                found["collaborators"],
                first=profile.collaborators + 1,
            )
        return found["author"]

    async def _run(self, asks: list[Ask]) -> list[Any]:
        groups: dict[tuple[str, tuple[tuple[str, Hashable], ...]], list[int]] = defaultdict(list)
        for index, ask in enumerate(asks):
            groups[(ask.statement, ask.shared)].append(index)
        values: list[Any] = [None] * len(asks)
        for (statement, shared), indexes in groups.items():
            keys = [
                {"index": i, "id": asks[i].id, "after": _listed(asks[i].after)} for i in indexes
            ]
            rows = await self.repository.read(statement, {"keys": keys, **dict(shared)})
            for row in rows:
                values[row["index"]] = row["value"]
        return values


@dataclass
class Profile:
    """Which parts of an author's profile a query asks for, with the per-field arguments
    (first pages only); a part left at its default is not loaded ahead."""

    affiliations: bool = False
    topics: int = 0
    works: int = 0
    works_statement: str = "page_author_works_newest"
    authorships: bool = False
    paper_topics: bool = False
    collaborators: int = 0

    def __bool__(self) -> bool:
        return bool(self.affiliations or self.topics or self.works or self.collaborators)


def _ask(statement: str, id: str, after: list[Any] | None, shared: dict[str, Any]) -> Ask:
    return Ask(
        statement,
        id,
        tuple(after) if after is not None else None,
        tuple(sorted(shared.items())),
    )


def _listed(after: tuple[Any, ...] | None) -> list[Any] | None:
    return list(after) if after is not None else None
