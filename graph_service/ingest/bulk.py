"""A first load into an empty database through Neo4j's offline importer, derived values included,
in bounded memory.

The works are read and checked by `records` as every import does (same rejects), in chunks
spread over worker processes that stage each checked work as one JSON line on disk. DuckDB
then does what needs the whole set at once on disk, within a memory limit: the newest record
of each work, the authors' names, totals and h-index, affiliations, co-author pairs, topics
and institutions, all written as `neo4j-admin database import` CSV (the statements are in
`sql/bulk/`), and the papers' similarity lists too, a block of papers at a time. The CLI
then ranks the papers with the statements an online load runs. The
result is the graph an online load of the same files gives (tested by comparing dumps).
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import shutil
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from graph_service.ingest.openalex import Work
from graph_service.ingest.records import Line, expand, file_lines, read_works
from graph_service.ingest.report import Progress, Reject, Rejects, Report
from graph_service.ingest.similarity import OPENALEX_WEIGHT
from graph_service.localneo4j.distribution import LocalServerError
from graph_service.localneo4j.server import LocalServer
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K

# neo4j-admin's list separator; our ids and institution ids never contain it.
ARRAY_DELIMITER = ";"
# Lines a worker checks at once, and the most text they may hold: a chunk in flight per
# worker and one waiting bound the reading's memory.
CHUNK_LINES = 5_000
CHUNK_CHARS = 32 << 20
# The paper properties staged, as sql/bulk/stage_works.sql reads them.
PAPER_PROPERTIES = (
    "title",
    "doi",
    "year",
    "publicationDate",
    "type",
    "venue",
    "venueId",
    "citedByCount",
    "updatedDate",
    "abstract",
    "language",
    "isOpenAccess",
    "oaStatus",
    "landingPageUrl",
    "pdfUrl",
    "arxivId",
    "codeUrls",
    "relatedWorks",
)
# The pairs one block of similarity lists makes at most, about: bounds the lists' memory.
# At 1M papers, blocks of 5M pairs peak at 1.2 GB RSS within DuckDB's 1 GB limit; 20M ran
# out of it.
LIST_BLOCK_ROWS = 5_000_000


def sql_dir() -> Path:
    """`graph_service/sql` in a built wheel, the repository's `sql/` in a source tree."""
    packaged = Path(str(resources.files("graph_service"))) / "sql"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "sql"


def _sql(name: str) -> str:
    return (sql_dir() / "bulk" / f"{name}.sql").read_text(encoding="utf-8")


# The files neo4j-admin imports, each from its statement in sql/bulk/<name>_csv.sql.
NODE_FILES = {
    "Paper": ["papers", "stubs"],
    "Author": ["authors"],
    "Topic": ["topics"],
    "Institution": ["institutions"],
}
RELATIONSHIP_FILES = {
    "AUTHORED": "authored",
    "CITES": "cites",
    "HAS_TOPIC": "has_topic",
    "SUBTOPIC_OF": "subtopic_of",
    "PART_OF": "part_of",
    "AFFILIATED_WITH": "affiliated_with",
    "COLLABORATES_WITH": "collaborates_with",
}


# -- staging: in worker processes ---------------------------------------------------------------
@dataclass
class Chunk:
    """What a worker did with one chunk of lines."""

    records: int = 0
    anonymous_authorships: int = 0
    rejected: list[Reject] = field(default_factory=list)


def _text(value: Any) -> Any:
    """An empty string as absent, as neo4j-admin takes an empty cell."""
    return None if value == "" else value


def staged(work: Work, seq: int) -> dict[str, Any]:
    """A checked work as one staging line: its properties and what it names."""
    props = work.props
    return {
        "seq": seq,
        "id": work.id,
        "updated": work.updated,
        **{key: _text(props[key]) for key in PAPER_PROPERTIES},
        "authorships": [
            {
                "author": s["id"],
                "name": _text(s["name"]),
                "orcid": _text(s["orcid"]),
                "position": s["position"],
                "corresponding": s["isCorresponding"],
                "institutions": s["institutionIds"],
            }
            for s in work.authorships
        ],
        "topics": [{"id": t["id"], "score": t["score"]} for t in work.topics],
        "refs": work.references,
        "topicNodes": [
            {"ord": ord, **{k: _text(v) for k, v in node.items()}}
            for ord, node in enumerate(work.topic_nodes.values())
        ],
        "institutions": [
            {"ord": ord, **{k: _text(v) for k, v in institution.items()}}
            for ord, institution in enumerate(work.institutions.values())
        ],
    }


