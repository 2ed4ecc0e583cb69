"""The service's own errors: what can be expected to fail, with the code and HTTP status a
client sees, and the range checks that raise them."""

from __future__ import annotations

from typing import Any


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
