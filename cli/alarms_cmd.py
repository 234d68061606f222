"""`alarms`: the open (or all kept) alarms, and `alarms ack ID` to acknowledge
one; the running app, `serve` and other desks on the same data see it within 2 s."""
from __future__ import annotations

import sys

import orjson

from alarms.language import language
from app.alarm_desk import acknowledge, desk_user, kept_alarms, shown_alarms
from app.startup import chosen_language, open_context
from lessons.texts import QT_TRANSLATE_NOOP
from storage.backends import backend_for
from storage.db import open_database

from .errors import CliError
from .table import table
from .words import translator


def add_parser(sub, parents) -> None:
    p = sub.add_parser("alarms", parents=parents, help="list the alarms; `alarms ack ID` acknowledges one")
    p.add_argument("--all", action="store_true", help="resolved alarms too (the last week's)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    actions = p.add_subparsers(dest="action", metavar="ack")
    ack = actions.add_parser("ack", parents=parents, help="acknowledge an alarm (stored for every desk)")
    ack.add_argument("id", metavar="ID", help="the alarm's id (as `alarms` lists it)")
    ack.add_argument("--by", metavar="NAME", help="who acknowledges (default: this computer's user name)")
    ack.add_argument("--note", metavar="TEXT", help="what was done or why")


def run(args) -> int:
    ctx = open_context(args)
    tr = translator(args, ctx.config)
    if not backend_for(ctx.db).exists():
        if args.action == "ack":
            raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "no alarm with id {} (no database in {})")).format(
                args.id, ctx.data_dir))
        return 0
    if args.action == "ack":
        by = args.by if args.by is not None else desk_user()
        if not acknowledge(ctx.db, args.id, by, args.note):
            raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "no alarm with id {} (`alarms --all` lists them)")).format(
                args.id))
        print(tr(QT_TRANSLATE_NOOP("Cli", "acknowledged {} by {}")).format(args.id, by) if by
              else tr(QT_TRANSLATE_NOOP("Cli", "acknowledged {}")).format(args.id))
        return 0
    db = open_database(ctx.db)
    try:
        if args.json:   # CONTRACT's machine form: English, unix times
            for record in kept_alarms(ctx.config, include_resolved=args.all):
                sys.stdout.write(orjson.dumps(record).decode() + "\n")
            return 0
        shown = shown_alarms(ctx.config, language(chosen_language(args, ctx.config)), include_resolved=args.all)
    finally:
        db.close()
    titles = table((alarm.id, alarm.severity, alarm.state, alarm.words.title) for alarm in shown)
    for alarm, title in zip(shown, titles):   # the title line, then what happened, one fact a line
        sys.stdout.write(title + "\n")
        for line in alarm.words.detail.splitlines():
            sys.stdout.write(f"    {line}\n")
    if not shown:
        print(tr(QT_TRANSLATE_NOOP("Cli", "no alarms")) if args.all else
              tr(QT_TRANSLATE_NOOP("Cli", "no open alarms")), file=sys.stderr)
    return 0
