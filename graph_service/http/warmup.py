"""Getting Neo4j ready before serving: the schema applied and the common statements planned."""

from __future__ import annotations

import logging

from graph_service.api import warm_up
from graph_service.api.resolvers.warmup import WARM_UP_AT_ONCE
from graph_service.db.repository import Repository
from graph_service.errors import ReadOnly, ServiceError
from graph_service.settings import Settings

logger = logging.getLogger("graph_service")


async def plan(
    repository: Repository, settings: Settings, serving: bool = False, writes: bool = False
) -> None:
    """Plan the common statements (when the settings say so), so the first requests find
    their plans cached, and the writes' too with `writes`; a failure is logged, the requests
    then plan on first use. While `serving`, one at a time: the requests planning their own
    statements keep a core."""
    if settings.warm_up:
        try:
            await warm_up(repository, at_once=1 if serving else WARM_UP_AT_ONCE, writes=writes)
        except ServiceError as error:
            logger.warning("query plans not warmed up: %s", error)


async def prepare(repository: Repository, settings: Settings) -> bool:
    """Apply the schema, then plan the common statements; False when Neo4j did not answer.

    Before serving, so the first requests find their plans cached (and the statement counts
    a request causes are its own). A read-only database still gets its plans. Skipped when
    the database is unusable: retrying bad credentials only gets the user locked out.
    """
    read_only = False
    try:
        read_only = await repository.read_only()
        if read_only:
            logger.warning(
                "Neo4j's database %s is read-only: serving reads; writes get READ_ONLY",
                settings.neo4j_database,
            )
        created = await repository.apply_schema()
    except ReadOnly:
        logger.warning(
            "the database is read-only and lacks some of the schema: serving without it "
            "(load the data on the primary, then copy it)"
        )
    except ServiceError as error:
        # Serve anyway: /readyz reports the database, and the schema is applied by `load`.
        logger.warning("schema not applied: %s", error)
        return False
    else:
        if created:
            logger.info("created the schema's %s", ", ".join(created))
    # With writes on and a database that takes them, the writes are planned too. After a
    # restart (`recovered`) they plan on first use: the reads come back first.
    await plan(repository, settings, writes=settings.token is not None and not read_only)
    return True
