"""What every resolver gets: the request's context and its batcher."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info

from graph_service.api.execution.batching import Batcher
from graph_service.db.repository import Repository
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K


@dataclass
class Context:
    """What every resolver gets for one request."""

    repository: Repository
    batcher: Batcher
    request_id: str
    write_token: str | None = None
    # (top K, hub cap) for the similarity lists a write refreshes.
    similar: tuple[int, int] = (SIMILAR_TOP_K, SIMILAR_HUB_CAP)
    # Authors a work may have and still make co-author pairs.
    coauthor_cap: int = COAUTHOR_CAP
    # Held by a write for its whole run, shared by the app's requests (see Mutation).
    writing: asyncio.Lock = field(default_factory=asyncio.Lock)
    request: Request | None = None
    # The HTTP response being made: its status and headers are the response's.
    response: Response | None = None


Ctx = Info[Context, None]


def batcher(info: Ctx) -> Batcher:
    return info.context.batcher
