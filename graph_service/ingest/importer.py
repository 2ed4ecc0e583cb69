"""The online import: files of OpenAlex or arXiv records into a running Neo4j in batched, idempotent
transactions, then authors' derived values brought up to date."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from graph_service.db.repository import Repository
from graph_service.ingest.batches import batched
from graph_service.ingest.hubs import mark_changes
from graph_service.ingest.records import (
    Line,
    expand,
    file_lines,
    read_arxiv,
    read_institutions,
    read_works,
)
from graph_service.ingest.refresh import refresh_authors, refresh_papers
from graph_service.ingest.report import Progress, Rejects, Report
from graph_service.ingest.write import BATCH_SIZE, store_arxiv, store_institutions, store_works
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K

Read = Callable[[Iterable[Line], Report, Rejects], Iterator[Any]]
Write = Callable[[Repository, list[Any]], Awaitable[int]]


class Importer:
    """Imports files of records through the repository, batch by batch."""

    def __init__(
        self,
        repository: Repository,
        batch_size: int = BATCH_SIZE,
        rejects_file: Path | None = None,
        progress: Progress | None = None,
        similar: tuple[int, int] = (SIMILAR_TOP_K, SIMILAR_HUB_CAP),
        coauthor_cap: int = COAUTHOR_CAP,
    ) -> None:
        self.repository = repository
        self.similar = similar
        self.coauthor_cap = coauthor_cap
        self.batch_size = batch_size
        self.rejects_path = rejects_file
        self.progress = progress or Progress()

    async def works(self, paths: Iterable[Path]) -> Report:
        """Load work records; then bring every affected author's derived values, the similarity
        lists they touch and every paper's importance up to date."""
        return await self._load(paths, "works", read_works, store_works, refresh=True)

    async def arxiv(self, paths: Iterable[Path]) -> Report:
        """Load arXiv metadata records, each joining the OpenAlex work of the same paper when
        one is loaded; then bring authors' derived values up to date."""
        return await self._load(paths, "arXiv records", read_arxiv, store_arxiv, refresh=True)

    async def institutions(self, paths: Iterable[Path]) -> Report:
        """Load institution records (enriching the institutions works name)."""
        return await self._load(
            paths, "institutions", read_institutions, store_institutions, refresh=False
        )

    async def _load(
        self, paths: Iterable[Path], noun: str, read: Read, write: Write, refresh: bool
    ) -> Report:
        started = time.perf_counter()
        files = expand(paths)
        report = Report(files=len(files))
        await self.repository.apply_schema()
        self.progress.start(f"loading {noun}", sum(f.stat().st_size for f in files))
        pending: asyncio.Task[int] | None = None
        with Rejects(report, self.rejects_path, self.progress) as rejects:
            records = read(file_lines(files, self.progress), report, rejects)
            batches = batched(records, self.batch_size)
            try:
                while True:
                    # The next batch is read and parsed in a thread while Neo4j works on this
                    # one; writes stay one at a time and in file order, so later records win.
                    batch = await asyncio.to_thread(next, batches, None)
                    if pending is not None:
                        report.loaded += await pending
                    if batch is None:
                        break
                    pending = asyncio.create_task(self._write(write, batch))
            finally:
                if pending is not None and not pending.done():
                    pending.cancel()
        if refresh:
            self.progress.start("refreshing authors' derived values", None)
            await mark_changes(self.repository)
            report.refreshed_authors = await refresh_authors(self.repository, self.coauthor_cap)
            report.refreshed_papers, report.ranked_papers = await refresh_papers(
                self.repository, False, self.similar, self.progress
            )
        report.seconds = time.perf_counter() - started
        return report

    async def _write(self, write: Write, batch: list[Any]) -> int:
        loaded = await write(self.repository, batch)
        self.progress.advance(records=len(batch))
        return loaded
