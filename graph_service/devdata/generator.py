"""Synthetic research graphs in the OpenAlex work format, deterministic for a seed.

The shape follows what bibliometrics observes: author productivity and institution sizes
grow by preferential attachment (power laws, long tails), teams are mostly small with a tail
past twenty, papers cite earlier papers in proportion to the citations those already have,
topics sit in a four-level hierarchy and authors keep to a home topic, and output grows
over the decades. Memory is a few compact integer arrays per paper and authorship.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import math
import random
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph_service.devdata.entities import (
    AUTHOR_BASE,
    DOMAINS,
    FIELDS_PER_DOMAIN,
    OA,
    PAPER_BASE,
    SUBFIELDS_PER_FIELD,
    TOPICS_PER_SUBFIELD,
    arxiv_counterpart,
    author_name,
    institution_record,
    inverted,
    topic_record,
)
from graph_service.devdata.vocabulary import FAMILY, NOUNS, SUBJECTS, WORDS

FIRST_YEAR = 1975
LAST_YEAR = 2025
NEW_AUTHOR = 0.32  # chance an author slot goes to a newcomer
# Share of draws by preferential attachment; the rest are uniform, which keeps the power law
# from crowning one author (or paper) with a fixed share of everything.
ATTACHMENT = 0.7
NEW_INSTITUTION = 0.04  # chance a newcomer founds a new institution
MEAN_REFERENCES = 14.0
RELATED = 10  # OpenAlex's related_works per work: papers of the same primary topic

# Every third paper from this year on is on arXiv, in the categories of its subfields.
ARXIV_FROM = 2008


@dataclass(frozen=True)
class Shape:
    """Summary figures of a generated set, for the CLI's report and the tests."""

    papers: int
    authors: int
    authorships: int
    citations: int
    institutions: int
    topics: int


