"""The only module that talks to the Neo4j driver: named statements in, plain records out."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from graph_service.cypher import Statements
from graph_service.errors import DatabaseUnavailable, QueryTimeout, ServiceError
from graph_service.settings import Settings

Record = dict[str, Any]
PING_TIMEOUT = 5.0


class Repository:
    """Runs the statements in `cypher/` by name, reads in read transactions, with a timeout."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        statements: Statements | None = None,
    ) -> None:
        self._driver = driver
        self._database = database
        self._timeout = timeout
        self.statements = statements or Statements()
        # Counted so tests and benchmarks can hold a request to a number of round trips.
        self.executed = 0

    @classmethod
    def connect(cls, settings: Settings) -> Repository:
        if not settings.neo4j_uri:
            raise DatabaseUnavailable("no Neo4j URI configured")
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.password or ""),
            connection_timeout=5.0,
            connection_acquisition_timeout=10.0,
            # Retries of transient errors stop well before a client gives up on us.
            max_transaction_retry_time=5.0,
            notifications_min_severity="OFF",
        )
        return cls(driver, settings.neo4j_database, settings.query_timeout)

    async def close(self) -> None:
        await self._driver.close()

    async def read(self, name: str, parameters: Mapping[str, Any] | None = None) -> list[Record]:
        return await self._run(name, parameters, RoutingControl.READ)

    async def write(self, name: str, parameters: Mapping[str, Any] | None = None) -> list[Record]:
        return await self._run(name, parameters, RoutingControl.WRITE)

    async def _run(
        self, name: str, parameters: Mapping[str, Any] | None, routing: RoutingControl
    ) -> list[Record]:
        query = neo4j.Query(self.statements[name], timeout=self._timeout)
        self.executed += 1
        try:
            result = await self._driver.execute_query(
                query,
                dict(parameters or {}),
                routing_=routing,
                database_=self._database,
            )
        except (Neo4jError, DriverError) as error:
            raise translate(error, name) from error
        return [record.data() for record in result.records]

    async def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers within a few seconds."""
        try:
            async with asyncio.timeout(PING_TIMEOUT):
                async with self._driver.session(database=self._database) as session:
                    result = await session.run(self.statements["ping"])
                    await result.consume()
        except TimeoutError:
            raise DatabaseUnavailable(f"Neo4j did not answer within {PING_TIMEOUT:.0f}s") from None
        except (Neo4jError, DriverError) as error:
            raise translate(error, "ping") from error


def translate(error: Exception, name: str) -> ServiceError:
    """Map a driver error to the service's own type, with a message a client may see."""
    if isinstance(error, AuthError):
        return DatabaseUnavailable("Neo4j refused the configured credentials")
    if isinstance(error, ServiceUnavailable):
        return DatabaseUnavailable("Neo4j is not reachable")
    if isinstance(error, Neo4jError) and "TransactionTimedOut" in (error.code or ""):
        return QueryTimeout(f"the query ({name}) ran past its time limit and was stopped")
    if isinstance(error, (Neo4jError, DriverError)):
        return DatabaseUnavailable(f"Neo4j failed to run {name}: {type(error).__name__}")
    return ServiceError(str(error))