def stage_chunk(target: Path, first_seq: int, lines: list[Line]) -> Chunk:
    """Check `lines` and stage their works in `target`; the n-th line read has seq
    first_seq + n, so later records sort later."""
    report = Report()
    done = Chunk()
    rejects = Rejects(report)
    seq = first_seq

    def numbered() -> Iterator[Line]:
        # A work is read from the line consumed last: its seq is that line's.
        nonlocal seq
        for seq, line in enumerate(lines, start=first_seq):  # noqa: B007
            yield line

    with target.open("w", encoding="utf-8") as out:
        for work in read_works(numbered(), report, rejects):
            out.write(json.dumps(staged(work, seq), ensure_ascii=False))
            out.write("\n")
    done.records = report.records
    done.anonymous_authorships = report.anonymous_authorships
    done.rejected = report.rejected
    return done


def chunks(lines: Iterable[Line]) -> Iterator[list[Line]]:
    """The lines in chunks of at most CHUNK_LINES lines or CHUNK_CHARS characters."""
    chunk: list[Line] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line[2]) if isinstance(line[2], str) else 0
        if len(chunk) >= CHUNK_LINES or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class BulkImport:
    """Converts work files to CSV in `folder`, then imports them into `server`'s database."""

    def __init__(
        self,
        server: LocalServer,
        folder: Path,
        rejects_file: Path | None = None,
        progress: Progress | None = None,
        similar: tuple[int, int] = (SIMILAR_TOP_K, SIMILAR_HUB_CAP),
        coauthor_cap: int = COAUTHOR_CAP,
        workers: int | None = None,
        memory: str = "1GB",
        list_block_rows: int = LIST_BLOCK_ROWS,
    ) -> None:
        self.server = server
        self.folder = folder
        self.rejects_path = rejects_file
        self.progress = progress or Progress()
        self.similar = similar
        self.coauthor_cap = coauthor_cap
        self.workers = workers or os.cpu_count() or 1
        # DuckDB's memory limit: past it, its joins and aggregates spill to the folder.
        self.memory = memory
        self.list_block_rows = list_block_rows
        # Seconds each step took (reading, csv, lists, import), for the benchmarks.
        self.seconds: dict[str, float] = {}

    def run(self, paths: Iterable[Path]) -> Report:
        """Convert, stop the server, import (replacing the empty database), start it again."""
        started = time.perf_counter()
        report = self.convert(paths)
        with self.server.stopped():
            self.import_csv()
        shutil.rmtree(self.folder, ignore_errors=True)
        report.seconds = time.perf_counter() - started
        return report

    # -- conversion ---------------------------------------------------------------
    def convert(self, paths: Iterable[Path]) -> Report:
        files = expand(paths)
        report = Report(files=len(files))
        shutil.rmtree(self.folder, ignore_errors=True)
        stage = self.folder / "stage"
        stage.mkdir(parents=True)
        started = time.perf_counter()
        self.progress.start("reading works", sum(f.stat().st_size for f in files))
        with Rejects(report, self.rejects_path, self.progress) as rejects:
            staged_files = self._stage(file_lines(files, self.progress), stage, report, rejects)
        self._lap("reading", started)
        try:
            with self._database() as db:
                started = time.perf_counter()
                self.progress.start("writing CSV for neo4j-admin", None)
                report.loaded = self._derive(db, [str(f) for f in staged_files])
                shutil.rmtree(stage, ignore_errors=True)
                self._lap("csv", started)
                started = time.perf_counter()
                self.progress.start("making similar papers' lists", None)
                report.refreshed_papers = self._write_similar(db)
                self._lap("lists", started)
        finally:
            for leftover in ("stage", "spill", "stage.duckdb", "stage.duckdb.wal"):
                path = self.folder / leftover
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(True)
        return report

    def _stage(
        self, lines: Iterable[Line], stage: Path, report: Report, rejects: Rejects
    ) -> list[Path]:
        """Stage the lines' works in chunks, `workers` at a time in their own processes; the
        chunks' rejects reach `rejects` in the order of the lines."""
        staged_files: list[Path] = []

        def done(chunk: Chunk) -> None:
            report.records += chunk.records
            report.anonymous_authorships += chunk.anonymous_authorships
            for reject in chunk.rejected:
                rejects.add(reject)
            self.progress.advance(records=chunk.records)

        if self.workers == 1:
            for number, lines_ in enumerate(chunks(lines)):
                target = stage / f"works-{number:06d}.jsonl"
                done(stage_chunk(target, number * CHUNK_LINES, lines_))
                staged_files.append(target)
            return staged_files
        # Not forked from here: this process has threads (the progress display, the driver).
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            waiting: deque[Future[Chunk]] = deque()
            for number, lines_ in enumerate(chunks(lines)):
                target = stage / f"works-{number:06d}.jsonl"
                waiting.append(pool.submit(stage_chunk, target, number * CHUNK_LINES, lines_))
                staged_files.append(target)
                while len(waiting) > self.workers:
                    done(waiting.popleft().result())
            while waiting:
                done(waiting.popleft().result())
        return staged_files

    def _database(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(
            str(self.folder / "stage.duckdb"),
            config={
                "memory_limit": self.memory,
                "threads": self.workers,
                "temp_directory": str(self.folder / "spill"),
                # Rows may come out in any order: neo4j-admin does not mind the CSV's.
                "preserve_insertion_order": False,
            },
        )

    def _lap(self, step: str, started: float) -> None:
        self.seconds[step] = time.perf_counter() - started

    def _derive(self, db: duckdb.DuckDBPyConnection, staged_files: list[str]) -> int:
        """Every node and relationship file; returns how many works were kept."""
        files = staged_files or [str(self._empty_stage())]
        db.execute(_sql("stage_works"), {"files": files})
        db.execute(_sql("works"))
        db.execute(_sql("drop_staged"))
        db.execute(_sql("refs"))
        db.execute(_sql("authorships"), {"cap": self.coauthor_cap})
        db.execute(_sql("topics"))
        db.execute(_sql("institutions"))
        names = [n for ns in NODE_FILES.values() for n in ns] + list(RELATIONSHIP_FILES.values())
        for name in names:
            db.sql(_sql(f"{name}_csv")).write_csv(str(self.folder / f"{name}.csv"), header=True)
        return int(db.execute(_sql("count_works")).fetchall()[0][0])

    def _empty_stage(self) -> Path:
        empty = self.folder / "stage" / "empty.jsonl"
        empty.write_text("", encoding="utf-8")
        return empty

    def _write_similar(self, db: duckdb.DuckDBPyConnection) -> int:
        """Every paper's similarity list, as an online load's refresh makes them, written as
        SIMILAR_TO relationships; returns how many papers (stubs included) were listed. The
        papers go in blocks of about LIST_BLOCK_ROWS pairs, so no block outgrows the memory
        limit however large the graph."""
        top_k, hub_cap = self.similar
        db.execute(_sql("paper_index"))
        papers = int(db.execute(_sql("count_papers")).fetchall()[0][0])
        for step in ("cites_i", "degree", "related_i"):
            db.execute(_sql(step))
        db.execute(_sql("coupling_edges"), {"hubCap": hub_cap})
        db.execute(_sql("cocitation_edges"), {"hubCap": hub_cap})
        db.execute(_sql("create_lists"))
        starts = [
            int(row[0])
            for row in db.execute(_sql("list_blocks"), {"rows": self.list_block_rows}).fetchall()
        ]
        bounds = sorted({0, *starts[1:], papers})
        for lo, hi in itertools.pairwise(bounds):
            db.execute(
                _sql("insert_lists"),
                {"lo": lo, "hi": hi, "topK": top_k, "openalexWeight": OPENALEX_WEIGHT},
            )
        db.sql(_sql("similar_to_csv")).write_csv(str(self.folder / "similar_to.csv"), header=True)
        return papers

    # -- import -------------------------------------------------------------------
    def import_csv(self, similar: bool = True) -> None:
        """Import the converted files (without the similarity lists when not `similar`, for
        the benchmark that weighs them)."""
        started = time.perf_counter()
        self.progress.start("importing with neo4j-admin", None)
        folder = self.folder
        relationships = {
            **RELATIONSHIP_FILES,
            **({"SIMILAR_TO": "similar_to"} if similar else {}),
        }
        result = self.server.admin(
            "database",
            "import",
            "full",
            "neo4j",
            "--overwrite-destination",
            *(
                f"--nodes={label}={folder / f'{name}.csv'}"
                for label, names in NODE_FILES.items()
                for name in names
            ),
            *(f"--relationships={t}={folder / f'{name}.csv'}" for t, name in relationships.items()),
            f"--report-file={folder / 'import.report'}",
            f"--array-delimiter={ARRAY_DELIMITER}",
            "--multiline-fields=true",
        )
        if result.returncode != 0:
            raise LocalServerError(
                "neo4j-admin database import failed:\n" + (result.stderr or result.stdout)[-3000:]
            )
        self._lap("import", started)
