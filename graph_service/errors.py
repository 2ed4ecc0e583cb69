"""Everything about errors in one place: the service's own types and their codes, how a
driver error becomes one, and what a client sees of any error (expected ones with their code,
the rest masked and logged)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from strawberry.extensions import SchemaExtension

logger = logging.getLogger("graph_service.errors")


class ServiceError(Exception):
    """Base of every expected failure; its message is safe to show a client. `status` is the
    HTTP status of a response whose errors include it (the highest of them wins)."""

    code = "SERVICE_ERROR"
    status = 200
    retry_after: int | None = None


class DatabaseUnavailable(ServiceError):
    """Neo4j cannot be reached or refused the credentials."""

    code = "DATABASE_UNAVAILABLE"
    status = 503
    retry_after = 1


class Transient(ServiceError):
    """Neo4j kept failing with a transient error (a deadlock, a leader switch) for longer
    than the driver retries it; the same request may well succeed a moment later."""

    code = "TRANSIENT_ERROR"
    status = 503
    retry_after = 1


class QueryTimeout(ServiceError):
    """A statement ran past its transaction timeout and the server stopped it."""

    code = "QUERY_TIMEOUT"
    status = 504


class OutOfMemory(ServiceError):
    """A statement needed more memory than Neo4j lets one transaction have."""

    code = "QUERY_TOO_LARGE"


class InvalidInput(ServiceError):
    """A caller asked for something outside the documented limits."""

    code = "BAD_USER_INPUT"


class Forbidden(ServiceError):
    """A write while writes are disabled (no token configured)."""

    code = "FORBIDDEN"
    status = 403


class Unauthenticated(Forbidden):
    """A write without the configured bearer token, or with another one."""

    status = 401


class ReadOnly(ServiceError):
    """A write sent to a read-only database (a read-only copy or a cluster's secondary)."""

    code = "READ_ONLY"
    status = 409


class CostLimit(ServiceError):
    """An operation whose computed cost is over the request budget."""

    code = "COST_LIMIT"


class Overloaded(ServiceError):
    """Too many operations run at once; the client should retry after a moment."""

    code = "OVERLOADED"
    status = 503
    retry_after = 1


class ResponseTooLarge(ServiceError):
    """A response larger than the configured maximum."""

    code = "RESPONSE_TOO_LARGE"


def check_range(name: str, value: int, low: int, high: int) -> int:
    """`value` itself, or InvalidInput naming the allowed range (and so the maximum)."""
    if not low <= value <= high:
        raise InvalidInput(f"{name} must be between {low} and {high} (the maximum); got {value}")
    return value


def check_order(low_name: str, low: Any, high_name: str, high: Any) -> None:
    """InvalidInput when both bounds of a range are given and the low one is after the high."""
    if low is not None and high is not None and low > high:
        raise InvalidInput(f"{low_name} ({low}) is after {high_name} ({high})")


def client_error(error: ServiceError, request_id: str) -> GraphQLError:
    """A service error as the error policy shows it, for errors raised outside the schema's
    execution (the deadline, the response size)."""
    return GraphQLError(
        str(error), original_error=error, extensions={"code": error.code, "requestId": request_id}
    )


def translate(error: Exception, name: str) -> ServiceError:
    """Map a driver error to the service's own type, with a message a client may see: it
    names no statement and no Neo4j code (those go to the log, with the request)."""
    code = getattr(error, "code", None) or ""
    logger.info("statement %s failed: %s %s", name, type(error).__name__, code)
    if isinstance(error, AuthError):
        return DatabaseUnavailable("Neo4j refused the configured credentials")
    if isinstance(error, (ServiceUnavailable, SessionExpired)):
        return DatabaseUnavailable("Neo4j is not reachable; retry in a moment")
    if isinstance(error, Neo4jError) and "TransactionTimedOut" in code:
        return QueryTimeout("the query ran past its time limit and was stopped")
    if isinstance(error, Neo4jError) and "MemoryPoolOutOfMemoryError" in code:
        return OutOfMemory(
            "the query needed more memory than Neo4j allows one transaction; ask for less at once"
        )
    if isinstance(error, Neo4jError) and "WriteOnReadOnlyAccessDatabase" in code:
        return ReadOnly("this database is read-only: send writes to the service of the primary")
    if isinstance(error, TransientError):
        return Transient("Neo4j was busy with conflicting work (a transient error); retry")
    if isinstance(error, ClientError) and "TooComplex" in code:
        return InvalidInput("the search is too complex: use fewer or shorter words")
    if isinstance(error, (Neo4jError, DriverError)):
        return DatabaseUnavailable(f"Neo4j failed to run the query ({type(error).__name__})")
    return ServiceError(str(error))


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
