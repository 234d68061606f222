"""PostgreSQL: the team's store. Every integer column is BIGINT (ClassIn's
ids outgrow 32 bits) and every float DOUBLE PRECISION (unix times to the
microsecond); commits are durable (synchronous_commit on) before an ack; a
commit that stored pushes NOTIFYs the desks that LISTEN."""
from __future__ import annotations

import contextlib
import re
import time
from functools import lru_cache
from typing import Any, Callable, Iterator, Sequence

import psycopg
from peewee import PostgresqlDatabase

from .base import PUSH_CHANNEL, Backend, Conn, Listener, StoreUnavailable, one_row_insert, to_pyformat

CONNECT_OPTIONS = {"connect_timeout": 5, "application_name": "classwatch"}
# Every session of ours: an ack promises a durable commit (the server's default
# may be relaxed); a process frozen or cut off inside a transaction must not
# hold its locks (the queue's taker turn, a lesson's row) for long: the server
# ends such a session after 10 s idle in it, and finds a vanished peer dead
# after about idle + interval * count seconds.
_SESSION = ("SET synchronous_commit TO on; SET idle_in_transaction_session_timeout = '10s';"
            " SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3")
MAX_ROWS_PER_INSERT = 512  # rows of one multi-row INSERT (a rebuild's thousands go in several)
GATHER_SECONDS = 0.03      # a busy receiver's commits reach a follower at most this often
# Any number: one process at a time migrates (the lock ends with the transaction).
_MIGRATION_LOCK = 0x436C5761


@lru_cache(maxsize=1024)
def _translate(sql: str) -> tuple[str, tuple[int, ...] | None]:
    sql = re.sub(r"\s+INDEXED BY \w+", "", sql)       # SQLite planner hints
    sql = sql.replace("BEGIN IMMEDIATE", "BEGIN").replace("LIMIT -1", "LIMIT ALL")
    return to_pyformat(sql)


def unavailable(exc: Exception, url) -> StoreUnavailable:
    """A driver error as one line naming the (masked) database."""
    text = " ".join(str(exc).split())
    text = text.removeprefix("connection failed: ")
    return StoreUnavailable(f"cannot use the database {url}: {text}")


class PostgresDb(PostgresqlDatabase):
    field_types = {**PostgresqlDatabase.field_types,
                   "INT": "BIGINT", "AUTO": "BIGSERIAL", "FLOAT": "DOUBLE PRECISION"}
    backend: "PostgresBackend"

    def execute_sql(self, sql, params=None):
        # After a server restart this thread's connection is dead: open a new
        # one for the next statement (never inside a transaction: its work is lost).
        conn = self._state.conn
        if conn is not None and (conn.closed or conn.broken) and not self.in_transaction():
            with contextlib.suppress(Exception):
                conn.close()
            self._state.reset()
        return super().execute_sql(sql, params)

    def _connect(self):
        try:
            return super()._connect()
        except psycopg.OperationalError as exc:
            raise unavailable(exc, self.backend.url) from None

    def run(self, sql: str, params=()):
        query, order = _translate(sql)
        if order is not None:
            params = [params[i] for i in order]
        return self.execute_sql(query, params)

    def conn(self) -> Conn:
        return Conn(self.connection(), _translate, self.backend)


