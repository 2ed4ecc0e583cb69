"""What an operation costs, measured from its document and variables before anything runs.

Every list counts its size (`first`, `limit`, a list argument's length), multiplied down the
nesting and summed over aliases; an object counts 1; scalars and introspection are free. A
slice counts its `limit` plus `depth x perNodeLimit` for the expansion, and its nodes and edges
its `limit` each. One pass over the document, every fragment costed once per size handed
down (memoised), so the measure is linear in the document however often fragments spread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
)

from graph_service.api.guard.limits import fragments_of, operations_of

# A list without a size argument (a paper's authorships, a topic's children) counts this many.
UNSIZED_LIST = 10

# No argument admits more items than this; larger values are refused by the field itself
# with its range, so the cost does not pretend to more.
MOST_ITEMS = 1000

# Lists whose size is the size argument of the field above them.
SIZED_BY_PARENT = {
    ("Connection", "edges"),
    ("Connection", "nodes"),
    ("GraphSlice", "nodes"),
    ("GraphSlice", "edges"),
}


@dataclass
class _Costs:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    defaults: Mapping[str, Any]
    # (fragment, size handed down) -> cost of one use of the fragment.
    known: dict[tuple[str, int | None], int] = field(default_factory=dict)
    visiting: set[str] = field(default_factory=set)

    def of(
        self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType, size: int | None
    ) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, size)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                if inner is not None:
                    total += self.of(selection.selection_set, inner, size)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, size)
        return total

    def fragment(self, name: str, size: int | None) -> int:
        key = (name, size)
        known = self.known.get(key)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.visiting:
            return 0
        parent = self.schema.get_type(definition.type_condition.name.value)
        if parent is None:
            return 0
        self.visiting.add(name)
        cost = self.known[key] = self.of(definition.selection_set, parent, size)
        self.visiting.discard(name)
        return cost

    def field(self, node: FieldNode, parent: GraphQLNamedType, size: int | None) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0  # introspection is answered from memory
        if not isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
            return 0  # a union selects only __typename directly
        definition = parent.fields.get(name)
        if definition is None:
            return 0  # validation reports it
        target = get_named_type(definition.type)
        if not isinstance(target, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)):
            return 0  # a scalar or an enum
        arguments = self.arguments(node, definition)
        own = _size_argument(arguments)
        if _is_list(definition):
            # Connections are generic: PaperConnection, CollaboratorConnection, ...
            owner = "Connection" if parent.name.endswith("Connection") else parent.name
            if own is not None:
                items = own
            elif (owner, name) in SIZED_BY_PARENT and size is not None:
                items = size
            else:
                items = UNSIZED_LIST
            return items + items * self.of(node.selection_set, target, None)
        work = 1
        if name == "neighborhood":
            work = (own or 0) + _int(arguments.get("depth"), 1) * _int(
                arguments.get("perNodeLimit"), 1
            )
        return work + self.of(node.selection_set, target, own)

    def arguments(self, node: FieldNode, definition: GraphQLField) -> dict[str, Any]:
        values: dict[str, Any] = {
            name: argument.default_value for name, argument in definition.args.items()
        }
        for argument in node.arguments or ():
            values[argument.name.value] = self.value(argument.value)
        return values

    def value(self, node: ValueNode) -> Any:
        if isinstance(node, VariableNode):
            name = node.name.value
            given = self.variables.get(name)
            return given if given is not None else self.defaults.get(name)
        return _literal(node)


def _literal(node: ValueNode) -> Any:
    """What a literal says, as far as sizes go: an int, or a list (for its length)."""
    if isinstance(node, IntValueNode):
        return int(node.value)
    if isinstance(node, ListValueNode):
        return list(node.values)
    return None


def _is_list(definition: GraphQLField) -> bool:
    kind = definition.type
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


def _int(value: Any, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return max(0, min(value, MOST_ITEMS))


def _size_argument(arguments: Mapping[str, Any]) -> int | None:
    """How many items a field's arguments ask for: first, limit, a path's length, ids."""
    for name in ("first", "limit"):
        if name in arguments:
            return _int(arguments[name], UNSIZED_LIST)
    if "maxLength" in arguments:
        return _int(arguments["maxLength"], UNSIZED_LIST) + 1
    if isinstance(arguments.get("ids"), list):
        return min(len(arguments["ids"]), MOST_ITEMS)
    return None


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> int:
    """The cost of the operation that would run (0 when none can be picked: validation or
    execution reports that)."""
    operations = operations_of(document)
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1:
        return 0
    operation = operations[0]
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    defaults = {
        definition.variable.name.value: _literal(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    costs = _Costs(schema, fragments_of(document), variables or {}, defaults)
    return costs.of(operation.selection_set, root, None)
