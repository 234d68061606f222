"""Lessons as an Excel workbook (openpyxl).

One lesson: sheets "Attendance" (a short header block, then the typed
participant table) and "Timeline". Several lessons: an "Index" sheet linking
to "<class_id> Attendance" / "<class_id> Timeline" sheets per lesson.
"""
from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from lessons.participant_row import COLUMNS as PARTICIPANT_COLUMNS, Column, Kind, columns
from .details import detail_tables
from .labels import Labels
from .values import (Summary, local_time, looks_like_formula, plain_text, printable, school_zone, span_text,
                     status_key, zone_label)

DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"   # [h]: hours past 24 do not wrap to 0
PERCENT_FORMAT = "0%"
# Excel always shows a boolean cell as TRUE/FALSE; LibreOffice shows 1/0
# unless the format says otherwise.
BOOL_FORMAT = '"TRUE";"TRUE";"FALSE"'
# A Font without a name makes LibreOffice fall back to a serif face.
BOLD = Font(name="Calibri", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
# The header block is pairs of (label, value); the second pair of each row
# sits in this column, the wide first_in one, so that the first pair's text
# can spill over the empty cells between them.
SECOND_PAIR_COLUMN = 6
MAX_WIDTH = 50
MAX_DURATION_SECONDS = 10 ** 9     # ~31 years; timedelta itself stops at ~2.7 million years
SPAN_CLOCK = "%H:%M:%S"  # the header block's times, as precise as the table's


def _put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> Cell:
    """Every cell goes through here, so no string ever becomes a formula or
    carries a character the file format cannot hold."""
    if isinstance(value, str):
        value = printable(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and looks_like_formula(value):
        # openpyxl stores "=..." as a formula; 's' keeps it a plain string, and
        # quotePrefix keeps Excel from evaluating "+1", "@SUM(..)" when the
        # user edits the cell.
        cell.data_type = "s"
        cell.quotePrefix = True
    if number_format is not None:
        cell.number_format = number_format
    return cell


def _naive(unix: float | None, zone: tzinfo) -> datetime | None:
    # Excel has no time zones: write the school's wall-clock time.
    moment = local_time(unix, zone)
    return None if moment is None else moment.replace(tzinfo=None)


def _typed(column: Column, value: Any, zone: tzinfo, labels: Labels) -> tuple[Any, str | None]:
    """(cell value, number format) for one participant cell."""
    if value is None:
        return None, None
    kind = column.kind
    if kind is Kind.TIME:
        return _naive(value, zone), DATETIME_FORMAT
    if kind is Kind.DURATION:
        if abs(value) >= MAX_DURATION_SECONDS:     # no timedelta holds it: the plain number
            return value, None
        return timedelta(seconds=value), DURATION_FORMAT
    if kind is Kind.PERCENT:
        return value, PERCENT_FORMAT
    if kind is Kind.BOOL:
        return bool(value), BOOL_FORMAT
    if kind is Kind.TEXT:
        return column.word(plain_text(value), labels), None
    return value, None


def _text_width(text: str) -> int:
    # CJK characters take two columns in Excel's character-width unit.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown_width(cell: Cell) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len("2024-01-01 00:00:00")
    if isinstance(value, timedelta):
        return len("00:00:00")
    if isinstance(value, float) and cell.number_format == PERCENT_FORMAT:
        return len("100%")
    return _text_width(str(value))


def _fit_widths(ws: Worksheet, first_row: int, minimum: dict[int, int] | None = None) -> None:
    """Column widths from the cells at and below first_row (a header block
    above may spill over), +2 for the autofilter arrow and padding."""
    widths = dict(minimum or {})
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            widths[cell.column] = max(widths.get(cell.column, 0), _shown_width(cell))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 6), MAX_WIDTH)


def _table(ws: Worksheet, header_row: int, headers: Sequence[str],
           rows: Sequence[Sequence[tuple[Any, str | None]]]) -> None:
    """A header row, typed rows below it, frozen header and an autofilter."""
    for index, text in enumerate(headers, start=1):
        cell = _put(ws, header_row, index, text)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for offset, row in enumerate(rows, start=1):
        for index, (value, number_format) in enumerate(row, start=1):
            _put(ws, header_row + offset, index, value, number_format)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    # Printed: too wide for one page at a readable size, so every page
    # repeats the header row and the first two columns, which say whose row it is.
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_title_cols = "A:B"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_options.gridLines = True
    last = f"{get_column_letter(len(headers))}{header_row + max(len(rows), 1)}"
    ws.auto_filter.ref = f"A{header_row}:{last}"


