"""Participants as CSV: UTF-8 with a BOM (without it Excel decodes Chinese as
the ANSI code page), one row per participant, raw numbers, ISO-8601 times in
the school's zone, and no cell a spreadsheet would run as a formula."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from lessons.participant_row import COLUMNS as PARTICIPANT_COLUMNS, Column, Kind
from .labels import Labels
from .values import Summary, local_time, looks_like_formula, plain_text, school_zone


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
