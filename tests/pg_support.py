"""A real, throw-away PostgreSQL server for the tests: initdb in a temp dir,
pg_ctl on a free loopback port (and a unix socket in that dir), password
authentication on, stopped and removed at the end of the session.

initdb refuses to run as root: as root the server runs as the `postgres`
system user (Debian's package creates it) and the temp dir is handed to it."""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from storage.dburl import DbUrl

USER = "classwatch_test"
PASSWORD = "pg-Pa55-w0rd-never-shown"
PREFIX = "classwatch-pg-"
OWNER = "owner.pid"          # the test session's pid: a dead one's server is swept away


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def why_unavailable() -> str | None:
    """None when a server can be started here, else why not (the skip reason)."""
    if _binary("initdb") is None or _binary("pg_ctl") is None:
        return "PostgreSQL is not installed (Debian: apt-get install postgresql, or ./install.sh --test-tools)"
    if os.name == "posix" and os.geteuid() == 0 and (shutil.which("runuser") is None or _uid("postgres") is None):
        return "running as root without a `postgres` user to run the server as"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    return None


def _uid(name: str) -> int | None:
    import pwd
    try:
        return pwd.getpwnam(name).pw_uid
    except KeyError:
        return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=PREFIX))
        self.data = self.dir / "data"
        self.port = _free_port()
        self._as_root = os.name == "posix" and os.geteuid() == 0
        self._names = itertools.count(1)
        if self._as_root:
            uid = _uid("postgres")
            os.chown(self.dir, uid, -1)
        os.chmod(self.dir, 0o700)
        (self.dir / OWNER).write_text(str(os.getpid()))

    @classmethod
    def sweep(cls) -> None:
        """Stop and remove the servers of test sessions that were killed (a
        killed session never reaches its teardown)."""
        for owner in Path(tempfile.gettempdir()).glob(f"{PREFIX}*/{OWNER}"):
            try:
                pid = int(owner.read_text())
                os.kill(pid, 0)
                continue            # its session still runs
            except ProcessLookupError:
                pass
            except (ValueError, OSError):
                continue
            stale = cls.__new__(cls)
            stale.dir, stale.data = owner.parent, owner.parent / "data"
            stale._as_root = os.name == "posix" and os.geteuid() == 0
            stale.destroy()

    def _run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        argv = [*cmd]
        if self._as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, check=check, cwd=self.dir, timeout=120)

    def start(self) -> "PgServer":
        pwfile = self.dir / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._as_root:
            os.chown(pwfile, _uid("postgres"), -1)
        self._run(_binary("initdb"), "-D", str(self.data), "-U", USER, "--auth=scram-sha-256",
                  f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8")
        pwfile.unlink()
        self._pg_ctl("start")
        return self

    def _pg_ctl(self, action: str) -> None:
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=300"
                   " -c shared_buffers=32MB")
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                  "-o", options, action, *(["-m", "fast"] if action in ("stop", "restart") else []))

    def stop(self) -> None:
        """Stop the server (its databases stay): a desk sees it go away."""
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-w", "-m", "fast", "stop", check=False)

    def start_again(self) -> None:
        self._pg_ctl("start")

    def destroy(self) -> None:
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-w", "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, dbname: str = "postgres", *, password: str = PASSWORD) -> DbUrl:
        return DbUrl.parse(f"postgresql://{USER}:{password}@127.0.0.1:{self.port}/{dbname}")

    def role(self, database: DbUrl, name: str, password: str, grants: list[str]) -> DbUrl:
        """A login role with only `grants` (SQL run in `database`); its URL there."""
        import psycopg
        with psycopg.connect(database.url, autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')
            conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
            for grant in grants:
                conn.execute(grant.format(db=database.url.rpartition("/")[2], role=f'"{name}"'))
        dbname = database.url.rpartition("/")[2]
        return DbUrl.parse(f"postgresql://{name}:{password}@127.0.0.1:{self.port}/{dbname}")

    def new_database(self) -> DbUrl:
        """A fresh empty database: every test starts from nothing."""
        import psycopg
        name = f"t{os.getpid()}_{next(self._names)}_{int(time.time() * 1000) % 100000}"
        with psycopg.connect(self.url().url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