class Generator:
    """Generates `papers` works for `seed`; `records()` yields them in publication order."""

    def __init__(self, papers: int, seed: int) -> None:
        if papers < 1:
            raise ValueError("papers must be at least 1")
        self.papers = papers
        self.seed = seed
        self.rng = random.Random(seed)
        self.topic_count = DOMAINS * FIELDS_PER_DOMAIN * SUBFIELDS_PER_FIELD * TOPICS_PER_SUBFIELD
        self.author_count = 0
        self.institution_count = 0
        self.authorships = 0
        self.citations = 0
        # One entry per authorship: drawing from it picks authors by their paper count.
        self._author_draw = array("l")
        self._author_institution = array("l")
        self._author_topic = array("l")
        # One entry per institution member: drawing picks institutions by size.
        self._institution_draw = array("l")
        # One entry per paper plus one per citation received: preferential attachment.
        self._cite_draw = array("l")
        self._cited = array("l")
        popularity = [1.0 / (rank + 1) ** 0.9 for rank in range(self.topic_count)]
        self._topic_cumulative = list(_accumulate(popularity))

    def _year(self, index: int) -> int:
        # Output grows about 4% a year: invert the exponential's cumulative share.
        growth = 0.04
        span = LAST_YEAR - FIRST_YEAR + 1
        share = (index + 0.5) / self.papers
        offset = math.log1p(share * math.expm1(growth * span)) / growth
        return min(LAST_YEAR, FIRST_YEAR + int(offset))

    def _team_size(self) -> int:
        return max(1, min(60, int(self.rng.lognormvariate(1.15, 0.62))))

    def _popular_topic(self) -> int:
        point = self.rng.random() * self._topic_cumulative[-1]
        low, high = 0, len(self._topic_cumulative) - 1
        while low < high:
            middle = (low + high) // 2
            if self._topic_cumulative[middle] < point:
                low = middle + 1
            else:
                high = middle
        return low

    def _new_author(self, topic: int) -> int:
        author = self.author_count
        self.author_count += 1
        if self.institution_count == 0 or self.rng.random() < NEW_INSTITUTION:
            institution = self.institution_count
            self.institution_count += 1
        else:
            institution = self._institution_draw[self.rng.randrange(len(self._institution_draw))]
        self._institution_draw.append(institution)
        self._author_institution.append(institution)
        self._author_topic.append(topic)
        return author

    def _team(self, topic: int) -> list[int]:
        team: list[int] = []
        for _ in range(self._team_size()):
            if not self._author_draw or self.rng.random() < NEW_AUTHOR:
                author = self._new_author(topic)
            elif self.rng.random() < ATTACHMENT:
                author = self._author_draw[self.rng.randrange(len(self._author_draw))]
            else:
                author = self.rng.randrange(self.author_count)
            if author not in team:
                team.append(author)
        return team

    def _references(self, index: int) -> list[int]:
        if index == 0:
            return []
        wanted = min(index, int(self.rng.expovariate(1.0 / MEAN_REFERENCES)))
        chosen: dict[int, None] = {}
        for _ in range(wanted * 2):
            if len(chosen) >= wanted:
                break
            if self.rng.random() < ATTACHMENT:
                cited = self._cite_draw[self.rng.randrange(len(self._cite_draw))]
            else:
                cited = self.rng.randrange(index)
            chosen[cited] = None
        return list(chosen)

    def _plan(self) -> Iterator[tuple[int, int, list[int], list[int], list[int]]]:
        """(index, year, team, topics, references) per paper, in order; fills the counters."""
        for index in range(self.papers):
            year = self._year(index)
            lead_topic = self._popular_topic()
            team = self._team(lead_topic)
            home = self._author_topic[team[0]]
            primary = home if self.rng.random() < 0.7 else lead_topic
            topics = [primary]
            for _ in range(self.rng.choice((0, 1, 1, 2))):
                sibling = primary - primary % TOPICS_PER_SUBFIELD
                extra = sibling + self.rng.randrange(TOPICS_PER_SUBFIELD)
                if extra not in topics:
                    topics.append(extra)
            references = self._references(index)
            for cited in references:
                self._cite_draw.append(cited)
                self._cited[cited] += 1
            self._cite_draw.append(index)
            self._cited.append(0)
            self._author_draw.extend(team)
            self.authorships += len(team)
            self.citations += len(references)
            yield index, year, team, topics, references

    def records(self) -> Iterator[dict[str, Any]]:
        """The works as OpenAlex records. Citation counts need the future, so two passes:
        the plan is drawn once (kept in compact arrays), then written out."""
        years = array("h")
        team_start, teams = array("l", [0]), array("l")
        topic_start, topic_ids = array("l", [0]), array("l")
        reference_start, references = array("l", [0]), array("l")
        for _, year, team, topics, cited in self._plan():
            years.append(year)
            teams.extend(team)
            team_start.append(len(teams))
            topic_ids.extend(topics)
            topic_start.append(len(topic_ids))
            references.extend(cited)
            reference_start.append(len(references))
        peers: dict[int, array[int]] = {}
        for index in range(self.papers):
            peers.setdefault(topic_ids[topic_start[index]], array("l")).append(index)
        names = random.Random(self.seed + 1)
        # Its own generator, so that adding related works left every other field as it was.
        picks = random.Random(self.seed + 2)
        for index in range(self.papers):
            topics = topic_ids[topic_start[index] : topic_start[index + 1]].tolist()
            same = peers[topics[0]]
            related = [i for i in picks.sample(same, min(len(same), RELATED + 1)) if i != index]
            yield self._record(
                index,
                years[index],
                teams[team_start[index] : team_start[index + 1]].tolist(),
                topics,
                references[reference_start[index] : reference_start[index + 1]].tolist(),
                names,
                related[:RELATED],
            )

    def _record(
        self,
        index: int,
        year: int,
        team: list[int],
        topics: list[int],
        cited: list[int],
        names: random.Random,
        related: list[int],
    ) -> dict[str, Any]:
        subject = SUBJECTS[topics[0] % len(SUBJECTS)]
        title = (
            f"{names.choice(WORDS).capitalize()} {names.choice(WORDS)} {names.choice(NOUNS)} "
            f"for {subject} {names.choice(NOUNS)}"
        )
        month, day = 1 + index % 12, 1 + index % 28
        abstract = (
            f"We study {title[0].lower()}{title[1:]}. A {names.choice(WORDS)} approach to "
            f"{names.choice(NOUNS)} improves {names.choice(WORDS)} {names.choice(NOUNS)} on "
            f"{subject.lower()} benchmarks."
        )
        if index % 5 == 0:
            owner = FAMILY[index % len(FAMILY)].lower()
            abstract += (
                f" Code is available at https://github.com/{owner}/{names.choice(NOUNS)}-{index}."
            )
        locations = []
        if year >= ARXIV_FROM and index % 3 == 0:
            # The arXiv number: the month's papers in order (unique up to 1.2M papers).
            arxiv = f"{year % 100:02d}{month:02d}.{index // 12 % 100_000:05d}"
            locations.append(
                {
                    "landing_page_url": f"https://arxiv.org/abs/{arxiv}",
                    "pdf_url": f"https://arxiv.org/pdf/{arxiv}",
                    "source": {
                        "id": f"{OA}S4306400194",
                        "display_name": "arXiv (Cornell University)",
                    },
                }
            )
        authorships = []
        for position, author in enumerate(team):
            institution = self._author_institution[author]
            authorships.append(
                {
                    "author_position": "first" if position == 0 else "middle",
                    "author": {
                        "id": f"{OA}A{AUTHOR_BASE + author}",
                        "display_name": author_name(author),
                        "orcid": None,
                    },
                    "institutions": [institution_record(institution)],
                    "is_corresponding": position == 0,
                }
            )
        return {
            "id": f"{OA}W{PAPER_BASE + index}",
            "doi": f"https://doi.org/10.5555/synthetic.{PAPER_BASE + index}",
            "title": title,
            "publication_year": year,
            "publication_date": f"{year}-{month:02d}-{day:02d}",
            "type": "article",
            "abstract_inverted_index": inverted(abstract),
            "open_access": {
                "is_oa": index % 5 < 2,
                "oa_status": "green" if index % 5 < 2 else "closed",
            },
            "locations": locations,
            "primary_location": {
                "source": {
                    "id": f"{OA}S{900 + topics[0] % 97}",
                    "display_name": f"Journal of {subject} {NOUNS[topics[0] % len(NOUNS)].title()}",
                }
            },
            "authorships": authorships,
            "topics": [topic_record(topic, rank) for rank, topic in enumerate(topics)],
            "referenced_works": [f"{OA}W{PAPER_BASE + ref}" for ref in cited],
            "related_works": [f"{OA}W{PAPER_BASE + other}" for other in related],
            "cited_by_count": self._cited[index],
        }

    def shape(self) -> Shape:
        return Shape(
            papers=self.papers,
            authors=self.author_count,
            authorships=self.authorships,
            citations=self.citations,
            institutions=self.institution_count,
            topics=self.topic_count,
        )


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def _open(path: Path, files: contextlib.ExitStack) -> Any:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = files.enter_context(path.open("wb"))
    if not path.name.endswith(".gz"):
        return raw
    # mtime=0 and no file name keep the bytes the same for the same seed.
    return files.enter_context(
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=5)
    )


def write(
    path: Path,
    papers: int,
    seed: int,
    advance: Callable[[int], None] = lambda _: None,
    arxiv: Path | None = None,
) -> Shape:
    """Write the set to `path` (gzipped when it ends in .gz), byte-identical for a seed; the
    arXiv records of its arXiv papers to `arxiv` when given."""
    generator = Generator(papers, seed)
    with contextlib.ExitStack() as files:
        stream = _open(path, files)
        counterparts = _open(arxiv, files) if arxiv else None
        for count, record in enumerate(generator.records(), start=1):
            stream.write(_line(record))
            counterpart = arxiv_counterpart(record) if counterparts else None
            if counterparts and counterpart:
                counterparts.write(_line(counterpart))
            if count % 10_000 == 0:
                advance(10_000)
        advance(papers % 10_000)
    return generator.shape()


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, separators=(",", ":")).encode() + b"\n"
