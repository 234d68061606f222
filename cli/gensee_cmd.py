"""`gensee url|rotate|cobrowse`: the callback URLs to paste into Gensee's admin,
replacing their secret token, and the co-browse lists served to teachers."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.startup import open_context
from protocol.gensee import ENDPOINTS
from receiver.gensee import COBROWSE_SETTING, base_path
from storage.config import Config, ConfigStore
from tunnel.settings import TunnelSettings

from . import options
from .errors import CliError
from .table import table

DEFAULT_ROOM = "*"


def add_parser(sub, parents) -> None:
    p = sub.add_parser("gensee", parents=parents, help="Gensee callback URLs, token and co-browse lists")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    where = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: `main.py --port P gensee url` (the app's own options) counts too.
    where.add_argument("--host", default=argparse.SUPPRESS, help="the receiver's address (default 127.0.0.1)")
    where.add_argument("--port", type=options.port, default=argparse.SUPPRESS,
                       help="the receiver's port (default: the app's, from Settings, else 8765)")
    where.add_argument("--public-url", type=options.http_url, metavar="URL",
                       help="the public URL Gensee reaches (default: the saved tunnel URL, if any)")
    actions.add_parser("url", parents=[*parents, where], help="print the callback URLs (they contain the token)")
    actions.add_parser("rotate", parents=[*parents, where],
                       help="replace the token: the old URLs stop working")
    cob = actions.add_parser("cobrowse", parents=parents, help="JSON answered to the teacher's co-browse list")
    cob_actions = cob.add_subparsers(dest="cobrowse_action", metavar="ACTION", required=True)
    cob_set = cob_actions.add_parser("set", parents=parents, help="serve this JSON for a room")
    cob_set.add_argument("roomid", help=f"the co-browse roomid, or '{DEFAULT_ROOM}' for every other room")
    cob_set.add_argument("--json", required=True, metavar="FILE", dest="json_file",
                         help="UTF-8 JSON file ('-' reads standard input), served verbatim")
    cob_rm = cob_actions.add_parser("remove", parents=parents, help="stop serving a room's JSON")
    cob_rm.add_argument("roomid")
    cob_actions.add_parser("list", parents=parents, help="rooms with a configured JSON")


def run(args) -> int:
    ctx = open_context(args)
    if args.action == "url":
        _print_urls(args, ctx.config.current())
    elif args.action == "rotate":
        ctx.config.rotate_gensee_token()
        print("new Gensee token saved: the old callback URLs stop working now (a running receiver "
              "picks the token up within a second). Paste the new URLs into Gensee's admin:")
        _print_urls(args, ctx.config.current())
    else:
        _cobrowse(args, ctx.config)
    return 0


def _print_urls(args, config: Config) -> None:
    public = args.public_url or _saved_public_url(config)
    port = args.port if args.port is not None else config.port
    root = (public or f"http://{args.host}:{port}").rstrip("/")
    base = root + base_path(config.gensee_token)
    print(f"gensee callbacks: {base}")
    for line in table(((endpoint, base + endpoint, f"-> {facts.setting}") for endpoint, facts in ENDPOINTS.items()),
                      indent="  "):
        print(line)
    if public is None:
        print("note: this is the local address; Gensee's servers need a public one "
              "(serve --tunnel ..., or --public-url)")


def _saved_public_url(config: Config) -> str | None:
    try:
        return TunnelSettings.from_settings(config.settings).public_url
    except (TypeError, ValueError):   # a hand-edited tunnel setting is serve's problem, not ours
        return None


def _cobrowse(args, store: ConfigStore) -> None:
    if args.cobrowse_action == "list":
        rooms = store.current().settings.get(COBROWSE_SETTING) or {}
        if not rooms:
            print("no co-browse JSON configured: every room gets []")
        for roomid, text in sorted(rooms.items()):
            print(f"{roomid}: {len(text.encode('utf-8'))} bytes")
        return
    if args.cobrowse_action == "remove":
        removed: list[str | None] = []

        def remove(config: Config) -> None:
            removed.append(config.settings.get(COBROWSE_SETTING, {}).pop(args.roomid, None))
        store.update(remove)
        if removed[0] is None:
            raise CliError(f"no co-browse JSON for room {args.roomid}")
        print(f"room {args.roomid}: co-browse JSON removed")
        return
    text = _read_json(args.json_file)

    def save(config: Config) -> None:
        config.settings.setdefault(COBROWSE_SETTING, {})[args.roomid] = text
    store.update(save)
    print(f"room {args.roomid}: co-browse JSON saved ({len(text.encode('utf-8'))} bytes)")


def _read_json(path: str) -> str:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}", code=2) from None
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 (Gensee requires UTF-8 JSON)", code=2) from None
    try:
        json.loads(text)
    except ValueError as exc:
        raise CliError(f"{path} is not valid JSON: {exc}", code=2) from None
    return text
