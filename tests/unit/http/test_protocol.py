"""A response leaves uvicorn's h11 protocol in one write (graph_service/wire.py), so a replica
killed mid-answer never leaves a client with headers and no body."""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from uvicorn.config import Config
from uvicorn.server import ServerState

from graph_service.http.protocol import H11JoinedProtocol, JoinedWrites


class Socket:
    """The transport side a protocol sees, recording each write that reaches the socket."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(
            name, default
        )

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def answer() -> list[bytes]:
    async def hello(request: Request) -> JSONResponse:
        return JSONResponse({"data": "x" * 3000})

    config = Config(app=Starlette(routes=[Route("/", hello)]), access_log=False, lifespan="off")
    config.load()
    protocol = H11JoinedProtocol(config, ServerState(), {}, asyncio.get_running_loop())
    socket = Socket()
    protocol.connection_made(socket)  # type: ignore[arg-type]
    protocol.data_received(b"GET / HTTP/1.1\r\nHost: test\r\n\r\n")
    for _ in range(100):
        if socket.writes:
            break
        await asyncio.sleep(0.01)
    protocol.connection_lost(None)
    return socket.writes


def test_a_response_is_one_write() -> None:
    writes = asyncio.run(answer())
    assert len(writes) == 1
    head, _, body = writes[0].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK")
    assert body == b'{"data":"' + b"x" * 3000 + b'"}'
    assert f"content-length: {len(body)}".encode() in head.lower()


def test_a_head_goes_with_the_next_write_or_at_the_end_of_the_turn() -> None:
    async def run() -> tuple[list[bytes], list[bytes], list[bytes], bool]:
        socket = Socket()
        joined = JoinedWrites(socket, asyncio.get_running_loop())  # type: ignore[arg-type]
        joined.write(b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n")
        assert socket.writes == []
        joined.write(b"body")
        together = list(socket.writes)
        joined.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        await asyncio.sleep(0)
        alone = list(socket.writes)
        joined.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        joined.close()
        return together, alone, socket.writes, socket.closed

    together, alone, every, closed = asyncio.run(run())
    assert together == [b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nbody"]
    assert alone == [*together, b"HTTP/1.1 100 Continue\r\n\r\n"]
    assert every == [*alone, b"HTTP/1.1 204 No Content\r\n\r\n"]
    assert closed
