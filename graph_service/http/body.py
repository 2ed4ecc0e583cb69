"""What a GraphQL request over HTTP may carry: body size, JSON depth and shape, a request id; and
a refusal as a JSON body of GraphQL errors."""

from __future__ import annotations

import json
import uuid
from typing import Any

from cross_web import HTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive

# JSON deeper than this is refused before anything walks it: no operation's variables need
# more than a handful of levels, and Python's recursion (json, graphql-core's coercion)
# fails somewhere past 900.
MAX_JSON_DEPTH = 32

JSON_KINDS = {
    list: "an array (batches are not accepted: send one operation per request)",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}

HTTP_CODES = {
    400: "BAD_REQUEST",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "REQUEST_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}


class BodyTooLarge(Exception):
    """The body grew past the limit while it was being received."""


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in a decoded JSON value (a scalar is 0), without
    recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def decode_object(data: str | bytes, what: str) -> dict[str, Any]:
    """A JSON object from a body or a query parameter, or HTTP 400 saying what is wrong."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise HTTPException(400, f"{what} is not valid UTF-8") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise HTTPException(400, f"{what} nests too deeply") from None
    except json.JSONDecodeError as error:
        raise HTTPException(400, f"{what} is not valid JSON: {error.msg}") from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise HTTPException(400, f"{what} nests more than {MAX_JSON_DEPTH} levels deep")
    if not isinstance(value, dict):
        raise HTTPException(400, f"{what} must be a JSON object, not {JSON_KINDS[type(value)]}")
    return value


def request_id_of(given: str | None) -> str:
    """The caller's request id when it is a sane token, else a fresh one."""
    if given and len(given) <= 64 and given.replace("-", "").isalnum():
        return given
    return uuid.uuid4().hex


def refusal(status: int, message: str, request_id: str) -> Response:
    code = HTTP_CODES.get(status, "BAD_REQUEST")
    error = {"message": message, "extensions": {"code": code, "requestId": request_id}}
    return JSONResponse(
        {"data": None, "errors": [error]}, status_code=status, headers={"X-Request-ID": request_id}
    )


def limit_body(receive: Receive, most: int) -> Receive:
    """`receive` that raises BodyTooLarge once more than `most` body bytes have come in, so
    a large body is refused while it arrives rather than held in memory first."""
    seen = 0

    async def bounded() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > most:
                raise BodyTooLarge
        return message

    return bounded
