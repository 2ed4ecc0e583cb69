"""A rich progress bar for long loads: bytes read, records done and records per second."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from graph_service.ingest.report import Progress as LoadProgress
from graph_service.ingest.report import Reject

# Rejected lines printed one by one before the rest are only counted.
SHOWN_REJECTS = 50


class ConsoleProgress(LoadProgress):
    """Draws a load's progress on a console (stderr), and its first rejected lines."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TextColumn("{task.fields[records]:>10,} records  {task.fields[rate]:>8,.0f}/s"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID | None = None
        self._total: int | None = None
        self._records = 0
        self._started = time.perf_counter()
        self._rejects = 0

    def __enter__(self) -> ConsoleProgress:
        self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._bar.stop()
        if self._rejects > SHOWN_REJECTS:
            self.console.print(f"... and {self._rejects - SHOWN_REJECTS} more rejected lines")

    def start(self, description: str, total_bytes: int | None) -> None:
        if self._task is not None and self._total is not None:
            self._bar.update(self._task, completed=self._total)
        self._total = total_bytes
        self._records = 0
        self._started = time.perf_counter()
        self._task = self._bar.add_task(description, total=total_bytes, records=0, rate=0.0)

    def advance(self, records: int = 0, nbytes: int = 0) -> None:
        if self._task is None:
            return
        self._records += records
        elapsed = time.perf_counter() - self._started
        self._bar.update(
            self._task,
            advance=nbytes,
            records=self._records,
            rate=self._records / elapsed if elapsed > 0 else 0.0,
        )

    def reject(self, reject: Reject) -> None:
        self._rejects += 1
        if self._rejects <= SHOWN_REJECTS:
            self.console.print(str(reject), highlight=False, soft_wrap=True)
