"""Participants as CSV: UTF-8 with a BOM (without it Excel decodes Chinese as
the ANSI code page) and no cell a spreadsheet would run as a formula.

Two kinds: the machine CSV (CONTRACT: one row per participant, raw numbers,
ISO-8601 times in the school's zone, the summary's keys as headers by
default) and the people CSV (`render_people_csv`: what a school opens in
Excel — headers and words in the reader's language, times as the school's
wall clock with the zone in the header, durations as h:mm, no raw codes,
absent students listed)."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from lessons.participant_row import COLUMNS as PARTICIPANT_COLUMNS, Column, Kind
from lessons.timeline_words import named
from .labels import Labels
from .values import CODE_COLUMNS, Summary, absent_rows, local_time, looks_like_formula, notes_text, plain_text, school_zone


def _safe_text(text: str) -> str:
    # The OWASP fix: a leading apostrophe makes Excel/LibreOffice take the cell as text.
    return "'" + text if looks_like_formula(text) else text


def _cell(column: Column, value: Any, zone: tzinfo) -> Any:
    if value is None:
        return ""
    if column.kind is Kind.TIME:
        moment = local_time(value, zone)
        return moment.isoformat() if moment is not None else ""
    if column.kind is Kind.BOOL:
        return "true" if value else "false"
    if column.kind is Kind.TEXT or isinstance(value, str):
        # A str in a number column is malformed input: still never a formula.
        return _safe_text(plain_text(value))
    return value  # numbers stay numbers, negative ones included


def _header(column: Column, labels: Labels) -> str:
    # Raw seconds in a CSV: say so, unless the header is the self-describing key.
    if column.kind is Kind.DURATION and labels.lang != "keys":
        return column.label(labels) + labels("seconds_suffix")
    return column.label(labels)


def render_csv(summaries: Sequence[Summary], labels: Labels,
               with_class_id: bool | None = None) -> bytes:
    """One table for all lessons; `with_class_id` (default: when there are
    several lessons) puts the lesson's class_id first on every row."""
    if with_class_id is None:
        with_class_id = len(summaries) > 1
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # the excel dialect: CRLF rows, quotes as Excel expects
    lead = [labels("class_id")] if with_class_id else []
    writer.writerow(lead + [_header(column, labels) for column in PARTICIPANT_COLUMNS])
    for summary in summaries:
        zone = school_zone(summary)
        lead = [summary["class_id"]] if with_class_id else []
        for row in summary["participants"]:
            writer.writerow(lead + [_cell(column, column.raw(row), zone) for column in PARTICIPANT_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


PEOPLE_COLUMNS = tuple(column for column in PARTICIPANT_COLUMNS if column.key not in CODE_COLUMNS)


def _clock(seconds: Any) -> str:
    """h:mm (a day's stage time may pass 24 h); seconds are left out."""
    if not isinstance(seconds, (int, float)):
        return ""
    hours, minutes = divmod(int(seconds) // 60, 60)
    return f"{hours}:{minutes:02d}"


def _people_cell(column: Column, value: Any, zone: tzinfo, labels: Labels) -> str:
    if value is None:
        return ""
    kind = column.kind
    if kind is Kind.TIME:
        moment = local_time(value, zone)
        return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""
    if kind is Kind.DURATION:
        return _clock(value)
    if kind is Kind.BOOL:
        return labels("yes") if value else labels("no")
    if kind is Kind.PERCENT:
        return f"{value:.0%}" if isinstance(value, (int, float)) else ""
    return _safe_text(column.words(value, labels, labels.translate))


def _zone_name(summary: Summary) -> str:
    return summary.get("timezone") or str(school_zone(summary))


def render_people_csv(summaries: Sequence[Summary], labels: Labels) -> bytes:
    """One table for all lessons (several: the lesson's name and ClassID lead
    each row); times in each lesson's school zone, named in the header when
    every lesson shares it, else in a column of its own."""
    zones = {_zone_name(summary) for summary in summaries}
    shared_zone = zones.pop() if len(zones) == 1 else None
    several = len(summaries) > 1

    def header(column: Column) -> str:
        if column.kind is Kind.TIME and shared_zone:
            return named(column.label(labels), shared_zone, labels.translate)
        return column.label(labels)

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    lead = [labels("lesson"), labels("class_id")] if several else []
    zone_column = [] if shared_zone else [labels("time_zone")]
    writer.writerow(lead + zone_column + [header(column) for column in PEOPLE_COLUMNS] + [labels("notes")])
    for summary in summaries:
        zone = school_zone(summary)
        lead = [_safe_text(summary.get("class_name") or ""), summary["class_id"]] if several else []
        zone_column = [] if shared_zone else [_zone_name(summary)]
        for row, note in ([(row, notes_text(row, labels)) for row in summary["participants"]]
                          + [(row, labels("note.absent")) for row in absent_rows(summary)]):
            writer.writerow(lead + zone_column + [_people_cell(column, column.raw(row), zone, labels)
                                                  for column in PEOPLE_COLUMNS] + [note])
    return buffer.getvalue().encode("utf-8-sig")
