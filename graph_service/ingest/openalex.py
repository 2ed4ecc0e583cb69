"""OpenAlex records (works, institutions) checked and mapped to the graph's rows."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from graph_service.ingest.content import abstract, arxiv_id, code_urls, normalise_space

OPENALEX = "https://openalex.org/"
DOI = "https://doi.org/"
ORCID = "https://orcid.org/"
# Level of each kind of topic in the hierarchy; the root (domain) is 0.
TOPIC_LEVELS = {"domain": 0, "field": 1, "subfield": 2, "topic": 3}


class RecordError(ValueError):
    """A record that cannot be loaded; the message says why in a few words."""


# Bounds a record must keep to: beyond them a value is a mistake (or an attack on the
# store), not a work. Years: the oldest works OpenAlex lists are medieval.
YEARS = (1000, 2100)
MOST_CITATIONS = 10**9
MOST_TEXT = 5_000
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def short_id(value: str) -> str:
    """`https://openalex.org/W2105824687` -> `W2105824687`; short ids pass unchanged."""
    value = value.strip()
    if value.lower().startswith(OPENALEX):
        return value[len(OPENALEX) :]
    return value


TOPIC_PREFIXES = ("T", "subfields/", "fields/", "domains/")


def node_label(value: str) -> tuple[str, str] | None:
    """(label, short id) of an id in short or full OpenAlex form; None if it names no node."""
    short = short_id(value)
    if len(short) > 1 and short[0] in "WwAaIi" and short[1:].isdigit():
        label = {"W": "Paper", "A": "Author", "I": "Institution"}[short[0].upper()]
        return label, short[0].upper() + short[1:]
    if len(short) > 1 and short[0] in "Tt" and short[1:].isdigit():
        return "Topic", "T" + short[1:]
    kind, _, number = short.partition("/")
    if f"{kind.lower()}/" in TOPIC_PREFIXES and number.isdigit():
        return "Topic", f"{kind.lower()}/{number}"
    return None


@dataclass
class Work:
    """One work as rows for `upsert_works`, plus the topics and institutions it names."""

    id: str
    props: dict[str, Any]
    authorships: list[dict[str, Any]]
    topics: list[dict[str, Any]]
    references: list[str]
    topic_nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    institutions: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Authorships OpenAlex could not tie to an author id: reported, not loaded.
    anonymous_authorships: int = 0

    @property
    def updated(self) -> str:
        """OpenAlex's `updated_date` ("" when absent): of two copies, the later one wins."""
        return str(self.props["updatedDate"] or "")

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "props": self.props,
            "authorships": self.authorships,
            "topics": self.topics,
            "references": self.references,
        }


