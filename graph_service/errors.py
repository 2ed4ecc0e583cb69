"""The service's own error types; their messages are safe to show a client, each has a code."""


class ServiceError(Exception):
    """Base of every expected failure; its message is safe to show a client."""

    code = "SERVICE_ERROR"


class DatabaseUnavailable(ServiceError):
    """Neo4j cannot be reached or refused the credentials."""

    code = "DATABASE_UNAVAILABLE"


class QueryTimeout(ServiceError):
    """A statement ran past its transaction timeout and the server stopped it."""

    code = "QUERY_TIMEOUT"


class InvalidInput(ServiceError):
    """A caller asked for something outside the documented limits."""

    code = "BAD_USER_INPUT"


class Forbidden(ServiceError):
    """A write without the configured bearer token, or with writes disabled."""

    code = "FORBIDDEN"


class CostLimit(ServiceError):
    """An operation whose computed cost is over the request budget."""

    code = "COST_LIMIT"


class Overloaded(ServiceError):
    """Too many operations run at once; the client should retry after a moment."""

    code = "OVERLOADED"


class ResponseTooLarge(ServiceError):
    """A response larger than the configured maximum."""

    code = "RESPONSE_TOO_LARGE"
