"""`export`: lesson summaries as json, csv, xlsx or pdf — one lesson, or every
lesson of a date range (--from/--to) into a folder."""
from __future__ import annotations

import functools
import sys
from datetime import date, datetime, time as dtime, timedelta
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from alarms.language import Wording
from app.export import summaries, summaries_between
from lessons.texts import QT_TRANSLATE_NOOP, Detail
from lessons.timeline_words import enumerated
from storage.config import Config
from storage.db import open_database

from .errors import CliError
from .words import checked_context, wording

FORMATS = ("json", "csv", "people-csv", "xlsx", "pdf")
EXTENSIONS = {fmt: "csv" if fmt == "people-csv" else fmt for fmt in FORMATS}   # reports' own table loads late
TO_BEFORE_FROM = QT_TRANSLATE_NOOP("Cli", "--to is before --from")
NEEDS_OUT = QT_TRANSLATE_NOOP("Cli", "--format {} needs --out FILE")
WROTE = QT_TRANSLATE_NOOP("Cli", "wrote {}")
OPEN_ELSEWHERE = QT_TRANSLATE_NOOP("Cli", "{} is open in another program (Excel?) and cannot be replaced: wrote {} instead")


def add_parser(sub, parents) -> None:
    p = sub.add_parser("export", parents=parents, help="export lesson summaries (attendance and activity)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--class-id", type=int, help="one lesson (ClassID)")
    which.add_argument("--gensee-room", metavar="CLASSNO", help="one Gensee room: attendance, Q&A, roll calls")
    which.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                       help="first day (YYYY-MM-DD, school time) of a batch export")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="last day of a batch export")
    p.add_argument("--sid", type=int, help="batch: only this school")
    p.add_argument("--school", type=int, metavar="SID",
                   help="with --from/--to: the school's own messages (homework, tests, file conversions, "
                        "accounts, device checks outside class, unknown Cmds) to --out FILE as xlsx or csv")
    p.add_argument("--format", choices=FORMATS,
                   help="default: the --out file's extension, else json; people-csv: a CSV for Excel "
                        "(words, h:mm, the school's clock) beside the machine csv")
    p.add_argument("--out", metavar="FILE|DIR", help="output file (one lesson) or folder (batch); "
                   "json goes to stdout without it")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        import argparse
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-05-14") from None


def _check_options(args, tr: Callable[[str], str]) -> None:
    """Contradictions are bad arguments (exit 2), never silently ignored."""
    single = "--class-id" if args.class_id is not None else "--gensee-room" if args.gensee_room else None
    if single:
        given = [name for name, value in (("--to", args.date_to), ("--sid", args.sid),
                                          ("--school", args.school)) if value is not None]
        if given:
            options = functools.reduce(tr(QT_TRANSLATE_NOOP("Cli", "{} and {}")).format, given)
            complaint = (QT_TRANSLATE_NOOP("Cli", "{} belong to a batch export (--from): not with {}")
                         if len(given) > 1 else
                         QT_TRANSLATE_NOOP("Cli", "{} belongs to a batch export (--from): not with {}"))
            raise CliError(tr(complaint).format(options, single), code=2)
        args.format = _single_format(args.format, args.out, tr)
    else:
        if args.date_to is None:
            args.date_to = args.date_from
        if args.date_to < args.date_from:
            raise CliError(tr(TO_BEFORE_FROM), code=2)
        args.format = args.format or "json"
    if args.out is None and args.format != "json":
        raise CliError(tr(NEEDS_OUT).format(args.format), code=2)


def _single_format(fmt: str | None, out: str | None, tr: Callable[[str], str]) -> str:
    """--format, else the one --out's extension names; the two must agree."""
    suffix = Path(out).suffix.lower().lstrip(".") if out else ""
    implied = suffix if suffix in FORMATS else None
    if fmt and implied and EXTENSIONS[fmt] != implied:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "--out {} is a .{} file but --format is {}")
                          ).format(out, implied, fmt), code=2)
    if fmt is None and suffix and implied is None:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "cannot tell the format from --out {}: give --format ({})")
                          ).format(out, "|".join(FORMATS)), code=2)
    return fmt or implied or "json"


def run(args) -> int:
    ctx, tr = checked_context(args, _check_options, existing=True)
    db = open_database(ctx.require_database())
    try:
        config = ctx.config.current()
        if args.school is not None:
            return _school(args, config, tr, wording(args, ctx.config))
        if args.gensee_room is not None:
            return _gensee_room(args, config, tr)
        if args.class_id is not None:
            found = summaries([args.class_id], config, detail_text=_detail_text(args))
            if not found:
                raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "no lesson with ClassID {} in {}")).format(
                    args.class_id, ctx.data_dir))
            return _write(found, args, tr, single=True)
        found = summaries_between(args.date_from, args.date_to, config, sid=args.sid,
                                  detail_text=_detail_text(args))
        if not found:
            print(tr(QT_TRANSLATE_NOOP("Cli", "no lessons between {} and {}")).format(
                args.date_from, args.date_to), file=sys.stderr)
            return 0
        return _write(found, args, tr, single=False)
    finally:
        db.close()


