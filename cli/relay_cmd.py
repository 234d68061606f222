"""`relay add|list|remove|status|pause|resume|replay`: the schools' own systems
that get every push ClassIn sends us (a running app or `serve` delivers them)."""
from __future__ import annotations

import contextlib
import sys
import time
from typing import Callable

import orjson

from app.startup import open_context
from lessons.texts import QT_TRANSLATE_NOOP
from protocol.classin import normalise_cmd
from relay.rule import CONTEXT as URL_CONTEXT, check_url, shown_url
from storage import relay as outbox
from storage.db import open_database
from storage.journal import DeliveryJournal

from .errors import CliError
from .table import table
from .words import SID_NOT_POSITIVE, translator, wording

NO_DESTINATIONS = QT_TRANSLATE_NOOP("Cli", "no relay destinations: python main.py relay add NAME --sid SID --url URL")


def add_parser(sub, parents) -> None:
    p = sub.add_parser("relay", parents=parents,
                       help="pass every push of a school on to its own system (LMS, CRM)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=parents,
                             help="relay a school's pushes to URL from now on (earlier ones: replay)")
    add.add_argument("name", help="a name for the destination")
    add.add_argument("--sid", type=int, required=True, help="the school whose pushes are relayed")
    add.add_argument("--url", required=True, help="the system's push URL (as it was registered with ClassIn)")
    add.add_argument("--cmd", metavar="CMD,CMD", help="only these Cmds (e.g. End,Net); default every push")
    actions.add_parser("list", parents=parents, help="list destinations")
    rm = actions.add_parser("remove", parents=parents, help="remove a destination (its pending pushes too)")
    rm.add_argument("name")
    st = actions.add_parser("status", parents=parents,
                            help="delivered, pending, oldest pending age, failing since, last error")
    st.add_argument("--json", action="store_true", help="one JSON object per destination and line")
    for action, text in (("pause", "stop delivering (pushes keep being queued)"), ("resume", "deliver again")):
        a = actions.add_parser(action, parents=parents, help=text)
        a.add_argument("name")
    rp = actions.add_parser("replay", parents=parents,
                            help="queue again what the school sent in a time range (received time)")
    rp.add_argument("name")
    rp.add_argument("--since", type=float, required=True, metavar="UNIX", help="from this time on")
    rp.add_argument("--until", type=float, metavar="UNIX", help="before this time (default now)")


def run(args) -> int:
    ctx = open_context(args)
    open_database(ctx.db).close()        # created or migrated
    tr = translator(args, ctx.config)
    if args.action == "add":
        return _add(ctx, args, tr)
    with outbox.reading(ctx.db) as conn:
        if args.action == "list":
            return _list(outbox.destinations(conn), tr)
        if args.action == "status":
            return _status(outbox.status(conn), ctx.config.current().zone, args.json, tr,
                           wording(args, ctx.config).time)
        dest = _named(conn, args.name, tr)
    with outbox.writing(ctx.db) as conn:
        if args.action == "remove":
            dropped = outbox.remove_destination(conn, dest.name)
        elif args.action in ("pause", "resume"):
            outbox.set_paused(conn, dest.id, args.action == "pause")
        else:
            added = outbox.replay(conn, dest, args.since, time.time() if args.until is None else args.until)
    if args.action == "remove":
        with contextlib.suppress(OSError):    # a running relay removes it itself
            DeliveryJournal.of(ctx.data_dir, dest).remove()
        print(tr(QT_TRANSLATE_NOOP("Cli", "relay {} removed ({} pending push(es) dropped)")).format(
            dest.name, dropped))
    elif args.action in ("pause", "resume"):
        print(tr(QT_TRANSLATE_NOOP("Cli", "relay {} paused") if args.action == "pause"
                 else QT_TRANSLATE_NOOP("Cli", "relay {} resumed")).format(dest.name))
    else:
        print(tr(QT_TRANSLATE_NOOP("Cli", "relay {}: {} push(es) queued again")).format(dest.name, added))
    return 0


def _named(conn, name: str, tr: Callable[[str], str]) -> outbox.Destination:
    for dest in outbox.destinations(conn):
        if dest.name == name:
            return dest
    raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "no relay destination {!r} (see: python main.py relay list)")
                      ).format(name))


