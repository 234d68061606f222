"""`events`: every accepted (or, with --quarantined, refused) push as JSON lines."""
from __future__ import annotations

import sys

from protocol import deepjson
from protocol.classin import normalise_cmd
from storage.db import open_database
from storage.queries import iter_pushes, iter_quarantine, push_event, quarantine_event

from .context import open_context


def add_parser(sub, parents) -> None:
    p = sub.add_parser("events", parents=parents, help="print stored pushes, one JSON object per line")
    p.add_argument("--class-id", type=int, help="only this lesson (ClassID)")
    p.add_argument("--cmd", help="only this Cmd (e.g. 67371107 or Net)")
    p.add_argument("--since", type=float, metavar="UNIX", help="only pushes received at or after this time")
    p.add_argument("--quarantined", action="store_true", help="the refused pushes instead, with the reason")


def run(args) -> int:
    ctx = open_context(args)
    db = open_database(ctx.db)
    cmd = None if args.cmd is None else str(normalise_cmd(args.cmd))
    out = sys.stdout.buffer
    if args.quarantined:
        rows = map(quarantine_event, iter_quarantine(since=args.since, cmd=cmd, class_id=args.class_id))
    else:
        rows = map(push_event, iter_pushes(class_id=args.class_id, cmd=cmd, since=args.since))
    try:
        for event in rows:
            out.write(deepjson.dumps(event) + b"\n")   # any depth that was accepted
        out.flush()
    except BrokenPipeError:  # `events | head` is fine
        sys.stderr.close()
    finally:
        db.close()
    return 0
