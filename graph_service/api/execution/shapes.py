"""Direct walks made once per operation shape and shared: which variables shape a walk, and the
bounded caches of walks by operation and those variables' values."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    InlineFragmentNode,
    Node,
    SelectionSetNode,
    VariableNode,
    Visitor,
    visit,
)

from graph_service.api.execution.batching import Batcher
from graph_service.api.execution.direct import Details, Walk

# How many walks are kept (each pins its document), and how many operations' shaping
# variables; past that the oldest goes.
MOST_WALKS = 512

MOST_OPERATIONS = 512

ABSENT = object()  # a variable the request does not give (its default applies)


class _Variables(Visitor):
    """The names of the variables in a node."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        self.names.add(node.name.value)


def _variables(node: Node) -> set[str]:
    found = _Variables()
    visit(node, found)
    return found.names


def shaping(operation: Any, fragments: dict[str, Any]) -> tuple[str, ...]:
    """The variables a walk of `operation` is made with: those of its directives (which
    fields there are) and of the arguments below its root fields (what the plans keep). A
    root field's own arguments are read per request; a named fragment's variables all
    count, wherever it is spread."""
    names: set[str] = set()

    def scan(selection_set: SelectionSetNode, root: bool) -> None:
        for selection in selection_set.selections:
            for directive in selection.directives or ():
                names.update(_variables(directive))
            if isinstance(selection, FieldNode):
                if not root:
                    for argument in selection.arguments or ():
                        names.update(_variables(argument))
                if selection.selection_set is not None:
                    scan(selection.selection_set, False)
            elif isinstance(selection, InlineFragmentNode):
                scan(selection.selection_set, root)
            elif isinstance(selection, FragmentSpreadNode) and (
                fragment := fragments.get(selection.name.value)
            ):
                names.update(_variables(fragment))

    scan(operation.selection_set, True)
    return tuple(sorted(names))


def _frozen(value: Any) -> Hashable:
    """A variable's value as a key (a list or an input object as tuples)."""
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(each)) for key, each in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(each) for each in value)
    return value  # type: ignore[no-any-return]


def _keep(cache: dict[Any, Any], most: int, key: Any, value: Any) -> None:
    """Keep `value` under `key`, the oldest entry dropped when `cache` holds `most`."""
    if len(cache) >= most:
        del cache[next(iter(cache))]
    cache[key] = value


# (schema, operation) -> the operation's shaping variables; (schema, operation, their
# values) -> its walk, None when it cannot be walked. Each entry holds what its key's ids
# name, so an id is not reused while it is a key.
_shaped: dict[tuple[int, int], tuple[Any, Any, tuple[str, ...]]] = {}

_walks: dict[tuple[int, int, Hashable], tuple[Any, Any, Walk | None]] = {}


def walk_for(executor: Any, root_type: GraphQLObjectType, grouped: dict[str, Details]) -> Any:
    """The walk completing this request's operation, or None if graphql-core must.

    Working out a walk (collecting each level's fields, coercing nested arguments, making
    the completers) cost about a fifth of a profile request's CPU; it depends only on the
    operation and its shaping variables, so a walk is made once for each of those.
    """
    schema, operation = executor.schema, executor.operation
    if root_type is not schema.query_type or not isinstance(
        getattr(executor.context_value, "batcher", None), Batcher
    ):
        return None
    known = _shaped.get((id(schema), id(operation)))
    if known is None or known[0] is not schema or known[1] is not operation:
        known = (schema, operation, shaping(operation, executor.fragment_definitions))
        _keep(_shaped, MOST_OPERATIONS, (id(schema), id(operation)), known)
    coerced = executor.variable_values.coerced
    try:
        shape = tuple(_frozen(coerced.get(name, ABSENT)) for name in known[2])
        key = (id(schema), id(operation), shape)
        walked = _walks.get(key)
    except TypeError:  # a value that is no key: a walk for this request alone
        return Walk.of(executor, root_type, grouped)
    if walked is None or walked[0] is not schema or walked[1] is not operation:
        walked = (schema, operation, Walk.of(executor, root_type, grouped))
        _keep(_walks, MOST_WALKS, key, walked)
    return walked[2]
