"""Lessons as an Excel workbook (openpyxl).

One lesson: sheets "Attendance" (a short header block, then the typed
participant table) and "Timeline". Several lessons: an "Index" sheet linking
to "<class_id> Attendance" / "<class_id> Timeline" sheets per lesson.
"""
from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from lessons.participant_row import COLUMNS as PARTICIPANT_COLUMNS, Column, Kind, columns
from lessons.texts import text_width
from lessons.timeline_words import labelled, named
from .details import detail_tables
from .labels import Labels
from .values import (CODE_COLUMNS, Summary, absent_rows, local_time, looks_like_formula, notes_text, printable,
                     school_zone, span_text, status_key, zone_label)

DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
TIME_FORMAT = "hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"   # [h]: hours past 24 do not wrap to 0
PERCENT_FORMAT = "0%"
# A Font without a name makes LibreOffice fall back to a serif face.
BOLD = Font(name="Calibri", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
# The header block is pairs of (label, value); the second pair of each row
# sits in this column, the wide first_in one, so that the first pair's text
# can spill over the empty cells between them.
SECOND_PAIR_COLUMN = 6
MAX_WIDTH = 50
# A longer text (problems, notes, a timeline detail) wraps in a column this wide:
# printed on the page's width, every character of width shrinks all columns.
TEXT_WIDTH = 28
# In the file but folded away: the codes (Role and Device say them in words),
# the flags the Notes column words, and the End summary's finer figures.
FOLDED_COLUMNS = CODE_COLUMNS | frozenset({
    "late", "left_early", "abnormal_exits", "hands_up_seconds", "mute_count", "speak_seconds",
    "microphone_seconds", "camera_seconds", "microphone_on_seconds", "camera_on_seconds", "kicks",
    "authorize_count", "deputies"})
WRAPPED = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15       # points: one line of Calibri 11
MAX_LINES = 8
HEADING = Alignment(wrap_text=True, vertical="bottom")
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


def _typed(column: Column, value: Any, zone: tzinfo, labels: Labels,
           day: date | None = None) -> tuple[Any, str | None]:
    """(cell value, number format) for one participant cell; a time on `day`
    (the lesson's, printed above the table) shows its clock only."""
    if value is None:
        return None, None
    kind = column.kind
    if kind is Kind.TIME:
        moment = _naive(value, zone)
        return moment, TIME_FORMAT if moment is not None and moment.date() == day else DATETIME_FORMAT
    if kind is Kind.DURATION:
        if abs(value) >= MAX_DURATION_SECONDS:     # no timedelta holds it: the plain number
            return value, None
        return timedelta(seconds=value), DURATION_FORMAT
    if kind is Kind.PERCENT:
        return value, PERCENT_FORMAT
    if kind is Kind.BOOL:
        return bool(value), _bool_format(labels)
    if kind is Kind.TEXT:
        return column.words(value, labels, labels.translate), None
    return value, None


def _bool_format(labels: Labels) -> str:
    # Excel shows a boolean cell as TRUE/FALSE whatever the language; LibreOffice
    # as 1/0 unless the format says otherwise: the reader's yes/no instead.
    yes, no = (labels(key).replace('"', "") for key in ("yes", "no"))
    return f'"{yes}";"{yes}";"{no}"'


def _shown_width(cell: Cell) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len("00:00:00" if cell.number_format == TIME_FORMAT else "2024-01-01 00:00:00")
    if isinstance(value, timedelta):
        return len("00:00:00")
    if isinstance(value, float) and cell.number_format == PERCENT_FORMAT:
        return len("100%")
    text = str(value)
    if cell.alignment.wrap_text and cell.alignment.vertical == "bottom":
        # A heading wraps onto a second line rather than widen its column:
        # its longest word, or half of it when it has no spaces (Chinese).
        longest = max((text_width(word) for word in text.split()), default=0)
        return max(longest, math.ceil(text_width(text) / 2))
    return text_width(text)


def _fit_widths(ws: Worksheet, first_row: int, minimum: dict[int, int] | None = None) -> None:
    """Column widths from the cells at and below first_row (a header block
    above may spill over), +2 for the autofilter arrow and padding; a text
    longer than TEXT_WIDTH wraps instead of widening its column."""
    widths = dict(minimum or {})
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            width = _shown_width(cell)
            if width > TEXT_WIDTH and isinstance(cell.value, str) and not cell.hyperlink:
                cell.alignment = WRAPPED
                width = TEXT_WIDTH
            widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 6), MAX_WIDTH)
    _fit_heights(ws, first_row, widths)


