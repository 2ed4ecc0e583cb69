"""Keyset cursors and the page-size rules every connection shares."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from graph_service.errors import InvalidInput

DEFAULT_PAGE = 20
MAX_PAGE = 100


def check_range(name: str, value: int, low: int, high: int) -> int:
    """`value` itself, or InvalidInput naming the allowed range (and so the maximum)."""
    if not low <= value <= high:
        raise InvalidInput(f"{name} must be between {low} and {high} (the maximum); got {value}")
    return value


def encode_cursor(kind: str, sort_key: list[Any]) -> str:
    """An opaque cursor: which listing it belongs to and the sort key of the row it points at."""
    text = json.dumps([kind, *sort_key], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> list[Any] | None:
    """The sort key inside a cursor from `encode_cursor(kind, ...)`; None for no cursor."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput("after is not a cursor this API gave out") from None
    if not isinstance(value, list) or len(value) < 2 or value[0] != kind:
        raise InvalidInput(f"after is not a cursor of this list ({kind})")
    if not all(isinstance(part, (int, float, str)) for part in value[1:]):
        raise InvalidInput("after is not a cursor this API gave out")
    return value[1:]