def _school(args, config: Config, tr: Callable[[str], str], words: Wording) -> int:
    from lessons.school_report import SECTION
    from reports.school_export import SCHOOL_FORMATS, render_school
    from storage.school import school_report_between
    if args.class_id is not None:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "--school goes with --from/--to, not --class-id")), code=2)
    if args.out is None:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "--school needs --out FILE (.xlsx or .csv)")), code=2)
    out = Path(args.out)
    fmt = args.format if args.format in SCHOOL_FORMATS else out.suffix.lower().lstrip(".")
    if fmt not in SCHOOL_FORMATS:
        raise CliError(tr(QT_TRANSLATE_NOOP(
            "Cli", "a school report is xlsx or csv (--format, or the --out extension)")), code=2)
    date_to = args.date_to or args.date_from
    if date_to < args.date_from:
        raise CliError(tr(TO_BEFORE_FROM), code=2)
    timezone = config.zone(args.school)
    zone = ZoneInfo(timezone)
    start = datetime.combine(args.date_from, dtime.min, zone).timestamp()
    end = datetime.combine(date_to + timedelta(days=1), dtime.min, zone).timestamp()
    report = school_report_between(args.school, start, end)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(render_school(report, fmt, timezone))
    # Each section by its sheet's name, in the desk's words.
    counts = enumerated((tr(QT_TRANSLATE_NOOP("Cli", "{} {}")).format(
        len(rows), words.translate("SchoolSection", SECTION[key].title)) for key, rows in report.items() if rows),
        words.translate) or tr(QT_TRANSLATE_NOOP("Cli", "nothing"))
    print(tr(QT_TRANSLATE_NOOP("Cli", "wrote {} ({})")).format(out, counts))
    return 0


def _gensee_room(args, config: Config, tr: Callable[[str], str]) -> int:
    import time

    from lessons.gensee_report import room_report
    from reports.gensee_export import render_room
    from storage.history import gensee_state
    report = room_report(gensee_state(), args.gensee_room, time.time())
    if report is None:
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "no Gensee room {!r} has called this receiver")
                          ).format(args.gensee_room))
    data = render_room(report, args.format, config.zone(None))    # Gensee names no school: as the window shows it
    if args.out is None:
        if args.format != "json":
            raise CliError(tr(NEEDS_OUT).format(args.format), code=2)
        sys.stdout.buffer.write(data)
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(tr(WROTE).format(out))
    return 0


def _write(summaries: list[dict], args, tr: Callable[[str], str], single: bool) -> int:
    from reports import render_report, write_per_lesson, write_report
    if args.out is None:
        sys.stdout.buffer.write(render_report(summaries[0] if single else summaries, "json") + b"\n")
        return 0
    out = Path(args.out)
    if single and out.is_dir():
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "--out {} is a folder: give a file name, e.g. {}")).format(
            out, out / f"lesson-{args.class_id}.{args.format}"))
    if not single and out.exists() and not out.is_dir():
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "--out {} is a file: a batch export needs a folder")).format(out))
    try:
        if single:
            written = write_report(summaries, args.format, out, lang=_report_language(args))
            if written != out:
                print(tr(OPEN_ELSEWHERE).format(out, written), file=sys.stderr)
            print(tr(WROTE).format(written))
            return 0
        paths = write_per_lesson(summaries, args.format, out, lang=_report_language(args))
    except (FileExistsError, NotADirectoryError):
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "cannot write {}: part of that path is a file, not a folder")
                          ).format(out)) from None
    except OSError as exc:
        # Not exc.filename: that may be our temporary file, which means nothing to the user.
        raise CliError(tr(QT_TRANSLATE_NOOP("Cli", "cannot write {}: {}")).format(out, exc.strerror or exc)) from None
    for path, summary in zip(paths, summaries):
        if path.name != f"lesson-{summary['class_id']}.{EXTENSIONS[args.format]}":
            print(tr(QT_TRANSLATE_NOOP("Cli", "the earlier file is open in another program: wrote {} instead")
                     ).format(path), file=sys.stderr)
    print(tr(QT_TRANSLATE_NOOP("Cli", "wrote {} lesson(s) to {}")).format(len(paths), out))
    return 0


def _report_language(args) -> str | None:
    """The common --lang as the reports name it: xlsx, pdf and people-csv are
    English unless --lang asks for Chinese (the desk's setting does not change a file)."""
    return "zh" if args.lang in ("zh", "zh_CN") else args.lang


def _detail_text(args) -> Callable[[Detail], str]:
    """The timeline's details as the window's export words them: in the
    report's language for people (no codes), lessons' English in the machine formats."""
    if args.format in ("json", "csv"):
        return str
    return Wording(_report_language(args)).timeline_detail
