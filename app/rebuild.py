"""Recomputing the derived tables (lessons, charts, device checks) from the
stored raw pushes: the use case behind `rebuild` and the window's File ›
Rebuild. Blocking: the window runs it in a thread of its own."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from lessons.diagnostics import thresholds_from
from storage.db import backup, open_database
from storage.derived import pushes_to_replay, rebuild


@dataclass
class Rebuilt:
    replayed: int
    total: int
    seconds: float
    backup: Path | None               # the copy taken first (None where the engine keeps its own)
    failed: list[int] = field(default_factory=list)    # push ids kept raw but left out (values out of range)
    stopped: bool = False             # cancelled: the tables hold the first `replayed` pushes only


def rebuild_store(where: Any, settings: dict[str, Any], *,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None, db: Any = None) -> Rebuilt:
    """A backup of the store at `where`, then the replay with the user's
    thresholds (`settings`); `progress(done, total)` after each batch,
    `cancelled()` asked between batches. `db`: the open store (else opened here)."""
    kept = backup(where, f"before-rebuild-{int(time.time())}")
    db = db if db is not None else open_database(where)
    total = pushes_to_replay(db)
    started = time.monotonic()
    failed: list[int] = []
    stopped: list[bool] = []

    def stop_here() -> bool:     # rebuild asks only while pushes remain: a yes means stopped midway
        if cancelled is not None and cancelled():
            stopped.append(True)
        return bool(stopped)
    count = rebuild(db, progress=None if progress is None else (lambda done: progress(done, total)),
                    failed=failed, limits=thresholds_from(settings), cancelled=stop_here)
    return Rebuilt(count, total, time.monotonic() - started, kept, failed, bool(stopped))


def rebuild_monitored(monitor: Any, *, progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Rebuilt:
    """The window's rebuild: the store its receiver writes (which goes on
    receiving meanwhile), with the thresholds the user has set now."""
    db = open_database(monitor.receiver.db)
    try:
        return rebuild_store(monitor.receiver.db, monitor.config.current().settings, db=db,
                             progress=progress, cancelled=cancelled)
    finally:
        db.close()
