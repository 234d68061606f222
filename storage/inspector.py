"""The inspector's search: stored and quarantined pushes, newest first, one
page at a time (a year of history is millions of rows).

Filters by Cmd, ClassID and UID use the push table's indexes; free text scans
only the newest TEXT_SCAN_ROWS pushes, which is what a desk looks for and
keeps the query in the tens of milliseconds. Pages follow a keyset cursor
(received_at, id), so page 500 costs what page 1 does. Quarantine holds one
row per refused push (not per re-send) and is small: it is merged into the
time window each push page covers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from protocol.classin import normalise_cmd, push_uid

from .models import database

TEXT_SCAN_ROWS = 200_000
PAGE_SIZE = 200
INFINITY = float("inf")


@dataclass(frozen=True)
class PushFilter:
    cmd: str | None = None
    class_id: int | None = None
    uid: int | None = None
    text: str | None = None
    quarantined_only: bool = False

    @property
    def cmd_key(self) -> str | None:
        """Cmd as the receiver stores it ("67371107", "Net")."""
        cmd = normalise_cmd(self.cmd) if self.cmd else None
        return None if cmd is None else str(cmd)


@dataclass(frozen=True)
class InspectedPush:
    kind: Literal["stored", "quarantined"]
    row_id: int
    received_at: float               # quarantine: the latest attempt
    source: str
    sid: int | None
    cmd: str | None
    class_id: int | None
    uid: int | None
    body: bytes                      # exactly as received (quarantine: up to the kept prefix)
    size: int                        # the size received
    flags: int = 0                   # storage.models.FLAG_* of a stored push
    resends: int = 0
    reason_code: str | None = None
    reason: str | None = None
    attempts: int = 0
    first_seen: float | None = None
    released: bool = False
    resolved_at: float | None = None

    @property
    def complete(self) -> bool:
        """False for a huge refused body of which only a prefix was kept."""
        return len(self.body) == self.size


Cursor = tuple[float, int]


@dataclass(frozen=True)
class Page:
    rows: list[InspectedPush]
    cursor: Cursor | None            # pass as `before` for the next page; None: no more


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _common_filters(f: PushFilter) -> tuple[list[str], list]:
    """The clauses both tables (push, quarantine) filter on, by the same columns."""
    where, params = [], []
    if f.cmd_key is not None:
        where.append("cmd = ?")
        params.append(f.cmd_key)
    if f.class_id is not None:
        where.append("class_id = ?")
        params.append(f.class_id)
    return where, params


def _push_page(f: PushFilter, before: Cursor | None, limit: int) -> list[InspectedPush]:
    where, params = _common_filters(f)
    if f.uid is not None:
        where.append("uid = ?")
        params.append(f.uid)
    if f.text:
        where.append("id > (SELECT COALESCE(MAX(id), 0) FROM push) - ?")
        params.append(TEXT_SCAN_ROWS)
        where.append("payload LIKE ? ESCAPE '\\'")
        params.append(_like(f.text))
    if before is not None:
        where.append("(received_at < ? OR (received_at = ? AND id < ?))")
        params += [before[0], before[0], before[1]]
    sql = ("SELECT id, received_at, source, sid, cmd, class_id, uid, payload, flags, resends FROM push"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY received_at DESC, id DESC LIMIT ?")
    rows = database.run(sql, (*params, limit)).fetchall()
    result = []
    for id_, received_at, source, sid, cmd, class_id, uid, payload, flags, resends in rows:
        body = payload.encode("utf-8")
        result.append(InspectedPush("stored", id_, received_at, source, sid, cmd, class_id, uid, body,
                                    len(body), flags=flags, resends=resends))
    return result


def _body_uid(body: bytes) -> int | None:
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    return push_uid(payload) if isinstance(payload, dict) else None


def _quarantine(f: PushFilter, newer_than: float, before: Cursor | None, limit: int) -> list[InspectedPush]:
    where, params = _common_filters(f)
    where.append("last_seen >= ?")
    params.append(newer_than)
    if before is not None:
        where.append("(last_seen < ? OR (last_seen = ? AND id < ?))")
        params += [before[0], before[0], before[1]]
    sql = ("SELECT id, last_seen, source, sid, cmd, class_id, body, size, reason_code, reason, attempts,"
           " first_seen, released, resolved_at FROM quarantine WHERE " + " AND ".join(where)
           + " ORDER BY last_seen DESC, id DESC LIMIT ?")
    result = []
    for row in database.run(sql, (*params, limit)).fetchall():
        (id_, last_seen, source, sid, cmd, class_id, body, size, code, reason, attempts,
         first_seen, released, resolved_at) = row
        body = bytes(body)
        uid = _body_uid(body)
        # uid and text are not columns of quarantine; the table is small enough to filter here.
        if f.uid is not None and uid != f.uid:
            continue
        if f.text and f.text.casefold() not in body.decode("utf-8", "replace").casefold():
            continue
        result.append(InspectedPush("quarantined", id_, last_seen, source, sid, cmd, class_id, uid, body,
                                    size, reason_code=code, reason=reason, attempts=attempts,
                                    first_seen=first_seen, released=bool(released), resolved_at=resolved_at))
    return result


def search(f: PushFilter, before: Cursor | None = None, limit: int = PAGE_SIZE) -> Page:
    """One page of matches older than `before`, newest first."""
    if f.quarantined_only:
        rows = _quarantine(f, -INFINITY, before, limit)
        last = rows[-1] if len(rows) == limit else None
        return Page(rows, (last.received_at, last.row_id) if last else None)
    pushes = _push_page(f, before, limit)
    full = len(pushes) == limit
    # The quarantined rows that fall into the time window this page covers.
    oldest = pushes[-1].received_at if full else -INFINITY
    # Strictly older than the previous page's last push: rows at that very time were shown there.
    q_before = (before[0], -1) if before is not None else None
    refused = _quarantine(f, oldest, q_before, limit)
    rows = sorted(pushes + refused, key=lambda r: (r.received_at, r.kind == "stored", r.row_id), reverse=True)
    cursor = (pushes[-1].received_at, pushes[-1].row_id) if full else None
    return Page(rows, cursor)


def payload_text(body: bytes) -> str:
    """Pretty JSON (indented, CJK unescaped) or the text as received when it is not JSON."""
    try:
        value: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        return body.decode("utf-8", errors="replace")
    return json.dumps(value, indent=2, ensure_ascii=False)
