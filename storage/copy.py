"""`db copy`: one store into another (a desk's SQLite history into the team's
PostgreSQL). Rows are matched by what identifies them, not by id: a push by
its dedupe key, a refused body by its quarantine key, an alarm by its key.
So running it twice, or into a store that already got some of the same
pushes from ClassIn, stores nothing twice. Copied pushes are projected into
the target's derived tables in the same transaction as they are inserted."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .backends import Conn, StoreUnavailable, backend_for
from .db import open_database
from .derived import mark_projected, project_rows
from .models import AlarmRow, Push, Quarantine

BATCH = 2000


@dataclass
class CopyCount:
    table: str
    read: int = 0
    added: int = 0


def _columns(model) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields if f.column_name != "id"]


def copy_store(source, target, progress: Callable[[CopyCount], None] | None = None) -> list[CopyCount]:
    """Copy every push, refused body and alarm of `source` missing from `target`."""
    src_backend, dst_backend = backend_for(source), backend_for(target)
    if not src_backend.exists():
        raise StoreUnavailable(f"nothing to copy: {src_backend} does not exist")
    for where in (source, target):   # both at the current schema (the source may be an older file)
        open_database(where).close()
    src, dst = src_backend.connect(), dst_backend.connect()
    try:
        return [_copy_pushes(src, dst, progress),
                _copy_rows(src, dst, Quarantine, "qkey", progress),
                _copy_rows(src, dst, AlarmRow, "key", progress)]
    finally:
        src.close()
        dst.close()


def _copy_pushes(src: Conn, dst: Conn, progress) -> CopyCount:
    columns = _columns(Push)
    insert = (f"INSERT INTO push({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
              " ON CONFLICT DO NOTHING RETURNING id")
    count = CopyCount("push")
    after = 0
    while True:
        rows = src.execute(f"SELECT id, {', '.join(columns)} FROM push WHERE id > ? ORDER BY id LIMIT ?",
                           (after, BATCH)).fetchall()
        if not rows:
            return count
        dst.execute(dst.backend.BEGIN_WRITE)
        try:
            fresh = []
            for row in rows:
                values = dict(zip(columns, row[1:]))
                added = dst.execute(insert, row[1:]).fetchone()
                if added is not None and values["source"] == "classin":
                    fresh.append((added[0], values["received_at"], values["payload"], values["cmd"],
                                  values["sid"], values["class_id"], values["action_time"]))
                count.added += added is not None
            if fresh:
                project_rows(dst, fresh)
                mark_projected(dst, fresh[-1][0])
                dst.notify()
            dst.execute("COMMIT")
        except BaseException:
            dst.execute("ROLLBACK")
            raise
        count.read += len(rows)
        after = rows[-1][0]
        if progress:
            progress(count)


def _copy_rows(src: Conn, dst: Conn, model, key: str, progress) -> CopyCount:
    columns = _columns(model)
    insert = (f"INSERT INTO {model._meta.table_name}({', '.join(columns)})"
              f" VALUES ({', '.join('?' * len(columns))}) ON CONFLICT({key}) DO NOTHING")
    count = CopyCount(model._meta.table_name)
    rows = src.execute(f"SELECT {', '.join(columns)} FROM {model._meta.table_name}").fetchall()
    dst.execute(dst.backend.BEGIN_WRITE)
    try:
        for row in rows:
            count.added += dst.execute(insert, row).rowcount
        dst.execute("COMMIT")
    except BaseException:
        dst.execute("ROLLBACK")
        raise
    count.read = len(rows)
    if progress:
        progress(count)
    return count
