"""A real Neo4j Community server fetched from Maven Central and run as one JVM in a home folder."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import platformdirs

from graph_service.settings import NEO4J_HEAP, NEO4J_PAGECACHE

SUPPORTED_JAVA = (17, 21)
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
POM_NAME = "neo4j-server.pom.xml"
# The flags Neo4j's own launcher passes to the JVM (checked with `neo4j console --dry-run`).
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dlog4j2.disable.jmx=true",
)
# JVM, metaspace, threads and Bolt buffers on top of heap + page cache.
JVM_OVERHEAD = 512 * 1024**2
STATE_FILE = "graph-service.json"
PASSWORD_FILE = "password"  # noqa: S105 (a file name, not a password)
# A home's own Neo4j settings (`name=value` lines), added to the conf written at each start.
EXTRA_CONF = "neo4j.extra.conf"
MIN_PASSWORD = 8


class LocalServerError(Exception):
    """A local Neo4j operation failed; the message is one line a person can act on."""


@dataclass(frozen=True)
class ServerStatus:
    """What `graph-service neo4j status` reports."""

    home: str
    version: str
    installed: bool
    running: bool
    pid: int | None
    bolt_port: int | None
    http_port: int | None

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.bolt_port}" if self.bolt_port else None

    @property
    def browser_url(self) -> str | None:
        return f"http://127.0.0.1:{self.http_port}/browser/" if self.http_port else None


def pom_path() -> Path:
    return Path(str(resources.files("graph_service") / POM_NAME))


def pinned_version() -> str:
    """The Neo4j version pinned in the Maven file (the one place it is written)."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(pom_path()).getroot()  # noqa: S314 (our own packaged file)
    node = root.find("m:properties/m:neo4j.version", ns)
    if node is None or not node.text:
        raise LocalServerError(f"{pom_path()} pins no neo4j.version")
    return node.text.strip()


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


def find_java() -> str:
    """The java binary to use (JAVA_HOME first), checked to be a version Neo4j 5.26 supports."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise LocalServerError(
            "no Java found: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jre-headless)"
        )
    out = subprocess.run(
        [candidate, "-version"], capture_output=True, text=True, check=False
    ).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):
        major = int(match.group(2))
    if major not in SUPPORTED_JAVA:
        raise LocalServerError(
            f"Java {major or 'of unknown version'} at {candidate} is not supported: "
            f"Neo4j 5.26 needs Java 17 or 21 (set JAVA_HOME to one)"
        )
    return candidate


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalServerError("Maven (mvn) not found: install it (e.g. apt-get install maven)")
    return mvn


def _alive(pid: int) -> bool:
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


def _reap(pid: int) -> tuple[bool, int | None]:
    """(exited, status) for a child of ours; (False, None) for anyone else's process."""
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False, None
    return (done == pid, os.waitstatus_to_exitcode(status) if done == pid else None)


def _cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    return ""


def tail(path: Path, lines: int = 15) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return "(no log)"


