"""Command line: parses arguments and hands each command to its module.

Exit codes (CONTRACT.md): 0 success, 2 bad arguments (one line on stderr),
1 anything else with a clear message and no traceback unless --debug.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback

from alarms.language import LANGUAGES
from app.core_process import CHILD_COMMAND
from app.errors import UserError
from app.startup import database_passwords
from storage.backends import StoreUnavailable
from storage.dburl import ENV_DB, DbUrlError, mask_urls

from . import options
from .errors import describe
from .version import version

# command name -> module in this package with add_parser(subparsers, parents) and run(args)
COMMANDS = ("serve", "school", "events", "export", "rebuild", "simulate", "selftest", "gensee",
            "alarms", "alarm-channel", "relay", "db")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        # argparse echoes the offending value: a --db URL's password must not show.
        sys.stderr.write(f"{self.prog}: error: {mask_urls(' '.join(message.split()))}\n")
        raise SystemExit(2)


def _common(defaults: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the command name."""
    parent = Parser(add_help=False)
    kw = {} if defaults else {"default": argparse.SUPPRESS}
    parent.add_argument("--data-dir", metavar="DIR", help="data directory (default: $CLASSWATCH_DATA_DIR "
                        "or the platform's per-user data dir)", **({"default": None} if defaults else kw))
    parent.add_argument("--db", type=options.db_url, metavar="URL",
                        help=f"where the data lives: sqlite:///PATH or postgresql://USER:PASS@HOST:PORT/DB "
                        f"(default: ${ENV_DB}, else the data dir's classwatch.db)",
                        **({"default": None} if defaults else kw))
    parent.add_argument("--debug", action="store_true", help="verbose logs and tracebacks", **kw)
    parent.add_argument("--lang", choices=(*LANGUAGES, "zh"), help="the language of the window, `alarms` and the "
                        "chat robots' messages (default: $CLASSWATCH_LANG, else the config's \"language\", else "
                        "English; the window: else the system's); of export's xlsx, pdf and people-csv (default: en)",
                        **({"default": None} if defaults else kw))
    return parent


def build_parser() -> Parser:
    parser = Parser(prog="classwatch", parents=[_common(True)],
                    description="ClassWatch: live ClassIn/Gensee classroom monitor for support desks. "
                                "Without a command it opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"ClassWatch {version()}")
    parser.add_argument("--host", default="127.0.0.1", help="receiver address (default 127.0.0.1)")
    parser.add_argument("--port", type=options.port, default=None,
                        help="receiver port (default: the one saved in Settings, else 8765)")
    parser.add_argument("--demo", action="store_true",
                        help="open the app fed by a built-in simulated school (throw-away data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    parents = [_common(False)]
    for name in COMMANDS:
        module = _module(name)
        if module is not None:
            module.add_parser(sub, parents)
    return parser


def _module(name: str):
    module = f"cli.{name.replace('-', '_')}_cmd"
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv)[:1] == [CHILD_COMMAND]:   # a split `serve`'s core process
        from .serve_core import run as run_core
        return run_core()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from gui.launch import run as run_gui
            return run_gui(args)
        return _module(args.command).run(args)
    except UserError as exc:     # a command's (CliError) or the start-up's
        return _fail(args, str(exc), exc.code)
    except (StoreUnavailable, DbUrlError) as exc:   # a wrong password, a server down: one line
        return _fail(args, str(exc), 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `... | head` stopped reading: not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        if args.debug:   # the traceback, with any database URL's password masked
            sys.stderr.write(_masked(traceback.format_exc(), args))
            return 1
        _log_to_file(exc)
        return _fail(args, f"{describe(exc)} (run with --debug for details)", 1)


def _masked(text: str, args) -> str:
    """`text` without the database password, in a URL or alone."""
    text = mask_urls(text)
    for password in database_passwords(args):
        text = text.replace(password, "***")
    return text


def _fail(args, message: str, code: int) -> int:
    message = _masked(message, args)
    if sys.stderr is not None:      # None in a windowed program
        sys.stderr.write(f"error: {message}\n")
    if args.command is None and code == 1:
        # The app was started from a shortcut: no console shows stderr.
        from gui.startup_error import show_startup_error
        show_startup_error(message)
    return code


def _log_to_file(exc: Exception) -> None:
    """The traceback goes to the log file, if logging got that far; never to the
    terminal (Python's last-resort handler would print it on stderr)."""
    record = logging.getLogger("classwatch").makeRecord(
        "classwatch", logging.ERROR, __file__, 0, "unexpected error", None,
        (type(exc), exc, exc.__traceback__))
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            handler.handle(record)
