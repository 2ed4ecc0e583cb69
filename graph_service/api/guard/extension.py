"""The request guard: a document within its limits, its operation within the cost budget,
then a place in the admission lanes (or a refusal saying which)."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    NoSchemaIntrospectionCustomRule,
    specified_rules,
    validate,
)
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from graph_service.api.guard.admission import COLD_PLACES, RETRY_AFTER, Admission
from graph_service.api.guard.cost import operation_cost
from graph_service.api.guard.limits import LimitExceeded, check_document
from graph_service.errors import CostLimit, Overloaded

# A UI sends the same few query texts again and again: parsing and validating one took
# about as long as running its statements, so both are cached (the parser cache hands the
# same document object back for the same text).
DOCUMENT_CACHE = 256

RULES: tuple[type[ASTValidationRule], ...] = tuple(specified_rules)
NO_INTROSPECTION = (*RULES, NoSchemaIntrospectionCustomRule)


@functools.lru_cache(maxsize=DOCUMENT_CACHE)
def validate_document(
    schema: GraphQLSchema,
    document: DocumentNode,
    rules: tuple[type[ASTValidationRule], ...] = RULES,
) -> list[GraphQLError]:
    """The document's shape limits, then GraphQL's own rules (which take time quadratic in
    repeated fields, so they run only on documents within the limits)."""
    try:
        check_document(document)
    except LimitExceeded as error:
        return [GraphQLError(str(error))]
    return validate(schema, document, rules)


def client_of(context: Any) -> str | None:
    """The address a request came from (its own lane in admission), where there is one."""
    request = getattr(context, "request", None)
    client = getattr(request, "client", None)
    return getattr(client, "host", None)


class RequestGuard(SchemaExtension):
    """Validates a document within its limits, prices its operation, then admits it.

    The cost (`extensions.cost` in every response that got that far) depends on the
    variables, so it is computed for each request; over the budget the operation is refused
    with COST_LIMIT. Admitted operations take a place in the app's lanes; with no place free
    the answer is OVERLOADED with HTTP 503 and Retry-After.
    """

    def __init__(self, budget: int, admission: Admission, introspection: bool = True) -> None:
        self.budget = budget
        self.admission = admission
        self.rules = RULES if introspection else NO_INTROSPECTION
        self.cost: int | None = None

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        errors = validate_document(context.schema._schema, context.graphql_document, self.rules)
        if not errors:
            self.cost = operation_cost(
                context.schema._schema,
                context.graphql_document,
                context.operation_name,
                context.variables,
            )
            if self.cost > self.budget:
                refusal = CostLimit(
                    f"this operation costs {self.cost:,}, over the budget of {self.budget:,} "
                    "per request: ask for fewer items (first, limit, perNodeLimit, depth) "
                    "or split it into several requests"
                )
                errors = [GraphQLError(str(refusal), original_error=refusal)]
        context.pre_execution_errors = errors
        yield

    async def on_execute(self) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            client = client_of(self.execution_context.context)
            if not await self.admission.enter(self.cost or 0, stack, client):
                if client is not None and self.admission.crowded(client):
                    why = (
                        f"this client has {self.admission.per_client} operations running, the "
                        "most one client may"
                    )
                elif self.admission.throttled:
                    why = (
                        "Neo4j has just restarted and plans its queries anew, so the service "
                        f"runs only {COLD_PLACES} operations at once for a few seconds"
                    )
                else:
                    why = (
                        f"the service is busy ({self.admission.most} operations at once, "
                        f"{self.admission.heavy} of them heavy)"
                    )
                busy = Overloaded(f"{why}; retry in {RETRY_AFTER} s")
                self.execution_context.result = ExecutionResult(
                    data=None, errors=[GraphQLError(str(busy), original_error=busy)]
                )
                response = getattr(self.execution_context.context, "response", None)
                if response is not None:
                    response.status_code = 503
                    response.headers["Retry-After"] = str(RETRY_AFTER)
            yield

    def get_results(self) -> dict[str, Any]:
        if self.cost is None:
            return {}
        return {"cost": {"requested": self.cost, "budget": self.budget}}
