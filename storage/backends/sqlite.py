"""SQLite: one file, WAL, synchronous=FULL; followers poll `PRAGMA
data_version` (a look at the WAL index in shared memory) and read only when
another connection committed."""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from peewee import SqliteDatabase

try:
    import fcntl
except ImportError:   # Windows
    fcntl = None

from .base import PUSH_CHANNEL, Backend, Conn, Listener, StoreUnavailable

# WAL lets `export` and the app read while `serve` writes; FULL makes a commit
# survive power loss, which is what an ack promises (PITFALLS.md: it costs
# little once commits are batched).
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "busy_timeout": 10000,
    "foreign_keys": 1,
}
POLL_SECONDS = 0.02         # a follower's look for commits: a few µs, no disk I/O
PARTIAL = ".partial"    # suffix of a backup being written

_CHUNK_BITS = 9          # at most 512 rows (9,216 values at 18 columns) an INSERT


def _insert_chunks(conn: Conn, table: str, columns: tuple[str, ...], rows):
    """INSERT OR IGNORE `rows` in a few multi-row statements, not one per row:
    each statement hands the GIL to the event loop and waits to get it back.
    The run is cut into power-of-two chunks, so a handful of statements serve
    every size from the connection's cache. Yields (chunk, its cursor)."""
    start = 0
    while start < len(rows):
        size = 1 << min((len(rows) - start).bit_length() - 1, _CHUNK_BITS)
        chunk = rows[start:start + size]
        yield chunk, conn.raw.execute(_insert_sql(table, columns, size), [v for row in chunk for v in row])
        start += size


@lru_cache(maxsize=128)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    # OR IGNORE, not ON CONFLICT DO NOTHING: 2-4x faster for a multi-row VALUES
    # into `push` (measured). It would also skip a row breaking NOT NULL: _check_stored.
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT OR IGNORE INTO {table}({', '.join(columns)}) VALUES {', '.join([one] * rows)}"


def _check_stored(conn: Conn, table: str, key: str, keys: list) -> None:
    """Rows insert_new did not store are re-sends: their keys are in the table.
    Anything else was refused by a constraint, and nothing of the run may be acked."""
    found = {k for (k,) in conn.raw.execute(
        f"SELECT {key} FROM {table} WHERE {key} IN ({', '.join('?' * len(keys))})", keys)}
    if not found.issuperset(keys):
        raise sqlite3.IntegrityError(f"{table}: a row was not stored and is not a re-send")


