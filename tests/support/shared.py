"""The read-only graph most tests read: the demo set (OpenAlex and arXiv records), 300 generated
papers (a third of the recent ones on arXiv too) and a paper by two researchers of one name.
Loaded once per session; a test that wipes the graph marks it, and the next reader loads it
again."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import neo4j

from graph_service.api import warm_up
from graph_service.db.repository import Repository
from graph_service.devdata import generator
from graph_service.devdata.demo import DEMO_ARXIV, DEMO_WORKS
from tests.support.graphs import load_files, wipe, with_repository
from tests.support.neo4j import Neo4jTarget

PAPERS = 300
SEED = 11
# Two researchers of one name, each with an institution, on one paper: homonyms a graph view
# must tell apart.
HOMONYMS = {
    "id": "https://openalex.org/W7700000001",
    "title": "Two researchers of one name",
    "publication_year": 2024,
    "type": "article",
    "authorships": [
        {
            "author_position": "first",
            "author": {"id": f"https://openalex.org/A770000000{i}", "display_name": "Wei Zhang"},
            "institutions": [
                {
                    "id": f"https://openalex.org/I770000000{i}",
                    "display_name": place,
                    "country_code": "CN",
                    "type": "education",
                }
            ],
        }
        for i, place in ((1, "Tsinghua University"), (2, "Zhejiang University"))
    ],
}


@dataclass
class SharedGraph:
    """The shared graph on the session's Neo4j, and whether it is there now."""

    target: Neo4jTarget
    folder: Path
    loaded: bool = False

    @property
    def works(self) -> Path:
        return self.folder / "works.jsonl"

    @property
    def homonyms(self) -> Path:
        return self.folder / "homonyms.jsonl"

    @property
    def records(self) -> Path:
        """The arXiv records of the generated papers on arXiv."""
        return self.folder / "arxiv.jsonl"

    def ready(self) -> None:
        """Load the shared graph unless it is there."""
        if not self.loaded:
            with neo4j.GraphDatabase.driver(
                self.target.uri, auth=(self.target.user, self.target.password)
            ) as driver:
                wipe(driver)
            if not self.works.exists():
                generator.write(self.works, PAPERS, seed=SEED, arxiv=self.records)
                self.homonyms.write_text(json.dumps(HOMONYMS) + "\n", encoding="utf-8")
            load_files(self.target, [DEMO_WORKS, self.works, self.homonyms])
            load_files(self.target, [DEMO_ARXIV, self.records], arxiv=True)
            self.loaded = True

    def plan(self) -> None:
        """Plan the statements the service plans at start-up, on the shared graph's ids."""

        async def work(repository: Repository) -> None:
            await warm_up(repository)

        with_repository(self.target, work)

    def spoiled(self) -> None:
        """Something else is in the graph now: load it again before the next reader."""
        self.loaded = False
