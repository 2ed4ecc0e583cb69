"""The `search` field: full-text hits over titles and names, best first."""

from __future__ import annotations

from graph_service.api.resolvers.entities import ENTITIES
from graph_service.api.resolvers.fulltext import lucene_query
from graph_service.api.types.node import ALL_LABELS, NodeType
from graph_service.api.types.search import SearchHit
from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.errors import check_range

MAX_SEARCH = 50


async def search_hits(
    repository: Repository, query: str, types: list[NodeType] | None, first: int
) -> list[SearchHit]:
    """The `search` field: the best `first` hits of `types` (all when None) for `query`."""
    check_range("first", first, 1, MAX_SEARCH)
    wanted = [t.value for t in types] if types else ALL_LABELS
    rows = await repository.read(
        Statement.SEARCH_NODES,
        {
            "query": lucene_query(query),
            "types": wanted,
            "first": first,
            # Hits of other types are dropped after the index answers, so ask it for more.
            "candidates": first if len(wanted) == len(ALL_LABELS) else 1000,
        },
    )
    return [
        SearchHit(score=row["score"], node=ENTITIES[row["type"]][1](row["value"])) for row in rows
    ]
