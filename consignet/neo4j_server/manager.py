"""Install, start, stop and inspect the project's own Neo4j (Community, embedded in a small Java launcher).

Layout of ``home`` (default ``settings.neo4j_home`` = ``<data_dir>/neo4j``)::

    lib/ + classpath.txt    jars fetched by Maven (``install``), plus a version marker in lib/
    data/ logs/             the DBMS's own store and logs
    neo4j.log               launcher stdout/stderr (previous run kept as neo4j.log.1)
    neo4j.pid, neo4j.state.json   pid, and the port/version the running server was started with

Security: the server listens on 127.0.0.1 only and runs WITHOUT authentication; anyone with a shell on
this machine can reach it, nobody else can. ``LOAD CSV`` can neither read local files nor fetch URLs
(see Launcher.java for the exact settings).

POSIX only (Linux, macOS): it relies on process groups and ``fcntl``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

from consignet.errors import ConsignetError, InputError
from consignet.settings import Settings, get_settings

JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
]
MIN_JAVA = 17  # Neo4j 5.26 runs on Java 17 and 21.
_SIZE = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")
_VERSION_MARKER = ".consignet-neo4j-version"


class Neo4jServerError(ConsignetError):
    """The local Neo4j could not be installed, started or stopped."""


class Neo4jServer:
    """One local Neo4j DBMS in ``home``; every argument defaults to ``settings`` (or get_settings())."""

    def __init__(
        self,
        home: Path | None = None,
        port: int | None = None,
        heap: str | None = None,
        pagecache: str | None = None,
        version: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        settings = settings or get_settings()
        self.home = Path(home or settings.neo4j_home).expanduser().resolve()
        self.heap = heap or settings.neo4j_heap
        self.pagecache = pagecache or settings.neo4j_pagecache
        self.version = version or settings.neo4j_version
        self._explicit_port = port is not None
        self.port = port if port is not None else settings.neo4j_port
        self._proc: subprocess.Popen[bytes] | None = None
        if not 0 < self.port < 65536:
            raise InputError(f"Neo4j port must be between 1 and 65535, got {self.port}")
        for name, value in (("heap", self.heap), ("pagecache", self.pagecache)):
            if not _SIZE.match(value):
                raise InputError(f"Neo4j {name} must look like 512m or 1g, got {value!r}")

    # -- paths ----------------------------------------------------------------------------------------
    @property
    def lib_dir(self) -> Path:
        return self.home / "lib"

    @property
    def classpath_file(self) -> Path:
        return self.home / "classpath.txt"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def log_file(self) -> Path:
        return self.home / "neo4j.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"

    @property
    def state_file(self) -> Path:
        return self.home / "neo4j.state.json"

    @property
    def uri(self) -> str:
        """Bolt URI of this server: the running one's port if it runs, else the configured port."""
        state = self._state() if self.pid() is not None else {}
        return f"bolt://127.0.0.1:{state.get('port', self.port)}"

    # -- install --------------------------------------------------------------------------------------
    def is_installed(self) -> bool:
        marker = self.lib_dir / _VERSION_MARKER
        if not (marker.is_file() and self.classpath_file.is_file()):
            return False
        if marker.read_text().strip() != self.version:
            return False
        return all(Path(jar).is_file() for jar in self._classpath().split(os.pathsep))

    def install(self) -> bool:
        """Fetch the Neo4j jars with Maven into ``<home>/lib``; returns False when already installed."""
        java_binary()  # fail early and clearly: the jars are useless without Java
        self.home.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.home / ".install.lock"):
            if self.is_installed():
                return False
            mvn = shutil.which("mvn")
            if mvn is None:
                raise Neo4jServerError(
                    "Maven (mvn) is not on PATH; it is needed once to fetch the Neo4j jars "
                    "(Debian/Ubuntu: apt-get install maven)"
                )
            shutil.rmtree(self.lib_dir, ignore_errors=True)  # no jars of another version on the classpath
            build = self.home / "build"
            build.mkdir(exist_ok=True)
            (build / "pom.xml").write_text(_package_text("pom.xml"))
            cmd = [
                mvn, "-q", "-B", "-Dstyle.color=never", "package",
                f"-Dneo4j.version={self.version}",
                f"-Dconsignet.lib={self.lib_dir}",
                f"-Dconsignet.classpath={self.classpath_file}",
            ]  # fmt: skip
            done = subprocess.run(cmd, cwd=build, capture_output=True, text=True)
            if done.returncode != 0:
                output = (done.stdout + done.stderr).strip().splitlines()[-30:]
                head = f"Maven could not fetch Neo4j {self.version} (exit {done.returncode}):"
                raise Neo4jServerError("\n".join([head, *output]))
            shutil.rmtree(build, ignore_errors=True)
            (self.lib_dir / _VERSION_MARKER).write_text(self.version + "\n")
        return True

    # -- lifecycle ------------------------------------------------------------------------------------
    def start(self, wait: bool = True, timeout: float = 120, exit_with_parent: bool = False) -> bool:
        """Start the DBMS detached; returns False if this home's server already runs on the same port.

        ``exit_with_parent`` (for test runs): the DBMS shuts itself down once this Python process is gone.
        """
        running = self.pid()
        if running is not None:
            port = self._state().get("port")
            if self._explicit_port and port != self.port:
                raise InputError(
                    f"Neo4j in {self.home} already runs on port {port} (pid {running}); "
                    "stop it before starting on another port"
                )
            self.port = port or self.port
            return False
        if not port_is_free(self.port):
            raise InputError(
                f"port {self.port} on 127.0.0.1 is already in use; choose another with --port or CONSIGNET_NEO4J_PORT"
            )
        self.install()
        launcher = self.home / "Launcher.java"
        launcher.write_text(_package_text("Launcher.java"))
        cmd = [
            java_binary(), f"-Xmx{self.heap}", *JVM_FLAGS,
            "-cp", self._classpath(), str(launcher),
            "--home", str(self.home), "--port", str(self.port), "--pagecache", self.pagecache,
        ]  # fmt: skip
        if exit_with_parent:
            cmd += ["--exit-with-pid", str(os.getpid())]
        if self.log_file.exists():
            self.log_file.replace(self.log_file.with_name("neo4j.log.1"))
        with open(self.log_file, "wb") as log:
            # Own session = own process group: Ctrl-C in the terminal that ran `start` does not reach it.
            self._proc = subprocess.Popen(
                cmd, cwd=self.home, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self.pid_file.write_text(f"{self._proc.pid}\n")
        state = {"pid": self._proc.pid, "port": self.port, "version": self.version, "heap": self.heap,
                 "pagecache": self.pagecache, "started_at": time.time()}  # fmt: skip
        self.state_file.write_text(json.dumps(state, indent=2) + "\n")
        if wait:
            self.wait_until_ready(timeout)
        return True

    def wait_until_ready(self, timeout: float = 120) -> None:
        """Block until Bolt answers; on death or timeout stop what is left and raise with the log tail."""
        deadline = time.monotonic() + timeout
        driver = GraphDatabase.driver(self.uri, auth=None, connection_timeout=2)
        try:
            while True:
                if self.pid() is None:
                    self._forget()
                    raise Neo4jServerError(f"Neo4j exited while starting.\n{self.log_tail()}")
                with contextlib.suppress(DriverError, Neo4jError, OSError):
                    driver.verify_connectivity()
                    return
                if time.monotonic() > deadline:
                    tail = self.log_tail()
                    self.stop()
                    raise Neo4jServerError(f"Neo4j did not answer on {self.uri} in {timeout:.0f} s.\n{tail}")
                time.sleep(0.25)
        finally:
            driver.close()

    def stop(self, timeout: float = 60) -> bool:
        """SIGTERM (clean shutdown, checkpoint), then SIGKILL after ``timeout``; False if not running."""
        pid = self.pid()
        if pid is None:
            self._forget()
            return False
        for sig, wait_s in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, sig)  # pid is the group leader (start_new_session)
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline:
                if not self._alive(pid):
                    self._forget()
                    return True
                time.sleep(0.1)
        raise Neo4jServerError(f"Neo4j (pid {pid}) did not stop even after SIGKILL")

    def status(self) -> dict[str, Any]:
        pid = self.pid()
        state = self._state() if pid is not None else {}
        port = state.get("port", self.port)
        return {
            "running": pid is not None,
            "pid": pid,
            "uri": f"bolt://127.0.0.1:{port}",
            "port": port,
            "home": str(self.home),
            "data_dir": str(self.data_dir),
            "log": str(self.log_file),
            "version": state.get("version", self.version),
            "installed": self.is_installed(),
        }

    def pid(self) -> int | None:
        """Pid of this home's running launcher, or None (a stale or foreign pid file does not count)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if not self._alive(pid):
            return None
        if self._proc is not None and self._proc.pid == pid:
            return pid  # our own child: no need to identify it
        # A pid can be reused after a crash or reboot: only trust it if it is our launcher for this home.
        cmdline = _cmdline(pid)
        for _ in range(10):  # right after exec the JVM's cmdline reads empty for a moment
            if cmdline:
                break
            time.sleep(0.1)
            cmdline = _cmdline(pid)
        if "Launcher.java" not in cmdline or str(self.home) not in cmdline:
            return None
        return pid

    def log_tail(self, lines: int = 40) -> str:
        parts = []
        for path in (self.log_file, self.home / "logs" / "debug.log"):
            if path.is_file():
                text = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- last lines of {path} ---\n" + "\n".join(text))
        return "\n".join(parts) or f"(no log in {self.home})"

    # -- internals ------------------------------------------------------------------------------------
    def _alive(self, pid: int) -> bool:
        if self._proc is not None and self._proc.pid == pid:
            return self._proc.poll() is None
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, os.WNOHANG)  # reap it if another instance in this process started it
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        stat = Path(f"/proc/{pid}/stat")
        return not (stat.exists() and stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z")

    def _state(self) -> dict[str, Any]:
        try:
            return json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            return {}

    def _forget(self) -> None:
        for path in (self.pid_file, self.state_file):
            path.unlink(missing_ok=True)

    def _classpath(self) -> str:
        return self.classpath_file.read_text().strip()


def reset_database(driver: Driver, database: str | None = None) -> int:
    """Delete every node and relationship in batches; constraints and indexes stay. Returns nodes deleted.

    Batches keep a 100k+ node graph within a 1 GB heap; CALL ... IN TRANSACTIONS needs an auto-commit
    transaction, hence ``session.run`` rather than ``execute_query``.
    """
    database = database or get_settings().neo4j_database
    with driver.session(database=database) as session:
        summary = session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return summary.counters.nodes_deleted


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Same option Neo4j's server socket uses, so a port lingering in TIME_WAIT counts as free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def java_binary() -> str:
    """The ``java`` to use (JAVA_HOME first, like Maven), checked to be version 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).is_file():
        raise Neo4jServerError(
            f"Java {MIN_JAVA}+ is needed to run Neo4j but was not found "
            "(set JAVA_HOME or install it, Debian/Ubuntu: apt-get install openjdk-17-jre-headless)"
        )
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    found = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(found.group(1)) if found else 0
    if major == 1 and found and found.group(2):  # "1.8.0" style
        major = int(found.group(2))
    if major < MIN_JAVA:
        raise Neo4jServerError(f"Neo4j needs Java {MIN_JAVA}+, but {java} is: {out.strip().splitlines()[:1]}")
    return java


def _package_text(name: str) -> str:
    # Read through importlib.resources so it also works from a wheel; java and mvn get a real copy in home.
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _cmdline(pid: int) -> str:
    proc = Path(f"/proc/{pid}/cmdline")
    if proc.exists():
        with contextlib.suppress(OSError):
            return proc.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        return ""
    # No /proc (macOS): ask ps.
    done = subprocess.run(["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True)
    return done.stdout


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    # Two `install`s at once (CLI + test run) must not interleave Maven writes in one lib/.
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
