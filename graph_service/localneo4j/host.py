"""What the machine offers a local server: memory, free ports, whether a port speaks Bolt,
and the state of a process."""

from __future__ import annotations

import contextlib
import os
import re
import socket
from pathlib import Path

from graph_service.localneo4j.distribution import LocalServerError


def parse_size(text: str) -> int:
    """Bytes in a Neo4j memory setting such as `512m` or `2g`."""
    match = re.fullmatch(r"\s*(\d+)\s*([kmgKMG]?)[bB]?\s*", text)
    if not match:
        raise LocalServerError(f"memory size {text!r} is not like 512m or 2g")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(match.group(1)) * factor


def available_memory() -> int | None:
    """MemAvailable from /proc/meminfo, or None where the platform has no such file."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return None


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when a server could listen there (connections in TIME_WAIT do not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def bolt_answers(port: int, host: str = "127.0.0.1") -> bool:
    """True when a Bolt server on the port completes the protocol handshake."""
    # Magic preamble, then four proposed versions: 5.x (ranges), 4.4, and two empty slots.
    handshake = bytes.fromhex("6060b017" + "00080805" + "00000404" + "00000000" * 2)
    try:
        with socket.create_connection((host, port), timeout=2.0) as sock:
            sock.sendall(handshake)
            agreed = sock.recv(4)
    except OSError:
        return False
    # The answer is the agreed version, 00 00 minor major; anything else is not Bolt.
    return len(agreed) == 4 and agreed[0] == 0 and agreed[3] in (4, 5)


def alive(pid: int) -> bool:
    """True when the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def reap(pid: int) -> tuple[bool, int | None]:
    """(exited, status) for a child of ours; (False, None) for anyone else's process."""
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False, None
    return (done == pid, os.waitstatus_to_exitcode(status) if done == pid else None)


def cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    return ""


def tail(path: Path, lines: int = 15) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return "(no log)"
