"""A real Neo4j 5 Community server for tests and local use, built from Maven Central jars.

No tarball and no Docker: Maven copies the runtime classpath of ``org.neo4j:neo4j``
(plus the Neo4j Browser jar, so ``/browser`` is served) into a cache folder once;
every run then starts ``org.neo4j.server.CommunityEntryPoint`` on that classpath
with a fresh temporary home, free ports on 127.0.0.1, authentication on and a
generated password.  ``scripts/neo4j-test-server`` wraps this for people.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import Neo4jError, ServiceUnavailable

CHECKOUT = Path(__file__).resolve().parents[1]
POM = CHECKOUT / "scripts" / "neo4j" / "pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
INITIAL_PASSWORD = "neo4j"  # Neo4j's factory password; it must be changed before any query runs

# What neo4j.conf's server.jvm.additional would pass; neo4j ignores those lines when we start java ourselves.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)


class Neo4jServerError(RuntimeError):
    """The test server could not be resolved, started or reached."""


def pinned_version(pom: Path = POM) -> str:
    """The Neo4j version the pom pins (the pom is the single place to change it)."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(pom).getroot().find("m:properties/m:neo4j.version", ns)
    if node is None or not (node.text or "").strip():
        raise Neo4jServerError(f"{pom}: no <neo4j.version> property")
    return node.text.strip()


def default_lib_dir(version: str) -> Path:
    base = Path(os.environ.get("KG_NEO4J_CACHE", Path.home() / ".cache" / "kg-neo4j"))
    return base / version / "lib"


