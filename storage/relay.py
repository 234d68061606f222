"""The relay's tables: the schools' own systems (destinations) and the
outbox of pushes each still has to get (relay/ delivers them).

The writer calls `oblige` in the transaction that stores a batch of pushes,
so a push acked to ClassIn is a push its destinations will get, kill -9
or not. A destination counts from the commit that adds it: pushes stored
before it are only sent if asked (`replay`). Delivered rows are deleted, so
the outbox is what is pending; `delivered` counts what left it.
Every function takes a storage.backends.Conn (the writer's, a reader
thread's, or a command's: `writing`/`reading`) and leaves transactions to
its caller. The SQL is the backends' common dialect (SQLite, PostgreSQL).
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from .backends import Conn, backend_for

_COLUMNS = "id, name, sid, url, cmds, paused, created_at"
_STATUS = (
    "SELECT d.id, d.name, d.sid, d.url, d.cmds, d.paused, d.created_at, d.delivered, d.last_delivered_at,"
    " d.failing_since, d.last_error, d.attempts,"
    " (SELECT COUNT(*) FROM relay_outbox o WHERE o.dest_id = d.id),"
    " (SELECT p.received_at FROM relay_outbox o JOIN push p ON p.id = o.push_id"
    "  WHERE o.dest_id = d.id ORDER BY o.push_id LIMIT 1)"
    " FROM relay_destination d ORDER BY d.name")
_OBLIGE = "INSERT INTO relay_outbox(dest_id, push_id, body) VALUES (?,?,?) ON CONFLICT DO NOTHING"
# PostgreSQL: the batch's obligations in one statement, matched on the server, no
# answer awaited (a batch's statements are pipelined, storage.backends.Conn.pipelined).
_WANTED_BY = ("JOIN relay_destination d ON d.sid = {p}.sid"
              " AND (COALESCE(d.cmds, '') = '' OR {p}.cmd = ANY(string_to_array(d.cmds, ',')))")
_OBLIGE_ALL = (
    "INSERT INTO relay_outbox(dest_id, push_id, body) SELECT d.id, p.push_id, p.body"
    " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bytea[]) AS p(push_id, sid, cmd, body) "
    + _WANTED_BY.format(p="p") + " ON CONFLICT DO NOTHING")
# PostgreSQL, beside the INSERT of a batch's pushes (storage.writer): the
# obligations of its new ClassIn pushes, `stored` (id, source, sid, cmd), whose
# bodies are their payloads.
OBLIGE_STORED = ("INSERT INTO relay_outbox(dest_id, push_id) SELECT d.id, stored.id FROM stored "
                 + _WANTED_BY.format(p="stored") + " WHERE stored.source = 'classin' ON CONFLICT DO NOTHING")
_PENDING = (
    "SELECT o.push_id, o.body, p.payload FROM relay_outbox o"
    " JOIN push p ON p.id = o.push_id WHERE o.dest_id = ? ORDER BY o.push_id LIMIT ?")
_DELIVERED = "DELETE FROM relay_outbox WHERE dest_id = ? AND push_id = ?"
_COUNT_DELIVERED = (
    "UPDATE relay_destination SET delivered = delivered + ?, last_delivered_at = ?,"
    " failing_since = NULL, last_error = NULL, attempts = 0 WHERE id = ?")
_FAILED = (
    "UPDATE relay_destination SET failing_since = COALESCE(failing_since, ?), last_error = ?,"
    " attempts = attempts + 1 WHERE id = ?")
_REPLAY = (
    "INSERT INTO relay_outbox(dest_id, push_id) SELECT ?, id FROM push"
    " WHERE sid = ? AND source = 'classin' AND received_at >= ? AND received_at < ?{cmds}"
    " ON CONFLICT DO NOTHING")


class DestinationExists(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Destination:
    id: int
    name: str
    sid: int
    url: str
    cmds: tuple[str, ...] | None     # None: every push of the school
    paused: bool
    created_at: float

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Destination:
        return cls(row[0], row[1], row[2], row[3], tuple(row[4].split(",")) if row[4] else None,
                   bool(row[5]), row[6])


@dataclass(frozen=True, slots=True)
class DestinationStatus:
    destination: Destination
    delivered: int
    last_delivered_at: float | None
    failing_since: float | None
    last_error: str | None
    attempts: int                     # failed attempts since the last delivery
    pending: int
    oldest_pending_at: float | None   # when ClassIn sent the oldest undelivered push


@contextlib.contextmanager
def reading(where) -> Iterator[Conn]:
    """A connection of its own to the store at `where` (a command, a reader thread)."""
    conn = backend_for(where).connect()
    try:
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def writing(where) -> Iterator[Conn]:
    """One write transaction on a connection of its own (a command beside a running `serve`)."""
    backend = backend_for(where)
    with reading(where) as conn:
        conn.execute(backend.BEGIN_WRITE)
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def oblige(conn: Conn, pushes: Iterable[tuple[Any, Any]]) -> None:
    """In the writer's transaction: one outbox row per (destination, new push)
    of the destination's school (and Cmds, if it chose some). `pushes` are
    (storage.writer.PushRecord, Stored) pairs of new rows."""
    pushes = [(record, stored) for record, stored in pushes if record.source == "classin"]
    if not pushes:
        return
    if conn.backend.kind == "postgresql":
        conn.execute(_OBLIGE_ALL, ([stored.push_id for _, stored in pushes], [record.sid for record, _ in pushes],
                                   [record.cmd for record, _ in pushes], [record.raw for record, _ in pushes]))
        return
    wanted: dict[int, list[tuple[int, frozenset[str] | None]]] = {}
    for dest_id, sid, cmds in conn.execute("SELECT id, sid, cmds FROM relay_destination").fetchall():
        wanted.setdefault(sid, []).append((dest_id, frozenset(cmds.split(",")) if cmds else None))
    if not wanted:
        return
    rows = [(dest_id, stored.push_id, record.raw)
            for record, stored in pushes
            for dest_id, cmds in wanted.get(record.sid, ())
            if cmds is None or record.cmd in cmds]
    if rows:
        conn.executemany(_OBLIGE, rows)


def add_destination(conn: Conn, name: str, sid: int, url: str,
                    cmds: Sequence[str] | None, now: float) -> Destination:
    if conn.execute("SELECT 1 FROM relay_destination WHERE name = ?", (name,)).fetchone():
        raise DestinationExists(name)
    joined = ",".join(cmds) if cmds else None
    row = conn.execute("INSERT INTO relay_destination(name, sid, url, cmds, paused, created_at, delivered,"
                       " attempts) VALUES (?,?,?,?,0,?,0,0) RETURNING id", (name, sid, url, joined, now)).fetchone()
    return Destination(row[0], name, sid, url, tuple(cmds) if cmds else None, False, now)


def remove_destination(conn: Conn, name: str) -> int | None:
    """Drop the destination and what it still had to get; None if unknown, else that count."""
    row = conn.execute("SELECT id FROM relay_destination WHERE name = ?", (name,)).fetchone()
    if row is None:
        return None
    dropped = conn.execute("DELETE FROM relay_outbox WHERE dest_id = ?", (row[0],)).rowcount
    conn.execute("DELETE FROM relay_destination WHERE id = ?", (row[0],))
    return dropped


def destinations(conn: Conn) -> list[Destination]:
    return [Destination.from_row(row)
            for row in conn.execute(f"SELECT {_COLUMNS} FROM relay_destination ORDER BY name").fetchall()]


def claim(conn: Conn, owner: str, now: float, until: float) -> set[int]:
    """Take or keep the lease of every destination no other relay holds now; the ids
    this owner may deliver to until `until` (receivers sharing one store: one line each)."""
    conn.execute("UPDATE relay_destination SET owner = ?, lease_until = ?"
                 " WHERE owner IS NULL OR owner = ? OR lease_until < ?", (owner, until, owner, now))
    return {row[0] for row in conn.execute("SELECT id FROM relay_destination WHERE owner = ?",
                                           (owner,)).fetchall()}


def release(conn: Conn, owner: str) -> None:
    conn.execute("UPDATE relay_destination SET owner = NULL, lease_until = NULL WHERE owner = ?", (owner,))


def set_paused(conn: Conn, dest_id: int, paused: bool) -> None:
    conn.execute("UPDATE relay_destination SET paused = ? WHERE id = ?", (int(paused), dest_id))


def pending(conn: Conn, dest_id: int, limit: int) -> list[tuple[int, bytes]]:
    """The oldest `limit` undelivered pushes, as (push id, exact body bytes), in stored order:
    the body kept aside when it differs from the stored text, else that text's UTF-8."""
    return [(push_id, bytes(body) if body is not None else payload.encode())
            for push_id, body, payload in conn.execute(_PENDING, (dest_id, limit)).fetchall()]


