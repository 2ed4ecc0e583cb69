"""arXiv metadata records (the snapshot's JSON lines) checked and mapped to the graph's rows.

A record is one paper. Its categories are Topic nodes of their own scheme (`cs.LG` under the
archive `cs`), named from the taxonomy in `data/arxiv-categories.tsv`. arXiv has no author
ids: an author is their name as written, and gets an id of its own (`X` and 16 digits).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources
from typing import Any

from graph_service.ingest.content import arxiv_id, code_urls, normalise_space
from graph_service.ingest.openalex import RecordError

# The id of a paper known from arXiv alone; one OpenAlex also loads takes the work's id.
PAPER_PREFIX = "arXiv:"
AUTHOR_PREFIX = "X"
AUTHOR_DIGITS = 16
ABS = "https://arxiv.org/abs/"
PDF = "https://arxiv.org/pdf/"
# Topic levels of the scheme: the archive (`cs`), then the category (`cs.LG`).
ARCHIVE_LEVEL, CATEGORY_LEVEL = 0, 1
# How central a category is to a paper, on OpenAlex's topic-score scale, so that lists ranked
# by score put the primary category first and cross-lists after the paper's best topics.
PRIMARY_SCORE, CROSS_LIST_SCORE = 1.0, 0.5

IDENTIFIER = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})$")
CATEGORY = re.compile(r"^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
AUTHOR_ID = re.compile(rf"^{AUTHOR_PREFIX}\d{{{AUTHOR_DIGITS}}}$")
# `authors` as a fallback when `authors_parsed` is absent: "A, B and C".
AUTHOR_SEPARATOR = re.compile(r",\s*|\s+and\s+")


@cache
def taxonomy() -> dict[str, str]:
    """Category and archive codes to their official names."""
    text = (resources.files("graph_service") / "data" / "arxiv-categories.tsv").read_text("utf-8")
    names: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            names[code] = name
    return names


def is_category(value: str) -> bool:
    """Whether a Topic id is an arXiv category or archive (rather than an OpenAlex topic)."""
    return bool(CATEGORY.match(value))


def node_label(value: str) -> tuple[str, str] | None:
    """(label, id) of what an arXiv-side id names: a paper (`arXiv:0704.0001`, the bare id,
    its arXiv URL or DOI; the id is then `arXiv:<id>`), an arXiv author (`X...`), a category
    or archive (`cs.LG`, `hep-th`); None otherwise."""
    value = value.strip()
    if AUTHOR_ID.match(value):
        return "Author", value
    if CATEGORY.match(value):
        return "Topic", value
    identifier = arxiv_id(value) or bare_id(value)
    return ("Paper", paper_id(identifier)) if identifier else None


def category_node(code: str) -> dict[str, Any]:
    """The Topic row of a category (its parent is its archive) or of an archive."""
    archive, dot, _ = code.partition(".")
    return {
        "id": code,
        "name": taxonomy().get(code, code),
        "level": CATEGORY_LEVEL if dot else ARCHIVE_LEVEL,
        "parent": archive if dot else None,
    }


def bare_id(value: str) -> str | None:
    """An arXiv id written without prefix, as arXiv keeps it (`math.AG/0601001` is
    `math/0601001`); None when `value` is not one."""
    if not IDENTIFIER.match(value):
        return None
    return re.sub(r"\.[A-Z]{2}/", "/", value)


def paper_id(identifier: str) -> str:
    return PAPER_PREFIX + identifier


def fold(text: str) -> str:
    """Lower case, accents dropped, punctuation as space: how two spellings compare."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


def author_id(last: str, first: str = "", suffix: str = "") -> str:
    """The stable id of an arXiv author: the same name as written (case, accents and
    punctuation aside) gives the same id on every load and every paper."""
    key = "|".join(fold(part) for part in (last, first, suffix))
    number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    return f"{AUTHOR_PREFIX}{number % 10**AUTHOR_DIGITS:0{AUTHOR_DIGITS}d}"


@dataclass
class ArxivPaper:
    """One arXiv record as the row `upsert_arxiv_papers` takes, plus its category nodes."""

    id: str
    arxiv_id: str
    updated: str
    # Values OpenAlex may also give (the statement decides which source wins).
    fields: dict[str, Any]
    # Values only arXiv gives, stored as they are.
    props: dict[str, Any]
    authors: list[dict[str, Any]]
    categories: list[dict[str, Any]]
    category_nodes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "arxivId": self.arxiv_id,
            "updated": self.updated or None,
            **self.fields,
            "props": self.props,
            "authors": self.authors,
            "categories": self.categories,
        }


