"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, start, stop.

Needs PostgreSQL's server programs (Debian: `apt-get install postgresql`; the README's test
command installs it). initdb and postgres refuse to run as root, so as root they run as the
`postgres` user. No pytest here, so that it also works by hand:
`python -c "import pg_server; s = pg_server.start(); print(s.url); input(); s.stop()"`.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

__all__ = ["PostgresError", "PostgresServer", "create_database", "drop_database", "start"]

OS_USER = "postgres"  # the user initdb and postgres run as when we are root
SUPERUSER = "postgres"  # the database superuser initdb creates; trust authentication
SERVER_OPTIONS = (
    "-c listen_addresses=127.0.0.1",
    # Throwaway data: durability off, which makes CREATE DATABASE and commits fast.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
)
START_TIMEOUT_S = 60
_PORT_ATTEMPTS = 3  # a port found free can be taken by another process before postgres binds it
_LOG_TAIL_LINES = 25


class PostgresError(RuntimeError):
    """The throwaway server could not be found, initialised, started or stopped."""


@dataclass
class PostgresServer:
    """A running server: `url` reaches its `postgres` database as the superuser.

    Built with a URL only, it stands for a server someone else runs: `stop()` does nothing.
    """

    url: str
    _pg_ctl: tuple[str, ...] = ()  # the pg_ctl command (behind runuser when we are root)
    _root: Path | None = None  # the temporary folder: data/, server.log, the Unix socket

    def stop(self) -> None:
        """Stop the server at once (no checkpoint) and delete its folder; again does nothing."""
        if self._root is None:
            return
        root, self._root = self._root, None
        result = _run([*self._pg_ctl, "stop", "-D", str(root / "data"), "-m", "immediate"], root)
        if result.returncode != 0 and (root / "data" / "postmaster.pid").exists():
            raise PostgresError(f"pg_ctl stop failed; {root} is kept\n{_output(result)}")
        shutil.rmtree(root)


def start() -> PostgresServer:
    """Initialise a cluster in a new temporary folder, start it on a free port and return it.

    Raises PostgresError, with the programs' output and the tail of the server log, if any
    step fails; the folder is removed then.
    """
    bindir = _bindir()
    as_owner = _as_owner()
    root = _make_root()
    data = root / "data"
    try:
        initdb = [
            *as_owner,
            str(bindir / "initdb"),
            *("-D", str(data), "-A", "trust", "-U", SUPERUSER, "--no-sync"),
            *("-E", "UTF8", "--locale=C.UTF-8"),  # C.UTF-8: byte order, yet lower('Ї') = 'ї'
        ]
        result = _run(initdb, root)
        if result.returncode != 0:
            raise PostgresError(f"initdb failed:\n{_output(result)}")
        pg_ctl = (*as_owner, str(bindir / "pg_ctl"))
        log = root / "server.log"
        for attempt in range(1, _PORT_ATTEMPTS + 1):
            port = _free_port()
            options = " ".join((f"-p {port}", f"-k {root}", *SERVER_OPTIONS))
            log.unlink(missing_ok=True)
            command = [*pg_ctl, "start", "-D", str(data), "-l", str(log), "-w"]
            result = _run([*command, "-t", str(START_TIMEOUT_S), "-o", options], root)
            if result.returncode == 0:
                break
            if attempt == _PORT_ATTEMPTS or "already in use" not in _tail(log):
                message = f"pg_ctl start on port {port} failed:\n{_output(result)}"
                raise PostgresError(f"{message}\nserver log:\n{_tail(log)}")
    except BaseException:
        # A half-started server (pg_ctl timed out) must not outlive its folder.
        stop = [*as_owner, str(bindir / "pg_ctl"), "stop", "-D", str(data), "-m", "immediate"]
        _run(stop, root)
        shutil.rmtree(root, ignore_errors=True)
        raise
    return PostgresServer(f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres", pg_ctl, root)


def create_database(server_url: str, name: str) -> str:
    """Create an empty database `name` on the server and return its URL."""
    _execute(server_url, f"CREATE DATABASE {_identifier(name)}")
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def drop_database(server_url: str, name: str) -> None:
    """Drop the database `name`, closing any connection still open to it."""
    _execute(server_url, f"DROP DATABASE IF EXISTS {_identifier(name)} WITH (FORCE)")


def _execute(server_url: str, statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE cannot run in one)."""
    import adbc_driver_postgresql.dbapi as pg  # only the PostgreSQL tests need the driver

    with pg.connect(server_url, autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute(statement)


def _identifier(name: str) -> str:
    """Quote a name for SQL."""
    return '"' + name.replace('"', '""') + '"'


def _bindir() -> Path:
    """Return the folder holding initdb and pg_ctl: pg_config's, else the newest Debian one."""
    candidates: list[Path] = []
    if pg_config := shutil.which("pg_config"):
        # On Debian, pg_config may come from libpq-dev of another version than the server.
        result = _run([pg_config, "--bindir"], Path.cwd())
        if result.returncode == 0:
            candidates.append(Path(result.stdout.strip()))
    debian = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(debian, key=lambda path: _version(path.parent.name), reverse=True)
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).parent)
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise PostgresError(
        "no PostgreSQL server programs (initdb, pg_ctl) in pg_config --bindir, "
        "/usr/lib/postgresql/*/bin or $PATH; on Debian: apt-get install postgresql"
    )


def _version(text: str) -> tuple[int, ...]:
    """Return '15' as (15,) and '9.6' as (9, 6); anything else sorts first."""
    parts = text.split(".")
    return tuple(int(part) for part in parts) if all(p.isdigit() for p in parts) else ()


def _as_owner() -> tuple[str, ...]:
    """Return the command prefix that runs a program as the cluster's owner."""
    if os.geteuid() != 0:
        return ()
    try:
        pwd.getpwnam(OS_USER)
    except KeyError:
        raise PostgresError(f"as root, initdb needs the OS user {OS_USER!r}; none exists") from None
    return ("runuser", "-u", OS_USER, "--")


def _make_root() -> Path:
    """Make the temporary folder, mode 0700, owned by the user the server runs as.

    As root it lives in /tmp, which that user can traverse; the Unix socket goes in it too,
    so its path must stay short (about 100 bytes at most).
    """
    if os.geteuid() != 0:
        return Path(tempfile.mkdtemp(prefix="tracker-pg-"))
    root = Path(tempfile.mkdtemp(prefix="tracker-pg-", dir="/tmp"))
    owner = pwd.getpwnam(OS_USER)
    os.chown(root, owner.pw_uid, owner.pw_gid)
    return root


def _free_port() -> int:
    """Return a local TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a program without the caller's PG* variables; a hang becomes a failed result."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    try:
        return subprocess.run(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S + 30,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        return subprocess.CompletedProcess(command, -1, "", f"timed out after {error.timeout} s")


def _output(result: subprocess.CompletedProcess[str]) -> str:
    """Return a finished program's command line, exit status and output."""
    output = (result.stdout + result.stderr).strip()
    return f"$ {shlex.join(result.args)}\nexit status {result.returncode}\n{output}"


def _tail(log: Path) -> str:
    """Return the last lines of the server log, or why there are none."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        return f"(no server log: {error})"
    return "\n".join(lines[-_LOG_TAIL_LINES:])
