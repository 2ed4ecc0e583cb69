"""The only module that talks to the Neo4j driver: named statements in, plain records out."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable

from graph_service.db.catalog import Catalog, Composed
from graph_service.db.driver_errors import translate, unanswered
from graph_service.db.statements import SCHEMA, Statement
from graph_service.errors import DatabaseUnavailable
from graph_service.settings import Settings

logger = logging.getLogger("graph_service.db.repository")
Record = dict[str, Any]
PING_TIMEOUT = 5.0
CONNECTION_TIMEOUT = 3.0
RETRY_TIME = 2.0
RETRY_DELAYS = (0.0, 0.1, 0.2, 0.4, 0.8)  # seconds before each retry of a read
# How long past a transaction's own timeout the service waits for Neo4j before giving up on
# it: a server that is frozen (or cut off) never reports its timeout.
STATEMENT_GRACE = 2.0
AWAIT_INDEXES_TIMEOUT = 600.0


@dataclass(frozen=True)
class Ran:
    """One statement the repository ran (or tried to), for observers."""

    name: str
    text: str
    parameters: Mapping[str, Any]
    started: float  # time.perf_counter()
    finished: float
    # When it went to Neo4j: later than `started` when it waited for another run's plan.
    sent: float | None = None


Observer = Callable[[Ran], None]
PlanKey = tuple[str, tuple[tuple[str, str], ...]]


def plan_key(text: str, parameters: Mapping[str, Any]) -> PlanKey:
    """What Neo4j caches a plan by: the statement's text and its parameters' types."""
    return text, tuple(sorted((name, type(value).__name__) for name, value in parameters.items()))


class Repository:
    """Runs the statements in `cypher/` by name, with a timeout: reads in auto-commit read
    transactions (retried as the driver retries), writes in managed ones."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        catalog: Catalog | None = None,
        probe: AsyncDriver | None = None,
    ) -> None:
        self._driver = driver
        self._probe = probe or driver
        self._database = database
        self._timeout = timeout
        self.catalog = catalog or Catalog()
        # Counted so tests can hold a request to a number of round trips.
        self.executed = 0
        # Told of every statement run (the benchmarks record what a query costs this way).
        self.observers: list[Observer] = []
        # Set while the readiness probe finds Neo4j refusing connections: statements then
        # fail at once instead of each retrying a dead server for seconds.
        self.unreachable = False
        # The statements (with their parameters' types, which Neo4j plans apart) that have
        # run since Neo4j last started, and a lock for each one not yet run: Neo4j plans a
        # statement once per concurrent first run, so sixteen first runs on a cold server
        # each took the time of sixteen plans. One runs; the others wait for its plan.
        self.planned: set[PlanKey] = set()
        self._planning: dict[PlanKey, asyncio.Lock] = {}

    @classmethod
    def connect(cls, settings: Settings) -> Repository:
        if not settings.neo4j_uri:
            raise DatabaseUnavailable("no Neo4j URI configured")
        auth = (settings.neo4j_user, settings.password or "")
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=auth,
            connection_timeout=CONNECTION_TIMEOUT,
            # A frozen database holds every connection: the pool's size bounds how many pile
            # up, and a request waits for one no longer than it may take in all.
            max_connection_pool_size=settings.neo4j_pool_size,
            connection_acquisition_timeout=(
                settings.neo4j_acquisition_timeout or settings.request_timeout
            ),
            max_connection_lifetime=settings.neo4j_connection_lifetime,
            liveness_check_timeout=settings.neo4j_liveness_check,
            # Retries of transient errors (a deadlock, a pooled connection a restart killed)
            # stop after a second or two: a client is told to retry sooner than it would give
            # up on us, and a dead server is reported as such within that time.
            max_transaction_retry_time=RETRY_TIME,
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
            # One try per probe: the next probe is a moment away.
            max_transaction_retry_time=0.0,
            notifications_min_severity="OFF",
        )
        return cls(driver, settings.neo4j_database, settings.query_timeout, probe=probe)

    @property
    def bookmarks(self) -> neo4j.api.AsyncBookmarkManager:
        """The bookmarks every statement carries: a read after a write waits, on a cluster
        member that has not caught up, until it has seen the write."""
        return self._driver.execute_query_bookmark_manager

    async def close(self) -> None:
        await self._driver.close()
        if self._probe is not self._driver:
            await self._probe.close()

    async def read(
        self,
        statement: Statement | Composed,
        parameters: Mapping[str, Any] | None = None,
        tx_timeout: float | None = None,
    ) -> list[Record]:
        return await self._run(statement, parameters, RoutingControl.READ, tx_timeout)

    async def write(
        self,
        statement: Statement | Composed,
        parameters: Mapping[str, Any] | None = None,
        tx_timeout: float | None = None,
    ) -> list[Record]:
        return await self._run(statement, parameters, RoutingControl.WRITE, tx_timeout)

    async def write_until_done(
        self, statement: Statement, key: str, limit: int, tx_timeout: float | None = None
    ) -> int:
        """Run a statement that changes up to `$limit` nodes, and says how many under `key`,
        until it changes none; returns the total."""
        total = 0
        while done := int(
            (await self.write(statement, {"limit": limit}, tx_timeout=tx_timeout))[0][key]
        ):
            total += done
        return total

    async def _run(
        self,
        statement: Statement | Composed,
        parameters: Mapping[str, Any] | None,
        routing: RoutingControl,
        tx_timeout: float | None,
        explain: bool = False,
    ) -> list[Record]:
        if self.unreachable:
            raise DatabaseUnavailable("Neo4j is not reachable; retry in a moment")
        timeout = tx_timeout or self._timeout
        name = statement.name if isinstance(statement, Composed) else statement.value
        text = self.catalog.text(statement)
        # EXPLAIN is a prefix the server strips before it looks the plan up: the plan is
        # cached under the statement's own key.
        query = neo4j.Query(f"EXPLAIN {text}" if explain else text, timeout=timeout)
        name = f"explain {name}" if explain else name
        values = dict(parameters or {})
        self.executed += 1
        started = time.perf_counter()
        key = plan_key(text, values)
        sent = None
        try:
            async with asyncio.timeout(timeout + STATEMENT_GRACE):
                result = None
                if key not in self.planned:
                    async with self._planning.setdefault(key, asyncio.Lock()):
                        if key not in self.planned:  # else planned while this one waited
                            sent = time.perf_counter()
                            result = await self._execute(query, values, routing)
                            self.planned.add(key)
                            self._planning.pop(key, None)
                if result is None:
                    sent = time.perf_counter()
                    result = await self._execute(query, values, routing)
        except TimeoutError:
            raise unanswered(name, timeout + STATEMENT_GRACE) from None
        except (Neo4jError, DriverError) as error:
            raise translate(error, name) from error
        finally:
            self._tell(Ran(name, text, values, started, time.perf_counter(), sent))
        # Statements return maps and scalars, never nodes, so the records need no conversion;
        # Record.data() would walk every value of a 200-node slice again (tens of ms).
        return [dict(record) for record in result.records]

    async def _execute(
        self, query: neo4j.Query, values: dict[str, Any], routing: RoutingControl
    ) -> neo4j.EagerResult:
        if routing is RoutingControl.WRITE:
            return await self._driver.execute_query(
                query, values, routing_=routing, database_=self._database
            )
        # A read is safe to run again: retried here as the driver retries a managed
        # transaction (the errors it calls retryable, for up to RETRY_TIME), the first time
        # at once, since the usual cause is a pooled connection a restart killed.
        delays = iter(RETRY_DELAYS)
        failed_at: float | None = None
        while True:
            try:
                return await read_auto(self._driver, self._database, query, values)
            except (Neo4jError, DriverError) as error:
                now = time.monotonic()
                failed_at = failed_at or now
                if not error.is_retryable() or now - failed_at > RETRY_TIME:
                    raise
                await asyncio.sleep(next(delays, RETRY_DELAYS[-1]))

    async def explain(
        self, statement: Statement | Composed, parameters: Mapping[str, Any] | None = None
    ) -> None:
        """Have Neo4j plan a statement for these parameters' types without running it: its
        plan is cached as a run's would be, and nothing is read or written (how a write is
        planned before the first request)."""
        if plan_key(self.catalog.text(statement), dict(parameters or {})) not in self.planned:
            await self._run(statement, parameters, RoutingControl.WRITE, None, explain=True)

    async def write_many(
        self,
        steps: Sequence[tuple[Statement, Mapping[str, Any]]],
        tx_timeout: float | None = None,
    ) -> list[list[Record]]:
        """Run several statements in one write transaction (all or nothing)."""
        if self.unreachable:
            raise DatabaseUnavailable("Neo4j is not reachable; retry in a moment")
        queries = [(self.catalog.text(s), dict(parameters)) for s, parameters in steps]
        name = "+".join(s.value for s, _ in steps)
        timeout = tx_timeout or self._timeout

        @neo4j.unit_of_work(timeout=timeout)
        async def work(tx: neo4j.AsyncManagedTransaction) -> list[list[Record]]:
            results = []
            for text, parameters in queries:
                result = await tx.run(text, parameters)
                results.append(await result.data())
            return results

        self.executed += len(queries)
        started = time.perf_counter()
        try:
            async with (
                asyncio.timeout(timeout + STATEMENT_GRACE),
                # The bookmark manager execute_query uses: a read after this write waits, on
                # a cluster member that has not caught up, until it has seen the write.
                self._driver.session(
                    database=self._database,
                    bookmark_manager=self._driver.execute_query_bookmark_manager,
                ) as session,
            ):
                done = await session.execute_write(work)
        except TimeoutError:
            raise unanswered(name, timeout + STATEMENT_GRACE) from None
        except (Neo4jError, DriverError) as error:
            raise translate(error, name) from error
        finally:
            self._tell(Ran(name, "", {}, started, time.perf_counter()))
        self.planned.update(plan_key(text, parameters) for text, parameters in queries)
        return done

    def _tell(self, ran: Ran) -> None:
        for observer in self.observers:
            observer(ran)

    async def apply_schema(self) -> list[str]:
        """Create the constraints and indexes in `cypher/schema_*` the database lacks, then
        wait for them to be online; the names created. With none missing nothing is written,
        so a read-only copy starts; with some missing there it raises ReadOnly."""
        # Every step may take as long as filling an index: the schema is applied once, at a
        # start or after a load, when nothing else waits on it.
        shown = await self.read(Statement.SHOW_SCHEMA, tx_timeout=AWAIT_INDEXES_TIMEOUT)
        present = {row["name"] for row in shown}
        names = {s: self.catalog.schema_name(s) for s in SCHEMA}
        missing = [s for s in SCHEMA if names[s] not in present]
        for statement in missing:
            # A constraint fills its index and checks every node inside its transaction:
            # minutes on a freshly imported graph of millions.
            await self.write(statement, tx_timeout=AWAIT_INDEXES_TIMEOUT)
        await self.read(Statement.AWAIT_INDEXES, tx_timeout=AWAIT_INDEXES_TIMEOUT)
        return [names[s] for s in missing]

    async def read_only(self) -> bool:
        """Whether the database takes no writes (a read-only copy or a secondary)."""
        rows = await self.read(Statement.SHOW_ACCESS, {"database": self._database})
        return bool(rows) and rows[0]["access"] == "read-only"

    async def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers within a few seconds."""
        try:
            async with asyncio.timeout(PING_TIMEOUT):
                if self.unreachable:
                    # A server that accepts connections again takes requests again at once:
                    # a restarted one's first statement of any kind waits a second or more
                    # for its cold JVM, and requests held back until this probe's own
                    # statement answered would start only after it instead of beside it.
                    await self._probe.verify_connectivity()
                    self.unreachable = False
                # execute_query retries on a fresh connection when pooled ones died with a
                # restarted server, so readiness comes back with the server.
                await self._probe.execute_query(
                    self.catalog.text(Statement.PING),
                    routing_=RoutingControl.READ,
                    database_=self._database,
                )
        except TimeoutError:
            raise DatabaseUnavailable(f"Neo4j did not answer within {PING_TIMEOUT:.0f}s") from None
        except (Neo4jError, DriverError) as error:
            self.unreachable = isinstance(error, ServiceUnavailable)
            if self.unreachable:
                # The server that comes back is a new one, with nothing planned.
                self.planned.clear()
            raise translate(error, Statement.PING) from error
        self.unreachable = False


async def read_auto(
    driver: AsyncDriver, database: str, query: neo4j.Query, parameters: dict[str, Any]
) -> neo4j.EagerResult:
    """One read in an auto-commit transaction. A managed transaction (`execute_query`) adds
    BEGIN and COMMIT, a second round trip and its share of the driver's work per statement:
    1.2-1.6x the reads per second through one process here (docs/benchmarks.md)."""
    async with driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        # As execute_query's: a read after a write sees it on any cluster member.
        bookmark_manager=driver.execute_query_bookmark_manager,
    ) as session:
        result = await session.run(query, parameters)
        return await result.to_eager_result()
