"""Direct completion: an operation whose data one statement brings, made into its response
without graphql-core completing it field by field.

A researcher profile (W1) is about 300 objects. graphql-core resolves and completes each of
their fields on its own (resolve info, resolver wrapper, an awaitable or a task per async
field), and that was about 60% of the request's CPU, more than its one statement cost. When
every field an operation selects is one of these, the operation is completed here by a plain
walk over the selection, the way the peer serves an operation compiled to one statement:

- a root field whose resolver reads nothing of its info but the request's context (`search`,
  the lookups, `neighborhood`, `path`), and `author`, whose profile statement primes its pages;
- a field with no resolver and no arguments (an attribute of the object);
- a resolver with no arguments that only reads the object (`doiUrl`, `scheme`);
- a field whose value the root's statement has primed, in that place only: the profile
  author's affiliations, topics, first pages of works and co-authors, and those works'
  authorships and topics.

The fields are collected by graphql-core (fragments, `@skip` and `@include` as usual) and the
arguments coerced by it; anything else is left to graphql-core before anything runs. A value
the walk cannot settle (a null in a non-null field, an argument out of range, a page the
statement did not prime) sends the whole operation back to graphql-core, which gives the
standard result or error; the request's loader still holds what was loaded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from math import isfinite
from operator import attrgetter
from types import SimpleNamespace
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLString,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.collect_fields import FieldDetails
from graphql.execution.values import get_argument_values
from graphql.type.scalars import GRAPHQL_MAX_INT as MAX_INT
from graphql.type.scalars import GRAPHQL_MIN_INT as MIN_INT
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField
from strawberry.types.nodes import convert_selections

from graph_service.api.batching import Batcher
from graph_service.api.connections import MAX_PAGE, NO_ROWS, ahead, connection
from graph_service.api.lookahead import find_author
from graph_service.api.types import (
    MAX_AUTHORSHIPS,
    MAX_LIST,
    WORKS_BY_ORDER,
    Affiliation,
    Authorship,
    AuthorTopic,
    Collaborator,
    Paper,
    PaperTopic,
    WorkOrder,
)
from graph_service.statements import Statement

Details = list[FieldDetails]
Complete = Callable[[Any], Any]  # a value to its response form
# The scalars whose serializers give back a value of this exact type unchanged
# (graphql-core's serializers return it as it is).
UNCHANGED: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}
# Where in the response a field's value has been primed by the root's statement.
ANYWHERE = ""
PROFILE = "profile"  # the author `author` returns
PROFILE_WORK = "profile work"  # a paper of that author's first page of works


class Unsettled(Exception):
    """The walk cannot complete this operation; graphql-core will."""


def _known(batcher: Batcher, statement: Statement, id: str, **shared: Any) -> Any:
    found, value = batcher.known(statement, id, **shared)
    if not found:
        raise Unsettled(statement)
    return value


def _within(value: Any, least: int, most: int) -> bool:
    return isinstance(value, int) and least <= value <= most


def _order(value: Any) -> WorkOrder:
    return value if isinstance(value, WorkOrder) else WorkOrder(value)


@dataclass(frozen=True)
class Primed:
    """A field whose value the root's statement primed in the request's loader, where
    `scope` is; `accepts` the arguments it primed for, `value` made as the resolver makes
    it; what it returns is in scope `inner`."""

    scope: str
    accepts: Callable[[dict[str, Any]], bool]
    value: Callable[[Any, dict[str, Any], Batcher], Any]
    inner: str = ANYWHERE


def _rows(
    statement: Statement, build: Callable[[dict[str, Any]], Any], first: bool = False
) -> Callable[[Any, dict[str, Any], Batcher], Any]:
    """A list field the resolver makes from `statement`'s rows (asked with `first` when the
    field takes it)."""

    def value(source: Any, args: dict[str, Any], batcher: Batcher) -> Any:
        shared = {"first": args["first"]} if first else {}
        return [build(row) for row in _known(batcher, statement, source.id, **shared) or []]

    return value


def _page(
    statement: Callable[[dict[str, Any]], Statement], build: Callable[[dict[str, Any]], Any]
) -> Callable[[Any, dict[str, Any], Batcher], Any]:
    """A connection's first page, as `connections.page` makes it from the statement the
    arguments pick."""

    def value(source: Any, args: dict[str, Any], batcher: Batcher) -> Any:
        chosen, first = statement(args), args["first"]
        rows = _known(batcher, chosen, source.id, first=ahead(first))
        return connection(chosen, rows or NO_ROWS, first, build)

    return value


def _first_page(args: dict[str, Any]) -> bool:
    return args.get("after") is None and _within(args["first"], 1, MAX_PAGE)


def _authorships(paper: Any, args: dict[str, Any], batcher: Batcher) -> Any:
    rows = _known(batcher, Statement.GET_PAPER_AUTHORSHIPS, paper.id) or []
    return [Authorship.of(row) for row in rows[: args.get("first")]]


PRIMED: dict[tuple[str, str], Primed] = {
    ("Author", "institutions"): Primed(
        PROFILE, lambda args: True, _rows(Statement.GET_AUTHOR_AFFILIATIONS, Affiliation.of)
    ),
    ("Author", "topics"): Primed(
        PROFILE,
        lambda args: _within(args["first"], 1, MAX_LIST),
        _rows(Statement.GET_AUTHOR_TOPICS, AuthorTopic.of, first=True),
    ),
    ("Author", "works"): Primed(
        PROFILE,
        _first_page,
        _page(lambda args: WORKS_BY_ORDER[_order(args["orderBy"])], Paper.of),
        PROFILE_WORK,
    ),
    ("Author", "collaborators"): Primed(
        PROFILE,
        _first_page,
        _page(lambda args: Statement.PAGE_AUTHOR_COLLABORATORS, Collaborator.of),
    ),
    ("Paper", "authorships"): Primed(
        PROFILE_WORK,
        lambda args: args.get("first") is None or _within(args["first"], 1, MAX_AUTHORSHIPS),
        _authorships,
    ),
    ("Paper", "authorCount"): Primed(
        PROFILE_WORK,
        lambda args: True,
        lambda paper, args, batcher: len(
            _known(batcher, Statement.GET_PAPER_AUTHORSHIPS, paper.id) or []
        ),
    ),
    ("Paper", "topics"): Primed(
        PROFILE_WORK, lambda args: True, _rows(Statement.GET_PAPER_TOPICS, PaperTopic.of)
    ),
}

# A root field's runner: (walk, arguments, its field nodes) -> its value.
Runner = Callable[["Walk", dict[str, Any], Details], Awaitable[Any]]


def _resolver(name: str) -> Runner:
    """The root field's own resolver, for one that reads nothing of its info but the
    request's context; its arguments converted as strawberry converts them."""

    def run(walk: Walk, args: dict[str, Any], details: Details) -> Awaitable[Any]:
        definition = walk.schema.query_type.fields[name].extensions["strawberry-definition"]
        resolver = definition.base_resolver
        strawberry_schema = walk.schema._strawberry_schema
        kwargs = convert_arguments(
            args,
            definition.arguments,
            scalar_registry=strawberry_schema.schema_converter.scalar_registry,
            config=strawberry_schema.config,
        )
        kwargs[resolver.info_parameter.name] = walk.info
        result: Awaitable[Any] = resolver.wrapped_func(None, **kwargs)
        return result

    return run


