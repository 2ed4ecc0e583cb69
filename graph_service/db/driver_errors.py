"""Driver errors as the service's own: a message a client may see, naming no statement and
no Neo4j code (those go to the log)."""

from __future__ import annotations

import logging

from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph_service.errors import (
    DatabaseUnavailable,
    InvalidInput,
    OutOfMemory,
    QueryTimeout,
    ReadOnly,
    ServiceError,
    Transient,
)

logger = logging.getLogger("graph_service.db")


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


def unanswered(name: str, waited: float) -> QueryTimeout:
    """A statement Neo4j did not answer within `waited` seconds (a frozen or cut-off server
    never reports its own timeout)."""
    logger.info("statement %s: no answer from Neo4j within %gs", name, waited)
    return QueryTimeout(
        f"the query ran past its time limit: Neo4j did not answer within {waited:g}s"
    )
