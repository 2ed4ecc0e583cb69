"""A first load into an empty database through Neo4j's offline importer, derived values included.

The works are read and checked by `records` as every import does (same rejects), the newest
record of each work is kept, the authors' derived values come from `derived` and the papers'
similarity lists from `similarity`, and everything is written as `neo4j-admin database import`
CSV; the CLI then ranks the papers with the statements an online load runs. The result is the
graph an online load of the same files gives (tested by comparing dumps).
"""

from __future__ import annotations

import csv
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph_service import derived
from graph_service.localserver import LocalServer
from graph_service.neo4jdist import LocalServerError
from graph_service.openalex import Work
from graph_service.records import Progress, Rejects, Report, expand, file_lines, newest, read_works
from graph_service.settings import COAUTHOR_CAP, SIMILAR_HUB_CAP, SIMILAR_TOP_K
from graph_service.similarity import Citations

# neo4j-admin's list separator; our ids and institution ids never contain it.
ARRAY_DELIMITER = ";"


@dataclass
class _Author:
    name: str | None = None
    orcid: str | None = None


# A paper's properties as neo4j-admin columns: the name and its type suffix.
PAPER_COLUMNS = [
    ("title", ""),
    ("doi", ""),
    ("year", ":int"),
    ("publicationDate", ""),
    ("type", ""),
    ("venue", ""),
    ("venueId", ""),
    ("citedByCount", ":int"),
    ("updatedDate", ""),
    ("abstract", ""),
    ("language", ""),
    ("isOpenAccess", ":boolean"),
    ("oaStatus", ""),
    ("landingPageUrl", ""),
    ("pdfUrl", ""),
    ("arxivId", ""),
    ("codeUrls", ":string[]"),
    ("relatedWorks", ":string[]"),
]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(value)
    return value


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
    ) -> None:
        self.server = server
        self.folder = folder
        self.rejects_path = rejects_file
        self.progress = progress or Progress()
        self.similar = similar
        self.coauthor_cap = coauthor_cap
        # Seconds each step took (reading, lists, csv, import), for the benchmarks.
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
        started = time.perf_counter()
        self.progress.start("reading works", sum(f.stat().st_size for f in files))
        with Rejects(report, self.rejects_path, self.progress) as rejects:
            works = newest(
                self._counted(read_works(file_lines(files, self.progress), report, rejects))
            )
        report.loaded = len(works)
        self._lap("reading", started)
        started = time.perf_counter()
        self.progress.start("writing CSV for neo4j-admin", None)
        self._write(works)
        self._lap("csv", started)
        started = time.perf_counter()
        self.progress.start("making similar papers' lists", None)
        report.refreshed_papers = self._write_similar(works)
        self._lap("lists", started)
        return report

    def _lap(self, step: str, started: float) -> None:
        self.seconds[step] = time.perf_counter() - started

    def _counted(self, works: Iterator[Work]) -> Iterator[Work]:
        for work in works:
            self.progress.advance(records=1)
            yield work

    def _write(self, works: dict[str, Work]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        authors: dict[str, _Author] = {}
        topics: dict[str, dict[str, Any]] = {}
        institutions: dict[str, dict[str, Any]] = {}
        referenced: set[str] = set()
        for work in works.values():
            for topic_id, topic in work.topic_nodes.items():
                topics[topic_id] = topic
            for institution_id, institution in work.institutions.items():
                merged = institutions.setdefault(institution_id, {"parents": set()})
                for key, value in institution.items():
                    if key == "parents":
                        merged["parents"].update(value)
                    elif value is not None:
                        merged[key] = value
            for s in work.authorships:
                author = authors.setdefault(s["id"], _Author())
                author.name = s["name"]
                author.orcid = s["orcid"] or author.orcid
            referenced.update(work.references)
        # Lineage may name institutions no authorship gave: they exist with their id only.
        for parent in {p for v in list(institutions.values()) for p in v["parents"]}:
            institutions.setdefault(parent, {"parents": set()})

        self._csv(
            "papers.csv",
            ["id:ID(Paper)", *(f"{k}{kind}" for k, kind in PAPER_COLUMNS), "stub:boolean"],
            (
                [w.id, *(_cell(w.props[k]) for k, _ in PAPER_COLUMNS), "false"]
                for w in works.values()
            ),
        )
        self._csv(
            "stubs.csv",
            ["id:ID(Paper)", "stub:boolean"],
            ([ref, "true"] for ref in sorted(referenced - works.keys())),
        )

        totals = derived.totals(works.values())

        def author_rows() -> Iterator[list[Any]]:
            for author_id, author in authors.items():
                done = totals[author_id]
                yield [
                    author_id,
                    _cell(author.name),
                    _cell(author.orcid),
                    done.works,
                    done.citations,
                    done.h_index,
                ]

        self._csv(
            "authors.csv",
            [
                "id:ID(Author)",
                "name",
                "orcid",
                "worksCount:int",
                "citationCount:int",
                "hIndex:int",
            ],
            author_rows(),
        )
        self._csv(
            "topics.csv",
            ["id:ID(Topic)", "name", "level:int"],
            ([t["id"], _cell(t["name"]), t["level"]] for t in topics.values()),
        )
        self._csv(
            "institutions.csv",
            ["id:ID(Institution)", "name", "ror", "countryCode", "type", "city"],
            (
                [i, *(_cell(v.get(k)) for k in ("name", "ror", "countryCode", "type", "city"))]
                for i, v in institutions.items()
            ),
        )
        self._csv(
            "authored.csv",
            [
                ":START_ID(Author)",
                ":END_ID(Paper)",
                "position:int",
                "isCorresponding:boolean",
                "institutionIds:string[]",
            ],
            (
                [
                    s["id"],
                    w.id,
                    s["position"],
                    _cell(s["isCorresponding"]),
                    ARRAY_DELIMITER.join(s["institutionIds"]),
                ]
                for w in works.values()
                for s in w.authorships
            ),
        )
        self._csv(
            "cites.csv",
            [":START_ID(Paper)", ":END_ID(Paper)"],
            ([w.id, ref] for w in works.values() for ref in w.references),
        )
        self._csv(
            "has_topic.csv",
            [":START_ID(Paper)", ":END_ID(Topic)", "score:float"],
            ([w.id, t["id"], _cell(t["score"])] for w in works.values() for t in w.topics),
        )
        self._csv(
            "subtopic_of.csv",
            [":START_ID(Topic)", ":END_ID(Topic)"],
            ([t["id"], t["parent"]] for t in topics.values() if t["parent"]),
        )
        self._csv(
            "part_of.csv",
            [":START_ID(Institution)", ":END_ID(Institution)"],
            ([i, parent] for i, v in institutions.items() for parent in sorted(v["parents"])),
        )

        self._csv(
            "affiliated_with.csv",
            [
                ":START_ID(Author)",
                ":END_ID(Institution)",
                "firstYear:int",
                "lastYear:int",
                "papers:int",
            ],
            (
                [a, i, _cell(span.first_year), _cell(span.last_year), span.works]
                for (a, i), span in derived.affiliations(works.values()).items()
            ),
        )

        self._csv(
            "collaborates_with.csv",
            [
                ":START_ID(Author)",
                ":END_ID(Author)",
                "sharedWorks:int",
                "firstYear:int",
                "lastYear:int",
            ],
            (
                [a, b, span.works, _cell(span.first_year), _cell(span.last_year)]
                for (a, b), span in derived.collaborations(
                    works.values(), self.coauthor_cap
                ).items()
            ),
        )

    def _write_similar(self, works: dict[str, Work]) -> int:
        """Every paper's similarity list, as an online load's refresh makes them, written as
        SIMILAR_TO relationships; returns how many papers (stubs included) were listed."""
        # As page_paper_citations: the related works the graph holds, stubs included.
        held = set(works).union(*(work.references for work in works.values()))
        citations = Citations()
        for work in works.values():
            related = work.props["relatedWorks"] or ()
            citations.add(work.id, work.references, (o for o in related if o in held))
        del held
        ids = citations.ids

        def rows() -> Iterator[list[Any]]:
            for found in citations.lists(*self.similar):
                paper = ids[found.paper]
                for at, other in enumerate(found.others.tolist()):
                    co_citation, coupling = found.co_citation[at], found.coupling[at]
                    yield [
                        paper,
                        ids[other],
                        float(co_citation) if co_citation > 0 else "",
                        float(coupling) if coupling > 0 else "",
                        "true" if found.listed[at] else "",
                        float(found.score[at]),
                    ]

        self._csv(
            "similar_to.csv",
            [
                ":START_ID(Paper)",
                ":END_ID(Paper)",
                "coCitation:double",
                "coupling:double",
                "openalex:boolean",
                "score:double",
            ],
            rows(),
        )
        return len(ids)

    def _csv(self, name: str, header: list[str], rows: Iterable[list[Any]]) -> None:
        with (self.folder / name).open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(header)
            out.writerows(rows)

    # -- import -------------------------------------------------------------------
    def import_csv(self, similar: bool = True) -> None:
        """Import the converted files (without the similarity lists when not `similar`, for
        the benchmark that weighs them)."""
        started = time.perf_counter()
        self.progress.start("importing with neo4j-admin", None)
        folder = self.folder
        nodes = {
            "Paper": ["papers.csv", "stubs.csv"],
            "Author": ["authors.csv"],
            "Topic": ["topics.csv"],
            "Institution": ["institutions.csv"],
        }
        relationships = {
            "AUTHORED": "authored.csv",
            "CITES": "cites.csv",
            "HAS_TOPIC": "has_topic.csv",
            "SUBTOPIC_OF": "subtopic_of.csv",
            "PART_OF": "part_of.csv",
            "AFFILIATED_WITH": "affiliated_with.csv",
            "COLLABORATES_WITH": "collaborates_with.csv",
            **({"SIMILAR_TO": "similar_to.csv"} if similar else {}),
        }
        result = self.server.admin(
            "database",
            "import",
            "full",
            "neo4j",
            "--overwrite-destination",
            *(f"--nodes={label}={folder / f}" for label, fs in nodes.items() for f in fs),
            *(f"--relationships={t}={folder / f}" for t, f in relationships.items()),
            f"--report-file={folder / 'import.report'}",
            f"--array-delimiter={ARRAY_DELIMITER}",
            "--multiline-fields=true",
        )
        if result.returncode != 0:
            raise LocalServerError(
                "neo4j-admin database import failed:\n" + (result.stderr or result.stdout)[-3000:]
            )
        self._lap("import", started)
