"""The service's own error types; the repository turns driver errors into these."""


class ServiceError(Exception):
    """Base of every expected failure; its message is safe to show a client."""


class DatabaseUnavailable(ServiceError):
    """Neo4j cannot be reached or refused the credentials."""


class QueryTimeout(ServiceError):
    """A statement ran past its transaction timeout and the server stopped it."""


class InvalidInput(ServiceError):
    """A caller asked for something outside the documented limits."""
