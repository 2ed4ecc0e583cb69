"""Reading records: files line by line (plain or gzipped) or records held in memory, parsed,
each bad one reported with where it came from and kept out, and the newest copy of a work
winning. Every import path reads through here: the online load, the bulk load, `upsertWorks`
and the benchmarks.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO, TypeVar

from graph_service.ingest.arxiv import ArxivPaper, parse_record
from graph_service.ingest.openalex import RecordError, Work, parse_institution, parse_work
from graph_service.ingest.report import Progress, Reject, Rejects, Report

SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")
T = TypeVar("T")
# Where a record came from, its line (or position, from 1), and its text or decoded value.
Line = tuple[Path, int, Any]


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


@dataclass(frozen=True)
class Unreadable:
    """In place of a line: the file could not be read on from here (truncated, not gzip,
    gone), so the lines before it load and this is reported with the place it stopped."""

    reason: str


class FileFault(Exception):
    """A file stopped being readable at `line`."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _read_error(error: Exception, gzipped: bool) -> str:
    if isinstance(error, EOFError):
        return "the file ends early (a truncated download?): the lines before loaded"
    if isinstance(error, gzip.BadGzipFile):
        return "the file is named .gz but is not gzip-compressed"
    if isinstance(error, zlib.error):
        return f"the compressed data is corrupt ({error}): the lines before loaded"
    if isinstance(error, FileNotFoundError):
        return "the file is gone (deleted or moved while loading)"
    return f"the file could not be read ({type(error).__name__}: {error})"


def lines(path: Path, seen: Callable[[int], None] = lambda _: None) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line, through gzip when the name says so;
    FileFault (with the line it stopped at) when the file cannot be read on."""
    gzipped = path.name.endswith(".gz")
    number = 0
    try:
        with path.open("rb") as raw:
            counted: IO[bytes] = io.BufferedReader(_Counted(raw, seen), buffer_size=1 << 20)
            if gzipped:
                counted = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[assignment]
            text: TextIO = io.TextIOWrapper(counted, encoding="utf-8", errors="replace")
            for number, line in enumerate(text, start=1):
                if line.strip():
                    yield number, line
    except (OSError, EOFError, zlib.error) as error:
        raise FileFault(number + 1, _read_error(error, gzipped)) from error


def file_lines(files: Iterable[Path], progress: Progress | None = None) -> Iterator[Line]:
    """Every non-blank line of the files, with the bytes read told to `progress`; where a
    file cannot be read on, an `Unreadable` in place of the line, and the next file."""
    seen = (progress or Progress()).advance
    for path in files:
        try:
            for number, text in lines(path, lambda n: seen(nbytes=n)):
                yield path, number, text
        except FileFault as fault:
            yield path, fault.line, Unreadable(fault.reason)


def memory_lines(records: Iterable[Any], source: str) -> Iterator[Line]:
    """Records already decoded (an API call's), numbered from 1 as `source:N`."""
    for number, record in enumerate(records, start=1):
        yield Path(source), number, record


def read_records(
    lines: Iterable[Line], parse: Callable[[Any], T], report: Report, rejects: Rejects
) -> Iterator[T]:
    """Each line parsed; a line that is not JSON or not a valid record goes to `rejects` with
    its place and reason, and the rest still load."""
    for path, number, raw in lines:
        if isinstance(raw, Unreadable):
            rejects.add(Reject(path, number, raw.reason, ""))
            continue
        report.records += 1
        try:
            record = parse(json.loads(raw) if isinstance(raw, str) else raw)
        except (RecordError, ValueError, RecursionError, OverflowError) as error:
            text = raw.rstrip("\n") if isinstance(raw, str) else _shown(raw)
            rejects.add(Reject(path, number, _reason(error), text))
            continue
        yield record


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"bad JSON: {error.msg}"
    if isinstance(error, RecursionError):
        return "the record nests too deeply to read"
    if isinstance(error, OverflowError):
        return f"a number is too large ({error})"
    return str(error)


def _shown(record: Any) -> str:
    try:
        return json.dumps(record, default=str)
    except (RecursionError, ValueError):
        return repr(record)[:10_000]


def read_works(lines: Iterable[Line], report: Report, rejects: Rejects) -> Iterator[Work]:
    """The works of the lines (see `read_records`), counting authorships without an author."""
    for work in read_records(lines, parse_work, report, rejects):
        report.anonymous_authorships += work.anonymous_authorships
        yield work


def read_institutions(
    lines: Iterable[Line], report: Report, rejects: Rejects
) -> Iterator[dict[str, Any]]:
    """The institutions of the lines (see `read_records`)."""
    return read_records(lines, parse_institution, report, rejects)


def read_arxiv(lines: Iterable[Line], report: Report, rejects: Rejects) -> Iterator[ArxivPaper]:
    """The arXiv records of the lines (see `read_records`)."""
    return read_records(lines, parse_record, report, rejects)


R = TypeVar("R", Work, ArxivPaper)


def newest(records: Iterable[R]) -> dict[str, R]:
    """The newest record of each paper by its source's update date; of equal dates, the
    later one."""
    latest: dict[str, R] = {}
    for record in records:
        kept = latest.get(record.id)
        if kept is None or record.updated >= kept.updated:
            latest[record.id] = record
    return latest
