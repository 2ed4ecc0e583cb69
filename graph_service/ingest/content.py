"""What a paper says and where to read it: abstracts, arXiv ids and links to code.

Pure functions over record values, shared by the OpenAlex and arXiv readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# Hosts of code repositories, where `owner/name` names one repository.
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co")
# Zenodo, by its own address or its DOI prefix.
ZENODO_HOSTS = ("zenodo.org", "doi.org/10.5281")
# Hugging Face paths that are not a model or a Space (datasets are data, not code).
HUGGING_FACE_NOT_CODE = {"datasets", "docs", "papers", "blog", "learn", "models", "join", "login"}
# First path segments that are a code host's own pages, not an owner.
HOST_PAGES = {
    "about",
    "blog",
    "collections",
    "enterprise",
    "events",
    "explore",
    "features",
    "login",
    "marketplace",
    "orgs",
    "pricing",
    "search",
    "settings",
    "signup",
    "site",
    "sponsors",
    "topics",
    "trending",
    "users",
}
SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# A URL, with or without its scheme, on one of the hosts above or on Zenodo. It ends at
# whitespace or at what closes it in prose or LaTeX (`\url{...}`, `(...)`, quotes).
URL = re.compile(
    r"(?:https?://)?(?:www\.)?"
    rf"(?P<host>{'|'.join(map(re.escape, CODE_HOSTS + ZENODO_HOSTS))})"
    r"(?P<path>/[^\s{}<>\"'\\|^`\[\]]*)?",
    re.IGNORECASE,
)
# Zenodo holds data as well as software: a Zenodo link counts as code only in a sentence
# that says so.
ZENODO_RECORD = re.compile(r"^/(?:records?|doi/10\.5281/zenodo)[/.](\d+)|^/zenodo\.(\d+)")
SOFTWARE_WORDS = re.compile(r"\b(?:code|software|implementation|source|package|library)\b", re.I)
TRAILING = ".,;:!?)]}>'\"*"
ARXIV_ID = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.|^arxiv:)"
    # Old-style ids may carry a subject class (`math.AG/0601001`); the id is `math/0601001`.
    r"(?:(?P<new>\d{4}\.\d{4,5})|(?P<archive>[a-z-]+)(?:\.[A-Z]{2})?/(?P<number>\d{7}))"
    r"(?:v\d+)?",
    re.IGNORECASE,
)


def abstract(inverted_index: Mapping[str, Any] | None) -> str | None:
    """The text OpenAlex ships as `abstract_inverted_index` ({word: [positions]}), in order.

    Raises ValueError when the index is not words to lists of positions.
    """
    if not inverted_index:
        return None
    placed: dict[int, str] = {}
    for word, positions in inverted_index.items():
        if not isinstance(positions, list) or not all(
            isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in positions
        ):
            raise ValueError(f"abstract_inverted_index[{word!r}] is not a list of positions")
        for position in positions:
            placed[position] = word
    return " ".join(placed[p] for p in sorted(placed)) or None


def normalise_space(text: str | None) -> str | None:
    """Runs of whitespace (arXiv's hard line breaks and indents) become one space."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def arxiv_id(value: str | None) -> str | None:
    """The arXiv id (no version) in an arXiv URL, an arXiv DOI or `arXiv:<id>`; else None."""
    if not value:
        return None
    found = ARXIV_ID.search(value.strip())
    if not found:
        return None
    return found.group("new") or f"{found.group('archive').lower()}/{found.group('number')}"


def code_url(url: str, sentence: str = "") -> str | None:
    """The repository a URL points into, normalised (`https://github.com/owner/repo`); None
    when it is not a code repository (a host's own page, a dataset, a Zenodo record of data).
    `sentence` is the text around the URL, which decides for Zenodo."""
    found = URL.fullmatch(url.strip().rstrip(TRAILING))
    if not found:
        return None
    host = found.group("host").lower()
    path = (found.group("path") or "").rstrip(TRAILING)
    if host in ZENODO_HOSTS:
        record = ZENODO_RECORD.match(path)
        if not record or not SOFTWARE_WORDS.search(sentence):
            return None
        return f"https://zenodo.org/records/{record.group(1) or record.group(2)}"
    segments = [s for s in path.split("/") if s]
    if host == "huggingface.co" and segments and segments[0] == "spaces":
        segments = segments[1:]
        host_path = "huggingface.co/spaces"
    elif host == "huggingface.co" and segments and segments[0] in HUGGING_FACE_NOT_CODE:
        return None
    else:
        host_path = host
    if len(segments) < 2 or segments[0].lower() in HOST_PAGES:
        return None
    owner, name = segments[0], segments[1].removesuffix(".git")
    if not SEGMENT.match(owner) or not SEGMENT.match(name):
        return None
    return f"https://{host_path}/{owner}/{name}"


def code_urls(texts: Iterable[str | None]) -> list[str]:
    """Links to code repositories found in `texts` (abstracts, location URLs), one per
    repository (compared without case), in the order first found."""
    found: dict[str, str] = {}
    for text in texts:
        if not text:
            continue
        for match in URL.finditer(text):
            start = text.rfind(".", 0, match.start()) + 1
            end = text.find(". ", match.end())
            sentence = text[start : end if end >= 0 else len(text)]
            url = code_url(match.group(0), sentence)
            if url:
                found.setdefault(url.lower(), url)
    return list(found.values())
