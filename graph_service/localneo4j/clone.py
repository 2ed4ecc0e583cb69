"""Copying a home's graph into another home (a copy, or a read-only replica)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable

from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer

# What makes a clone a read-only copy: every database but system refuses writes.
READ_ONLY_SETTING = "server.databases.default_to_read_only"


def clone(
    source: LocalServer,
    target: LocalServer,
    database: str,
    read_only: bool,
    say: Callable[[str], None] = lambda _: None,
) -> None:
    """Copy the database of `source`'s home into `target`'s with `neo4j-admin database dump`
    and `load`.

    Each server is stopped only for its half (the source for the dump, the copy for the load)
    and started again as it was. The copy keeps its own password, ports and settings; with
    `read_only` it takes no writes from its next start on, without it it takes them again.
    """
    if target.home == source.home:
        raise LocalServerError("a home cannot be cloned into itself: name another with --to")
    if not source.installed:
        raise LocalServerError(f"{source.home} is not installed: nothing to clone")
    target.install(say)
    # The dump lies beside the copy's store: the same disk, and gone with the copy.
    with tempfile.TemporaryDirectory(prefix="clone-", dir=target.home) as dumps:
        with source.stopped():
            say(f"dumping {database} from {source.home}")
            source.admin_ok(
                "database",
                "dump",
                database,
                f"--to-path={dumps}",
                "--overwrite-destination=true",
            )
        with target.stopped():
            say(f"loading it into {target.home}")
            target.admin_ok(
                "database",
                "load",
                database,
                f"--from-path={dumps}",
                "--overwrite-destination=true",
            )
            target.conf.set_setting(READ_ONLY_SETTING, "true" if read_only else None)
