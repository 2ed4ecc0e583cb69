"""How a value becomes its response form in a direct walk: leaves serialized as graphql-core
serializes them, and nulls where the field allows them (else the walk gives way)."""

from __future__ import annotations

from collections.abc import Callable
from math import isfinite
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLScalarType,
    GraphQLString,
)
from graphql.type.scalars import GRAPHQL_MAX_INT as MAX_INT
from graphql.type.scalars import GRAPHQL_MIN_INT as MIN_INT

from graph_service.api.execution.primed import Unsettled

Complete = Callable[[Any], Any]  # a value to its response form

# The scalars whose serializers give back a value of this exact type unchanged
# (graphql-core's serializers return it as it is).
UNCHANGED: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}


def nulls(complete: Complete, non_null: bool) -> Complete:
    """`complete`, given a null: none for a nullable field; the walk gives way for another."""
    if non_null:

        def required(value: Any) -> Any:
            if value is None:
                raise Unsettled("a null in a non-null field")
            return complete(value)

        return required
    return lambda value: None if value is None else complete(value)


def serializer(type_: GraphQLScalarType | GraphQLEnumType, non_null: bool) -> Complete:
    """A leaf's serialization (graphql-core's), for a value not already its response form."""
    serialize = type_.serialize

    def checked(value: Any) -> Any:
        serialized = serialize(value)
        if serialized is None:
            raise Unsettled("a value that does not serialize")
        return serialized

    if type_ is GraphQLInt:
        inner: Complete = lambda value: (  # noqa: E731
            value if type(value) is int and MIN_INT <= value <= MAX_INT else checked(value)
        )
    elif type_ is GraphQLFloat:
        inner = lambda value: (  # noqa: E731
            value if type(value) is float and isfinite(value) else checked(value)
        )
    else:
        inner = checked
    return nulls(inner, non_null)
