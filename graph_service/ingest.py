"""Loading OpenAlex JSONL (plain or gzipped) into Neo4j in batched, idempotent transactions."""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from graph_service.openalex import RecordError, Work, parse_institution, parse_work
from graph_service.repository import Repository

SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")
BATCH_SIZE = 1000
REFRESH_BATCH = 2000
# A batch of a thousand works with their references can take a while on a cold page cache.
WRITE_TIMEOUT = 120.0


@dataclass(frozen=True)
class Reject:
    """A line that did not load, and why."""

    file: Path
    line: int
    reason: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Report:
    """What a load did: the summary printed at the end and returned to callers."""

    files: int = 0
    records: int = 0
    loaded: int = 0
    rejected: list[Reject] = field(default_factory=list)
    anonymous_authorships: int = 0
    refreshed_authors: int = 0
    seconds: float = 0.0
    rejects_file: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self, noun: str = "works") -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        parts = [
            f"{self.loaded} {noun} loaded from {self.files} file(s)",
            f"{len(self.rejected)} rejected",
        ]
        if self.anonymous_authorships:
            parts.append(f"{self.anonymous_authorships} authorships without an author id skipped")
        if self.refreshed_authors:
            parts.append(f"{self.refreshed_authors} authors' derived values refreshed")
        text = "; ".join(parts) + f" in {self.seconds:.1f}s ({rate:,.0f} records/s)"
        if self.rejects_file:
            text += f"; rejected lines written to {self.rejects_file}"
        return text


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as the JSONL files inside them (sorted, recursively)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
            )
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return files


class _Counted(io.RawIOBase):
    """A binary file that reports how many bytes were read from it (for progress)."""

    def __init__(self, raw: IO[bytes], seen: Callable[[int], None]) -> None:
        self._raw = raw
        self._seen = seen

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        self._seen(count or 0)
        return int(count or 0)


