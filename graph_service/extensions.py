"""Schema extensions: what a request may cost, what a client may see of an error, and what
gets logged."""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, specified_rules, validate
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from graph_service.admission import RETRY_AFTER, Admission
from graph_service.errors import CostLimit, Overloaded, ServiceError
from graph_service.limits import LimitExceeded, check_document, operation_cost

logger = logging.getLogger("graph_service.errors")

# A UI sends the same few query texts again and again: parsing and validating one took
# about as long as running its statements, so both are cached (the parser cache hands the
# same document object back for the same text).
DOCUMENT_CACHE = 256


@functools.lru_cache(maxsize=DOCUMENT_CACHE)
def validate_document(schema: GraphQLSchema, document: DocumentNode) -> list[GraphQLError]:
    """The document's shape limits, then GraphQL's own rules (which take time quadratic in
    repeated fields, so they run only on documents within the limits)."""
    try:
        check_document(document)
    except LimitExceeded as error:
        return [GraphQLError(str(error))]
    return validate(schema, document, specified_rules)


class RequestGuard(SchemaExtension):
    """Validates a document within its limits, prices its operation, then admits it.

    The cost (`extensions.cost` in every response that got that far) depends on the
    variables, so it is computed for each request; over the budget the operation is refused
    with COST_LIMIT. Admitted operations take a place in the app's lanes; with no place free
    the answer is OVERLOADED with HTTP 503 and Retry-After.
    """

    def __init__(self, budget: int, admission: Admission) -> None:
        self.budget = budget
        self.admission = admission
        self.cost: int | None = None

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        errors = validate_document(context.schema._schema, context.graphql_document)
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
            if not await self.admission.enter(self.cost or 0, stack):
                busy = Overloaded(
                    f"the service is busy ({self.admission.most} operations at once, "
                    f"{self.admission.heavy} of them heavy); retry in {RETRY_AFTER} s"
                )
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


class ErrorPolicy(SchemaExtension):
    """Expected errors reach the client with a code; anything else is masked and logged.

    Expected: the service's own errors (bad input, timeouts, an unreachable database, writes
    without the token) and GraphQL's (syntax, validation, limits). Every error carries the
    request id, which is also the `X-Request-ID` response header and is in the log line.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            return
        request_id = getattr(self.execution_context.context, "request_id", None)
        processed: list[GraphQLError] = []
        for error in errors:
            original = error.original_error
            if isinstance(original, ServiceError):
                code = original.code
            elif original is None or isinstance(original, GraphQLError):
                code = "GRAPHQL_VALIDATION_FAILED" if error.path is None else "BAD_REQUEST"
            else:
                logger.error(
                    "request %s: unexpected error at %s",
                    request_id,
                    ".".join(map(str, error.path or [])) or "(operation)",
                    exc_info=original,
                )
                processed.append(
                    GraphQLError(
                        f"Internal error; quote request id {request_id} when reporting it.",
                        nodes=error.nodes,
                        path=error.path,
                        extensions={"code": "INTERNAL_ERROR", "requestId": request_id},
                    )
                )
                continue
            # A copy: validation errors are cached and shared by every request that sends
            # the same document, so each response gets its own request id.
            processed.append(
                GraphQLError(
                    error.message,
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    original_error=error.original_error,
                    extensions={**(error.extensions or {}), "code": code, "requestId": request_id},
                )
            )
        result.errors = processed  # type: ignore[union-attr]