def delivered(conn: Conn, dest_id: int, push_ids: Sequence[int], now: float) -> int:
    """Take delivered pushes off the outbox. Idempotent (a journal folded twice
    after a crash counts once); returns how many were still pending."""
    gone = conn.executemany(_DELIVERED, [(dest_id, push_id) for push_id in push_ids]).rowcount
    if gone:
        conn.execute(_COUNT_DELIVERED, (gone, now, dest_id))
    return gone


def failed(conn: Conn, dest_id: int, error: str, now: float) -> None:
    conn.execute(_FAILED, (now, error, dest_id))


def replay(conn: Conn, dest: Destination, start: float, end: float) -> int:
    """Queue again every push of the destination's school (and Cmds) received in
    [start, end) (those still pending stay once); returns how many were added."""
    cmds = dest.cmds or ()
    sql = _REPLAY.format(cmds=f" AND cmd IN ({', '.join('?' * len(cmds))})" if cmds else "")
    return conn.execute(sql, (dest.id, dest.sid, start, end, *cmds)).rowcount


def status(conn: Conn) -> list[DestinationStatus]:
    return [DestinationStatus(Destination.from_row(row[:7]), delivered=row[7], last_delivered_at=row[8],
                              failing_since=row[9], last_error=row[10], attempts=row[11], pending=row[12],
                              oldest_pending_at=row[13])
            for row in conn.execute(_STATUS).fetchall()]