def _author(walk: Walk, args: dict[str, Any], details: Details) -> Awaitable[Any]:
    # The profile look-ahead reads the selection the way a resolver's info gives it.
    selections = convert_selections(walk.info, [detail.node for detail in details])  # type: ignore[arg-type]
    merged = [inner for selection in selections for inner in selection.selections]
    return find_author(walk.info, args["id"], merged)  # type: ignore[arg-type]


# The root fields completed directly, and where their values are primed. Every resolver
# but `author`'s (which reads its selection) reads only the request's context.
ROOTS: dict[str, tuple[Runner, str]] = {
    "author": (_author, PROFILE),
    **{
        name: (_resolver(name), ANYWHERE)
        for name in (
            "search",
            "node",
            "nodes",
            "paper",
            "topic",
            "institution",
            "neighborhood",
            "path",
            "serverInfo",
        )
    },
}


@dataclass
class Step:
    """How to complete one response key of an object."""

    key: str
    type: GraphQLOutputType | None  # None for __typename
    details: Details
    get: Callable[[Any], Any] = attrgetter("__class__")
    inner: str = ANYWHERE


class Walk:
    """One operation's direct completion over graphql-core's executor (fields, arguments)."""

    def __init__(self, executor: Any) -> None:
        self.executor = executor
        self.schema = executor.schema
        self.variables = executor.variable_values
        # What resolvers read from their info, for the root runners.
        self.info = SimpleNamespace(
            context=executor.context_value,
            fragments=executor.fragment_definitions,
            variable_values=executor.variable_values.coerced,
        )
        self.batcher: Batcher = executor.context_value.batcher
        self.plans: dict[tuple[str, int, str], list[Step] | None] = {}
        self.objects: dict[tuple[str, int, str], Complete] = {}
        self.roots: list[tuple[Step, Runner, dict[str, Any]]] = []

    @classmethod
    def of(cls, executor: Any, root_type: GraphQLObjectType, grouped: dict[str, Details]) -> Any:
        """A walk ready to complete the root fields `grouped`, or None if it cannot."""
        if root_type is not executor.schema.query_type or not isinstance(
            getattr(executor.context_value, "batcher", None), Batcher
        ):
            return None
        walk = cls(executor)
        try:
            for key, details in grouped.items():
                name = details[0].node.name.value
                if name == "__typename":
                    walk.roots.append((Step(key, None, details), _typename, {}))
                    continue
                if name not in ROOTS:
                    return None
                field = root_type.fields[name]
                run, scope = ROOTS[name]
                if not walk.settles(field.type, details, scope):
                    return None
                step = Step(key, field.type, details, inner=scope)
                walk.roots.append((step, run, walk.arguments(field, details)))
        except Exception:  # a bad argument, which graphql-core reports
            return None
        return walk

    def arguments(self, field: Any, details: Details) -> dict[str, Any]:
        return get_argument_values(
            field, details[0].node, self.variables, details[0].fragment_variable_values
        )

    def settles(self, type_: GraphQLOutputType, details: Details, scope: str) -> bool:
        """Whether every field selected under a value of `type_` can be completed here."""
        named = get_named_type(type_)
        if isinstance(named, (GraphQLScalarType, GraphQLEnumType)):
            return True
        if is_abstract_type(named):
            possible = self.schema.get_possible_types(named)
            return all(self.plan(kind, details, scope) is not None for kind in possible)
        return self.plan(named, details, scope) is not None  # type: ignore[arg-type]

    def plan(self, kind: GraphQLObjectType, details: Details, scope: str) -> list[Step] | None:
        """The steps completing an object of `kind` selecting `details`' subfields."""
        key = (kind.name, id(details), scope)
        if key in self.plans:
            return self.plans[key]
        self.plans[key] = None  # a cycle is not expected; if one comes, it is not settled
        grouped = self.executor.collect_subfields(kind, details).grouped_field_set
        steps: list[Step] = []
        for response_key, field_details in grouped.items():
            step = self.step(kind, response_key, field_details, scope)
            if step is None or (
                step.type is not None and not self.settles(step.type, field_details, step.inner)
            ):
                return None
            steps.append(step)
        self.plans[key] = steps
        return steps

    def step(self, kind: GraphQLObjectType, key: str, details: Details, scope: str) -> Step | None:
        name = details[0].node.name.value
        if name == "__typename":
            return Step(key, None, details)
        field = kind.fields[name]
        primed = PRIMED.get((kind.name, name))
        if primed is not None:
            if primed.scope != scope:
                return None
            args = self.arguments(field, details)
            if not primed.accepts(args):
                return None
            value, batcher = primed.value, self.batcher
            return Step(
                key, field.type, details, lambda source: value(source, args, batcher), primed.inner
            )
        definition = field.extensions.get("strawberry-definition")
        if not isinstance(definition, StrawberryField) or field.args:
            return None
        resolver = definition.base_resolver
        if resolver is None:
            return Step(key, field.type, details, attrgetter(definition.python_name), scope)
        if resolver.is_async or resolver.info_parameter is not None or resolver.arguments:
            return None
        read: Callable[[Any], Any] = resolver.wrapped_func  # type: ignore[assignment]
        return Step(key, field.type, details, read)

    async def run(self) -> dict[str, Any]:
        """The operation's data."""
        values = [run(self, args, step.details) for step, run, args in self.roots]
        done = await asyncio.gather(*values) if len(values) > 1 else [await values[0]]
        return {
            step.key: value
            if step.type is None
            else self.completer(step.type, step.details, step.inner)(value)
            for (step, _, _), value in zip(self.roots, done, strict=True)
        }

    def completer(self, type_: GraphQLOutputType, details: Details, scope: str) -> Complete:
        """What makes a value of `type_` (selecting `details`' subfields) its response form,
        made once per operation from the plans, so that each value costs a call or none."""
        exact, complete = self._part(type_, details, scope)
        if exact is None:
            return complete
        return lambda value: value if type(value) is exact else complete(value)

    def _part(
        self, type_: GraphQLOutputType, details: Details, scope: str
    ) -> tuple[type | None, Complete]:
        """A value's completion as (a type a value of which is its own response form, or
        None; what completes any other value, nulls included)."""
        non_null = isinstance(type_, GraphQLNonNull)
        named = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
        if isinstance(named, (GraphQLScalarType, GraphQLEnumType)):
            return UNCHANGED.get(named), _serializer(named, non_null)
        if isinstance(named, GraphQLList):
            item = self.completer(named.of_type, details, scope)
            inner: Complete = lambda value: [item(each) for each in value]  # noqa: E731
        elif isinstance(named, GraphQLObjectType):
            inner = self._object(named, details, scope)
        else:
            by_name = {
                kind.name: self._object(kind, details, scope)
                for kind in self.schema.get_possible_types(named)
            }
            inner = lambda value: by_name[value.__strawberry_definition__.name](value)  # noqa: E731
        return None, _nulls(inner, non_null)

    def _object(self, kind: GraphQLObjectType, details: Details, scope: str) -> Complete:
        key = (kind.name, id(details), scope)
        made = self.objects.get(key)
        if made is not None:
            return made
        steps = self.plans.get(key)
        if steps is None:
            raise Unsettled(kind.name)
        name = kind.name
        parts = [
            (step.key, step.get, *self._part(step.type, step.details, step.inner))
            if step.type is not None
            else (step.key, lambda value: name, str, str)
            for step in steps
        ]

        def complete(value: Any) -> dict[str, Any]:
            # A leaf whose value is already its response form costs no call.
            return {
                key: field if type(field := get(value)) is exact else inner(field)
                for key, get, exact, inner in parts
            }

        self.objects[key] = complete
        return complete


def _nulls(complete: Complete, non_null: bool) -> Complete:
    """`complete`, given a null: none for a nullable field; the walk gives way for another."""
    if non_null:

        def required(value: Any) -> Any:
            if value is None:
                raise Unsettled("a null in a non-null field")
            return complete(value)

        return required
    return lambda value: None if value is None else complete(value)


def _serializer(type_: GraphQLScalarType | GraphQLEnumType, non_null: bool) -> Complete:
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
    return _nulls(inner, non_null)


async def _typename(walk: Walk, args: dict[str, Any], details: Details) -> str:
    return str(walk.schema.query_type.name)
