"""`selftest`: send a signed ClassIn registration Test push through the public
URL and report exactly what came back, and whether the push got stored."""
from __future__ import annotations

import asyncio
import sys

from app.startup import open_context
from tunnel.selftest import SelftestResult, run_selftest

from . import options
from .errors import CliError


def add_parser(sub, parents) -> None:
    p = sub.add_parser("selftest", parents=parents,
                       help="send a signed ClassIn Test push through the public URL, end to end")
    p.add_argument("--url", type=options.http_url, metavar="PUBLIC_URL",
                   help="the public base URL (or the full .../classin push URL); default: the "
                        "registered URL or the tunnel's public URL from the settings")
    p.add_argument("--sid", type=int, help="school SID (default: the first configured school)")
    p.add_argument("--secret", help="that school's secret ('-' reads it from standard input; "
                                    "default: the configured one)")
    p.add_argument("--timeout", type=options.positive_seconds, default=20.0, metavar="SECONDS",
                   help="how long to wait for the answer (default 20)")


def run(args) -> int:
    ctx = open_context(args)
    config = ctx.config.current()
    url = args.url or config.settings.get("registered_url") or config.settings.get("tunnel_public_url")
    if not url:
        raise CliError("give --url PUBLIC_URL (no registered or tunnel URL in the settings)", code=2)
    sid, secret = _school(args, config)
    result = asyncio.run(run_selftest(url, sid, secret, db=ctx.db, timeout=args.timeout))
    _report(result, sid)
    return 0 if result.ok else 1


def _school(args, config) -> tuple[int, str]:
    secret = sys.stdin.readline().strip() if args.secret == "-" else args.secret
    if args.sid is not None and secret:
        return args.sid, secret
    if secret:
        raise CliError("--secret needs --sid", code=2)
    if args.sid is not None:
        school = config.schools.get(args.sid)
        if school is None:
            raise CliError(f"school {args.sid} is not configured: give --secret too", code=2)
        return school.sid, school.secret
    if not config.schools:
        raise CliError("no school configured: give --sid SID --secret SECRET", code=2)
    school = config.schools[min(config.schools)]
    return school.sid, school.secret


def _report(r: SelftestResult, sid: int) -> None:
    print(f"POST {r.push_url}  (Test push for SID {sid}, _id {r.push_id})")
    print(f"HTTP status: {r.status if r.status is not None else 'no answer'}")
    print(f"body: {r.body}")
    print(f"round trip: {r.elapsed * 1000:.0f} ms")
    print(f"ClassIn success ack: {'yes' if r.acked else 'NO'}")
    stored = {True: "yes", False: "NO", None: "unknown"}[r.stored]
    print(f"stored: {stored} ({r.stored_note})")
    print("result: OK" if r.ok else "result: FAILED", flush=True)
