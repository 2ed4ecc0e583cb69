"""The GraphQL executor with a fast path for objects whose selected fields are plain values.

A 200-node slice is about 3,000 scalar fields. graphql-core completes each one on its own
(resolve info, resolver, leaf completion: about 15 us apiece here), which cost more than
running the slice's statement. For an object whose selected fields are all attributes of
leaf type (no resolver, arguments or field extensions) the fast path reads the attributes and
serializes them directly. Anything it cannot settle (a null in a non-null field, a value
that does not serialize, middleware) goes back to graphql-core for the standard result.
"""

from __future__ import annotations

import contextlib
from typing import Any

from graphql import GraphQLEnumType, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

from graph_service.api.execution.shapes import walk_for

# name -> (attribute, serialize, non-null) for each plain field of a type.
Plain = dict[str, tuple[str, Any, bool]]
_plain_fields: dict[GraphQLObjectType, Plain] = {}


class _Unsettled(Exception):
    """The fast path cannot complete this object; graphql-core will."""


def plain_fields(parent_type: GraphQLObjectType) -> Plain:
    known = _plain_fields.get(parent_type)
    if known is None:
        known = {}
        for name, field in parent_type.fields.items():
            definition = field.extensions.get("strawberry-definition")
            non_null = isinstance(field.type, GraphQLNonNull)
            leaf = field.type.of_type if non_null else field.type
            if (
                isinstance(definition, StrawberryField)
                and definition.is_basic_field
                and not field.args
                and isinstance(leaf, (GraphQLScalarType, GraphQLEnumType))
            ):
                known[name] = (definition.python_name, leaf.serialize, non_null)
        _plain_fields[parent_type] = known
    return known


class PlainFieldExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor as strawberry configures it, plus the plain-object fast path."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Whether each field set (graphql-core makes one per selection and reuses it for
        # every object of a list) is all plain, so that a list of papers with resolver
        # fields does not try the fast path for each paper. Held to keep the ids unique.
        self._plain_sets: dict[int, tuple[Any, bool]] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        plain = plain_fields(parent_type)
        known = self._plain_sets.get(id(grouped_field_set))
        if known is None or known[0] is not grouped_field_set:
            all_plain = not getattr(self.middleware_manager, "middlewares", None) and all(
                details[0].node.name.value in plain or details[0].node.name.value == "__typename"
                for details in grouped_field_set.values()
            )
            known = self._plain_sets[id(grouped_field_set)] = (grouped_field_set, all_plain)
        if known[1]:
            # Whatever the fast path cannot settle, graphql-core completes (or reports) as usual.
            with contextlib.suppress(Exception):
                return self.complete_plain(parent_type, plain, source_value, grouped_field_set)
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    def execute_root_grouped_field_set(
        self,
        root_type: GraphQLObjectType,
        root_value: Any,
        grouped_field_set: Any,
        serially: bool,
        position_context: Any,
    ) -> Any:
        walk = None
        if not serially and not getattr(self.middleware_manager, "middlewares", None):
            walk = walk_for(self, root_type, grouped_field_set)
        if walk is None:
            return super().execute_root_grouped_field_set(
                root_type, root_value, grouped_field_set, serially, position_context
            )

        async def direct() -> Any:
            try:
                return await walk.run(self)
            except Exception:  # graphql-core gives the standard result or error
                result = super(PlainFieldExecutor, self).execute_root_grouped_field_set(
                    root_type, root_value, grouped_field_set, serially, position_context
                )
                return await result if self.is_awaitable(result) else result

        return direct()

    @staticmethod
    def complete_plain(
        parent_type: GraphQLObjectType, plain: Plain, source: Any, grouped_field_set: Any
    ) -> dict[str, Any]:
        results: dict[str, Any] = {}
        for response_name, field_details_list in grouped_field_set.items():
            name = field_details_list[0].node.name.value
            if name == "__typename":
                results[response_name] = parent_type.name
                continue
            attribute, serialize, non_null = plain[name]
            value = getattr(source, attribute)
            if value is None:
                if non_null:
                    raise _Unsettled(name)
                results[response_name] = None
            else:
                results[response_name] = serialize(value)
        return results
