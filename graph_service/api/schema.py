"""The GraphQL schema: the root query, put together with the node types, slices and writes."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import MaxTokensLimiter, ParserCache

from graph_service.api.errors import ErrorPolicy
from graph_service.api.execution.executor import PlainFieldExecutor
from graph_service.api.guard.admission import Admission
from graph_service.api.guard.extension import DOCUMENT_CACHE, RequestGuard
from graph_service.api.guard.limits import MAX_TOKENS
from graph_service.api.resolvers.mutation import Mutation
from graph_service.api.resolvers.query import Query
from graph_service.api.types.author import Author
from graph_service.api.types.institution import Institution
from graph_service.api.types.paper import Paper
from graph_service.api.types.topic import Topic
from graph_service.settings import DEFAULT_COST_BUDGET, HEAVY_AT_ONCE, MOST_AT_ONCE


class GraphSchema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """ErrorPolicy logs what needs logging (unexpected errors, with the request id)."""


def build_schema(
    budget: int = DEFAULT_COST_BUDGET,
    admission: Admission | None = None,
    introspection: bool = True,
    fast_completion: bool = True,
) -> strawberry.Schema:
    """The schema; `budget` and `admission` bound what one request may cost and how many run
    at once (the app makes them from its settings); `introspection` off refuses `__schema`
    and `__type`; `fast_completion` off leaves every field to graphql-core."""
    lanes = admission or Admission(MOST_AT_ONCE, HEAVY_AT_ONCE, heavy_cost=budget // 10)
    return GraphSchema(
        execution_context_class=PlainFieldExecutor if fast_completion else None,
        query=Query,
        mutation=Mutation,
        types=[Author, Paper, Topic, Institution],
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: ParserCache(maxsize=DOCUMENT_CACHE),
            lambda: RequestGuard(budget, lanes, introspection),
            ErrorPolicy,
        ],
    )
