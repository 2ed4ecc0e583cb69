"""What a request's document may be, measured before anything runs: its depth, aliases,
fields once fragments are expanded, and how often one response name repeats in one merged
selection set (graphql-core's field-merging rule takes time quadratic in those repeats, so
they are bounded before it runs). One pass over the document, every fragment measured once
(memoised), so the measure is linear in the document however often fragments spread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

MAX_TOKENS = 4000
MAX_QUERY_DEPTH = 12
MAX_ALIASES = 30
MAX_FIELDS = 1000
MAX_REPEATS = 10


class LimitExceeded(Exception):
    """A document or operation asks for more than the service allows; the message says what."""


@dataclass(frozen=True)
class Shape:
    """What a selection set asks for once its fragments are expanded."""

    depth: int = 0
    aliases: int = 0
    fields: int = 0


@dataclass
class Shapes:
    """The shapes of one document's selection sets, each fragment measured once."""

    fragments: Mapping[str, FragmentDefinitionNode]
    known: dict[str, Shape] = field(default_factory=dict)
    visiting: set[str] = field(default_factory=set)

    def of(self, selection_set: SelectionSetNode | None) -> Shape:
        depth = aliases = fields = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                inner = self.of(selection.selection_set)
                # Introspection is answered from memory; GraphiQL's own query is 14 deep.
                if not selection.name.value.startswith("__"):
                    depth = max(depth, inner.depth + (1 if selection.selection_set else 0))
                aliases += inner.aliases + (1 if selection.alias else 0)
                fields += inner.fields + 1
                continue
            if isinstance(selection, InlineFragmentNode):
                inner = self.of(selection.selection_set)
            else:
                assert isinstance(selection, FragmentSpreadNode)
                inner = self.fragment(selection.name.value)
            depth = max(depth, inner.depth)
            aliases += inner.aliases
            fields += inner.fields
        return Shape(depth, aliases, fields)

    def fragment(self, name: str) -> Shape:
        known = self.known.get(name)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.visiting:
            return Shape()  # unknown or cyclic: validation reports it
        self.visiting.add(name)
        shape = self.known[name] = self.of(definition.selection_set)
        self.visiting.discard(name)
        return shape


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def operations_of(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def check_document(document: DocumentNode) -> None:
    """Raise LimitExceeded unless the document is within the shape limits.

    Linear in the document: a fragment is measured once however often it is spread, and the
    repeats are counted only once the expanded size is known to be small.
    """
    fragments = fragments_of(document)
    shapes = Shapes(fragments)
    used: set[str] = set()
    total = 0
    for operation in operations_of(document):
        name = operation.name.value if operation.name else "anonymous"
        shape = shapes.of(operation.selection_set)
        if shape.depth > MAX_QUERY_DEPTH:
            raise LimitExceeded(
                f"'{name}' exceeds maximum operation depth of {MAX_QUERY_DEPTH} "
                f"(it is {shape.depth} deep)"
            )
        if shape.aliases > MAX_ALIASES:
            raise LimitExceeded(
                f"{shape.aliases:,} aliases found, counting each use of a fragment; "
                f"allowed: {MAX_ALIASES}"
            )
        total += shape.fields
        if total > MAX_FIELDS:
            raise LimitExceeded(
                f"the document selects {total:,} fields once its fragments are expanded; "
                f"allowed: {MAX_FIELDS:,}"
            )
        count_repeats(operation.selection_set, fragments, {}, used, ())
    for name in fragments:
        if name not in used:
            # Validation would report it too, but only after measuring its fields.
            raise LimitExceeded(f"Fragment '{name}' is never used.")


def count_repeats(
    selection_set: SelectionSetNode | None,
    fragments: Mapping[str, FragmentDefinitionNode],
    counts: dict[tuple[str, ...], int],
    used: set[str],
    path: tuple[str, ...],
    visiting: frozenset[str] = frozenset(),
) -> None:
    """Count each response name per merged selection set (keyed by its response path)."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            key = (*path, (selection.alias or selection.name).value)
            counts[key] = counts.get(key, 0) + 1
            if counts[key] > MAX_REPEATS:
                raise LimitExceeded(
                    f"the field '{'.'.join(key)}' is selected more than {MAX_REPEATS} times "
                    "in one selection set; select it once"
                )
            count_repeats(selection.selection_set, fragments, counts, used, key, visiting)
        elif isinstance(selection, InlineFragmentNode):
            count_repeats(selection.selection_set, fragments, counts, used, path, visiting)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            used.add(name)
            if name in fragments and name not in visiting:
                count_repeats(
                    fragments[name].selection_set,
                    fragments,
                    counts,
                    used,
                    path,
                    visiting | {name},
                )
