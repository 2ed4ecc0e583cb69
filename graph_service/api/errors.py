"""What a client sees of an error: expected ones with their code, the rest masked and logged,
and every one with the request id."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph_service.errors import ServiceError

logger = logging.getLogger("graph_service.errors")


def client_error(error: ServiceError, request_id: str) -> GraphQLError:
    """A service error as the error policy shows it, for errors raised outside the schema's
    execution (the deadline, the response size)."""
    return GraphQLError(
        str(error), original_error=error, extensions={"code": error.code, "requestId": request_id}
    )


def stamped(error: GraphQLError, code: str, request_id: str | None) -> GraphQLError:
    """A copy of `error` with its code and the request id among its extensions. A copy:
    parse and validation errors are cached and shared by every request that sends the same
    document, so each response gets its own request id."""
    return GraphQLError(
        error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error,
        extensions={**(error.extensions or {}), "code": code, "requestId": request_id},
    )


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
            processed.append(stamped(error, code, request_id))
        result.errors = processed  # type: ignore[union-attr]
