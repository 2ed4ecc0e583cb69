"""The machine's facts: memory sizes as Neo4j writes them, free ports."""

from __future__ import annotations

import socket

import pytest

from graph_service.localneo4j import host
from graph_service.localneo4j.distribution import LocalServerError


@pytest.mark.parametrize(
    ("text", "expected"),
    [("512m", 512 * 1024**2), ("2g", 2 * 1024**3), ("1G", 1024**3), ("64k", 65536), ("10", 10)],
)
def test_parse_size(text: str, expected: int) -> None:
    assert host.parse_size(text) == expected


def test_parse_size_rejects_garbage() -> None:
    with pytest.raises(LocalServerError, match="not like 512m"):
        host.parse_size("lots")


def test_port_is_free_sees_a_bound_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert not host.port_is_free(port)
    assert host.port_is_free(port)
