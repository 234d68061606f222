"""`rebuild`: recompute every derived table from the raw pushes."""
from __future__ import annotations

import sys

from app.rebuild import rebuild_store
from app.startup import open_context
from storage.db import open_database


def add_parser(sub, parents) -> None:
    sub.add_parser("rebuild", parents=parents,
                   help="recompute lessons, charts and checks from the stored raw pushes")


def run(args) -> int:
    ctx = open_context(args, existing=True)
    where = ctx.require_database()
    db = open_database(where)
    try:
        done = rebuild_store(where, ctx.config.current().settings, db=db,
                             progress=lambda n, total: print(f"\r{n} of {total} pushes replayed", end="",
                                                             file=sys.stderr))
    finally:
        db.close()
    print(f"rebuilt derived tables from {done.replayed} pushes in {done.seconds:.1f} s"
          + (f" (backup: {done.backup.name})" if done.backup else ""))
    if done.failed:
        shown = ", ".join(map(str, done.failed[:20])) + (" ..." if len(done.failed) > 20 else "")
        print(f"{len(done.failed)} push(es) kept raw but left out of lessons and charts "
              f"(values out of range): push id {shown}")
    return 0