class LocalServer:
    """One Neo4j home: install, start, stop and report the server that runs in it."""

    def __init__(
        self, home: Path, cache: Path | None = None, maven_settings: Path | None = None
    ) -> None:
        self.home = home.expanduser().resolve()
        # A Maven settings file, e.g. naming a company mirror of Maven Central.
        self.maven_settings = maven_settings
        self.version = pinned_version()
        base = cache or platformdirs.user_cache_path("graph-service")
        self.cache = base / f"neo4j-{self.version}"

    # -- paths -----------------------------------------------------------------
    @property
    def state_path(self) -> Path:
        return self.home / "run" / STATE_FILE

    @property
    def password_path(self) -> Path:
        return self.home / PASSWORD_FILE

    @property
    def log_path(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def installed(self) -> bool:
        return (self.home / "lib").is_dir() and self.password_path.exists()

    # -- install ---------------------------------------------------------------
    def install(self, say: Callable[[str], None] = lambda _: None) -> None:
        """Fetch the jars (once, into the cache) and lay out the home. Safe to repeat."""
        if not (self.cache / ".complete").exists():
            say(f"fetching Neo4j {self.version}, Browser and APOC from Maven Central")
            self._fetch()
        for sub in ("lib", "plugins", "conf", "import", "logs", "run"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        self._sync_jars(self.cache / "lib", self.home / "lib")
        self._sync_jars(self.cache / "plugins", self.home / "plugins")
        apoc_conf = self.home / "conf" / "apoc.conf"
        if not apoc_conf.exists():
            apoc_conf.write_text("apoc.export.file.enabled=false\napoc.import.file.enabled=true\n")
        if not (self.home / "conf" / "neo4j.conf").exists():
            self.configure(7687, 7474)
        if not self.password_path.exists():
            self._set_initial_password()

    def _fetch(self) -> None:
        mvn = find_maven()
        find_java()
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".fetch-", dir=self.cache.parent))
        try:
            settings = ["-s", str(self.maven_settings)] if self.maven_settings else []
            result = subprocess.run(
                [
                    mvn,
                    "-B",
                    "-q",
                    *settings,
                    "-f",
                    str(pom_path()),
                    "dependency:copy-dependencies",
                    f"-DoutputDirectory={staging / 'lib'}",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise LocalServerError(_maven_failure(result.stdout + result.stderr))
            (staging / "plugins").mkdir()
            # APOC's procedures are found in plugins/; the jars they use stay on lib/.
            for jar in (staging / "lib").glob("apoc-*.jar"):
                jar.rename(staging / "plugins" / jar.name)
            (staging / ".complete").write_text(self.version)
            if self.cache.exists():
                shutil.rmtree(self.cache)
            staging.rename(self.cache)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def _sync_jars(source: Path, target: Path) -> None:
        wanted = {jar.name for jar in source.glob("*.jar")}
        for jar in target.glob("*.jar"):
            if jar.name not in wanted:
                jar.unlink()
        for name in wanted - {jar.name for jar in target.glob("*.jar")}:
            try:
                os.link(source / name, target / name)
            except OSError:
                shutil.copy2(source / name, target / name)

    @property
    def extra_conf_path(self) -> Path:
        return self.home / "conf" / EXTRA_CONF

    def configure(
        self,
        bolt_port: int,
        http_port: int,
        heap: str = NEO4J_HEAP,
        pagecache: str = NEO4J_PAGECACHE,
    ) -> None:
        """Write `conf/neo4j.conf` (done by every start): the ports and memory given, then
        the home's own settings from `conf/neo4j.extra.conf`, which win."""
        extra = self.extra_conf_path.read_text() if self.extra_conf_path.exists() else ""
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
dbms.security.procedures.unrestricted=apoc.*
dbms.usage_report.enabled=false
db.transaction.timeout=60s
# Timeouts are checked every 2 s by default; a service with 10 s budgets wants them sooner.
db.transaction.monitor.check.interval=100ms
"""
        if extra:
            # A setting named twice stops Neo4j, so the home's own replace ours.
            own = {line.partition("=")[0].strip() for line in extra.splitlines() if "=" in line}
            kept = [line for line in conf.splitlines() if line.partition("=")[0] not in own]
            conf = "\n".join(kept) + f"\n# From {EXTRA_CONF}\n{extra.rstrip()}\n"
        (self.home / "conf" / "neo4j.conf").write_text(conf)

    def admin(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run `neo4j-admin` with these arguments against this home (the server's own jars)."""
        return subprocess.run(
            [
                find_java(),
                "-cp",
                str(self.home / "lib" / "*"),
                f"-Dbasedir={self.home}",
                ADMIN_CLASS,
                *arguments,
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")},
        )

    def _set_initial_password(self) -> None:
        password = os.environ.get("NEO4J_PASSWORD") or secrets.token_urlsafe(18)
        if len(password) < MIN_PASSWORD:
            raise LocalServerError(f"NEO4J_PASSWORD must have at least {MIN_PASSWORD} characters")
        if (self.home / "data" / "dbms").exists():
            raise LocalServerError(
                f"{self.home} holds a database but no password file: "
                "remove its data/ folder or write the password to " + str(self.password_path)
            )
        # `--` ends the options: a password may start with "-" (a random one does 1 time in 64).
        result = self.admin("dbms", "set-initial-password", "--", password)
        if result.returncode != 0:
            raise LocalServerError(
                "setting the initial password failed: " + result.stderr.strip()[-300:]
            )
        fd = os.open(self.password_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")

    def password(self) -> str:
        try:
            return self.password_path.read_text().strip()
        except FileNotFoundError:
            raise LocalServerError(
                f"{self.home} is not installed: run graph-service neo4j install"
            ) from None

    # -- run -------------------------------------------------------------------
    def _state(self) -> dict[str, int]:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self.state_path.read_text())
            return {k: int(v) for k, v in data.items() if k in ("pid", "bolt_port", "http_port")}
        return {}

    def _running_pid(self) -> int | None:
        pid = self._state().get("pid")
        if pid and _alive(pid) and f"--home-dir={self.home}" in _cmdline(pid):
            return pid
        return None

    def status(self) -> ServerStatus:
        state = self._state()
        pid = self._running_pid()
        return ServerStatus(
            home=str(self.home),
            version=self.version,
            installed=self.installed,
            running=pid is not None,
            pid=pid,
            bolt_port=state.get("bolt_port"),
            http_port=state.get("http_port"),
        )

    def _conf_value(self, key: str) -> str | None:
        with contextlib.suppress(OSError):
            for line in (self.home / "conf" / "neo4j.conf").read_text().splitlines():
                name, _, value = line.partition("=")
                if name.strip() == key:
                    return value.strip()
        return None

    @contextlib.contextmanager
    def stopped(self, timeout: float = 180.0) -> Iterator[None]:
        """Stop the server for offline work; start it again as it was (ports, memory)."""
        state = self._state()
        was_running = self.stop()
        try:
            yield
        finally:
            if was_running:
                self.start(
                    bolt_port=state.get("bolt_port", 7687),
                    http_port=state.get("http_port", 7474),
                    heap=self._conf_value("server.memory.heap.max_size") or NEO4J_HEAP,
                    pagecache=self._conf_value("server.memory.pagecache.size") or NEO4J_PAGECACHE,
                    timeout=timeout,
                )

    def command(self, heap: str) -> list[str]:
        home = self.home
        classpath = os.pathsep.join(str(home / d / "*") for d in ("plugins", "conf", "lib"))
        return [
            find_java(),
            "-cp",
            classpath,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_FLAGS,
            MAIN_CLASS,
            f"--home-dir={home}",
            f"--config-dir={home / 'conf'}",
            "--console-mode",
        ]

    def start(
        self,
        bolt_port: int = 7687,
        http_port: int = 7474,
        heap: str = NEO4J_HEAP,
        pagecache: str = NEO4J_PAGECACHE,
        timeout: float = 180.0,
    ) -> ServerStatus:
        """Start the server in the background and return once Bolt answers."""
        if not self.installed:
            raise LocalServerError(f"{self.home} is not installed: run graph-service neo4j install")
        running = self._running_pid()
        if running:
            state = self._state()
            raise LocalServerError(
                f"{self.home} is already running "
                f"(pid {running}, bolt port {state.get('bolt_port')})"
            )
        for name, port in (("bolt", bolt_port), ("http", http_port)):
            if not port_is_free(port):
                raise LocalServerError(
                    f"{name} port {port} is already in use: choose another with --{name}-port"
                )
        need = parse_size(heap) + parse_size(pagecache) + JVM_OVERHEAD
        have = available_memory()
        if have is not None and need > have:
            raise LocalServerError(
                f"not enough memory: heap {heap} + page cache {pagecache} need "
                f"{need / 1024**3:.1f} GiB, {have / 1024**3:.1f} GiB available "
                "(lower --heap / --pagecache)"
            )
        command = self.command(heap)
        self.configure(bolt_port, http_port, heap, pagecache)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        # posix_spawn in a new session: the server outlives this process and leaves no
        # Popen object behind to complain; we keep only its pid.
        pid = os.posix_spawn(
            command[0],
            command,
            os.environ,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (
                    os.POSIX_SPAWN_OPEN,
                    1,
                    str(self.log_path),
                    os.O_WRONLY | os.O_APPEND | os.O_CREAT,
                    0o644,
                ),
                (os.POSIX_SPAWN_DUP2, 1, 2),
            ],
            setsid=True,
        )
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(
            json.dumps({"pid": pid, "bolt_port": bolt_port, "http_port": http_port})
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            exited, code = _reap(pid)
            if exited:
                raise LocalServerError(
                    f"Neo4j exited with status {code} while starting; "
                    f"last lines of {self.log_path}:\n{tail(self.log_path)}"
                )
            if self._log_says_started(offset) and bolt_answers(bolt_port):
                return self.status()
            time.sleep(0.25)
        self._terminate(pid, 60.0)
        raise LocalServerError(
            f"Neo4j did not answer within {timeout:.0f}s; last lines of {self.log_path}:\n"
            f"{tail(self.log_path)}"
        )

    def _log_says_started(self, offset: int) -> bool:
        with contextlib.suppress(OSError), self.log_path.open("rb") as log:
            log.seek(offset)
            return b"INFO  Started." in log.read()
        return False

    def stop(self, timeout: float = 90.0) -> bool:
        """SIGTERM and wait for the clean shutdown. False when it was not running."""
        pid = self._running_pid()
        if pid is None:
            return False
        self._terminate(pid, timeout)
        return True

    def _terminate(self, pid: int, timeout: float) -> None:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _reap(pid)[0] or not _alive(pid):
                self.state_path.unlink(missing_ok=True)
                return
            time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        _reap(pid)
        raise LocalServerError(f"Neo4j (pid {pid}) did not stop within {timeout:.0f}s; killed it")

    def env(self) -> dict[str, str]:
        state = self._state()
        return {
            "NEO4J_URI": f"bolt://127.0.0.1:{state.get('bolt_port', 7687)}",
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": self.password(),
        }

    def describe(self) -> dict[str, object]:
        status = self.status()
        return {**asdict(status), "uri": status.uri, "browser": status.browser_url}


def _maven_failure(output: str) -> str:
    errors = [line.strip() for line in output.splitlines() if "ERROR" in line]
    detail = (errors or output.strip().splitlines()[-1:] or ["no output"])[0][:300]
    if re.search(
        r"Could not transfer|Unknown ?host|Connection refused|Network is unreachable"
        r"|timed out|Temporary failure in name resolution|offline"
        # A cold local repository cannot even fetch the dependency plugin.
        r"|No plugin found for prefix",
        output,
    ):
        return f"Maven could not download from Maven Central (offline?): {detail}"
    return f"Maven failed to resolve the Neo4j jars: {detail}"