def _attendance(ws: Worksheet, summary: Summary, labels: Labels) -> None:
    zone = school_zone(summary)
    lesson = summary.get("class_name") or ""
    title = _put(ws, 1, 1, f"{labels('report_title')}: {lesson}" if lesson else labels("report_title"))
    title.font = Font(name="Calibri", bold=True, size=14)
    status = labels(status_key(summary))
    source = labels(f"source.{summary.get('summary_source')}")
    block = [
        (("school", summary.get("school_name") or ""), ("teacher", summary.get("teacher_name") or "")),
        (("course", summary.get("course_name") or ""), ("status", f"{status} ({source})")),
        (("lesson", f"{lesson} (ClassID {summary['class_id']})".strip()),
         ("time_zone", zone_label(summary, zone))),
        (("planned", span_text(summary.get("planned_start"), summary.get("planned_end"), zone, SPAN_CLOCK)),
         ("actual", span_text(summary.get("start_time"), summary.get("end_time"), zone, SPAN_CLOCK))),
    ]
    label_widths = {1: 0, SECOND_PAIR_COLUMN: 0}
    for row, pairs in enumerate(block, start=2):
        for column, (key, value) in zip((1, SECOND_PAIR_COLUMN), pairs, strict=True):
            _put(ws, row, column, labels(key)).font = BOLD
            _put(ws, row, column + 1, value)
            label_widths[column] = max(label_widths[column], _text_width(labels(key)))
    header_row = len(block) + 3
    _table(ws, header_row, [column.label(labels) for column in PARTICIPANT_COLUMNS],
           [[_typed(column, column.raw(row), zone, labels) for column in PARTICIPANT_COLUMNS]
            for row in summary["participants"]])
    _fit_widths(ws, header_row, label_widths)


def _timeline(ws: Worksheet, summary: Summary, labels: Labels) -> None:
    zone = school_zone(summary)
    headers = [labels("time"), columns(("uid",))[0].label(labels), labels("user"), labels("kind"),
               labels("detail")]
    rows = [[(_naive(item["time"], zone), DATETIME_FORMAT), (item.get("uid"), None),
             (item.get("name"), None), (labels(f"kind.{item['kind']}", item["kind"]), None),
             (item.get("detail") or None, None)]
            for item in summary.get("timeline") or []]
    _table(ws, 1, headers, rows)
    _fit_widths(ws, 1)


def _details(ws: Worksheet, summary: Summary, labels: Labels) -> None:
    """The after-class sections (reports.details) one under the other; the
    chat archive link is a real link."""
    row = 1
    for title, headers, rows in detail_tables(summary, labels):
        _put(ws, row, 1, title).font = BOLD
        for index, text in enumerate(headers, start=1):
            cell = _put(ws, row + 1, index, text)
            cell.font, cell.fill = BOLD, HEADER_FILL
        for offset, values in enumerate(rows, start=2):
            for index, value in enumerate(values, start=1):
                cell = _put(ws, row + offset, index, value)
                if isinstance(value, str) and value.startswith(("https://", "http://")):
                    cell.hyperlink = value
                    cell.style = "Hyperlink"
        row += len(rows) + 3
    if row == 1:
        _put(ws, 1, 1, labels("none"))
    _fit_widths(ws, 1)


def _index(ws: Worksheet, summaries: Sequence[Summary], sheets: Sequence[str], labels: Labels) -> None:
    headers = [labels(key) for key in ("class_id", "lesson", "course", "teacher", "planned_start",
                                       "start_time", "end_time", "status", "totals.participants",
                                       "totals.present", "time_zone")]
    rows = []
    for summary in summaries:
        zone = school_zone(summary)
        totals = summary.get("totals") or {}
        rows.append([(summary["class_id"], None), (summary.get("class_name"), None),
                     (summary.get("course_name"), None), (summary.get("teacher_name"), None),
                     (_naive(summary.get("planned_start"), zone), DATETIME_FORMAT),
                     (_naive(summary.get("start_time"), zone), DATETIME_FORMAT),
                     (_naive(summary.get("end_time"), zone), DATETIME_FORMAT),
                     (labels(status_key(summary)), None),
                     (totals.get("participants"), None), (totals.get("present"), None),
                     (zone_label(summary, zone), None)])
    _table(ws, 1, headers, rows)
    for offset, sheet in enumerate(sheets, start=2):
        cell = ws.cell(row=offset, column=1)
        # location= is an in-workbook link; a "#..." target would be an external relationship.
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!A1")
        cell.style = "Hyperlink"
    _fit_widths(ws, 1)


def render_xlsx(summaries: Sequence[Summary], labels: Labels) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None  # a new Workbook always has one sheet
    if len(summaries) == 1:
        first.title = "Attendance"
        _attendance(first, summaries[0], labels)
        _timeline(workbook.create_sheet("Timeline"), summaries[0], labels)
        _details(workbook.create_sheet("After class"), summaries[0], labels)
    else:
        first.title = "Index"
        sheets = []
        for summary in summaries:
            # create_sheet renames a duplicate title, so link to the title it got.
            attendance = workbook.create_sheet(f"{summary['class_id']} Attendance")
            _attendance(attendance, summary, labels)
            _timeline(workbook.create_sheet(f"{summary['class_id']} Timeline"), summary, labels)
            _details(workbook.create_sheet(f"{summary['class_id']} After class"), summary, labels)
            sheets.append(attendance.title)
        _index(first, summaries, sheets, labels)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