def _get(record: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RecordError(f"{where}{key} is {type(value).__name__}, expected {names}")
    if isinstance(value, str) and len(value) > MOST_TEXT:
        raise RecordError(f"{where}{key} is {len(value):,} characters; the most is {MOST_TEXT:,}")
    if isinstance(value, float) and not math.isfinite(value):
        raise RecordError(f"{where}{key} is {value}, not a number")
    return value


def _bounded(record: dict[str, Any], key: str, low: int, high: int) -> int | None:
    value: int | None = _get(record, key, int)
    if value is not None and not low <= value <= high:
        raise RecordError(f"{key} {value} is outside {low}-{high}")
    return value


def _day(record: dict[str, Any], key: str) -> str | None:
    """A YYYY-MM-DD date that exists."""
    value: str | None = _get(record, key, str)
    if value is None:
        return None
    try:
        if not DAY.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{key} {value[:40]!r} is not a date (YYYY-MM-DD)") from None
    return value


def _moment(record: dict[str, Any], key: str) -> str | None:
    """An ISO date or date and time (what OpenAlex's `updated_date` holds): of two copies of
    a work the later one wins by comparing these, so anything else would win or lose forever."""
    value: str | None = _get(record, key, str)
    if value is None:
        return None
    try:
        if not DAY.match(value):
            raise ValueError
        datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{key} {value[:40]!r} is not an ISO date or date-time") from None
    return value


def _object(record: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    value = _get(record, key, dict, where)
    return value if value is not None else {}


def _list(record: dict[str, Any], key: str, where: str = "") -> list[Any]:
    value = _get(record, key, list, where)
    return value if value is not None else []


def _id(record: dict[str, Any], prefix: str, where: str = "", required: bool = True) -> str | None:
    value = _get(record, "id", str, where)
    if value is None or not value.strip():
        if required:
            raise RecordError(f"{where}id is missing")
        return None
    short = short_id(value)
    if not short.startswith(prefix) or len(short) < 2:
        raise RecordError(f"{where}id {value!r} is not an OpenAlex {prefix}... id")
    return short


def _strip(value: str | None, prefix: str) -> str | None:
    if value is None:
        return None
    return value[len(prefix) :] if value.lower().startswith(prefix) else value


def _item(value: Any, where: str) -> dict[str, Any]:
    """An element of a list that must be an object (`where` ends in its `.`)."""
    if not isinstance(value, dict):
        raise RecordError(f"{where[:-1]} is not an object")
    return value


def _urls(location: dict[str, Any]) -> list[str]:
    return [
        u
        for key in ("landing_page_url", "pdf_url")
        if (u := location.get(key)) and isinstance(u, str)
    ]


def parse_work(record: Any) -> Work:
    """Check an OpenAlex work record and map it; raise RecordError when it cannot load."""
    if not isinstance(record, dict):
        raise RecordError(f"a work must be a JSON object, not {type(record).__name__}")
    work_id = _id(record, "W")
    assert work_id is not None
    title = _get(record, "title", str) or _get(record, "display_name", str)
    location = _object(record, "primary_location")
    source = _object(location, "source", "primary_location.")
    doi = _strip(_get(record, "doi", str), DOI)
    access = _object(record, "open_access")
    best = _object(record, "best_oa_location")
    locations = [_item(x, f"locations[{i}].") for i, x in enumerate(_list(record, "locations"))]
    try:
        text = normalise_space(abstract(_get(record, "abstract_inverted_index", dict)))
    except ValueError as error:
        raise RecordError(str(error)) from None
    urls = [u for x in (location, best, *locations) for u in _urls(x)]
    props = {
        "title": title,
        "doi": doi.lower() if doi else None,
        "year": _bounded(record, "publication_year", *YEARS),
        "publicationDate": _day(record, "publication_date"),
        "type": _get(record, "type", str),
        "venue": _get(source, "display_name", str, "primary_location.source."),
        "venueId": short_id(v) if (v := _get(source, "id", str, "source.")) else None,
        "citedByCount": _bounded(record, "cited_by_count", 0, MOST_CITATIONS) or 0,
        "updatedDate": _moment(record, "updated_date"),
        "abstract": text,
        "language": _get(record, "language", str),
        "isOpenAccess": _get(access, "is_oa", bool, "open_access."),
        "oaStatus": _get(access, "oa_status", str, "open_access."),
        "landingPageUrl": _get(location, "landing_page_url", str, "primary_location."),
        "pdfUrl": _get(best, "pdf_url", str, "best_oa_location.")
        or _get(location, "pdf_url", str, "primary_location."),
        "arxivId": next(filter(None, map(arxiv_id, [doi, *urls])), None),
        # Absent rather than empty, as a bulk import leaves an empty array cell.
        "codeUrls": code_urls([text, *urls]) or None,
        # OpenAlex's own list of related works (by shared concepts), ids as stored.
        "relatedWorks": [r for r in _related(record) if r != work_id] or None,
    }
    work = Work(id=work_id, props=props, authorships=[], topics=[], references=[])

    seen_authors: set[str] = set()
    for index, authorship in enumerate(_list(record, "authorships"), start=1):
        where = f"authorships[{index - 1}]."
        authorship = _item(authorship, where)
        author = _object(authorship, "author", where)
        author_id = _id(author, "A", where + "author.", required=False)
        institution_ids: list[str] = []
        for position, institution in enumerate(_list(authorship, "institutions", where)):
            iwhere = f"{where}institutions[{position}]."
            institution = _item(institution, iwhere)
            institution_id = _id(institution, "I", iwhere, required=False)
            if institution_id is None:
                continue
            institution_ids.append(institution_id)
            work.institutions[institution_id] = parse_institution(institution, iwhere)
        if author_id is None:
            work.anonymous_authorships += 1
            continue
        if author_id in seen_authors:  # OpenAlex occasionally lists an author twice
            continue
        seen_authors.add(author_id)
        work.authorships.append(
            {
                "id": author_id,
                "name": _get(author, "display_name", str, where + "author.") or author_id,
                "orcid": _strip(_get(author, "orcid", str, where + "author."), ORCID),
                "position": index,
                "isCorresponding": bool(_get(authorship, "is_corresponding", bool, where)),
                "institutionIds": list(dict.fromkeys(institution_ids)),
            }
        )

    for index, topic in enumerate(_list(record, "topics")):
        where = f"topics[{index}]."
        topic = _item(topic, where)
        topic_id = _id(topic, "T", where)
        assert topic_id is not None
        score = _get(topic, "score", (int, float), where)
        work.topics.append({"id": topic_id, "score": float(score) if score is not None else None})
        parent: str | None = None
        for kind in ("domain", "field", "subfield"):
            node = _object(topic, kind, where)
            node_id = _id(node, f"{kind}s/", f"{where}{kind}.", required=False)
            if node_id is None:
                continue
            name = _get(node, "display_name", str, f"{where}{kind}.")
            work.topic_nodes[node_id] = {
                "id": node_id,
                "name": name,
                "level": TOPIC_LEVELS[kind],
                "parent": parent,
            }
            parent = node_id
        work.topic_nodes[topic_id] = {
            "id": topic_id,
            "name": _get(topic, "display_name", str, where),
            "level": TOPIC_LEVELS["topic"],
            "parent": parent,
        }

    references: dict[str, None] = {}
    for index, reference in enumerate(_list(record, "referenced_works")):
        if not isinstance(reference, str):
            raise RecordError(f"referenced_works[{index}] is {type(reference).__name__}")
        reference_id = short_id(reference)
        if reference_id != work_id:
            references[reference_id] = None
    work.references = list(references)
    return work


def _related(record: dict[str, Any]) -> list[str]:
    found: dict[str, None] = {}
    for index, related in enumerate(_list(record, "related_works")):
        if not isinstance(related, str):
            raise RecordError(f"related_works[{index}] is {type(related).__name__}")
        found[short_id(related)] = None
    return list(found)


def parse_institution(record: Any, where: str = "") -> dict[str, Any]:
    """An OpenAlex institution (full record or the short form inside an authorship)."""
    if not isinstance(record, dict):
        raise RecordError(f"an institution must be a JSON object, not {type(record).__name__}")
    institution_id = _id(record, "I", where)
    assert institution_id is not None
    geo = _object(record, "geo", where)
    parents: list[str] = []
    for index, ancestor in enumerate(_list(record, "lineage", where)):
        if not isinstance(ancestor, str):
            raise RecordError(f"{where}lineage[{index}] is {type(ancestor).__name__}")
        ancestor_id = short_id(ancestor)
        if ancestor_id != institution_id and ancestor_id not in parents:
            parents.append(ancestor_id)
    return {
        "id": institution_id,
        "name": _get(record, "display_name", str, where),
        "ror": _strip(_get(record, "ror", str, where), "https://ror.org/"),
        "countryCode": _get(record, "country_code", str, where)
        or _get(geo, "country_code", str, where + "geo."),
        "type": _get(record, "type", str, where),
        "city": _get(geo, "city", str, where + "geo."),
        "parents": parents,
    }
