"""A home's Neo4j configuration: the `neo4j.conf` written at each start from the ports and
memory asked for, and the home's own settings (`neo4j.extra.conf`), kept across starts, which
win over it."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from graph_service.localneo4j.distribution import LocalServerError
from graph_service.settings import NEO4J_HEAP, NEO4J_PAGECACHE

# A home's own Neo4j settings (`name=value` lines), added to the conf written at each start.
EXTRA_CONF = "neo4j.extra.conf"
SETTING_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+")

# What Neo4j Browser's pages may load: their own files, and Bolt and HTTP on this machine.
BROWSER_POLICY = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; font-src 'self' data:; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'; "
    "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*"
)


class Conf:
    """The `conf` folder of a Neo4j home."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def ports(self) -> tuple[int | None, int | None]:
        """The Bolt and HTTP ports the home was last started with (from its neo4j.conf)."""

        def port(key: str) -> int | None:
            value = self.value(key) or ""
            number = value.rpartition(":")[2]
            return int(number) if number.isdigit() else None

        return port("server.bolt.listen_address"), port("server.http.listen_address")

    @property
    def extra_path(self) -> Path:
        return self.folder / EXTRA_CONF

    def settings(self) -> dict[str, str]:
        """The home's own Neo4j settings (from `conf/neo4j.extra.conf`)."""
        if not self.extra_path.exists():
            return {}
        lines = self.extra_path.read_text().splitlines()
        pairs = (line.partition("=") for line in lines if "=" in line and not line.startswith("#"))
        return {name.strip(): value.strip() for name, _, value in pairs}

    def set_setting(self, name: str, value: str | None) -> None:
        """Set one of the home's own Neo4j settings, or remove it (None); kept across starts,
        in effect from the next one. Comments and other lines are kept as they are."""
        if not SETTING_NAME.fullmatch(name):
            raise LocalServerError(
                f"{name!r} is not a Neo4j setting name (like db.logs.query.enabled)"
            )
        if value is not None and "\n" in value:
            raise LocalServerError("a setting's value is one line")
        lines = self.extra_path.read_text().splitlines() if self.extra_path.exists() else []
        kept = [line for line in lines if line.partition("=")[0].strip() != name]
        if value is not None:
            kept.append(f"{name}={value}")
        self.extra_path.parent.mkdir(parents=True, exist_ok=True)
        self.extra_path.write_text("".join(line + "\n" for line in kept))

    def write(
        self,
        bolt_port: int,
        http_port: int,
        heap: str = NEO4J_HEAP,
        pagecache: str = NEO4J_PAGECACHE,
    ) -> None:
        """Write `neo4j.conf` (done by every start): the ports and memory given, then
        the home's own settings from `neo4j.extra.conf`, which win."""
        extra = self.extra_path.read_text() if self.extra_path.exists() else ""
        conf = f"""\
# Written by graph-service on every start; add settings to {EXTRA_CONF} instead.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:{bolt_port}
server.bolt.advertised_address=127.0.0.1:{bolt_port}
server.http.enabled=true
server.http.listen_address=127.0.0.1:{http_port}
server.http.advertised_address=127.0.0.1:{http_port}
server.https.enabled=false
server.memory.heap.initial_size={heap}
server.memory.heap.max_size={heap}
server.memory.pagecache.size={pagecache}
dbms.security.auth_enabled=true
# Graph Data Science ranks the papers and needs its procedures unrestricted; APOC does not.
dbms.security.procedures.unrestricted=gds.*
dbms.usage_report.enabled=false
# Neo4j Browser stays on this machine: no usage data, and a Community server's Browser always
# allows outgoing connections, so the pages it serves may reach only this machine (its fonts,
# analytics and feedback scripts from outside are refused by the browser, never requested).
client.allow_telemetry=false
dbms.security.http_static_content_security_policy_header={BROWSER_POLICY}
db.transaction.timeout=60s
# Timeouts are checked every 2 s by default; a service with 10 s budgets wants them sooner.
db.transaction.monitor.check.interval=100ms
"""
        if extra:
            # A setting named twice stops Neo4j, so the home's own replace ours.
            own = self.settings()
            kept = [line for line in conf.splitlines() if line.partition("=")[0] not in own]
            conf = "\n".join(kept) + f"\n# From {EXTRA_CONF}\n{extra.rstrip()}\n"
        (self.folder / "neo4j.conf").write_text(conf)

    def value(self, key: str) -> str | None:
        """A setting's value in the conf last written; None when it names none."""
        with contextlib.suppress(OSError):
            for line in (self.folder / "neo4j.conf").read_text().splitlines():
                name, _, value = line.partition("=")
                if name.strip() == key:
                    return value.strip()
        return None
