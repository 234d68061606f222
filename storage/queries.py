"""Read-side queries over raw pushes and quarantine (any thread, any process)."""
from __future__ import annotations

from typing import Any, Iterator

import orjson
from peewee import fn

from .backends import backend_for
from .models import Push, Quarantine


def parse_payload(text: str) -> Any:
    """The stored body parsed; a released non-JSON body comes back as its text."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return text


def iter_pushes(*, class_id: int | None = None, cmd: str | None = None,
                since: float | None = None, source: str | None = None,
                until_id: int | None = None, batch: int = 2000) -> Iterator[Push]:
    """Accepted pushes, oldest first (receive order), streamed in batches by id
    (up to id `until_id`: where a follower takes over)."""
    last_id = 0
    if since is not None:
        # Start at the first row received since then: walking the rowid from 0
        # read the whole year before reaching today's pushes.
        # (INDEXED BY: without it SQLite's min/max shortcut walks the rowid from 0.)
        first = Push._meta.database.run(
            "SELECT MIN(id) FROM push INDEXED BY push_received_at WHERE received_at >= ?", (since,)).fetchone()[0]
        if first is None:
            return
        last_id = first - 1
    while True:
        q = Push.select().where(Push.id > last_id)
        if class_id is not None:
            q = q.where(Push.class_id == class_id)
        if cmd is not None:
            q = q.where(Push.cmd == cmd)
        if since is not None:
            q = q.where(Push.received_at >= since)
        if source is not None:
            q = q.where(Push.source == source)
        if until_id is not None:
            q = q.where(Push.id <= until_id)
        rows = list(q.order_by(Push.id).limit(batch))
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


def iter_quarantine(*, since: float | None = None, cmd: str | None = None,
                    class_id: int | None = None) -> Iterator[Quarantine]:
    q = Quarantine.select()
    if since is not None:
        q = q.where(Quarantine.last_seen >= since)
    if cmd is not None:
        q = q.where(Quarantine.cmd == cmd)
    if class_id is not None:
        q = q.where(Quarantine.class_id == class_id)
    return q.order_by(Quarantine.first_seen, Quarantine.id).iterator()


def push_event(row: Push) -> dict[str, Any]:
    return {"received_at": row.received_at, "source": row.source,
            "payload": parse_payload(row.payload)}


def quarantine_event(row: Quarantine) -> dict[str, Any]:
    body = bytes(row.body)
    text = body.decode("utf-8", errors="replace")
    return {"received_at": row.last_seen, "first_seen": row.first_seen, "source": row.source,
            "reason": row.reason, "reason_code": row.reason_code, "attempts": row.attempts,
            "sid": row.sid, "cmd": row.cmd, "size": row.size,
            "resolved": row.resolved_at is not None, "released": bool(row.released),
            "payload": parse_payload(text)}


def first_push_after(after: float, *, sid: int | None = None) -> float | None:
    """When the first push (of school `sid`; else of any source) was stored after `after`."""
    q = Push.select(fn.MIN(Push.received_at)).where(Push.received_at > after)
    if sid is not None:
        q = q.where(Push.sid == sid)
    return q.scalar()


def quarantine_resolved_at(qkey: str) -> float | None:
    """When the refused push `qkey` was finally accepted (fixed or released); None while it is not."""
    return Quarantine.select(Quarantine.resolved_at).where(Quarantine.qkey == qkey).scalar()


def recent_pushes(since: float, until_id: int | None = None) -> Iterator[tuple[float, Any]]:
    """(received_at, payload) of every ClassIn push of the lessons active since
    `since` (whole lessons, so their state is complete), plus the school-level
    pushes received since then; oldest first; up to id `until_id` (a follower
    delivers the later ones)."""
    limit = _NO_ID_LIMIT if until_id is None else until_id
    for _, received_at, text in Push._meta.database.run(_RECENT_SQL, (since, limit)):
        payload = parse_payload(text)
        if isinstance(payload, dict):
            yield received_at, payload


_NO_ID_LIMIT = 2 ** 63 - 1
# Pushes received since ?1 (up to id ?2), then the earlier pushes of the lessons active since
# then, merged in receive order. Spelled out with INDEXED BY because SQLite's
# planner (no ANALYZE statistics) otherwise read the whole push table for the OR
# form, and walked the whole class_id index for "DISTINCT class_id".
_RECENT_SQL = (
    "SELECT id, received_at, payload FROM push INDEXED BY push_received_at"
    " WHERE source = 'classin' AND received_at >= ?1 AND id <= ?2"
    " UNION ALL"
    " SELECT id, received_at, payload FROM push INDEXED BY push_class_id_action_time"
    " WHERE source = 'classin' AND received_at < ?1 AND id <= ?2 AND class_id IN"
    " (SELECT class_id FROM push INDEXED BY push_received_at WHERE received_at >= ?1)"
    # ... and those of them whose lesson is named inside Data only (storage.derived.LessonPushRow)
    " UNION ALL"
    " SELECT push.id, push.received_at, push.payload FROM lesson_push JOIN push ON push.id = lesson_push.push_id"
    " WHERE push.received_at < ?1 AND lesson_push.class_id IN"
    " (SELECT class_id FROM push INDEXED BY push_received_at WHERE received_at >= ?1)"
    " ORDER BY id")


def push_stored(where, key: str) -> bool:
    """Whether a push with dedupe key `key` is stored at `where`. A private
    connection: binding the shared models to another store would disturb the
    app, which asks this too."""
    conn = backend_for(where).connect()
    try:
        return conn.execute("SELECT 1 FROM push WHERE dedupe_key = ? LIMIT 1", (key,)).fetchone() is not None
    finally:
        conn.close()
