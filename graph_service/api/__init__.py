"""The GraphQL API: node types, connections, slices, the profile look-ahead, writes, and the
schema that puts them together (`build_schema`)."""

from graph_service.api.context import Context
from graph_service.api.resolvers.slices import warm_up
from graph_service.api.schema import build_schema

__all__ = ["Context", "build_schema", "warm_up"]