def _fit_heights(ws: Worksheet, first_row: int, widths: dict[int, int]) -> None:
    """Rows tall enough for their wrapped lines: Excel grows a row it wraps
    itself, but prints one line of a file's wrapped cell unless told."""
    for row in ws.iter_rows(min_row=first_row):
        lines = max((math.ceil(text_width(str(cell.value)) / max(widths.get(cell.column, 1), 1))
                     for cell in row if cell.alignment.wrap_text and cell.value is not None), default=1)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_HEIGHT * min(lines, MAX_LINES)


def _table(ws: Worksheet, header_row: int, headers: Sequence[str],
           rows: Sequence[Sequence[tuple[Any, str | None]]]) -> None:
    """A header row, typed rows below it, frozen header and an autofilter."""
    for index, text in enumerate(headers, start=1):
        cell = _put(ws, header_row, index, text)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = HEADING
    for offset, row in enumerate(rows, start=1):
        for index, (value, number_format) in enumerate(row, start=1):
            _put(ws, header_row + offset, index, value, number_format)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _print_setup(ws, header_row)
    last = f"{get_column_letter(len(headers))}{header_row + max(len(rows), 1)}"
    ws.auto_filter.ref = f"A{header_row}:{last}"


def _print_setup(ws: Worksheet, header_row: int | None) -> None:
    """Printed as the school reads it: landscape A4, every column on the page's
    width (as many pages down as it takes), the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0        # 0: no limit on the pages down
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.gridLines = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


def _totals_row(ws: Worksheet, row: int, cells: Sequence[tuple[Any, str | None]]) -> None:
    """The bold line under a table (outside its filter, so sorting leaves it last)."""
    for index, (value, number_format) in enumerate(cells, start=1):
        cell = _put(ws, row, index, value, number_format)
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _attendance(ws: Worksheet, summary: Summary, labels: Labels) -> None:
    zone = school_zone(summary)
    lesson = summary.get("class_name") or ""
    title = _put(ws, 1, 1, labelled(labels("report_title"), lesson, labels.translate) if lesson
                 else labels("report_title"))
    title.font = Font(name="Calibri", bold=True, size=14)
    status = labels(status_key(summary))
    source = labels(f"source.{summary.get('summary_source')}")
    block = [
        (("school", summary.get("school_name") or ""), ("teacher", summary.get("teacher_name") or "")),
        (("course", summary.get("course_name") or ""), ("status", named(status, source, labels.translate))),
        (("lesson", named(lesson, f"{labels('class_id')} {summary['class_id']}", labels.translate)),
         ("time_zone", zone_label(summary, zone, labels))),
        (("planned", span_text(summary.get("planned_start"), summary.get("planned_end"), zone, SPAN_CLOCK)),
         ("actual", span_text(summary.get("start_time"), summary.get("end_time"), zone, SPAN_CLOCK))),
    ]
    label_widths = {1: 0, SECOND_PAIR_COLUMN: 0}
    for row, pairs in enumerate(block, start=2):
        for column, (key, value) in zip((1, SECOND_PAIR_COLUMN), pairs, strict=True):
            _put(ws, row, column, labels(key)).font = BOLD
            _put(ws, row, column + 1, value)
            label_widths[column] = max(label_widths[column], text_width(labels(key)))
    header_row = len(block) + 3
    participants = list(summary["participants"])
    absent = absent_rows(summary)
    start = local_time(summary.get("start_time") or summary.get("planned_start"), zone)
    day = start.date() if start is not None else None
    rows = [[_typed(column, column.raw(row), zone, labels, day) for column in PARTICIPANT_COLUMNS]
            + [(notes_text(row, labels), None)] for row in participants]
    rows += [[_typed(column, column.raw(row), zone, labels) for column in PARTICIPANT_COLUMNS]
             + [(labels("note.absent"), None)] for row in absent]
    _table(ws, header_row, [column.label(labels) for column in PARTICIPANT_COLUMNS] + [labels("notes")], rows)
    total_row = header_row + len(rows) + 1
    _totals_row(ws, total_row, _totals(participants, absent, zone, labels))
    if not absent and not summary.get("roster_known", True):
        _put(ws, total_row + 2, 1, labels("absent.unknown"))
    _fit_widths(ws, header_row, label_widths)
    for index, column in enumerate(PARTICIPANT_COLUMNS, start=1):
        if column.key in FOLDED_COLUMNS:
            # Folded (the + above the sheet opens them): on the page's width the
            # other columns print at a readable size.
            dimension = ws.column_dimensions[get_column_letter(index)]
            dimension.outlineLevel = 1
            dimension.hidden = True


# Columns that add up (an identity or device code does not).
_SUMMED = frozenset({"attended_seconds", "entries", "hands_up", "awards", "stage_up_count", "stage_seconds",
                     "abnormal_exits", "hands_up_seconds", "mute_count", "speak_seconds", "microphone_seconds",
                     "camera_seconds", "microphone_on_seconds", "camera_on_seconds", "kicks",
                     "authorize_count", "deputies"})


def _totals(participants: Sequence[Summary], absent: Sequence[Summary], zone: tzinfo,
            labels: Labels) -> list[tuple[Any, str | None]]:
    """Sums, a count of yes for the yes/no columns, the mean network quality."""
    cells: list[tuple[Any, str | None]] = []
    for column in PARTICIPANT_COLUMNS:
        values = [column.raw(row) for row in participants if column.raw(row) is not None]
        if column.key == "uid":
            cells.append((labels("total"), None))
        elif column.key == "name":
            cells.append((labels("people").format(len(participants)), None))
        elif column.kind is Kind.BOOL:
            cells.append((sum(1 for value in values if value), None))
        elif column.kind is Kind.PERCENT:
            numbers = [value for value in values if isinstance(value, (int, float))]
            cells.append((sum(numbers) / len(numbers), PERCENT_FORMAT) if numbers else (None, None))
        elif column.key in _SUMMED:
            numbers = [value for value in values if isinstance(value, (int, float))]
            cells.append(_typed(column, sum(numbers), zone, labels))
        else:
            cells.append((None, None))
    cells.append((labelled(labels("absent"), len(absent), labels.translate), None))
    return cells


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
    _print_setup(ws, None)
    _fit_widths(ws, 1)


def _index(ws: Worksheet, summaries: Sequence[Summary], sheets: Sequence[str], labels: Labels) -> None:
    headers = [labels(key) for key in ("class_id", "lesson", "course", "teacher", "planned_start",
                                       "start_time", "end_time", "status", "totals.participants",
                                       "totals.present", "absent", "time_zone")]
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
                     (len(summary.get("absent") or []), None), (zone_label(summary, zone, labels), None)])
    _table(ws, 1, headers, rows)

    def total(key: str) -> int:
        return sum(value for summary in summaries
                   if isinstance(value := (summary.get("totals") or {}).get(key), int))
    _totals_row(ws, len(rows) + 2, [(labels("total"), None), (labels("people").format(total("participants")), None)]
                + [(None, None)] * 6 + [(total("participants"), None), (total("present"), None),
                                        (sum(len(s.get("absent") or []) for s in summaries), None)])
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
    # Sheet names in the reader's language too ("keys" is the CSV's: English here).
    names = labels if labels.lang != "keys" else Labels("en")
    attendance_name, timeline_name, details_name = (names(key) for key in ("attendance", "timeline",
                                                                            "details.title"))
    if len(summaries) == 1:
        first.title = attendance_name
        _attendance(first, summaries[0], labels)
        _timeline(workbook.create_sheet(timeline_name), summaries[0], labels)
        _details(workbook.create_sheet(details_name), summaries[0], labels)
    else:
        first.title = names("index")
        sheets = []
        for summary in summaries:
            # create_sheet renames a duplicate title, so link to the title it got.
            attendance = workbook.create_sheet(f"{summary['class_id']} {attendance_name}")
            _attendance(attendance, summary, labels)
            _timeline(workbook.create_sheet(f"{summary['class_id']} {timeline_name}"), summary, labels)
            _details(workbook.create_sheet(f"{summary['class_id']} {details_name}"), summary, labels)
            sheets.append(attendance.title)
        _index(first, summaries, sheets, labels)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
