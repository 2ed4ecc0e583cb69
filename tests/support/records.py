"""Records as sources ship them, built for tests."""

from __future__ import annotations


def invert(text: str) -> dict[str, list[int]]:
    """OpenAlex's shape of an abstract: each word with the positions it stands at."""
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index
