"""The `graph-service` command line: one module per command group, put together here in the
order `--help` lists them."""

from graph_service.cli.db import db_app, refresh
from graph_service.cli.develop import export_schema, generate
from graph_service.cli.load import load_app
from graph_service.cli.neo4j import neo4j_app
from graph_service.cli.root import app
from graph_service.cli.serve import serve

app.command()(serve)
app.command()(refresh)
app.command()(generate)
app.command("schema")(export_schema)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(load_app, name="load")
app.add_typer(db_app, name="db")

__all__ = ["app"]
