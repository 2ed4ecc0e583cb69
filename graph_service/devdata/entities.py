"""Generated authors, institutions and topics as OpenAlex names and records them, with the ids
every generated record uses, and a generated work's arXiv counterpart."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from graph_service.devdata.vocabulary import (
    CATEGORIES,
    COUNTRIES,
    FAMILY,
    GIVEN,
    INSTITUTION_TYPES,
    NOUNS,
    SUBJECTS,
)

OA = "https://openalex.org/"

# Ids as long as OpenAlex's (W, A and I: 11 characters; T: 6), which matters to Neo4j: it
# plans a statement again for a string parameter of another length class. They start where
# the demo set's ids do not.
PAPER_BASE = 4_000_000_000
AUTHOR_BASE = 5_000_000_000
INSTITUTION_BASE = 4_200_000_000
TOPIC_BASE = 50_000
DOMAINS, FIELDS_PER_DOMAIN, SUBFIELDS_PER_FIELD, TOPICS_PER_SUBFIELD = 4, 6, 8, 12


def inverted(text: str) -> dict[str, list[int]]:
    """OpenAlex's form of an abstract: each word with the positions it holds."""
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def arxiv_counterpart(work: dict[str, Any]) -> dict[str, Any] | None:
    """The arXiv metadata record of a generated work on arXiv (None for the others): its
    primary category that of its first topic's subfield, half of them cross-listed."""
    arxiv = next(
        (
            location["landing_page_url"].rpartition("/")[2]
            for location in work["locations"]
            if location["landing_page_url"].startswith("https://arxiv.org/abs/")
        ),
        None,
    )
    if arxiv is None:
        return None
    subfield = int(work["topics"][0]["subfield"]["id"].rpartition("/")[2])
    categories = [CATEGORIES[subfield % len(CATEGORIES)]]
    if int(arxiv[-1]) % 2:  # half are cross-listed
        categories.append(CATEGORIES[(subfield + 7) % len(CATEGORIES)])
    year, month, day = (int(part) for part in work["publication_date"].split("-"))
    created = format_datetime(datetime(year, month, day, 12, tzinfo=UTC), usegmt=True)
    words = sorted(
        (position, word)
        for word, positions in work["abstract_inverted_index"].items()
        for position in positions
    )
    return {
        "id": arxiv,
        "title": work["title"],
        "abstract": " ".join(word for _, word in words),
        "categories": " ".join(categories),
        "versions": [{"version": "v1", "created": created}],
        "update_date": work["publication_date"],
        # [last, first, suffix]: the generated names are "Given Family N".
        "authors_parsed": [
            [
                s["author"]["display_name"].partition(" ")[2],
                s["author"]["display_name"].split()[0],
                "",
            ]
            for s in work["authorships"]
        ],
    }


def author_name(author: int) -> str:
    given = GIVEN[author % len(GIVEN)]
    family = FAMILY[(author // len(GIVEN)) % len(FAMILY)]
    return f"{given} {family} {author // (len(GIVEN) * len(FAMILY)) + 1}"


def institution_record(institution: int) -> dict[str, Any]:
    rng = random.Random(institution)
    country = COUNTRIES[min(len(COUNTRIES) - 1, int(rng.expovariate(0.35)))]
    return {
        "id": f"{OA}I{INSTITUTION_BASE + institution}",
        "display_name": f"{rng.choice(SUBJECTS)} Institute {institution + 1}",
        "country_code": country,
        "type": rng.choice(INSTITUTION_TYPES),
        "lineage": [f"{OA}I{INSTITUTION_BASE + institution}"],
    }


def topic_record(topic: int, rank: int) -> dict[str, Any]:
    subfield = topic // TOPICS_PER_SUBFIELD
    field = subfield // SUBFIELDS_PER_FIELD
    domain = field // FIELDS_PER_DOMAIN
    subject = SUBJECTS[topic % len(SUBJECTS)]
    return {
        "id": f"{OA}T{TOPIC_BASE + topic}",
        "display_name": f"{subject} {NOUNS[topic % len(NOUNS)]} {topic + 1}",
        "score": round(0.99 - 0.1 * rank, 2),
        "subfield": {
            "id": f"{OA}subfields/{9000 + subfield}",
            "display_name": f"{SUBJECTS[subfield % len(SUBJECTS)]} subfield {subfield + 1}",
        },
        "field": {
            "id": f"{OA}fields/{900 + field}",
            "display_name": f"{SUBJECTS[field % len(SUBJECTS)]} field {field + 1}",
        },
        "domain": {"id": f"{OA}domains/{90 + domain}", "display_name": f"Domain {domain + 1}"},
    }
