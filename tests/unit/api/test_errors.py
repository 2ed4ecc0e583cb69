"""Error handling: driver errors become the service's own, and a client sees expected errors
with their code and nothing of unexpected ones but a request id."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest
import strawberry
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from graph_service.api.errors import ErrorPolicy, client_error
from graph_service.db.driver_errors import translate
from graph_service.errors import (
    DatabaseUnavailable,
    InvalidInput,
    OutOfMemory,
    QueryTimeout,
    ReadOnly,
    ServiceError,
    Transient,
    check_order,
    check_range,
)


def neo4j_error(code: str) -> Neo4jError:
    # How the driver itself builds one from a server failure.
    return Neo4jError._hydrate_neo4j(code=code, message="server message")


@pytest.mark.parametrize(
    ("error", "kind", "message"),
    [
        (AuthError("bad"), DatabaseUnavailable, "refused the configured credentials"),
        (ServiceUnavailable("down"), DatabaseUnavailable, "not reachable"),
        (
            neo4j_error("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"),
            QueryTimeout,
            "the query ran past its time limit",
        ),
        (
            neo4j_error("Neo.ClientError.Statement.SyntaxError"),
            DatabaseUnavailable,
            "Neo4j failed to run the query (CypherSyntaxError)",
        ),
        (
            neo4j_error("Neo.TransientError.General.MemoryPoolOutOfMemoryError"),
            OutOfMemory,
            "the query needed more memory than Neo4j allows one transaction",
        ),
        # A deadlock that outlived the driver's retries: retryable, not "unavailable".
        (
            neo4j_error("Neo.TransientError.Transaction.DeadlockDetected"),
            Transient,
            "retry",
        ),
        (SessionExpired("gone"), DatabaseUnavailable, "not reachable"),
        # A read-only copy or a secondary: the client is told where writes go.
        (
            neo4j_error("Neo.ClientError.General.WriteOnReadOnlyAccessDatabase"),
            ReadOnly,
            "send writes to the service of the primary",
        ),
        (RuntimeError("odd"), ServiceError, "odd"),
    ],
)
def test_driver_errors_are_translated(
    error: Exception, kind: type[ServiceError], message: str
) -> None:
    translated = translate(error, "get_papers")
    assert type(translated) is kind
    assert message in str(translated)
    # Clients learn what happened, not the statement's name or Neo4j's own words and codes.
    assert "server message" not in str(translated)
    assert "get_papers" not in str(translated)
    assert "Neo." not in str(translated)


def test_check_range_names_the_maximum() -> None:
    assert check_range("first", 5, 1, 10) == 5
    with pytest.raises(
        InvalidInput, match=r"first must be between 1 and 10 \(the maximum\); got 11"
    ):
        check_range("first", 11, 1, 10)


def test_check_order_names_both_bounds() -> None:
    check_order("yearFrom", 2020, "yearTo", 2020)
    check_order("dateFrom", None, "dateTo", "2020-01-01")
    with pytest.raises(InvalidInput, match=r"yearFrom \(2021\) is after yearTo \(2020\)"):
        check_order("yearFrom", 2021, "yearTo", 2020)


def test_client_error_carries_code_and_request_id() -> None:
    error = client_error(QueryTimeout("too slow"), "req-1")
    assert error.formatted["extensions"] == {"code": "QUERY_TIMEOUT", "requestId": "req-1"}


@dataclass
class Ctx:
    request_id: str


@strawberry.type
class Query:
    @strawberry.field
    def expected(self) -> int:
        raise InvalidInput("depth must be between 1 and 3")

    @strawberry.field
    def unexpected(self) -> int:
        raise RuntimeError("secret connection string")


SCHEMA = strawberry.Schema(query=Query, extensions=[ErrorPolicy])


def test_expected_errors_keep_their_message_and_code() -> None:
    result = SCHEMA.execute_sync("{ expected }", context_value=Ctx("r1"))
    assert result.errors is not None
    (error,) = result.errors
    assert error.message == "depth must be between 1 and 3"
    assert error.extensions == {"code": "BAD_USER_INPUT", "requestId": "r1"}


def test_unexpected_errors_are_masked_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="graph_service.errors"):
        result = SCHEMA.execute_sync("{ unexpected }", context_value=Ctx("r2"))
    assert result.errors is not None
    (error,) = result.errors
    assert "secret" not in error.message
    assert "r2" in error.message
    assert error.extensions == {"code": "INTERNAL_ERROR", "requestId": "r2"}
    assert "request r2: unexpected error at unexpected" in caplog.text
    assert "secret connection string" in caplog.text


def test_validation_errors_have_their_code() -> None:
    result = SCHEMA.execute_sync("{ missing }", context_value=Ctx("r3"))
    assert result.errors is not None
    assert result.errors[0].extensions == {
        "code": "GRAPHQL_VALIDATION_FAILED",
        "requestId": "r3",
    }
