"""The GraphQL API: types/ (what there is), resolvers/ (how it is found), guard/ (what a request
may cost), execution/ (how an operation runs), and the schema that puts them together."""

from graph_service.api.context import Context
from graph_service.api.resolvers.warmup import warm_up
from graph_service.api.schema import build_schema

__all__ = ["Context", "build_schema", "warm_up"]
