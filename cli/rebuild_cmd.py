"""`rebuild`: recompute every derived table from the raw pushes."""
from __future__ import annotations

import sys
import time

from app.startup import open_context
from lessons.diagnostics import thresholds_from
from storage.db import backup, open_database
from storage.derived import rebuild


def add_parser(sub, parents) -> None:
    sub.add_parser("rebuild", parents=parents,
                   help="recompute lessons, charts and checks from the stored raw pushes")


def run(args) -> int:
    ctx = open_context(args, existing=True)
    db = open_database(ctx.require_database())
    kept = backup(ctx.db, f"before-rebuild-{int(time.time())}")
    started = time.monotonic()
    failed: list[int] = []
    try:
        count = rebuild(db, progress=lambda n: print(f"\r{n} pushes replayed", end="", file=sys.stderr),
                        failed=failed, limits=thresholds_from(ctx.config.current().settings))
    finally:
        db.close()
    print(f"rebuilt derived tables from {count} pushes in {time.monotonic() - started:.1f} s"
          + (f" (backup: {kept.name})" if kept else ""))
    if failed:
        shown = ", ".join(map(str, failed[:20])) + (" ..." if len(failed) > 20 else "")
        print(f"{len(failed)} push(es) kept raw but left out of lessons and charts "
              f"(values out of range): push id {shown}")
    return 0
