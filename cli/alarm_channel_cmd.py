"""`alarm-channel add|list|remove|test`: chat robots that receive alarms.
`serve` and the app deliver to them; `list` shows how delivery is going
(the state the running dispatcher last wrote into the data dir)."""
from __future__ import annotations

import asyncio
import sys
import time
from typing import Callable

from alarms.channels import KINDS, NAME_LIMIT, SEVERITIES, SIGNED_KINDS, problem
from alarms.channels.compose import Composer
from alarms.channels.dispatcher import read_states, school_places, send_test
from alarms.language import Wording
from app.startup import chosen_language, open_context
from lessons.texts import QT_TRANSLATE_NOOP
from storage.config import AlarmChannel
from storage.logs import mask_url

from .errors import CliError
from .table import table
from .words import translator

NO_CHANNELS = QT_TRANSLATE_NOOP("Cli", "no alarm channels: python main.py alarm-channel add NAME --kind KIND --url URL")
PROBLEMS = {
    "name": QT_TRANSLATE_NOOP("Cli", "the name must be 1-{} printable characters"),
    "kind": QT_TRANSLATE_NOOP("Cli", "unknown kind"),
    "url": QT_TRANSLATE_NOOP("Cli", "the URL must be a web address starting with http:// or https://"),
    "secret": QT_TRANSLATE_NOOP("Cli", "--secret is for {} channels; a {} robot's key is in its URL"),
}
NO_CHANNEL = QT_TRANSLATE_NOOP("Cli", "no channel {}")


def add_parser(sub, parents) -> None:
    p = sub.add_parser("alarm-channel", parents=parents, help="chat robots that receive alarms")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=parents, help="add or replace a channel")
    add.add_argument("name", help="a name for the channel")
    add.add_argument("--kind", required=True, choices=KINDS)
    add.add_argument("--url", required=True, help="the robot's webhook URL ('-' reads it from standard input)")
    add.add_argument("--secret", default="",
                     help=f"signing secret ({', '.join(SIGNED_KINDS)}); '-' reads it from standard input")
    add.add_argument("--min-severity", default="warning", choices=SEVERITIES,
                     help="the least severe alarm sent (default warning; critical ones also when resolved)")
    actions.add_parser("list", parents=parents, help="list channels and their delivery state")
    rm = actions.add_parser("remove", parents=parents, help="remove a channel")
    rm.add_argument("name")
    test = actions.add_parser("test", parents=parents, help="send a test message now")
    test.add_argument("name")


def _stdin_or(value: str) -> str:
    return sys.stdin.readline().strip() if value == "-" else value.strip()


def run(args) -> int:
    ctx = open_context(args)
    channels = ctx.config.current(force_check=True).channels
    tr = translator(args, ctx.config)
    composer = Composer(where=school_places(ctx.config), wording=Wording(chosen_language(args, ctx.config) or "en"))
    if args.action == "add":
        name = args.name.strip()
        url, secret = _stdin_or(args.url), _stdin_or(args.secret)
        wrong = problem(name, args.kind, url, secret)
        if wrong is not None:
            fill = {"name": (NAME_LIMIT,), "secret": (", ".join(SIGNED_KINDS), args.kind)}.get(wrong, ())
            raise CliError(tr(PROBLEMS[wrong]).format(*fill), code=2)
        channel = AlarmChannel(name, args.kind, url, secret, args.min_severity)
        ctx.config.save_channel(channel)
        saved = (QT_TRANSLATE_NOOP("Cli", "channel {} saved ({}, {}, signed, from {})") if secret
                 else QT_TRANSLATE_NOOP("Cli", "channel {} saved ({}, {}, from {})"))
        print(tr(saved).format(name, args.kind, mask_url(url), composer.severity(args.min_severity)))
        return 0
    if args.action == "remove":
        if not ctx.config.remove_channel(args.name):
            raise CliError(tr(NO_CHANNEL).format(args.name))
        print(tr(QT_TRANSLATE_NOOP("Cli", "channel {} removed")).format(args.name))
        return 0
    if args.action == "test":
        channel = channels.get(args.name)
        if channel is None:
            raise CliError(tr(NO_CHANNEL).format(args.name))
        reason = asyncio.run(send_test(channel, composer))
        if reason is not None:
            raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "test message to {} ({}) failed: {}")).format(
                channel.name, channel.kind, reason))
        print(tr(QT_TRANSLATE_NOOP("Cli", "test message sent to {} ({})")).format(channel.name, channel.kind))
        return 0
    return _list(ctx, channels, composer, tr)


def _list(ctx, channels, composer: Composer, tr: Callable[[str], str]) -> int:
    if not channels:
        print(tr(NO_CHANNELS))
        return 0
    updated, states = read_states(ctx.data_dir)

    def when(value) -> str:
        return composer.time(value, None) if value else "-"

    def head(channel: AlarmChannel) -> tuple[str, ...]:
        signed = QT_TRANSLATE_NOOP("Cli", "signed") if channel.secret else QT_TRANSLATE_NOOP("Cli", "not signed")
        return (channel.name, channel.kind,
                tr(QT_TRANSLATE_NOOP("Cli", "from {}")).format(composer.severity(channel.min_severity)),
                tr(signed), mask_url(channel.url))
    listed = sorted(channels.values(), key=lambda c: c.name)
    for channel, line in zip(listed, table(map(head, listed))):
        print(line)
        state = states.get(channel.name)
        if state is None:
            print("    " + tr(QT_TRANSLATE_NOOP("Cli", "delivery: nothing sent yet by a running serve or app")))
            continue
        print("    " + tr(QT_TRANSLATE_NOOP("Cli", "last sent: {}  queued: {}  sent: {}  left out: {}")).format(
            when(state.last_sent), state.queued, state.sent, state.dropped))
        if state.failing_since:
            retry = (tr(QT_TRANSLATE_NOOP("Cli", " (next try {})")).format(when(state.next_attempt))
                     if state.next_attempt else "")
            print("    " + tr(QT_TRANSLATE_NOOP("Cli", "FAILING since {}: {}")).format(
                when(state.failing_since), state.last_error) + retry)
        elif state.last_error:
            print("    " + tr(QT_TRANSLATE_NOOP("Cli", "last error: {}: {}")).format(
                when(state.last_error_at), state.last_error))
    if updated is not None:
        fresh = time.time() - updated < 120
        print(tr(QT_TRANSLATE_NOOP("Cli", "(delivery state as of {})") if fresh else
                 QT_TRANSLATE_NOOP("Cli", "(delivery state as of {}; no serve or app has updated it since)")
                 ).format(composer.time(updated, None)))
    return 0
