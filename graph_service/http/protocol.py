"""uvicorn's h11 protocol with each response on the wire in one write.

uvicorn writes a response's status line and headers when the app starts the response, and its
body when the app sends it: two writes, so two TCP segments. A replica killed between them
leaves the client holding headers and no body, and a proxy cannot retry a response it has
begun to pass on (deploy/haproxy.cfg retries only before the first byte). Here a response's
head is held back and written with the write that follows it (starlette sends a whole body
right after the head), or at the end of the event loop's turn if none follows.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from uvicorn.protocols.http.h11_impl import H11Protocol


class JoinedWrites:
    """A transport that holds a response's head (h11 writes it alone: status line to blank
    line) and writes it to `inner` together with the next write."""

    def __init__(self, inner: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._inner = inner
        self._loop = loop
        self._held = b""

    def write(self, data: bytes | bytearray | memoryview) -> None:
        data = bytes(data)
        if self._held:
            data, self._held = self._held + data, b""
        elif data.startswith(b"HTTP/") and data.endswith(b"\r\n\r\n"):
            # Written at the next write, which comes in this turn; the flush is for a head
            # that no write follows (an informational 100 Continue).
            self._held = data
            self._loop.call_soon(self.flush)
            return
        if data:  # h11 ends a sized body with an empty write
            self._inner.write(data)

    def flush(self) -> None:
        if self._held:
            data, self._held = self._held, b""
            if not self._inner.is_closing():
                self._inner.write(data)

    def close(self) -> None:
        self.flush()
        self._inner.close()

    def __getattr__(self, name: str) -> Any:
        # Everything else (reading, flow control, extra info, abort) is the socket's own.
        return getattr(self._inner, name)


class H11JoinedProtocol(H11Protocol):
    """uvicorn's h11 protocol writing through `JoinedWrites`."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(cast(asyncio.Transport, JoinedWrites(transport, self.loop)))
