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

from .base import Backend, Conn, Listener, StoreUnavailable

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


class SqliteBackend(Backend):
    kind = "sqlite"
    BEGIN_WRITE = "BEGIN IMMEDIATE"

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
        # Three statements for a whole run, not one per row: every statement
        # hands the GIL to the event loop and waits to get it back. The write
        # lock is ours (BEGIN IMMEDIATE), so the ids after MAX(id) are free.
        if not rows:
            return []
        at = list(columns).index(key)
        keys = [row[at] for row in rows]
        seen = {found for (found,) in conn.raw.execute(
            f"SELECT {key} FROM {table} WHERE {key} IN ({', '.join('?' * len(keys))})", keys)}
        next_id = conn.raw.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0] + 1
        ids: list[int | None] = []
        values: list = []
        for row, k in zip(rows, keys):
            if k in seen:       # stored already, or earlier in this run
                ids.append(None)
                continue
            seen.add(k)
            ids.append(next_id)
            values.append(next_id)
            values += row
            next_id += 1
        if values:
            one = f"({', '.join('?' * (len(columns) + 1))})"
            count = len(values) // (len(columns) + 1)
            conn.raw.execute(f"INSERT INTO {table}(id, {', '.join(columns)}) VALUES {', '.join([one] * count)}",
                             values)
        return ids

    def listener(self) -> Listener:
        return _Poll(self.path)

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
