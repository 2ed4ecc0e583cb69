"""The root command: reads the settings once for every command under it."""

from __future__ import annotations

import logging

import typer
from pydantic import ValidationError

from graph_service.cli.common import fail
from graph_service.settings import Settings

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="The `graph-service` command line: local Neo4j, serving, loading.",
)


@app.callback()
def main(ctx: typer.Context) -> None:
    """Knowledge-graph service for research discovery."""
    # The driver logs each retry of an unreachable server as a warning with its traceback;
    # a command says once what failed instead.
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    try:
        ctx.obj = Settings()
    except ValidationError as error:
        problems = [
            f"{'/'.join(map(str, e['loc'])).upper() or 'settings'}: "
            f"{e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        ]
        fail("the settings from the environment are not valid:\n  " + "\n  ".join(problems))
