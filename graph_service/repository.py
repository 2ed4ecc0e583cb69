"""The only module that talks to the Neo4j driver: named statements in, plain records out."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
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

    async def read(
        self,
        name: str,
        parameters: Mapping[str, Any] | None = None,
        tx_timeout: float | None = None,
    ) -> list[Record]:
        return await self._run(name, parameters, RoutingControl.READ, tx_timeout)

    async def write(
        self,
        name: str,
        parameters: Mapping[str, Any] | None = None,
        tx_timeout: float | None = None,
    ) -> list[Record]:
        return await self._run(name, parameters, RoutingControl.WRITE, tx_timeout)

    async def _run(
        self,
        name: str,
        parameters: Mapping[str, Any] | None,
        routing: RoutingControl,
        tx_timeout: float | None,
    ) -> list[Record]:
        query = neo4j.Query(self.statements[name], timeout=tx_timeout or self._timeout)
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
        # Statements return maps and scalars, never nodes, so the records need no conversion;
        # Record.data() would walk every value of a 200-node slice again (tens of ms).
        return [dict(record) for record in result.records]

    async def write_many(
        self,
        steps: Sequence[tuple[str, Mapping[str, Any]]],
        tx_timeout: float | None = None,
    ) -> list[list[Record]]:
        """Run several named statements in one write transaction (all or nothing)."""
        queries = [(self.statements[name], dict(parameters)) for name, parameters in steps]

        @neo4j.unit_of_work(timeout=tx_timeout or self._timeout)
        async def work(tx: neo4j.AsyncManagedTransaction) -> list[list[Record]]:
            results = []
            for text, parameters in queries:
                result = await tx.run(text, parameters)
                results.append(await result.data())
            return results

        self.executed += len(queries)
        try:
            async with self._driver.session(database=self._database) as session:
                return await session.execute_write(work)
        except (Neo4jError, DriverError) as error:
            raise translate(error, "+".join(name for name, _ in steps)) from error

    async def apply_schema(self) -> None:
        """Create the constraints and indexes in `cypher/schema_*` (idempotent), then wait."""
        for name in self.statements.with_prefix("schema_"):
            await self.write(name)
        await self.write("await_indexes", tx_timeout=600.0)

    async def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers within a few seconds."""
        try:
            async with asyncio.timeout(PING_TIMEOUT):
                # execute_query retries on a fresh connection when pooled ones died with a
                # restarted server, so readiness comes back with the server.
                await self._driver.execute_query(
                    self.statements["ping"],
                    routing_=RoutingControl.READ,
                    database_=self._database,
                )
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
