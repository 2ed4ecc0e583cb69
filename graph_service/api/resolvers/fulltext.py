"""Turning what a person types into a full-text (Lucene) query for the `search` index."""

from __future__ import annotations

import re

from graph_service.errors import InvalidInput

MAX_WORDS = 12
MAX_CHARACTERS = 500
# Lucene turns a prefix into an automaton, which refuses words much longer than this.
MAX_WORD = 100
_WORD = re.compile(r"\w+", re.UNICODE)


def lucene_query(text: str, field: str | None = None) -> str:
    """Every word must match, as a whole word (ranked higher) or as a prefix (as you type); in
    any of the index's fields, or in `field` alone.

    Only word characters reach Lucene, so its syntax (quotes, brackets, `AND`, `~`) in the
    input cannot cause a parse error or change the meaning.
    """
    if len(text) > MAX_CHARACTERS:
        raise InvalidInput(f"query has {len(text):,} characters; the maximum is {MAX_CHARACTERS}")
    words = [word.lower() for word in _WORD.findall(text)]
    if (longest := max((len(word) for word in words), default=0)) > MAX_WORD:
        raise InvalidInput(
            f"query has a word of {longest:,} characters; the longest searched for is {MAX_WORD}"
        )
    if not words:
        raise InvalidInput("query has no words to search for")
    if len(words) > MAX_WORDS:
        raise InvalidInput(f"query has {len(words)} words; the maximum is {MAX_WORDS}")
    scope = f"{field}:" if field else ""
    return " AND ".join(f"{scope}({word}^2 OR {word}*)" for word in words)
