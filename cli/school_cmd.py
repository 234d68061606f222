"""`school add|list|remove`: which ClassIn schools the receiver accepts."""
from __future__ import annotations

import asyncio
import sys
import time
import zoneinfo
from typing import Callable

from app.startup import open_context
from lessons.texts import QT_TRANSLATE_NOOP
from storage.config import DEFAULT_TIMEZONE, VERIFY_POLICIES

from receiver.app import Receiver
from storage.lock import AlreadyRunning, DataDirLock

from .errors import CliError
from .table import table
from .words import SID_NOT_POSITIVE, translator

NO_SCHOOL = QT_TRANSLATE_NOOP("Cli", "no school {}")
NO_SCHOOLS = QT_TRANSLATE_NOOP("Cli", "no schools configured: python main.py school add SID --secret SECRET --name NAME")
# The window's words for the policies (gui/school_form.py), in the same catalogue context.
VERIFY_WORDS = {"hold": QT_TRANSLATE_NOOP("Cli", "hold"), "strict": QT_TRANSLATE_NOOP("Cli", "strict"),
                "off": QT_TRANSLATE_NOOP("Cli", "off")}


def add_parser(sub, parents) -> None:
    p = sub.add_parser("school", parents=parents, help="configure ClassIn schools (SID + secret)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=parents, help="add or update a school")
    add.add_argument("sid", type=int, help="the school's SID")
    add.add_argument("--secret", required=True,
                     help="the school's API secret ('-' reads it from standard input)")
    add.add_argument("--name", default="", help="a name to show")
    add.add_argument("--timezone", default=DEFAULT_TIMEZONE,
                     help=f"the school's time zone (default {DEFAULT_TIMEZONE})")
    add.add_argument("--verify", choices=VERIFY_POLICIES, default=None,
                     help="pushes whose SafeKey does not verify: hold = acknowledge and keep aside until "
                          "the secret is fixed (default); strict = refuse (ClassIn's queue stops); "
                          "off = store them as verified")
    actions.add_parser("list", parents=parents, help="list configured schools")
    rm = actions.add_parser("remove", parents=parents, help="remove a school")
    rm.add_argument("sid", type=int)
    trust = actions.add_parser("trust", parents=parents,
                               help="let a school's held pushes in without verification")
    trust.add_argument("sid", type=int)
    trust.add_argument("--held", action="store_true", required=True,
                       help="promote every push of the school held so far")


def run(args) -> int:
    ctx = open_context(args)
    tr = translator(args, ctx.config)
    if args.action == "add":
        secret = sys.stdin.readline().strip() if args.secret == "-" else args.secret.strip()
        if not secret:
            raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "the secret is empty")), code=2)
        if args.sid <= 0:
            raise CliError(tr(SID_NOT_POSITIVE), code=2)
        try:
            zoneinfo.ZoneInfo(args.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "unknown time zone {!r} (e.g. Asia/Shanghai)")
                              ).format(args.timezone), code=2) from None
        school = ctx.config.add_school(args.sid, secret, args.name, args.timezone, args.verify)
        print(tr(QT_TRANSLATE_NOOP("Cli", "school {} saved ({}, {}, verify {})")).format(
            school.sid, school.name or tr(QT_TRANSLATE_NOOP("Cli", "no name")), school.timezone,
            tr(VERIFY_WORDS.get(school.verify, school.verify))))
        return 0
    if args.action == "trust":
        return _trust(ctx, args.sid, tr)
    if args.action == "remove":
        if not ctx.config.remove_school(args.sid):
            raise CliError(tr(NO_SCHOOL).format(args.sid))
        print(tr(QT_TRANSLATE_NOOP("Cli", "school {} removed")).format(args.sid))
        return 0
    return _list(ctx, tr)


def _list(ctx, tr) -> int:
    schools = sorted(ctx.config.current().schools.values(), key=lambda s: s.sid)
    if not schools:
        print(tr(NO_SCHOOLS))
        return 0
    headers = ("SID", tr(QT_TRANSLATE_NOOP("Cli", "TIMEZONE")), tr(QT_TRANSLATE_NOOP("Cli", "SECRET")),
               tr(QT_TRANSLATE_NOOP("Cli", "VERIFY")), tr(QT_TRANSLATE_NOOP("Cli", "NAME")))
    secret_set = tr(QT_TRANSLATE_NOOP("Cli", "set"))   # a school without a secret cannot be saved
    rows = [(s.sid, s.timezone, secret_set, tr(VERIFY_WORDS.get(s.verify, s.verify)), s.name) for s in schools]
    for line in table([headers, *rows], right={0}):
        print(line)
    return 0


def _trust(ctx, sid: int, tr: Callable[[str], str]) -> int:
    """Recorded in the config first (a running receiver promotes within seconds
    and a crash cannot lose the request); promoted here when no receiver runs."""
    if not ctx.config.trust_held(sid, time.time()):
        raise CliError(tr(NO_SCHOOL).format(sid))
    running = tr(QT_TRANSLATE_NOOP("Cli", "school {}: the running receiver lets its held pushes in within seconds")
                 ).format(sid)
    if DataDirLock(ctx.data_dir).held_elsewhere():
        print(running)
        return 0
    try:
        result = asyncio.run(_promote_here(ctx, sid))
    except AlreadyRunning:    # one started meanwhile: it promotes them as it starts
        print(running)
        return 0
    print(tr(QT_TRANSLATE_NOOP("Cli", "school {}: {} held push(es) let in, {} still held")).format(
        sid, len(result.pushes), result.remaining))
    return 0


async def _promote_here(ctx, sid: int):
    receiver = Receiver(ctx.data_dir, config=ctx.config)
    await asyncio.get_running_loop().run_in_executor(None, receiver.open_storage)
    receiver.writer.start()
    try:
        return await receiver.promote(sid)
    finally:
        await asyncio.get_running_loop().run_in_executor(None, receiver.writer.stop)
        receiver.release_storage()
