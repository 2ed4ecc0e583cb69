"""`python -m graph_service` is the `graph-service` command."""

from graph_service.cli import app

# Guarded: the bulk import's worker processes import the main module again.
if __name__ == "__main__":
    app(prog_name="graph-service")
