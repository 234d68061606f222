"""`events`: every accepted (or, with --quarantined, refused) push as JSON lines;
with --follow, then every new one as it is stored."""
from __future__ import annotations

import functools
import sys
from itertools import takewhile
from typing import Callable

from lessons.texts import QT_TRANSLATE_NOOP
from protocol import deepjson
from protocol.classin import normalise_cmd
from storage.db import open_database
from storage.follow import PushFollower
from storage.queries import iter_pushes, iter_quarantine, push_event, quarantine_event

from .errors import CliError
from .words import checked_context


def add_parser(sub, parents) -> None:
    p = sub.add_parser("events", parents=parents, help="print stored pushes, one JSON object per line")
    p.add_argument("--class-id", type=int, help="only this lesson (ClassID)")
    p.add_argument("--cmd", help="only this Cmd (e.g. 67371107 or Net)")
    p.add_argument("--since", type=float, metavar="UNIX", help="only pushes received at or after this time")
    p.add_argument("--quarantined", action="store_true", help="the refused pushes instead, with the reason")
    p.add_argument("--follow", action="store_true",
                   help="then keep printing new pushes as they are stored (Ctrl-C stops)")


def run(args) -> int:
    ctx, tr = checked_context(args, _check_options, existing=True)
    db = open_database(ctx.require_database())
    cmd = None if args.cmd is None else str(normalise_cmd(args.cmd))
    out = sys.stdout.buffer
    follower = None
    if args.follow:
        # Listening before the history is read: nothing stored meanwhile falls between the two.
        follower = PushFollower(ctx.db, class_id=args.class_id, cmd=cmd,
                                on_state=functools.partial(_tell_state, tr))
        follower.connect()
    if args.quarantined:
        rows = map(quarantine_event, iter_quarantine(since=args.since, cmd=cmd, class_id=args.class_id))
    else:
        history = iter_pushes(class_id=args.class_id, cmd=cmd, since=args.since)
        if follower is not None:
            history = takewhile(lambda row: row.id <= follower.last_id, history)
        rows = map(push_event, history)
    try:
        for event in rows:
            out.write(deepjson.dumps(event) + b"\n")   # any depth that was accepted
        out.flush()
        while follower is not None:
            new = follower.poll(timeout=1.0)
            if args.since is not None:
                new = [push for push in new if push.received_at >= args.since]
            if new:
                out.write(b"".join(deepjson.dumps(push_event(push)) + b"\n" for push in new))
                out.flush()
    except BrokenPipeError:  # `events | head` is fine
        sys.stderr.close()
    finally:
        if follower is not None:
            follower.close()
        db.close()
    return 0


def _check_options(args, tr: Callable[[str], str]) -> None:
    if args.follow and args.quarantined:
        raise CliError(tr(QT_TRANSLATE_NOOP(
            "Cli", "--follow follows accepted pushes; it cannot be combined with --quarantined")), code=2)


def _tell_state(tr: Callable[[str], str], connected: bool, reason: str | None) -> None:
    """On stderr, so the JSON lines on stdout stay clean."""
    sys.stderr.write((tr(QT_TRANSLATE_NOOP("Cli", "following again")) if connected
                      else tr(QT_TRANSLATE_NOOP("Cli", "{}; reconnecting...")).format(reason)) + "\n")
    sys.stderr.flush()
