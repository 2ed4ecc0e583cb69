"""Import throughput: `graph-service load openalex` against Neo4j's offline bulk loader.

Both load the same generated works, side by side in one run, each into its own throw-away
Neo4j home with the same memory settings. The bulk loader gets the works converted to its CSV
format (conversion timed apart). Prints a markdown table; `--output` also writes it.

    .venv/bin/python bench/import_throughput.py --papers 100000
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from graph_service.db.repository import Ran, Repository
from graph_service.db.statements import Statement
from graph_service.devdata import generator
from graph_service.ingest.bulk import BulkImport
from graph_service.ingest.importer import Importer
from graph_service.ingest.records import file_lines, read_works
from graph_service.ingest.report import Rejects, Report
from graph_service.localneo4j.host import free_port
from graph_service.localneo4j.scratch import start_free
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import Settings

HEAP = "2g"
HEADER = """# Import throughput

`graph-service load openalex` (online) and `load openalex --bulk` against Neo4j's offline bulk
loader (`neo4j-admin database import full`, from the same 5.26 jars), side by side in one run
on the same generated works, each into its own fresh Neo4j home with the same memory.
Reproduce with:

```sh
.venv/bin/python bench/import_throughput.py --papers 100000 --output docs/import-benchmark.md
```

"""
PAGECACHE = "2g"


def to_csv(source: Path, folder: Path) -> dict[str, int]:
    """The works as neo4j-admin import CSV files; returns row counts per file."""
    folder.mkdir(parents=True, exist_ok=True)
    papers: dict[str, dict[str, Any]] = {}
    authors: dict[str, str] = {}
    topics: dict[str, dict[str, Any]] = {}
    institutions: dict[str, dict[str, Any]] = {}
    authored: list[tuple[Any, ...]] = []
    cites: list[tuple[str, str]] = []
    has_topic: list[tuple[Any, ...]] = []
    report = Report()
    for work in read_works(file_lines([source]), report, Rejects(report)):
        papers[work.id] = work.props
        for s in work.authorships:
            authors[s["id"]] = s["name"]
            authored.append(
                (s["id"], work.id, s["position"], s["isCorresponding"], s["institutionIds"])
            )
        topics.update(work.topic_nodes)
        institutions.update(work.institutions)
        has_topic.extend((work.id, t["id"], t["score"]) for t in work.topics)
        cites.extend((work.id, ref) for ref in work.references)
    stubs = {ref for _, ref in cites} - papers.keys()

    def write(name: str, header: list[str], rows: Any) -> int:
        count = 0
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(header)
            for row in rows:
                out.writerow(row)
                count += 1
        return count

    return {
        "papers": write(
            "papers.csv",
            [
                "id:ID(Paper)",
                "title",
                "doi",
                "year:int",
                "publicationDate",
                "type",
                "venue",
                "citedByCount:int",
                "stub:boolean",
            ],
            (
                [
                    pid,
                    p["title"],
                    p["doi"],
                    p["year"],
                    p["publicationDate"],
                    p["type"],
                    p["venue"],
                    p["citedByCount"],
                    "false",
                ]
                for pid, p in papers.items()
            ),
        ),
        "stubs": write("stubs.csv", ["id:ID(Paper)", "stub:boolean"], ([s, "true"] for s in stubs)),
        "authors": write(
            "authors.csv", ["id:ID(Author)", "name"], ([a, n] for a, n in authors.items())
        ),
        "topics": write(
            "topics.csv",
            ["id:ID(Topic)", "name", "level:int"],
            ([t["id"], t["name"], t["level"]] for t in topics.values()),
        ),
        "institutions": write(
            "institutions.csv",
            ["id:ID(Institution)", "name", "countryCode", "type"],
            ([i["id"], i["name"], i["countryCode"], i["type"]] for i in institutions.values()),
        ),
        "authored": write(
            "authored.csv",
            [
                ":START_ID(Author)",
                ":END_ID(Paper)",
                "position:int",
                "isCorresponding:boolean",
                "institutionIds:string[]",
            ],
            ([a, p, pos, str(c).lower(), ";".join(i)] for a, p, pos, c, i in authored),
        ),
        "cites": write("cites.csv", [":START_ID(Paper)", ":END_ID(Paper)"], cites),
        "has_topic": write(
            "has_topic.csv", [":START_ID(Paper)", ":END_ID(Topic)", "score:float"], has_topic
        ),
        "subtopic_of": write(
            "subtopic_of.csv",
            [":START_ID(Topic)", ":END_ID(Topic)"],
            ([t["id"], t["parent"]] for t in topics.values() if t["parent"]),
        ),
    }


def bulk(home: Path, csvs: Path) -> float:
    server = LocalServer(home)
    server.install()
    server.conf.write(free_port(), free_port(), HEAP, PAGECACHE)
    arguments = [
        "database",
        "import",
        "full",
        "neo4j",
        "--overwrite-destination",
        f"--nodes=Paper={csvs / 'papers.csv'}",
        f"--nodes=Paper={csvs / 'stubs.csv'}",
        f"--nodes=Author={csvs / 'authors.csv'}",
        f"--nodes=Topic={csvs / 'topics.csv'}",
        f"--nodes=Institution={csvs / 'institutions.csv'}",
        f"--relationships=AUTHORED={csvs / 'authored.csv'}",
        f"--relationships=CITES={csvs / 'cites.csv'}",
        f"--relationships=HAS_TOPIC={csvs / 'has_topic.csv'}",
        f"--relationships=SUBTOPIC_OF={csvs / 'subtopic_of.csv'}",
        f"--report-file={home / 'import.report'}",
        "--array-delimiter=;",
        "--skip-bad-relationships=true",
    ]
    started = time.perf_counter()
    result = server.admin(*arguments)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit("bulk import failed:\n" + result.stdout[-2000:] + result.stderr[-2000:])
    return seconds


def bulk_load(home: Path, source: Path) -> float:
    """`load openalex --bulk` end to end: convert, import offline, restart, schema."""
    server = LocalServer(home)
    server.install()
    status = start_free(server, HEAP, PAGECACHE)
    started = time.perf_counter()
    BulkImport(server, home / "import" / "bulk").run([source])
    settings = Settings.model_validate(
        {"neo4j_uri": status.uri, "neo4j_password": SecretStr(server.password())}
    )

    async def schema() -> None:
        repository = Repository.connect(settings)
        try:
            await repository.apply_schema()
        finally:
            await repository.close()

    try:
        asyncio.run(schema())
        return time.perf_counter() - started
    finally:
        server.stop()


def online(home: Path, source: Path) -> tuple[float, float, dict[str, int]]:
    server = LocalServer(home)
    server.install()
    status = start_free(server, HEAP, PAGECACHE)
    settings = Settings.model_validate(
        {"neo4j_uri": status.uri, "neo4j_password": SecretStr(server.password())}
    )

    async def run() -> tuple[float, float, dict[str, int]]:
        repository = Repository.connect(settings)
        try:
            timing = {"refresh": 0.0}

            def observe(ran: Ran) -> None:
                if Statement.REFRESH_AUTHORS.value in ran.name.split("+"):
                    timing["refresh"] += ran.finished - ran.started

            repository.observers.append(observe)
            started = time.perf_counter()
            await Importer(repository).works([source])
            total = time.perf_counter() - started
            counts = (await repository.read(Statement.COUNT_GRAPH, tx_timeout=600))[0]
            return total, timing["refresh"], {k: int(v) for k, v in counts.items()}
        finally:
            await repository.close()

    try:
        return asyncio.run(run())
    finally:
        server.stop()


def row(
    name: str, seconds: float, papers: int | None, relationships: int, ratio: float | None
) -> str:
    per_paper = f"{papers / seconds:,.0f}" if papers else ""
    ratio_text = f"{ratio:.1f}" if ratio is not None else ""
    return (
        f"| {name} | {seconds:.1f} | {per_paper} | {relationships / seconds:,.0f} | {ratio_text} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    try:
        source = work / "works.jsonl.gz"
        started = time.perf_counter()
        shape = generator.write(source, options.papers, options.seed)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        rows = to_csv(source, work / "csv")
        converted = time.perf_counter() - started
        bulk_seconds = bulk(work / "bulk-home", work / "csv")
        total, refresh, counts = online(work / "online-home", source)
        bulk_total = bulk_load(work / "bulk-load-home", source)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base_rels = rows["authored"] + rows["cites"] + rows["has_topic"] + rows["subtopic_of"]
    online_rels = sum(
        counts[k]
        for k in (
            "authored",
            "cites",
            "hasTopic",
            "subtopicOf",
            "affiliatedWith",
            "partOf",
            "collaboratesWith",
        )
    )
    base_seconds = total - refresh
    lines_ = [
        "| | seconds | papers/s | relationships/s | ratio to bulk |",
        "|---|---:|---:|---:|---:|",
        row("`neo4j-admin database import full`", bulk_seconds, shape.papers, base_rels, 1.0),
        row(
            "`graph-service load openalex` (all)",
            total,
            shape.papers,
            online_rels,
            total / bulk_seconds,
        ),
        row(
            "of which works, authorships, topics, citations",
            base_seconds,
            shape.papers,
            base_rels,
            base_seconds / bulk_seconds,
        ),
        row("of which authors' derived values", refresh, None, online_rels - base_rels, None),
        row(
            "`graph-service load openalex --bulk` (all)",
            bulk_total,
            shape.papers,
            online_rels,
            bulk_total / bulk_seconds,
        ),
    ]
    table = (
        HEADER
        + "\n".join(lines_)
        + f"""