def lines(path: Path, seen: Callable[[int], None] = lambda _: None) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line, through gzip when the name says so."""
    with path.open("rb") as raw:
        counted: IO[bytes] = io.BufferedReader(_Counted(raw, seen), buffer_size=1 << 20)
        if path.name.endswith(".gz"):
            counted = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[assignment]
        text: TextIO = io.TextIOWrapper(counted, encoding="utf-8", errors="replace")
        for number, line in enumerate(text, start=1):
            if line.strip():
                yield number, line


class Progress:
    """What a long load reports as it goes; the CLI draws it, library callers may ignore it."""

    def start(self, description: str, total_bytes: int | None) -> None:
        """A phase begins."""

    def advance(self, records: int = 0, nbytes: int = 0) -> None:
        """Records done and bytes read since the last call."""

    def reject(self, reject: Reject) -> None:
        """A line did not load."""


class Loader:
    """Loads files of OpenAlex records through the repository, batch by batch."""

    def __init__(
        self,
        repository: Repository,
        batch_size: int = BATCH_SIZE,
        rejects_file: Path | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.repository = repository
        self.batch_size = batch_size
        self.rejects_path = rejects_file
        self.progress = progress or Progress()
        self._rejects: TextIO | None = None

    async def works(self, paths: Iterable[Path]) -> Report:
        """Load work records; then bring every affected author's derived values up to date."""
        return await self._load(paths, parse_work, self._write_works, "works", refresh=True)

    async def institutions(self, paths: Iterable[Path]) -> Report:
        """Load institution records (enriching the institutions works name)."""
        return await self._load(
            paths, parse_institution, self._write_institutions, "institutions", refresh=False
        )

    async def records(self, records: list[Any], source: str = "request") -> Report:
        """Load work records held in memory (the API's upsertWorks) by the rules files follow.

        A record that cannot load is reported as `source:N` (N counting from 1) and skipped.
        """
        started = time.perf_counter()
        report = Report(records=len(records))
        works: list[Work] = []
        for number, record in enumerate(records, start=1):
            try:
                work = parse_work(record)
            except RecordError as error:
                report.rejected.append(Reject(Path(source), number, str(error), json.dumps(record)))
                continue
            report.anonymous_authorships += work.anonymous_authorships
            works.append(work)
        for start in range(0, len(works), self.batch_size):
            report.loaded += await self._write_works(works[start : start + self.batch_size])
        report.refreshed_authors = await self.refresh()
        report.seconds = time.perf_counter() - started
        return report

    async def delete_work(self, work_id: str) -> bool:
        """Remove one work (kept as a stub while other works cite it), then refresh authors."""
        rows = await self.repository.write("delete_work", {"id": work_id})
        await self.refresh()
        return bool(rows and rows[0]["deleted"])

    async def refresh(self) -> int:
        """Recompute counts, h-index, affiliations and collaborations of :Stale authors."""
        total = 0
        while True:
            rows = await self.repository.write_many(
                [
                    ("select_stale_authors", {"limit": REFRESH_BATCH}),
                    ("refresh_authors", {}),
                    ("finish_refresh", {}),
                ],
                tx_timeout=WRITE_TIMEOUT,
            )
            done = int(rows[2][0]["refreshed"])
            total += done
            if done < REFRESH_BATCH:
                return total

    async def _load(
        self,
        paths: Iterable[Path],
        parse: Callable[[Any], Any],
        write: Callable[[list[Any]], Awaitable[int]],
        noun: str,
        refresh: bool,
    ) -> Report:
        started = time.perf_counter()
        files = expand(paths)
        report = Report(files=len(files))
        await self.repository.apply_schema()
        self.progress.start(f"loading {noun}", sum(f.stat().st_size for f in files))
        pending: asyncio.Task[int] | None = None
        try:
            batches = self._batches(files, parse, report)
            while True:
                # The next batch is read and parsed in a thread while Neo4j works on this one;
                # writes stay one at a time and in file order, so later records still win.
                batch = await asyncio.to_thread(next, batches, None)
                if pending is not None:
                    report.loaded += await pending
                if batch is None:
                    break
                pending = asyncio.create_task(self._write_counted(write, batch))
            if refresh:
                self.progress.start("refreshing authors' derived values", None)
                report.refreshed_authors = await self.refresh()
        finally:
            if pending is not None and not pending.done():
                pending.cancel()
            if self._rejects:
                self._rejects.close()
                self._rejects = None
        report.seconds = time.perf_counter() - started
        return report

    def _batches(
        self, files: list[Path], parse: Callable[[Any], Any], report: Report
    ) -> Iterator[list[Any]]:
        batch: list[Any] = []
        for path in files:
            for number, text in lines(path, lambda n: self.progress.advance(nbytes=n)):
                report.records += 1
                try:
                    record = parse(json.loads(text))
                except (RecordError, ValueError) as error:
                    reason = (
                        f"bad JSON: {error.msg}"
                        if isinstance(error, json.JSONDecodeError)
                        else str(error)
                    )
                    self._reject(report, Reject(path, number, reason, text.rstrip("\n")))
                    continue
                if isinstance(record, Work):
                    report.anonymous_authorships += record.anonymous_authorships
                batch.append(record)
                if len(batch) >= self.batch_size:
                    yield batch
                    batch = []
        if batch:
            yield batch

    async def _write_counted(
        self, write: Callable[[list[Any]], Awaitable[int]], batch: list[Any]
    ) -> int:
        loaded = await write(batch)
        self.progress.advance(records=len(batch))
        return loaded

    async def _write_works(self, works: list[Work]) -> int:
        # The newest record of a work wins within a batch too (later lines break ties).
        latest: dict[str, Work] = {}
        for work in works:
            kept = latest.get(work.id)
            if kept is None or (work.props["updatedDate"] or "") >= (
                kept.props["updatedDate"] or ""
            ):
                latest[work.id] = work
        topics: dict[str, dict[str, Any]] = {}
        institutions: dict[str, dict[str, Any]] = {}
        for work in latest.values():
            topics.update(work.topic_nodes)
            institutions.update(work.institutions)
        results = await self.repository.write_many(
            [
                ("upsert_topics", {"topics": list(topics.values())}),
                ("upsert_institutions", {"institutions": list(institutions.values())}),
                ("upsert_works", {"works": [work.row() for work in latest.values()]}),
            ],
            tx_timeout=WRITE_TIMEOUT,
        )
        return int(results[2][0]["applied"]) if results[2] else 0

    async def _write_institutions(self, institutions: list[dict[str, Any]]) -> int:
        await self.repository.write_many(
            [("upsert_institutions", {"institutions": institutions})], tx_timeout=WRITE_TIMEOUT
        )
        return len(institutions)

    def _reject(self, report: Report, reject: Reject) -> None:
        report.rejected.append(reject)
        self.progress.reject(reject)
        if self.rejects_path is None:
            return
        if self._rejects is None:
            self.rejects_path.parent.mkdir(parents=True, exist_ok=True)
            self._rejects = self.rejects_path.open("w", encoding="utf-8")
            report.rejects_file = self.rejects_path
        entry = {
            "file": str(reject.file),
            "line": reject.line,
            "reason": reject.reason,
            "text": reject.text,
        }
        self._rejects.write(json.dumps(entry, ensure_ascii=False) + "\n")
