"""The `alarm` table: the desk's alarms kept across restarts (alarms.store
decides what and when). Rows are written by the writer thread, read at start."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import orjson

from pathlib import Path

from .backends import Conn, backend_for
from .dburl import DbUrl
from .logs import mask_secrets
from .models import AlarmRow


# The table's columns, named as alarms.model.Alarm's fields.
COLUMNS = ("key", "kind", "since", "last", "sid", "class_id", "uid", "reason_code", "params", "count",
           "acknowledged", "resolved_at", "acknowledged_by", "acknowledged_at", "ack_note")
_ACK = ("acknowledged", "acknowledged_by", "acknowledged_at", "ack_note")

# An acknowledgement may come from another process (the CLI, another desk) while
# this one still holds the alarm unacknowledged: a write never takes it back,
# unless the alarm was raised anew (another `since`: a new episode).
_SAVE = (f"INSERT INTO alarm({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
         " ON CONFLICT(key) DO UPDATE SET "
         + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "key" and c not in _ACK) + ", "
         + ", ".join(f"{c} = CASE WHEN alarm.since = excluded.since AND alarm.acknowledged = 1"
                     f" AND excluded.acknowledged = 0 THEN alarm.{c} ELSE excluded.{c} END" for c in _ACK))
_ACKNOWLEDGE = "UPDATE alarm SET acknowledged = 1, acknowledged_by = ?, acknowledged_at = ?, ack_note = ? WHERE key = ?"
_ACKS_SINCE = "SELECT key, since, acknowledged_by, acknowledged_at, ack_note FROM alarm WHERE acknowledged_at > ?"
# Resolved alarms before ?1, and all but the newest ?2 resolved ones, go.
_PRUNE = ("DELETE FROM alarm WHERE resolved_at < ?1 OR key IN (SELECT key FROM alarm"
          " WHERE resolved_at IS NOT NULL ORDER BY resolved_at DESC LIMIT -1 OFFSET ?2)")
_LOAD = (f"SELECT {', '.join(COLUMNS)} FROM alarm WHERE resolved_at IS NULL"
         f" UNION ALL SELECT * FROM (SELECT {', '.join(COLUMNS)} FROM alarm"
         f" WHERE resolved_at >= ?1 ORDER BY resolved_at DESC LIMIT ?2) AS kept")


def _masked(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        return mask_secrets(value, secrets)
    if isinstance(value, Mapping):
        return {k: _masked(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_masked(v, secrets) for v in value]
    return value


def alarm_row(fields: Mapping[str, Any], secrets: Iterable[str]) -> tuple:
    """An alarm's fields as a row for `save_alarms`. Params come from pushes,
    tunnels and errors: whatever they say, no configured secret reaches the file."""
    values = dict(fields)
    values["params"] = orjson.dumps(_masked(values["params"], list(secrets))).decode()
    values["acknowledged"] = int(values["acknowledged"])
    if values["ack_note"] is not None:
        values["ack_note"] = mask_secrets(values["ack_note"], list(secrets))
    return tuple(values[name] for name in COLUMNS)


def save_alarms(conn: Conn, rows: Sequence[tuple], resolved_since: float,
                keep_resolved: int) -> None:
    """Write `rows` (alarm_row) and drop what is no longer kept; a writer job
    (a failure rolls back these rows only, never the pushes beside them)."""
    conn.executemany(_SAVE, rows)
    conn.execute(_PRUNE, (resolved_since, keep_resolved))


def load_alarms(resolved_since: float, keep_resolved: int) -> list[dict[str, Any]]:
    """Every open alarm and the newest `keep_resolved` resolved since then, as
    Alarm fields (the models bound by storage.db.open_database)."""
    alarms = []
    for row in AlarmRow._meta.database.run(_LOAD, (resolved_since, keep_resolved)):
        alarms.append(_fields(row))
    return alarms


def read_alarms(include_resolved: bool) -> list[dict[str, Any]]:
    """Kept alarms as Alarm fields, newest first (models bound), for the `alarms` command."""
    where = "" if include_resolved else " WHERE resolved_at IS NULL"
    return [_fields(row) for row in
            AlarmRow._meta.database.run(f"SELECT {', '.join(COLUMNS)} FROM alarm{where} ORDER BY last DESC")]


def acknowledge(where: DbUrl | Path | str, key: str, by: str | None, at: float, note: str | None) -> bool:
    """Record an acknowledgement (any process; the cores on this data see it
    within their follow interval). False when no alarm has that key."""
    conn = backend_for(where).connect()
    try:
        return conn.execute(_ACKNOWLEDGE, (by, at, note, key)).rowcount > 0
    finally:
        conn.close()


def acknowledgements_since(conn: Conn, after: float) -> list[tuple]:
    """(key, since, by, at, note) of acknowledgements recorded after `after`, by
    any process; cheap enough for every second (a few hundred rows at most).
    A writer job, or `conn` of one's own."""
    return list(conn.execute(_ACKS_SINCE, (after,)).fetchall())


def alarms_changed_since(conn: Conn, kinds: Iterable[str], after: float) -> list[dict[str, Any]]:
    """Alarms of `kinds` raised, counted again or resolved after `after` (by
    any process), as Alarm fields. A writer job, or `conn` of one's own."""
    kinds = sorted(kinds)
    sql = (f"SELECT {', '.join(COLUMNS)} FROM alarm WHERE kind IN ({', '.join('?' * len(kinds))})"
           " AND (last > ? OR resolved_at > ?)")
    return [_fields(row) for row in conn.execute(sql, (*kinds, after, after)).fetchall()]


def _fields(row) -> dict[str, Any]:
    fields = dict(zip(COLUMNS, row))
    fields["params"] = orjson.loads(fields["params"])
    fields["acknowledged"] = bool(fields["acknowledged"])
    return fields
