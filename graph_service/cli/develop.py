"""`graph-service generate` and `schema`: a synthetic graph, and the GraphQL schema's SDL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from graph_service.cli.common import err, out


def generate(
    papers: Annotated[int, typer.Option(min=1, help="How many papers")],
    output: Annotated[Path, typer.Option("-o", "--output", help="FILE.jsonl or FILE.jsonl.gz")],
    seed: Annotated[int, typer.Option(help="Same seed, same bytes")] = 1,
) -> None:
    """Write a synthetic research graph in the OpenAlex work format (load it with `load`)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from graph_service.devdata import generator

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err) as progress:
        task = progress.add_task("generating", total=papers)
        shape = generator.write(output, papers, seed, advance=lambda n: progress.advance(task, n))
    out.print(
        f"{shape.papers:,} papers, {shape.authors:,} authors, {shape.authorships:,} authorships, "
        f"{shape.citations:,} citations, {shape.institutions:,} institutions, "
        f"{shape.topics:,} topics -> {output}"
    )


def export_schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout")
    ] = None,
) -> None:
    """Print the GraphQL schema (SDL) the service serves."""
    from graph_service.api import build_schema

    text = build_schema().as_str() + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