def _add(ctx, args, tr: Callable[[str], str]) -> int:
    name = args.name.strip()
    if not name:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "the name is empty")), code=2)
    if args.sid <= 0:
        raise CliError(tr(SID_NOT_POSITIVE), code=2)
    problem = check_url(args.url)
    if problem:
        raise CliError(wording(args, ctx.config).tr(problem, URL_CONTEXT), code=2)
    cmds = None
    if args.cmd is not None:
        cmds = [str(normalise_cmd(c)) for c in args.cmd.split(",") if normalise_cmd(c) is not None]
        if not cmds:
            raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "--cmd names no Cmd (e.g. --cmd End,Net)")), code=2)
    try:
        with outbox.writing(ctx.db) as conn:
            dest = outbox.add_destination(conn, name, args.sid, args.url, cmds, time.time())
    except outbox.DestinationExists:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "a relay named {!r} exists (remove it first)")
                          ).format(name)) from None
    if cmds is None:
        added = tr(QT_TRANSLATE_NOOP("Cli", "relay {} added: every push of school {} stored from now on goes to {}")
                   ).format(dest.name, dest.sid, shown_url(dest.url))
    else:
        added = tr(QT_TRANSLATE_NOOP("Cli", "relay {} added: Cmd {} of school {} stored from now on goes to {}")
                   ).format(dest.name, ",".join(cmds), dest.sid, shown_url(dest.url))
    print(added)
    return 0


def _list(dests: list[outbox.Destination], tr: Callable[[str], str]) -> int:
    if not dests:
        print(tr(NO_DESTINATIONS))
        return 0
    headers = (tr(QT_TRANSLATE_NOOP("Cli", "NAME")), tr(QT_TRANSLATE_NOOP("Cli", "SID")),
               tr(QT_TRANSLATE_NOOP("Cli", "CMDS")), tr(QT_TRANSLATE_NOOP("Cli", "STATE")), "URL")
    every, paused, on = (tr(QT_TRANSLATE_NOOP("Cli", "all")), tr(QT_TRANSLATE_NOOP("Cli", "paused")),
                         tr(QT_TRANSLATE_NOOP("Cli", "on")))
    rows = [(d.name, d.sid, ",".join(d.cmds) if d.cmds else every, paused if d.paused else on, shown_url(d.url))
            for d in dests]
    for line in table([headers, *rows], right={1}):
        print(line)
    return 0


def status_fields(s: outbox.DestinationStatus, now: float) -> dict:
    d = s.destination
    return {"name": d.name, "sid": d.sid, "url": shown_url(d.url),
            "cmds": list(d.cmds) if d.cmds else None, "paused": d.paused,
            "delivered": s.delivered, "pending": s.pending,
            "oldest_pending_age": None if s.oldest_pending_at is None else round(now - s.oldest_pending_at, 1),
            "failing_since": s.failing_since, "last_error": s.last_error,
            "last_delivered_at": s.last_delivered_at}


def _status(rows: list[outbox.DestinationStatus], zone_of: Callable[[int], str], as_json: bool,
            tr: Callable[[str], str], local_time: Callable[[float | None, str], str]) -> int:
    now = time.time()
    if as_json:
        out = sys.stdout.buffer
        for s in rows:
            out.write(orjson.dumps(status_fields(s, now)) + b"\n")
        out.flush()
        return 0
    if not rows:
        print(tr(NO_DESTINATIONS))
        return 0
    for s in rows:
        f = status_fields(s, now)
        zone = zone_of(s.destination.sid)
        age = "-" if f["oldest_pending_age"] is None else _duration(f["oldest_pending_age"], tr)
        heading = (QT_TRANSLATE_NOOP("Cli", "{} (paused): school {} -> {}") if s.destination.paused
                   else QT_TRANSLATE_NOOP("Cli", "{}: school {} -> {}"))
        print(tr(heading).format(f["name"], f["sid"], f["url"]))
        if s.failing_since is None:
            counts = tr(QT_TRANSLATE_NOOP("Cli", "delivered {}, pending {}, oldest pending {}, failing no")).format(
                s.delivered, s.pending, age)
        else:
            counts = tr(QT_TRANSLATE_NOOP("Cli", "delivered {}, pending {}, oldest pending {}, failing since {}")
                        ).format(s.delivered, s.pending, age, local_time(s.failing_since, zone))
        print("  " + counts)
        if s.last_error:
            print("  " + tr(QT_TRANSLATE_NOOP("Cli", "last error: {}")).format(s.last_error))
    return 0


def _duration(seconds: float, tr: Callable[[str], str]) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return tr(QT_TRANSLATE_NOOP("Cli", "{} s")).format(seconds)
    if seconds < 3600:
        return tr(QT_TRANSLATE_NOOP("Cli", "{} min {} s")).format(seconds // 60, seconds % 60)
    return tr(QT_TRANSLATE_NOOP("Cli", "{} h {} min")).format(seconds // 3600, seconds % 3600 // 60)
