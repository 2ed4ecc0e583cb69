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
# How long past a transaction's own timeout the service waits for Neo4j before giving up on
# it: a server that is frozen (or cut off) never reports its timeout.
STATEMENT_GRACE = 2.0


class Repository:
    """Runs the statements in `cypher/` by name, reads in read transactions, with a timeout."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        statements: Statements | None = None,
        probe: AsyncDriver | None = None,
    ) -> None:
        self._driver = driver
        self._probe = probe or driver
        self._database = database
        self._timeout = timeout
        self.statements = statements or Statements()
        # Counted so tests and benchmarks can hold a request to a number of round trips.
        self.executed = 0

    @classmethod
    def connect(cls, settings: Settings) -> Repository:
        if not settings.neo4j_uri:
            raise DatabaseUnavailable("no Neo4j URI configured")
        auth = (settings.neo4j_user, settings.password or "")
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=auth,
            connection_timeout=5.0,
            # A frozen database holds every connection: the pool's size bounds how many pile
            # up, and a request waits for one no longer than it may take in all.
            max_connection_pool_size=settings.neo4j_pool_size,
            connection_acquisition_timeout=settings.request_timeout,
            # Retries of transient errors stop well before a client gives up on us.
            max_transaction_retry_time=5.0,
            notifications_min_severity="OFF",
        )
        # Readiness has a connection of its own, so a busy pool does not make a healthy
        # database look dead.
        probe = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=auth,
            connection_timeout=PING_TIMEOUT,
            max_connection_pool_size=1,
            connection_acquisition_timeout=PING_TIMEOUT,
            notifications_min_severity="OFF",
        )
        return cls(driver, settings.neo4j_database, settings.query_timeout, probe=probe)

    async def close(self) -> None:
        await self._driver.close()
        if self._probe is not self._driver:
            await self._probe.close()

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
        timeout = tx_timeout or self._timeout
        query = neo4j.Query(self.statements[name], timeout=timeout)
        self.executed += 1
        try:
            async with asyncio.timeout(timeout + STATEMENT_GRACE):
                result = await self._driver.execute_query(
                    query,
                    dict(parameters or {}),
                    routing_=routing,
                    database_=self._database,
                )
        except TimeoutError:
            raise unanswered(name, timeout) from None
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

        timeout = tx_timeout or self._timeout

        @neo4j.unit_of_work(timeout=timeout)
        async def work(tx: neo4j.AsyncManagedTransaction) -> list[list[Record]]:
            results = []
            for text, parameters in queries:
                result = await tx.run(text, parameters)
                results.append(await result.data())
            return results

        self.executed += len(queries)
        try:
            async with (
                asyncio.timeout(timeout + STATEMENT_GRACE),
                self._driver.session(database=self._database) as session,
            ):
                return await session.execute_write(work)
        except TimeoutError:
            raise unanswered("+".join(name for name, _ in steps), timeout) from None
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
                await self._probe.execute_query(
                    self.statements["ping"],
                    routing_=RoutingControl.READ,
                    database_=self._database,
                )
        except TimeoutError:
            raise DatabaseUnavailable(f"Neo4j did not answer within {PING_TIMEOUT:.0f}s") from None
        except (Neo4jError, DriverError) as error:
            raise translate(error, "ping") from error


def unanswered(name: str, timeout: float) -> QueryTimeout:
    return QueryTimeout(
        f"the query ({name}) ran past its time limit: Neo4j did not answer within "
        f"{timeout + STATEMENT_GRACE:g}s"
    )


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
