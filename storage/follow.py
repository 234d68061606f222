"""Following new pushes as they are stored, from any process: `events
--follow` and a team desk. PostgreSQL wakes the follower with NOTIFY (the
writer's commit sends it); SQLite is polled lightly (one indexed read).

Several receivers may share one PostgreSQL database, and their ids are drawn
before their commits land, so a smaller id can appear after a larger one was
read: ids skipped over are watched for a while (GAP_SECONDS) and delivered
when they show up. A push queued for its derived rows (PostgreSQL,
storage.derived.Projector) is not there yet for a follower: a view that hears
of it reads its rows, and the pushes after it wait with it, in order."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from .backends import Conn, StoreUnavailable, backend_for

log = logging.getLogger(__name__)

GAP_SECONDS = 30.0        # a transaction open longer than this has failed
SAFETY_FETCH = 5.0        # read anyway now and then (a NOTIFY lost while reconnecting)
RETRY_SECONDS = (0.5, 1, 2, 5)
MAX_GAP = 5_000            # ids skipped at once beyond this are a jump, not transactions in flight
GAP_QUERY = 500            # gap ids looked up per read
# The oldest push still queued for its derived rows (the queue is always empty on SQLite).
_HORIZON = "SELECT COALESCE(MIN(push_id), 9223372036854775807) FROM unprojected"


@dataclass(frozen=True, slots=True)
class StoredPush:
    id: int
    received_at: float
    source: str
    sid: int | None
    cmd: str | None
    class_id: int | None
    payload: str          # the body as stored (text)


class PushFollower:
    """`poll(timeout)` blocks up to `timeout` s and returns the pushes stored
    since the last call, in id order. Survives the database going away:
    `on_state(connected: bool, reason)` hears of it, and it reconnects by itself."""

    def __init__(self, where, *, after_id: int | None = None, source: str | None = None,
                 class_id: int | None = None, cmd: str | None = None,
                 on_state: Callable[[bool, str | None], None] | None = None):
        self.backend = backend_for(where)
        self.last_id = after_id
        self._filters = [(column, value) for column, value in
                         (("source", source), ("class_id", class_id), ("cmd", cmd)) if value is not None]
        self._gaps: dict[int, float] = {}       # id skipped -> when first missed
        self._conn: Conn | None = None
        self._listener = None
        self._on_state = on_state
        self._connected: bool | None = None
        self._retry = 0
        self._next_safety = 0.0

    # -- connection ------------------------------------------------------------------
    def connect(self) -> None:
        """Open (raises StoreUnavailable); without `after_id`, follow from the newest push."""
        self._conn = self.backend.connect()
        self._listener = self.backend.listener()
        if self.last_id is None:
            self.last_id = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM push").fetchone()[0]
        self._set_state(True, None)

    def close(self) -> None:
        for part in (self._listener, self._conn):
            if part is not None:
                try:
                    part.close()
                except Exception:
                    pass
        self._listener = self._conn = None

    def _set_state(self, connected: bool, reason: str | None) -> None:
        if connected != self._connected:
            first, self._connected = self._connected is None, connected
            if connected:
                self._retry = 0
            if self._on_state is not None and not first:   # changes only, not the first connect
                self._on_state(connected, reason)

    # -- reading -------------------------------------------------------------------------
    def poll(self, timeout: float = 1.0) -> list[StoredPush]:
        try:
            if self._conn is None:
                self.connect()
                return self._fetch()     # whatever came while we were away
            woke = self._listener.wait(timeout)
            now = time.monotonic()
            if not woke and not self._gaps and now < self._next_safety:
                return []
            self._next_safety = now + SAFETY_FETCH
            return self._fetch()
        except Exception as exc:   # the server went away (restart, network): try again shortly
            reason = str(exc) if isinstance(exc, StoreUnavailable) else str(StoreUnavailable(
                f"lost the database {self.backend}: {' '.join(str(exc).split())}"))
            self.close()
            self._set_state(False, reason)
            time.sleep(min(timeout, RETRY_SECONDS[min(self._retry, len(RETRY_SECONDS) - 1)]))
            self._retry += 1
            return []

    def _fetch(self) -> list[StoredPush]:
        # Every id is read (gaps are told apart from filtered-out rows); only
        # the matching ones carry their payload.
        match = " AND ".join(f"{column} = ?" for column, _ in self._filters) or "1 = 1"
        values = [value for _, value in self._filters]
        select = (f"SELECT id, received_at, source, sid, cmd, class_id, CASE WHEN {match} THEN payload END,"
                  f" CASE WHEN {match} THEN 1 ELSE 0 END FROM push WHERE ")
        now = time.monotonic()
        horizon = self._conn.execute(_HORIZON).fetchone()[0]
        fresh = []
        if self._gaps:     # ids skipped earlier that may have landed since
            waiting = sorted(self._gaps)[:GAP_QUERY]
            for row in self._conn.execute(select + f"id IN ({', '.join('?' * len(waiting))}) AND id < ?",
                                          [*values, *values, *waiting, horizon]).fetchall():
                del self._gaps[row[0]]
                if row[7]:
                    fresh.append(StoredPush(*row[:7]))
        rows = self._conn.execute(select + "id > ? AND id < ? ORDER BY id",
                                  [*values, *values, self.last_id, horizon]).fetchall()
        for push_id, received_at, source, sid, cmd, class_id, payload, hit in rows:
            # The ids between the last one and this: not committed yet, or
            # never (a rolled-back batch, a sequence's jump after a crash).
            if push_id - self.last_id <= MAX_GAP:
                for missing in range(self.last_id + 1, push_id):
                    self._gaps.setdefault(missing, now)
            self.last_id = push_id
            if hit:
                fresh.append(StoredPush(push_id, received_at, source, sid, cmd, class_id, payload))
        for push_id, since in list(self._gaps.items()):
            if push_id >= horizon:   # it may be queued: its wait starts once the queue is past it
                self._gaps[push_id] = now
            elif now - since > GAP_SECONDS:
                del self._gaps[push_id]
        return sorted(fresh, key=lambda push: push.id)
