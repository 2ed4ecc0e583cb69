"""What a load did and reports as it goes: its summary, its rejected lines (and where they are
written), its progress."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


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
    refreshed_papers: int = 0
    # Why bringing derived values up to date failed after the records were stored, if it did.
    refresh_failed: str | None = None
    ranked_papers: int = 0
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
        if self.refreshed_papers:
            parts.append(f"{self.refreshed_papers} papers' similarity lists refreshed")
        if self.ranked_papers:
            parts.append(f"{self.ranked_papers} papers ranked")
        text = "; ".join(parts) + f" in {self.seconds:.1f}s ({rate:,.0f} records/s)"
        if self.rejects_file:
            text += f"; rejected lines written to {self.rejects_file}"
        return text


class Progress:
    """What a long load reports as it goes; the CLI draws it, library callers may ignore it."""

    def start(self, description: str, total_bytes: int | None) -> None:
        """A phase begins."""

    def advance(self, records: int = 0, nbytes: int = 0) -> None:
        """Records done and bytes read since the last call."""

    def reject(self, reject: Reject) -> None:
        """A line did not load."""


class Rejects:
    """Where rejected lines go: the report, the progress display, and (when given) a JSONL
    file, opened at the first reject so a clean load leaves none."""

    def __init__(self, report: Report, path: Path | None = None, progress: Progress | None = None):
        self.report = report
        self.path = path
        self.progress = progress or Progress()
        self._file: TextIO | None = None

    def add(self, reject: Reject) -> None:
        self.report.rejected.append(reject)
        self.progress.reject(reject)
        if self.path is None:
            return
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("w", encoding="utf-8")
            self.report.rejects_file = self.path
        entry = {"file": str(reject.file), "line": reject.line, "reason": reject.reason}
        self._file.write(json.dumps({**entry, "text": reject.text}, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Rejects:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
