"""The synthetic generator: deterministic bytes and a realistic shape."""

from __future__ import annotations

import collections
import hashlib
from pathlib import Path

import pytest

from graph_service.devdata.generator import RELATED, Generator, write
from graph_service.ingest.openalex import parse_work


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl.gz"
    second = tmp_path / "b.jsonl.gz"
    other = tmp_path / "c.jsonl.gz"
    write(first, 2000, seed=5)
    write(second, 2000, seed=5)
    write(other, 2000, seed=6)
    assert digest(first) == digest(second)
    assert digest(first) != digest(other)


# Heavy tails show at this size only: the scale tier.
@pytest.mark.scale
def test_shape_is_realistic() -> None:
    generator = Generator(20_000, seed=3)
    works = list(generator.records())
    per_author: collections.Counter[str] = collections.Counter()
    teams = []
    years = []
    for index, record in enumerate(works):
        work = parse_work(record)  # every record is one the importer accepts
        teams.append(len(work.authorships))
        years.append(work.props["year"])
        per_author.update(a["id"] for a in work.authorships)
        own = int(work.id[1:])
        assert all(int(ref[1:]) < own for ref in work.references), "cites only earlier papers"
        assert index == 0 or years[-1] >= years[-2]
    counts = sorted(per_author.values(), reverse=True)
    top = counts[: len(counts) // 100]
    assert sum(top) / sum(counts) > 0.10, "top 1% of authors hold a large share"
    assert counts[len(counts) // 2] <= 2, "the median author has one or two papers"
    assert min(teams) == 1
    assert max(teams) >= 20
    assert max(years) - min(years) >= 40
    cited = sorted((r["cited_by_count"] for r in works), reverse=True)
    assert cited[0] > 50 * (sum(cited) / len(cited)), "citations are heavy-tailed"
    # OpenAlex's related works: other generated papers of the same primary topic.
    primary = {r["id"]: r["topics"][0]["id"] for r in works}
    related = [(r["id"], other) for r in works for other in r["related_works"]]
    assert all(other != own and primary[other] == primary[own] for own, other in related)
    assert max(len(r["related_works"]) for r in works) == RELATED
    assert len(related) > 8 * len(works)
    shape = generator.shape()
    assert shape.papers == 20_000
    assert shape.authors == len(per_author)
    assert shape.institutions > 100
    assert shape.topics == 2304
