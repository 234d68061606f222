"""The `alarm` table: the desk's alarms kept across restarts (alarms.store
decides what and when). Rows are written by the writer thread, read at start."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import orjson

from .backends import Conn
from .logs import mask_secrets
from .models import AlarmRow


# The table's columns, named as alarms.model.Alarm's fields.
COLUMNS = ("key", "kind", "since", "last", "sid", "class_id", "uid", "reason_code", "params", "count",
           "acknowledged", "resolved_at")

_SAVE = (f"INSERT INTO alarm({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
         f" ON CONFLICT(key) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in COLUMNS[1:])}")
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
        fields = dict(zip(COLUMNS, row))
        fields["params"] = orjson.loads(fields["params"])
        fields["acknowledged"] = bool(fields["acknowledged"])
        alarms.append(fields)
    return alarms