# SQLite's two-argument min()/max() are the standard LEAST/GREATEST.
_LEAST = re.compile(r"\bLEAST\(", re.IGNORECASE)
_GREATEST = re.compile(r"\bGREATEST\(", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _translate(sql: str) -> tuple[str, None]:
    return _GREATEST.sub("max(", _LEAST.sub("min(", sql)), None


class SqliteDb(SqliteDatabase):
    backend: "SqliteBackend"

    def run(self, sql: str, params=()):
        """Our SQL (storage/backends) through this database's connection."""
        return self.execute_sql(_translate(sql)[0], params)

    def conn(self) -> Conn:
        return Conn(self.connection(), _translate, self.backend)


class _Poll(Listener):
    """Wakes when another connection committed: `PRAGMA data_version` changes."""

    def __init__(self, path: Path) -> None:
        self._closed = threading.Event()
        try:
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._version = self._data_version()
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open {path}: {exc}") from None

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self._closed.wait(max(0.0, min(POLL_SECONDS, deadline - time.monotonic()))):
            version = self._data_version()
            if version != self._version:
                self._version = version
                return True
            if time.monotonic() >= deadline:
                break
        return False

    def close(self) -> None:
        self._closed.set()
        self._conn.close()


TURNS_SUFFIX = "-turns"   # classwatch.db-turns: the writers' turn lock (SqliteBackend.write_turn)


class WriteTurns:
    """An exclusive lock on a file beside the database, one writer process at
    a time (POSIX flock; elsewhere a no-op: the engine's busy handler waits)."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None
        self._local = threading.Lock()   # flock is per open file, not per thread

    def __enter__(self) -> None:
        self._local.acquire()
        if fcntl is None:
            return
        try:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        except OSError:   # a read-only dir or a full disk: the engine's own locking still holds
            pass

    def __exit__(self, *exc) -> None:
        try:
            if fcntl is not None and self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._local.release()


class SqliteBackend(Backend):
    kind = "sqlite"
    BEGIN_WRITE = "BEGIN IMMEDIATE"
    _turns: WriteTurns | None = None

    @property
    def path(self) -> Path:
        assert self.url.path is not None
        return self.url.path

    def database(self) -> SqliteDb:
        db = SqliteDb(str(self.path), pragmas=PRAGMAS, timeout=10)
        db.backend = self
        return db

    def connect(self) -> Conn:
        try:
            raw = sqlite3.connect(self.path, timeout=PRAGMAS["busy_timeout"] / 1000,
                                  isolation_level=None, check_same_thread=False)
            for key, value in PRAGMAS.items():
                raw.execute(f"PRAGMA {key}={value}")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open {self.path}: {exc}") from None
        return Conn(raw, _translate, self)

    def translate(self, sql: str):
        return _translate(sql)

    def insert_new(self, conn: Conn, table: str, columns, rows, key: str) -> list[int | None]:
        # SQLite gives each new row MAX(id) + 1: a chunk that stored every row
        # got the ids up to its last one.
        ids: list[int | None] = []
        at = list(columns).index(key)
        for chunk, cursor in _insert_chunks(conn, table, tuple(columns), rows):
            size, stored, last = len(chunk), cursor.rowcount, cursor.lastrowid
            if stored == size:
                ids += range(last - size + 1, last + 1)
            elif stored == 0:   # every one a re-send
                ids += [None] * size
            else:               # some were stored before: which rows are new, by their key
                new = dict(conn.raw.execute(f"SELECT {key}, id FROM {table} WHERE id > ?", (last - stored,)))
                ids += [new.pop(row[at], None) for row in chunk]   # a key twice: the first one is new
        if None in ids:
            _check_stored(conn, table, key, [row[at] for row, i in zip(rows, ids) if i is None])
        return ids

    def insert_ignoring(self, conn: Conn, table: str, columns, rows) -> None:
        for _ in _insert_chunks(conn, table, tuple(columns), rows):
            pass

    def listener(self, channel: str = PUSH_CHANNEL) -> Listener:
        return _Poll(self.path)   # any commit: one channel is all a poll can tell

    def write_turn(self) -> contextlib.AbstractContextManager:
        # SQLite's own busy handler sleeps 1, 2, 5 ... ms between looks: a
        # split `serve`'s receiving process waited that long behind every
        # derived-row transaction of its core process. An OS lock wakes it at once.
        if self._turns is None:
            self._turns = WriteTurns(self.path.with_name(self.path.name + TURNS_SUFFIX))
        return self._turns

    @contextlib.contextmanager
    def migration(self, db) -> Iterator[None]:
        with db.atomic("IMMEDIATE"):
            yield

    def exists(self) -> bool:
        return self.path.exists()

    def backup(self, suffix: str) -> Path:
        """Written under a .partial name and renamed when whole: a kill midway
        leaves nothing a user could take for a backup (the next open removes it)."""
        target = self.path.with_name(f"{self.path.name}.{suffix}.bak")
        partial = target.with_name(target.name + PARTIAL)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        src = sqlite3.connect(self.path)
        try:
            dst = sqlite3.connect(partial)
            try:
                with dst:
                    src.backup(dst)
            finally:
                dst.close()
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        finally:
            src.close()
        return target

    def remove_partial_backups(self) -> None:
        for leftover in self.path.parent.glob(f"{self.path.name}.*.bak{PARTIAL}"):
            try:
                leftover.unlink()
            except OSError:
                pass
