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

A walk (the plan of each level and the completers made from it) depends on the operation and
on the variables below its root fields, not on the root fields' own arguments, so it is made
once for each of those and shared: a profile page for another author reuses it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from operator import attrgetter
from types import SimpleNamespace
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.collect_fields import FieldDetails
from graphql.execution.values import get_argument_values
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField
from strawberry.types.nodes import convert_selections

from graph_service.api.execution.lookahead import Profile, author_with, profile
from graph_service.api.execution.primed import (
    ANYWHERE,
    BATCHER,
    PRIMED,
    PROFILE,
    Unsettled,
)
from graph_service.api.execution.values import UNCHANGED, Complete, nulls, serializer

Details = list[FieldDetails]

# A root field's runner: (walk, the request's info, arguments, its field nodes) -> its value.
Runner = Callable[["Walk", Any, dict[str, Any], Details], Awaitable[Any]]


def _resolver(name: str) -> Runner:
    """The root field's own resolver, for one that reads nothing of its info but the
    request's context; its arguments converted as strawberry converts them."""

    def run(walk: Walk, info: Any, args: dict[str, Any], details: Details) -> Awaitable[Any]:
        definition = walk.schema.query_type.fields[name].extensions["strawberry-definition"]
        resolver = definition.base_resolver
        strawberry_schema = walk.schema._strawberry_schema
        kwargs = convert_arguments(
            args,
            definition.arguments,
            scalar_registry=strawberry_schema.schema_converter.scalar_registry,
            config=strawberry_schema.config,
        )
        kwargs[resolver.info_parameter.name] = info
        result: Awaitable[Any] = resolver.wrapped_func(None, **kwargs)
        return result

    return run


def _author(walk: Walk, info: Any, args: dict[str, Any], details: Details) -> Awaitable[Any]:
    wanted = walk.profiles.get(id(details))
    if wanted is None:
        # The profile look-ahead reads the selection the way a resolver's info gives it; what
        # it reads is the walk's shape, so the first request works it out for the others.
        selections = convert_selections(info, [detail.node for detail in details])
        merged = [inner for selection in selections for inner in selection.selections]
        wanted = walk.profiles[id(details)] = profile(merged)
    return author_with(info, args["id"], wanted)


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
    """How to complete one operation shape directly: made from the first request of an
    operation with given shaping variables (see `walk_for`), then shared by the requests
    of that shape, each bringing its own root arguments, context and loader."""

    def __init__(self, executor: Any) -> None:
        self.executor: Any = executor  # while the walk is made
        self.schema = executor.schema
        self.variables = executor.variable_values
        self.plans: dict[tuple[str, int, str], list[Step] | None] = {}
        self.objects: dict[tuple[str, int, str], Complete] = {}
        self.roots: list[tuple[Step, Runner, GraphQLField | None, Complete | None]] = []
        self.profiles: dict[int, Profile] = {}  # the `author` runner's, by its field nodes

    @classmethod
    def of(cls, executor: Any, root_type: GraphQLObjectType, grouped: dict[str, Details]) -> Any:
        """A walk ready to complete the root fields `grouped`, or None if it cannot."""
        walk = cls(executor)
        try:
            for key, details in grouped.items():
                name = details[0].node.name.value
                if name == "__typename":
                    walk.roots.append((Step(key, None, details), _typename, None, None))
                    continue
                if name not in ROOTS:
                    return None
                field = root_type.fields[name]
                run, scope = ROOTS[name]
                if not walk.settles(field.type, details, scope):
                    return None
                step = Step(key, field.type, details, inner=scope)
                complete = walk.completer(field.type, details, scope)
                walk.roots.append((step, run, field, complete))
        except Exception:  # a bad argument, which graphql-core reports
            return None
        walk.executor = walk.variables = None  # a shared walk keeps no request
        return walk

    def arguments(self, field: Any, details: Details) -> dict[str, Any]:
        """A nested field's arguments: its walk's shaping variables are the same in every
        request the walk serves."""
        return _arguments(field, details, self.variables)

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
            value = primed.value
            return Step(
                key,
                field.type,
                details,
                lambda source: value(source, args, BATCHER.get()),
                primed.inner,
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

    async def run(self, executor: Any) -> dict[str, Any]:
        """The operation's data for the request `executor` runs."""
        variables = executor.variable_values
        # What resolvers read from their info, for the root runners.
        info = SimpleNamespace(
            context=executor.context_value,
            fragments=executor.fragment_definitions,
            variable_values=variables.coerced,
        )
        values = [
            run(
                self,
                info,
                {} if field is None else _arguments(field, step.details, variables),
                step.details,
            )
            for step, run, field, _ in self.roots
        ]
        done = await asyncio.gather(*values) if len(values) > 1 else [await values[0]]
        # Completion runs at once, with no await, so no other request's loader comes between.
        token = BATCHER.set(executor.context_value.batcher)
        try:
            return {
                step.key: value if complete is None else complete(value)
                for (step, _, _, complete), value in zip(self.roots, done, strict=True)
            }
        finally:
            BATCHER.reset(token)

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
            return UNCHANGED.get(named), serializer(named, non_null)
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
        return None, nulls(inner, non_null)

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


def _arguments(field: Any, details: Details, variables: Any) -> dict[str, Any]:
    """A field's arguments, coerced by graphql-core with `variables`."""
    return get_argument_values(
        field, details[0].node, variables, details[0].fragment_variable_values
    )


async def _typename(walk: Walk, info: Any, args: dict[str, Any], details: Details) -> str:
    return str(walk.schema.query_type.name)