def _each(conn: Conn, sql: str, rows) -> Iterator[psycopg.Cursor]:
    """`sql`, an INSERT of one VALUES row, for all `rows` in as few statements
    as possible: a statement per row was what bounded a batch. In the
    server's own `$n` placeholders (a raw cursor): the driver's rewrite of a
    `%s` per value, never cached for a long statement, cost as much as the
    server's whole insert."""
    width = _one_row(sql)[1]
    chunk = max(1, min(MAX_ROWS_PER_INSERT, 65535 // max(width, 1)))   # the protocol's limit on parameters
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        yield psycopg.RawCursor(conn.raw).execute(_many_rows(sql, len(part)), [v for row in part for v in row])


@lru_cache(maxsize=64)
def _one_row(sql: str) -> tuple[list[str], int]:
    """`sql` split around the placeholders of its VALUES row, and their count."""
    query, order = _translate(sql)
    query = re.sub("%%|%s", lambda m: "%" if m.group() == "%%" else "\0", query)   # \0: a placeholder
    head, _, rest = query.partition("VALUES (")
    depth, end = 1, 0
    while depth and end < len(rest):
        depth += {"(": 1, ")": -1}.get(rest[end], 0)
        end += 1
    if order is not None or depth or "\0" in head or "\0" in rest[end:]:
        raise ValueError(f"not an INSERT of one VALUES row: {sql[:80]}")
    row = ("(" + rest[:end]).split("\0")
    return [head + "VALUES ", *row, rest[end:]], len(row) - 1


@lru_cache(maxsize=256)
def _many_rows(sql: str, count: int) -> str:
    (head, *row, tail), width = _one_row(sql)
    rows = []
    for n in range(count):
        values = [row[0]]
        for i, between in enumerate(row[1:], start=n * width + 1):
            values += [f"${i}", between]
        rows.append("".join(values))
    return head + ", ".join(rows) + tail


@lru_cache(maxsize=256)
def _insert_with(sql: str, count: int, key: str, returning: tuple[str, ...], after: tuple[str, ...],
                 notify: tuple[str, ...]) -> str:
    inserted = _many_rows(sql, count)
    number = iter(range(count * _one_row(sql)[1] + 1, 65536))
    clauses = [f"stored AS ({inserted} RETURNING {', '.join(('id', key, *returning))})"]
    clauses += [f"after{n} AS ({re.sub(r'[?]', lambda _: f'${next(number)}', clause)})"
                for n, clause in enumerate(after)]
    if not notify:
        return f"WITH {', '.join(clauses)} SELECT id, {key} FROM stored"
    # One row, read by the answer: the server evaluates it whenever a row was stored.
    channels = ", ".join(f"('{channel}')" for channel in notify)
    clauses.append(f"woke AS (SELECT count(pg_notify(c, '')) FROM (VALUES {channels}) AS v(c))")
    return f"WITH {', '.join(clauses)} SELECT stored.id, stored.{key} FROM stored, woke"


def new_rows_statement(table: str, columns, rows, key: str, returning: tuple[str, ...], after: tuple[str, ...],
                       params: Sequence[Any], notify: tuple[str, ...] = ()) -> tuple[str, list] | None:
    """Conn.insert_new_with's statement and its parameters ($n placeholders, for
    a raw cursor); None for more rows than one statement takes. `notify`: the
    channels it wakes when it stored a row, inside it (a NOTIFY is a statement,
    and a round trip, of its own)."""
    width = len(columns)
    if not rows or len(rows) > min(MAX_ROWS_PER_INSERT, (65535 - len(params)) // width):
        return None
    query = _insert_with(one_row_insert(table, tuple(columns)), len(rows), key, returning, after, notify)
    return query, [v for row in rows for v in row] + list(params)


def new_ids(columns, rows, key: str, fetched) -> list[int | None]:
    """Per row of a new_rows_statement its new id from the statement's answer
    (id, key), None where its key was stored already."""
    at = list(columns).index(key)
    new = {k: i for i, k in fetched}
    return [new.pop(row[at], None) for row in rows]     # a key twice in `rows`: the first one is new


class _Notifications(Listener):
    gather = GATHER_SECONDS

    def __init__(self, backend: "PostgresBackend", channel: str):
        self._conn = backend.connect()
        try:
            self._conn.raw.execute(f"LISTEN {channel}")
        except psycopg.Error as exc:
            self._conn.close()
            raise unavailable(exc, backend.url) from None
        self._woke = 0.0

    def wait(self, timeout: float) -> bool:
        try:
            if not any(True for _ in self._conn.raw.notifies(timeout=timeout, stop_after=1)):
                return False
            # The first commit after a quiet spell is read at once. A busy
            # receiver commits a hundred times a second: its commits are gathered
            # into one read per `gather` seconds, rather than one query per commit
            # from every desk; the NOTIFYs that came meanwhile are spent.
            rest = self._woke + self.gather - time.monotonic()
            if rest > 0:
                time.sleep(rest)
                for _ in self._conn.raw.notifies(timeout=0):
                    pass
            self._woke = time.monotonic()
            return True
        except psycopg.Error as exc:
            raise unavailable(exc, self._conn.backend.url) from None

    def close(self) -> None:
        self._conn.close()


class PostgresBackend(Backend):
    kind = "postgresql"

    def database(self) -> PostgresDb:
        db = PostgresDb(self.url.url, prefer_psycopg3=True, **CONNECT_OPTIONS)
        db.backend = self
        return db

    def connect(self) -> Conn:
        try:
            raw = psycopg.connect(self.url.url, autocommit=True, **CONNECT_OPTIONS)
            raw.execute(_SESSION)
        except psycopg.Error as exc:
            raise unavailable(exc, self.url) from None
        return Conn(raw, _translate, self)

    def translate(self, sql: str):
        return _translate(sql)

    @staticmethod
    def execute_replanned(raw, query: str, params):
        # Not prepared: a statement psycopg prepares gets, after five runs, the
        # server's generic plan, made for the tables' sizes then. The queue's
        # read, prepared on a new database, kept a hash join over every push
        # (33 ms a call at 60,000 pushes: 80 % of the server's time under load).
        return raw.execute(query, params, prepare=False)

    @staticmethod
    def executemany(raw, query: str, rows):
        cur = raw.cursor()
        cur.executemany(query, rows)
        return cur

    @staticmethod
    def refuses(exc: Exception) -> bool:
        return isinstance(exc, (psycopg.DataError, psycopg.IntegrityError))

    @staticmethod
    def usable(raw) -> bool:
        # Still in pipeline mode: a failure left answers behind it, and the connection is lost.
        return not (raw.closed or raw.broken or raw.pgconn.pipeline_status)

    def pipeline(self, raw):
        return raw.pipeline()

    def insert_new(self, conn: Conn, table: str, columns, rows, key: str) -> list[int | None]:
        new: dict = {}
        for cursor in _each(conn, one_row_insert(table, tuple(columns)) + f" RETURNING id, {key}", rows):
            new.update((k, i) for i, k in cursor.fetchall())
        at = list(columns).index(key)
        return [new.pop(row[at], None) for row in rows]     # a key twice in `rows`: the first one is new

    def insert_new_with(self, conn: Conn, table: str, columns, rows, key: str, returning: tuple[str, ...],
                        after: tuple[str, ...], params: Sequence[Any],
                        notify: tuple[str, ...] = ()) -> Callable[[], list[int | None]] | None:
        # One statement, sent now (pipelined): a batch then makes one round trip,
        # where waiting for the new ids before what follows from them made two.
        statement = new_rows_statement(table, columns, rows, key, returning, after, params, notify)
        if statement is None:
            return None
        cursor = psycopg.RawCursor(conn.raw).execute(*statement)
        return lambda: new_ids(columns, rows, key, cursor.fetchall())

    async def connect_on_loop(self) -> psycopg.AsyncConnection:
        """A connection for an asyncio loop (storage.loop_store), set up as `connect`'s."""
        try:
            raw = await psycopg.AsyncConnection.connect(self.url.url, autocommit=True, **CONNECT_OPTIONS)
            await raw.execute(_SESSION)
        except psycopg.Error as exc:
            raise unavailable(exc, self.url) from None
        return raw

    def insert_ignoring(self, conn: Conn, table: str, columns, rows) -> None:
        self.insert_each(conn, one_row_insert(table, tuple(columns)), rows)

    def insert_each(self, conn: Conn, sql: str, rows) -> None:
        for _ in _each(conn, sql, rows):
            pass

    def notify(self, conn: Conn, channel: str) -> None:
        conn.raw.execute(f"NOTIFY {channel}")

    def listener(self, channel: str = PUSH_CHANNEL) -> Listener:
        return _Notifications(self, channel)

    def may_change_schema(self, db) -> bool:
        return bool(db.execute_sql("SELECT has_schema_privilege(current_schema(), 'CREATE')").fetchone()[0])

    @contextlib.contextmanager
    def migration(self, db) -> Iterator[None]:
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            yield
