"""`school add|list|remove`: which ClassIn schools the receiver accepts."""
from __future__ import annotations

import sys
import zoneinfo

from storage.config import DEFAULT_TIMEZONE

from .context import open_context
from .errors import CliError


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
    actions.add_parser("list", parents=parents, help="list configured schools")
    rm = actions.add_parser("remove", parents=parents, help="remove a school")
    rm.add_argument("sid", type=int)


def run(args) -> int:
    ctx = open_context(args)
    if args.action == "add":
        secret = sys.stdin.readline().strip() if args.secret == "-" else args.secret.strip()
        if not secret:
            raise CliError("the secret is empty", code=2)
        if args.sid <= 0:
            raise CliError("SID must be a positive number", code=2)
        try:
            zoneinfo.ZoneInfo(args.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise CliError(f"unknown time zone {args.timezone!r} (e.g. Asia/Shanghai)", code=2) from None
        school = ctx.config.add_school(args.sid, secret, args.name, args.timezone)
        print(f"school {school.sid} saved ({school.name or 'no name'}, {school.timezone})")
        return 0
    if args.action == "remove":
        if not ctx.config.remove_school(args.sid):
            raise CliError(f"no school {args.sid}")
        print(f"school {args.sid} removed")
        return 0
    schools = sorted(ctx.config.current().schools.values(), key=lambda s: s.sid)
    if not schools:
        print("no schools configured: python main.py school add SID --secret SECRET --name NAME")
        return 0
    print(f"{'SID':>10}  {'TIMEZONE':<18} {'SECRET':<8} NAME")
    for s in schools:
        print(f"{s.sid:>10}  {s.timezone:<18} {'set':<8} {s.name}")
    return 0
