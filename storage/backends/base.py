"""What a backend provides, and the connection wrapper all raw SQL goes through."""
from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..dburl import DbUrl, mask_urls

# The channel a commit that stored pushes notifies (PostgreSQL), and what
# a desk or `events --follow` waits on: once the pushes' derived rows are there.
PUSH_CHANNEL = "classwatch_push"
# The channel a commit that queued pushes for their derived rows notifies
# (storage.models.Unprojected): the core processes that make them wait on it.
QUEUED_CHANNEL = "classwatch_queued"


class StoreUnavailable(Exception):
    """The database cannot be reached or refused us (wrong password, server
    down, file unreadable): one line, password masked."""

    def __init__(self, message: str):
        super().__init__(mask_urls(message))


class Conn:
    """A DB-API connection that speaks ClassWatch's SQL. `execute`/`executemany`
    return the driver's cursor (fetchone, fetchall, rowcount)."""

    def __init__(self, raw: Any, translate: Callable[[str], tuple[str, tuple[int, ...] | None]],
                 backend: "Backend"):
        self.raw = raw
        self._translate = translate
        self.backend = backend
        self._pipeline = None
        self._spoiled = False   # `usable`

    def execute(self, sql: str, params: Sequence[Any] = (), *, replan: bool = False):
        """`replan`: planned for the tables as they are now, never from a plan
        the server cached when they were small (PostgreSQL)."""
        query, order = self._translate(sql)
        if order is not None:
            params = [params[i] for i in order]
        if replan:
            return self.backend.execute_replanned(self.raw, query, params)
        return self.raw.execute(query, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        query, order = self._translate(sql)
        if order is not None:
            rows = [[row[i] for i in order] for row in rows]
        return self.backend.executemany(self.raw, query, rows)

    def insert_new(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                   key: str) -> list[int | None]:
        """INSERT `rows` ... ON CONFLICT DO NOTHING: per row its new id, None
        where its `key` was stored already (before, or by an earlier row here)."""
        return self.backend.insert_new(self, table, columns, rows, key)

    def insert_new_with(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], key: str,
                        returning: tuple[str, ...], after: tuple[str, ...], params: Sequence[Any],
                        notify: tuple[str, ...] = ()) -> Callable[[], list[int | None]] | None:
        """`insert_new` in one statement with `after`, statements that read the
        rows it stored as `stored` (id, `key`, *`returning`), their `?` taking
        `params`; sent now, its answer (insert_new's) from the returned call
        once a pipeline has ended. None where the engine cannot (SQLite), or
        for more rows than one statement takes: the caller goes step by step.
        `notify`: channels woken at its commit when it stored a row."""
        return self.backend.insert_new_with(self, table, columns, rows, key, returning, after, params, notify)

    def insert_ignoring(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """INSERT `rows`, skipping those whose unique key is taken (derived rows projected again)."""
        self.backend.insert_ignoring(self, table, columns, rows)

    def insert_each(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """`sql`, an INSERT of one VALUES row (`?` placeholders in that row only),
        for each of `rows`: one statement where the engine allows. An upsert may
        touch a row once in a statement: the rows must not conflict with each other."""
        self.backend.insert_each(self, sql, rows)

    def notify(self, channel: str = PUSH_CHANNEL) -> None:
        """Inside a write transaction: wake the listeners of `channel` at its commit."""
        self.backend.notify(self, channel)

    @contextlib.contextmanager
    def pipelined(self, wanted: bool = True) -> Iterator[None]:
        """Until the block ends, statements go out without waiting for each
        one's answer, where the engine allows (PostgreSQL's pipeline mode; a
        round trip per statement was what bounded a batch). A fetch waits for
        the answers up to its statement; an error surfaces there, at `sync`,
        or when the block ends (which waits for every answer). Only for code
        that reads no rowcount and expects no error until then."""
        if not wanted:
            yield
            return
        entered = None
        try:
            with self.backend.pipeline(self.raw) as self._pipeline:
                entered = self._pipeline
                try:
                    yield
                finally:
                    self._pipeline = None
        except BaseException:
            if entered is not None:   # `usable`
                self._spoiled = True
            raise

    def sync(self, raising: bool = True) -> None:
        """Pipelined: wait for the answers of every statement sent, raising the
        first error (not `raising`: only out of the aborted state an error left)."""
        if self._pipeline is not None:
            try:
                self._pipeline.sync()
            except Exception:
                self._spoiled = True
                if raising:
                    raise

    @property
    def usable(self) -> bool:
        """False once an error met a pipeline: psycopg counts a statement as
        prepared as soon as it sends the PREPARE, and one sent after the
        failing statement was never prepared by the server. On that connection
        every later statement of its kind would fail (each batch refused)."""
        return not self._spoiled and self.backend.usable(self.raw)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.raw.close()


class Listener(ABC):
    """Waits for "new pushes may be stored" (a NOTIFY, or a poll's tick)."""
    # While commits keep coming, `wait` returns at most once per `gather`
    # seconds: one read for many commits (a NOTIFY's listener; a poll keeps its own pace).
    gather = 0.0

    @abstractmethod
    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` s; True when something may have been stored."""

    @abstractmethod
    def close(self) -> None: ...


class Backend(ABC):
    kind: str
    # A transaction that will write: SQLite takes the write lock at once.
    BEGIN_WRITE = "BEGIN"

    def __init__(self, url: DbUrl):
        self.url = url

    def __str__(self) -> str:
        return str(self.url)

    # -- connections --------------------------------------------------------------
    @abstractmethod
    def database(self):
        """A new peewee Database for the models (schema, reads, exports)."""

    @abstractmethod
    def connect(self) -> Conn:
        """A raw connection in autocommit mode (transactions are explicit BEGINs)."""

    @abstractmethod
    def translate(self, sql: str) -> tuple[str, tuple[int, ...] | None]:
        """Our SQL in the engine's spelling, and the parameter order when it differs."""

    @staticmethod
    def executemany(raw, query: str, rows):
        return raw.executemany(query, rows)

    @staticmethod
    def execute_replanned(raw, query: str, params):
        return raw.execute(query, params)

    @staticmethod
    def usable(raw) -> bool:
        return True

    @staticmethod
    def refuses(exc: Exception) -> bool:
        """Whether `exc` is the engine refusing a statement's values (a
        constraint, a number it cannot hold), not a failure of the engine."""
        return False

    def notify(self, conn: Conn, channel: str) -> None:
        pass

    def pipeline(self, raw) -> contextlib.AbstractContextManager:
        """Conn.pipelined: the driver's pipeline (with `sync()`), or None where statements go one by one."""
        return contextlib.nullcontext()

    def write_turn(self) -> contextlib.AbstractContextManager:
        """Held around each write transaction of a Writer: where several
        processes write one store, they take turns here (blocking, so a waiter
        starts the moment the other commits) rather than in the engine."""
        return contextlib.nullcontext()

    def insert_ignoring(self, conn: Conn, table: str, columns: Sequence[str], rows) -> None:
        self.insert_each(conn, one_row_insert(table, tuple(columns)), rows)

    def insert_each(self, conn: Conn, sql: str, rows) -> None:
        conn.executemany(sql, rows)

    @abstractmethod
    def insert_new(self, conn: Conn, table: str, columns: Sequence[str], rows, key: str) -> list[int | None]:
        """Conn.insert_new, in as few statements as the engine allows."""

    def insert_new_with(self, conn: Conn, table: str, columns: Sequence[str], rows, key: str,
                        returning: tuple[str, ...], after: tuple[str, ...], params: Sequence[Any],
                        notify: tuple[str, ...] = ()):
        """Conn.insert_new_with."""
        return None

    @abstractmethod
    def listener(self, channel: str = PUSH_CHANNEL) -> Listener: ...

    # -- the schema -----------------------------------------------------------------
    @contextlib.contextmanager
    def migration(self, db) -> Iterator[None]:
        """One process at a time brings the schema up to date, in one transaction."""
        with db.atomic():
            yield

    def may_change_schema(self, db) -> bool:
        """Whether this login may create tables (a team desk's role may not)."""
        return True

    def exists(self) -> bool:
        return True

    def backup(self, suffix: str) -> Path | None:
        """A copy before a migration or rebuild, where the engine allows one here."""
        return None


@lru_cache(maxsize=64)
def one_row_insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) ON CONFLICT DO NOTHING"


@lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """`?` and `?N` placeholders as `%s` (psycopg), literal `%` doubled; the
    parameter order for `?N`. Quoted text is left alone."""
    out: list[str] = []
    order: list[int] = []
    numbered = False
    plain = 0
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == "'":
            end = sql.index("'", i + 1)
            while end + 1 < n and sql[end + 1] == "'":   # '' inside a literal
                end = sql.index("'", end + 2)
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
            continue
        if ch == "%":
            out.append("%%")
        elif ch == "?":
            j = i + 1
            while j < n and sql[j].isdigit():
                j += 1
            if j > i + 1:
                numbered = True
                order.append(int(sql[i + 1:j]) - 1)
            else:
                order.append(plain)
                plain += 1
            out.append("%s")
            i = j
            continue
        else:
            out.append(ch)
        i += 1
    return "".join(out), (tuple(order) if numbered else None)