def _text(record: dict[str, Any], key: str, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise RecordError(f"{key} is missing")
        return None
    if not isinstance(value, str):
        raise RecordError(f"{key} is {type(value).__name__}, expected str")
    value = normalise_space(value)
    if value is None and required:
        raise RecordError(f"{key} is empty")
    return value


def first_version_date(versions: Any) -> date:
    """The date of v1 (or of the earliest version when none is called v1)."""
    if not isinstance(versions, list) or not versions:
        raise RecordError("versions must be a non-empty list")
    dates: dict[str, date] = {}
    for index, version in enumerate(versions):
        if not isinstance(version, dict) or not isinstance(version.get("created"), str):
            raise RecordError(f"versions[{index}] has no created date")
        try:
            created = parsedate_to_datetime(version["created"]).date()
        except (TypeError, ValueError):
            raise RecordError(
                f"versions[{index}].created {version['created']!r} is not a date"
            ) from None
        dates[str(version.get("version"))] = created
    return dates.get("v1") or min(dates.values())


def _authors(record: dict[str, Any]) -> list[dict[str, Any]]:
    parsed = record.get("authors_parsed")
    if parsed is None:
        names = _text(record, "authors") or ""
        parsed = [
            [n.rpartition(" ")[2], n.rpartition(" ")[0], ""]
            for n in AUTHOR_SEPARATOR.split(names)
            if n
        ]
    if not isinstance(parsed, list):
        raise RecordError(f"authors_parsed is {type(parsed).__name__}, expected list")
    authors: dict[str, dict[str, Any]] = {}
    for index, parts in enumerate(parsed):
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            raise RecordError(f"authors_parsed[{index}] is not a list of names")
        last, first, suffix, *rest = [*parts, "", "", ""][: max(len(parts), 3)]
        name = normalise_space(" ".join((first, last, suffix)))
        if not name:
            continue
        identifier = author_id(last, first, suffix)
        authors.setdefault(
            identifier,
            {
                "id": identifier,
                "name": name,
                "position": len(authors) + 1,
                # The snapshot's optional fourth part: the affiliation as the authors wrote it.
                "affiliation": normalise_space(" ".join(rest)) if rest else None,
            },
        )
    return list(authors.values())


def parse_record(record: Any) -> ArxivPaper:
    """Check an arXiv metadata record and map it; raise RecordError when it cannot load."""
    if not isinstance(record, dict):
        raise RecordError(f"a record must be a JSON object, not {type(record).__name__}")
    given = _text(record, "id", required=True)
    assert given is not None
    identifier = bare_id(given)
    if identifier is None:
        raise RecordError(f"id {given!r} is not an arXiv identifier")
    title = _text(record, "title", required=True)
    text = _text(record, "abstract")
    comments = _text(record, "comments")
    updated = _text(record, "update_date") or ""
    if updated and not DAY.match(updated):
        raise RecordError(f"update_date {updated!r} is not YYYY-MM-DD")
    published = first_version_date(record.get("versions"))
    codes = (_text(record, "categories", required=True) or "").split()
    categories: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}
    for position, code in enumerate(dict.fromkeys(codes)):
        if not CATEGORY.match(code):
            raise RecordError(f"category {code!r} is not an arXiv category")
        primary = position == 0
        categories.append(
            {
                "id": code,
                "primary": primary,
                "score": PRIMARY_SCORE if primary else CROSS_LIST_SCORE,
            }
        )
        node = category_node(code)
        nodes[code] = node
        if node["parent"]:
            nodes.setdefault(node["parent"], category_node(node["parent"]))
    doi = (_text(record, "doi") or "").split()
    fields = {
        "title": title,
        "abstract": text,
        "publicationDate": published.isoformat(),
        "year": published.year,
        "doi": doi[0].lower() if doi else None,
        "landingPageUrl": ABS + identifier,
        "pdfUrl": PDF + identifier,
        # Code named in the abstract or the comments ("code at github.com/...").
        "codeUrls": code_urls([text, comments]),
    }
    props = {
        "journalRef": _text(record, "journal-ref"),
        "arxivComments": comments,
        "arxivVersions": len(record["versions"]),
        "license": _text(record, "license"),
        "primaryCategory": categories[0]["id"],
        "categories": [c["id"] for c in categories],
    }
    return ArxivPaper(
        id=paper_id(identifier),
        arxiv_id=identifier,
        updated=updated,
        fields=fields,
        props=props,
        authors=_authors(record),
        categories=categories,
        category_nodes=nodes,
    )
