"""Hostile GraphQL documents: small to send, huge to expand or to run."""

from __future__ import annotations

# The request that returned 27 MB in 11.8 s before costs were counted.
AMPLIFIER = (
    '{ neighborhood(id:"A10000001", depth:3, limit:500, perNodeLimit:100) { nodes { node { '
    "... on Author { works(first:100) { nodes { authorships { author { works(first:100) { "
    "nodes { id title } } } } } } } } } } }"
)


def fragment_bomb(levels: int) -> str:
    """Each fragment spreads the one before it twice: 2^levels spreads in a few hundred bytes."""
    parts = ["fragment F0 on Query { serverInfo { name } }"]
    parts += [f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, levels + 1)]
    return f"{{ ...F{levels} }} " + " ".join(parts)