def resolve_jars(lib_dir: Path, pom: Path = POM) -> Path:
    """Copy the server's runtime classpath into ``lib_dir`` with Maven, once; later calls reuse it."""
    if (lib_dir / ".complete").exists():
        return lib_dir
    if shutil.which("mvn") is None:
        raise Neo4jServerError(f"Maven (mvn) is not on PATH and {lib_dir} holds no resolved Neo4j jars")
    staging = Path(tempfile.mkdtemp(prefix="lib-", dir=_ensure_dir(lib_dir.parent)))
    command = ["mvn", "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
               "-DincludeScope=runtime", f"-DoutputDirectory={staging}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise Neo4jServerError(f"mvn failed ({result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    (staging / ".complete").touch()
    shutil.rmtree(lib_dir, ignore_errors=True)  # a half-copied folder from an interrupted run
    staging.rename(lib_dir)
    return lib_dir


def missing_tools(lib_dir: Path | None = None) -> str | None:
    """Why the server cannot be started here (no java, or no mvn and no cached jars), or None."""
    if shutil.which("java") is None:
        return "java is not on PATH (Neo4j 5.26 needs Java 17 or 21)"
    lib_dir = lib_dir or default_lib_dir(pinned_version())
    if shutil.which("mvn") is None and not (lib_dir / ".complete").exists():
        return f"mvn is not on PATH and {lib_dir} holds no resolved Neo4j jars"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class ServerInfo:
    """How to reach a running server (also what ``scripts/neo4j-test-server`` keeps in its state file)."""

    pid: int
    home: str
    bolt_port: int
    http_port: int
    user: str
    password: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_uri(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> ServerInfo:
        return cls(**json.loads(text))


class Neo4jTestServer:
    """One throwaway Neo4j server: ``prepare()`` a home, optionally run admin commands, ``start()``, ``stop()``."""

    def __init__(self, lib_dir: Path | None = None, heap: str = "1g", pagecache: str = "256m",
                 start_timeout: float = 120.0) -> None:
        self.version = pinned_version()
        self.lib_dir = lib_dir or default_lib_dir(self.version)
        self.heap, self.pagecache, self.start_timeout = heap, pagecache, start_timeout
        self.home: Path | None = None
        self.info: ServerInfo | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def prepare(self) -> Path:
        """Resolve the jars and write a fresh home with its neo4j.conf; returns the home."""
        if shutil.which("java") is None:
            raise Neo4jServerError("java is not on PATH (Neo4j 5.26 needs Java 17 or 21)")
        resolve_jars(self.lib_dir)
        self.home = Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
        (self.home / "conf").mkdir()
        self.info = ServerInfo(pid=0, home=str(self.home), bolt_port=free_port(), http_port=free_port(),
                               user="neo4j", password=secrets.token_urlsafe(18))
        (self.home / "conf" / "neo4j.conf").write_text(self._config(), encoding="utf-8")
        return self.home

    def _config(self) -> str:
        assert self.info is not None
        bolt, http = self.info.bolt_port, self.info.http_port
        return "\n".join([
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{bolt}",
            # Browser reads the advertised Bolt address from the discovery document; without the port it says 7687.
            f"server.bolt.advertised_address=127.0.0.1:{bolt}",
            f"server.http.listen_address=127.0.0.1:{http}",
            f"server.http.advertised_address=127.0.0.1:{http}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            # Tests try wrong passwords on purpose; the default lock-out (3 failures) would break the next test.
            "dbms.security.auth_max_failed_attempts=0",
            f"server.memory.pagecache.size={self.pagecache}",
            "dbms.memory.transaction.total.max=512m",
            "db.tx_log.preallocate=false",
            "db.tx_log.rotation.size=16m",
            "dbms.usage_report.enabled=false",
            # Netty waits a 5 s quiet period per Bolt event-loop group on shutdown: 10 s per stop, for nothing.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
            "",
        ])

    def java_command(self, main_class: str, *args: str) -> list[str]:
        heap = [f"-Xms{self.heap}", f"-Xmx{self.heap}"] if main_class == ENTRY_POINT else ["-Xmx1g"]
        return ["java", *heap, *JVM_FLAGS, "-cp", str(self.lib_dir / "*"), main_class, *args]

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``neo4j-admin`` (org.neo4j.cli.AdminTool from the same jars) against this home."""
        assert self.home is not None, "prepare() first"
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}
        # cwd: the import tool drops its import.report into the working directory.
        return subprocess.run(self.java_command(ADMIN_TOOL, *args), env=env, cwd=self.home,
                              capture_output=True, text=True)

    def start(self, detach: bool = False) -> ServerInfo:
        """Start the server, set the generated password and wait until a query runs."""
        if self.home is None:
            self.prepare()
        assert self.home is not None and self.info is not None
        command = self.java_command(ENTRY_POINT, f"--home-dir={self.home}",
                                    f"--config-dir={self.home / 'conf'}", "--console-mode")
        with open(self.home / "console.log", "wb") as console:
            # A detached server gets its own session so Ctrl-C in the starting shell does not reach it.
            self._process = subprocess.Popen(command, cwd=self.home, stdout=console, stderr=subprocess.STDOUT,
                                             stdin=subprocess.DEVNULL, start_new_session=detach)
        self.info.pid = self._process.pid
        try:
            self._wait_and_set_password()
        except BaseException:
            self.stop()
            raise
        return self.info

    def _wait_and_set_password(self) -> None:
        assert self._process is not None and self.info is not None and self.home is not None
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self._process.poll() is not None:
                raise Neo4jServerError(f"neo4j exited with {self._process.returncode}:\n{self.console_tail()}")
            try:
                # The factory password connects but may not query: change it on the system database first.
                with GraphDatabase.driver(self.info.uri, auth=("neo4j", INITIAL_PASSWORD)) as driver:
                    driver.verify_connectivity()
                    driver.execute_query("ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                                         old=INITIAL_PASSWORD, new=self.info.password, database_="system")
                break
            except (ServiceUnavailable, OSError, Neo4jError):
                if time.monotonic() > deadline:
                    raise Neo4jServerError(f"neo4j not ready after {self.start_timeout:.0f}s:\n{self.console_tail()}")
                time.sleep(0.25)
        with GraphDatabase.driver(self.info.uri, auth=(self.info.user, self.info.password)) as driver:
            driver.verify_connectivity()
            driver.execute_query("RETURN 1")

    def console_tail(self, lines: int = 40) -> str:
        log = self.home / "console.log" if self.home else None
        if log is None or not log.exists():
            return "(no console output)"
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def stop(self, keep_home: bool = False) -> None:
        """SIGTERM (Neo4j shuts down cleanly on it), wait, kill if it hangs; then remove the home."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        if self.home is not None and not keep_home:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None

    def __enter__(self) -> ServerInfo:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def state_file(checkout: Path = CHECKOUT) -> Path:
    """Where ``scripts/neo4j-test-server`` records the server it started: one file per checkout (in its
    ``.cache``), so a second checkout neither is refused a server nor stops the first one's.
    ``KG_NEO4J_STATE`` overrides it (e.g. the script's own test, beside a developer's server)."""
    return Path(os.environ.get("KG_NEO4J_STATE") or checkout / ".cache" / "neo4j-test-server.json")


def is_running(info: ServerInfo) -> bool:
    """Whether the recorded pid is still that server (pids are reused: its command line names its home)."""
    cmdline = Path(f"/proc/{info.pid}/cmdline")
    try:
        return info.home in cmdline.read_bytes().decode(errors="replace")
    except OSError:
        return False


def stop_detached(info: ServerInfo, timeout: float = 60.0) -> None:
    """Stop a server started by another process (``scripts/neo4j-test-server start``), by its recorded pid."""
    if is_running(info):
        os.kill(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while is_running(info) and time.monotonic() < deadline:
            time.sleep(0.2)
        if is_running(info):
            os.kill(info.pid, signal.SIGKILL)
    shutil.rmtree(info.home, ignore_errors=True)


def _recorded(state: Path) -> ServerInfo | None:
    """The server the state file records, if it still runs; a stale file (server gone, e.g. after a
    reboot) is removed and its home cleaned up."""
    if not state.exists():
        return None
    info = ServerInfo.from_json(state.read_text(encoding="utf-8"))
    if is_running(info):
        return info
    print(f"removing stale state {state} (server pid {info.pid} is gone)")
    shutil.rmtree(info.home, ignore_errors=True)
    state.unlink()
    return None


def _main(argv: list[str]) -> int:
    """``[--checkout DIR] start`` (detached, prints how to connect), ``stop``, ``status``."""
    checkout = CHECKOUT
    if argv[:1] == ["--checkout"] and len(argv) > 1:
        checkout, argv = Path(argv[1]), argv[2:]
    state = state_file(checkout)
    action = argv[0] if argv else "help"
    if action == "start":
        running = _recorded(state)
        if running is not None:
            print(f"already started for this checkout: {running.uri} (see {state}); run stop first")
            return 1
        started = time.monotonic()
        info = Neo4jTestServer().start(detach=True)
        _ensure_dir(state.parent)
        state.write_text(info.to_json(), encoding="utf-8")
        state.chmod(0o600)  # it holds the password
        print(f"bolt: {info.uri}\nhttp: {info.http_uri}  (Browser: {info.http_uri}/browser/)\n"
              f"user: {info.user}\npassword: {info.password}\n"
              f"started in {time.monotonic() - started:.1f}s; home {info.home}; state {state}")
        return 0
    if action in ("stop", "status"):
        info = _recorded(state)
        if info is None:
            print("not running")
            return 0 if action == "stop" else 1
        if action == "status":
            print(f"bolt: {info.uri}\nhttp: {info.http_uri}\npid: {info.pid}\nstate: {state}")
            return 0
        stop_detached(info)
        state.unlink()
        print("stopped")
        return 0
    print("usage: neo4j-test-server start|stop|status")
    return 2


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv[1:]))
