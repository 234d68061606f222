"""`db copy --from URL --to URL`: one store into another, idempotent."""
from __future__ import annotations

import sys
import time

from app.startup import open_context
from lessons.texts import QT_TRANSLATE_NOOP
from lessons.timeline_words import listed
from storage.copy import CopyCount, copy_store

from . import options
from .words import translator, wording


def add_parser(sub, parents) -> None:
    p = sub.add_parser("db", parents=parents, help="work on whole stores (copy a desk's history to the team)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    copy = actions.add_parser("copy", parents=parents,
                              help="copy every push, refused body and alarm missing from the target")
    copy.add_argument("--from", dest="source", type=options.db_url, required=True, metavar="URL",
                      help="the store to read (sqlite:///PATH or postgresql://...)")
    copy.add_argument("--to", dest="target", type=options.db_url, required=True, metavar="URL",
                      help="the store to add to (created or migrated as needed)")


def run(args) -> int:
    ctx = open_context(args)      # logging (passwords masked), a usable data dir
    words = wording(args, ctx.config)
    tr = translator(args, ctx.config)
    started = time.monotonic()

    shown: list[str] = []

    def progress(count: CopyCount) -> None:
        # One line per table, rewritten in place while it grows.
        if shown and shown[-1] != count.table:
            sys.stderr.write("\n")
        shown.append(count.table)
        sys.stderr.write("\r" + tr(QT_TRANSLATE_NOOP("Cli", "{}: {} read, {} new")).format(
            count.table, count.read, count.added))
        sys.stderr.flush()

    counts = copy_store(args.source, args.target, progress)
    if shown:
        sys.stderr.write("\n")
    summary = listed((tr(QT_TRANSLATE_NOOP("Cli", "{} of {} {} rows new")).format(c.added, c.read, c.table)
                      for c in counts), words.translate)
    print(tr(QT_TRANSLATE_NOOP("Cli", "copied {} into {} in {:.1f} s: {}")).format(
        args.source, args.target, time.monotonic() - started, summary))
    return 0