{shape.papers:,} papers, {shape.authors:,} authors, {shape.authorships:,} authorships,
{shape.citations:,} citations; bulk loader: {base_rels:,} relationships from CSV (conversion
from JSONL {converted:.1f}s, not counted); online: {online_rels:,} relationships including the
derived AFFILIATED_WITH / COLLABORATES_WITH. `--bulk` (all) is the whole first load into an
empty database: reading and checking the works, computing the derived values, the CSV,
neo4j-admin, the restart and the schema; it gives the same graph as the online load (tested).
Generation took {generated:.1f}s. Heap {HEAP}, page
cache {PAGECACHE}; {platform.platform()}, Python {platform.python_version()}; 2 cores.

The online load writes the works and relationships the bulk loader writes in
{base_seconds / bulk_seconds:.1f}x its time (goal: within 5x), inside ordinary transactions on a
running server, idempotently and resumably. What the bulk loader does not do at all, the
derived values (every author's counts and h-index, one `COLLABORATES_WITH` per co-author pair),
brings the online total to {total / bulk_seconds:.1f}x. For a first load into an empty database,
`load openalex --bulk` does everything, derived values included, in {bulk_total / bulk_seconds:.1f}x
the raw bulk import: {total / bulk_total:.1f} times faster than the online load.
"""
    )
    print(table)
    if options.output:
        options.output.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
