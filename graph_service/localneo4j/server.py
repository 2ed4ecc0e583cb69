"""A real Neo4j Community server fetched from Maven Central and run as one JVM in a home folder."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from graph_service.errors import ServiceError
from graph_service.localneo4j.classdata import ClassData, train
from graph_service.localneo4j.conf import Conf
from graph_service.localneo4j.distribution import (
    LocalServerError,
    fetch,
    fetched,
    find_java,
    pinned_version,
    sync_jars,
)
from graph_service.localneo4j.host import (
    alive,
    available_memory,
    bolt_answers,
    cmdline,
    parse_size,
    port_is_free,
    reap,
    tail,
)
from graph_service.settings import NEO4J_HEAP, NEO4J_PAGECACHE

MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
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
MIN_PASSWORD = 8


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
        self.conf = Conf(self.home / "conf")
        self.class_data = ClassData(self.cache)
        # Where the JVM writes the classes it loaded when it exits (only while recording them).
        self.records_classes_to: Path | None = None

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
    def install(
        self, say: Callable[[str], None] = lambda _: None, train_class_data: bool = True
    ) -> None:
        """Fetch the jars and record the classes Neo4j loads (once, into the cache), and lay out
        the home. Safe to repeat."""
        if not fetched(self.cache):
            say(f"fetching Neo4j {self.version}, Browser, APOC and GDS from Maven Central")
            fetch(self.cache, self.maven_settings)
        for sub in ("lib", "plugins", "conf", "import", "logs", "run"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        sync_jars(self.cache / "lib", self.home / "lib")
        sync_jars(self.cache / "plugins", self.home / "plugins")
        # APOC is there for people exploring in Browser; nothing here reads or writes files
        # through it, so it may not either.
        (self.home / "conf" / "apoc.conf").write_text(
            "apoc.export.file.enabled=false\napoc.import.file.enabled=false\n"
        )
        if not (self.home / "conf" / "neo4j.conf").exists():
            self.conf.write(7687, 7474)
        if not self.password_path.exists():
            self._set_initial_password()
        self.restrict()
        if train_class_data:
            try:
                train(self, find_java(), say)
            except (LocalServerError, ServiceError, OSError) as error:
                # Only a slower start is lost.
                say(f"Neo4j's classes not recorded ({error}): it starts as before")

    def restrict(self) -> None:
        """The home is its owner's alone: the store, transaction logs and logs hold the whole
        graph, as the password file holds the key to it."""
        self.home.chmod(0o700)
        for folder, subfolders, files in os.walk(self.home):
            for name in subfolders:
                os.chmod(os.path.join(folder, name), 0o700)
            for name in files:
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(os.path.join(folder, name), 0o600)

    def admin_ok(self, *arguments: str) -> None:
        """Run `neo4j-admin`; LocalServerError with its output when it fails."""
        result = self.admin(*arguments)
        if result.returncode != 0:
            raise LocalServerError(
                f"neo4j-admin {' '.join(arguments[:2])} failed in {self.home}:\n"
                + (result.stderr or result.stdout).strip()[-2000:]
            )

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
        if pid and alive(pid) and f"--home-dir={self.home}" in cmdline(pid):
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
                    heap=self.conf.value("server.memory.heap.max_size") or NEO4J_HEAP,
                    pagecache=self.conf.value("server.memory.pagecache.size") or NEO4J_PAGECACHE,
                    timeout=timeout,
                )

    def command(self, heap: str) -> list[str]:
        home, java = self.home, find_java()
        if fetched(self.cache):
            # The cache's jars (the home's are links to them): the class-data archive holds
            # for one classpath, and every home has this one.
            classpath, class_data = self.class_data.classpath(), self.class_data.flags(java)
            if self.records_classes_to:
                class_data = [f"-XX:ArchiveClassesAtExit={self.records_classes_to}"]
        else:
            classpath = os.pathsep.join(str(home / d / "*") for d in ("plugins", "conf", "lib"))
            class_data = []
        return [
            java,
            "-cp",
            classpath,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_FLAGS,
            *class_data,
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
        self.conf.write(bolt_port, http_port, heap, pagecache)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.restrict()
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        # posix_spawn in a new session: the server outlives this process and leaves no
        # Popen object behind to complain; we keep only its pid. The umask it inherits keeps
        # every file it creates (store, transaction logs) its owner's alone.
        umask = os.umask(0o077)
        try:
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
                        0o600,
                    ),
                    (os.POSIX_SPAWN_DUP2, 1, 2),
                ],
                setsid=True,
            )
        finally:
            os.umask(umask)
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(
            json.dumps({"pid": pid, "bolt_port": bolt_port, "http_port": http_port})
        )
        self.state_path.chmod(0o600)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            exited, code = reap(pid)
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
            if reap(pid)[0] or not alive(pid):
                self.state_path.unlink(missing_ok=True)
                return
            time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        reap(pid)
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
