"""A printable A4 lesson report (fpdf2): per lesson a header, the attendance
table (headings repeated on every page a long roster spills onto), the
activity figures, problems and absentees."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from fpdf import FPDF
from fpdf.enums import TableBordersLayout, TableCellFillMode
from fpdf.fonts import FontFace

from lessons.participant_row import Column, Kind, columns
from lessons.texts import text_width
from lessons.timeline_words import enumerated, labelled, named
from .details import detail_tables
from .labels import Labels
from .pdf_fonts import find_cjk_font
from .values import (
    Summary,
    duration_text,
    local_time,
    percent_text,
    notes_text,
    school_zone,
    status_key,
    span_text,
    zone_label,
)

FAMILY = "cjk"
MARGIN = 12  # mm
INK = (33, 37, 41)
MUTED = (108, 117, 125)
HEADING_FILL = (221, 228, 238)
STRIPE_FILL = (244, 246, 249)

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# The main columns: the full set does not fit an A4 page, CSV and XLSX carry
# the rest. "notes" is PDF-only (the late/left-early/problem flags in words).
TABLE_KEYS = ("uid", "name", "identity_label", "present", "attended_seconds", "first_in",
              "last_out", "entries", "hands_up", "awards", "stage_up_count", "stage_seconds")
ALIGN = {Kind.INT: "RIGHT", Kind.DURATION: "RIGHT", Kind.PERCENT: "RIGHT",
         Kind.BOOL: "CENTER", Kind.TIME: "CENTER", Kind.TEXT: "LEFT"}
# Widths in mm, summing to the 186 mm between the margins; the headings fit at 7 pt.
# (A 4-character Chinese heading needs 13 mm.)
TABLE_WIDTHS = (16, 26, 11, 11, 13, 13, 13, 13, 13, 10, 13, 13, 21)


class _Document(FPDF):
    def __init__(self, labels: Labels, generated: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.labels = labels
        self.generated = generated
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 6)
        regular, bold = find_cjk_font(), find_cjk_font(bold=True)
        self.add_font(FAMILY, "", regular.path, collection_font_number=regular.index)
        self.add_font(FAMILY, "B", bold.path, collection_font_number=bold.index)

    def normalize_text(self, text: str) -> str:
        # Names and details come from the internet: a tab or newline has no
        # glyph and would break a table row, so every control char is a space.
        return super().normalize_text(_CONTROL_CHARS.sub(" ", text))

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FAMILY, size=7)
        self.set_text_color(*MUTED)
        self.cell(0, 4, f"ClassWatch · {self.labels('generated')} {self.generated}")
        self.set_x(self.l_margin)
        self.cell(0, 4, self.labels("page").format(self.page_no(), "{nb}"), align="R")


def _clock(unix: int | None, zone: tzinfo, day: datetime | None) -> str:
    """HH:MM, with the date when it is not the lesson's day (past midnight)."""
    moment = local_time(unix, zone)
    if moment is None:
        return "–"
    if day is not None and moment.date() != day.date():
        return moment.strftime("%m-%d %H:%M")
    return moment.strftime("%H:%M")


def _cell_text(column: Column, value: Any, zone: tzinfo, day: datetime | None, labels: Labels) -> str:
    if value is None:
        return ""
    kind = column.kind
    if kind is Kind.TIME:
        return _clock(value, zone, day)
    if kind is Kind.DURATION:
        return duration_text(value)
    if kind is Kind.BOOL:
        return labels("yes") if value else labels("no")
    if kind is Kind.PERCENT:
        return percent_text(value)
    return column.words(value, labels, labels.translate)


def _heading(pdf: _Document, text: str) -> None:
    # Keep a heading with the first lines of its section.
    if pdf.will_page_break(20):
        pdf.add_page()
    else:
        pdf.ln(3)
    pdf.set_font(FAMILY, "B", 11)
    pdf.set_text_color(*INK)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def _pairs_grid(pdf: _Document, pairs: Sequence[tuple[str, str]], widths: tuple[int, ...]) -> None:
    """label/value pairs, two per line, no borders."""
    pdf.set_font(FAMILY, size=9)
    label_style = FontFace(emphasis="BOLD", color=MUTED)
    with pdf.table(col_widths=widths, borders_layout=TableBordersLayout.NONE,
                   first_row_as_headings=False, line_height=5.2, text_align="LEFT") as table:
        for start in range(0, len(pairs), 2):
            row = table.row()
            for label, value in pairs[start:start + 2]:
                row.cell(label, style=label_style)
                row.cell(value)


def _header(pdf: _Document, summary: Summary, zone: tzinfo) -> None:
    labels = pdf.labels
    pdf.set_font(FAMILY, size=9)
    pdf.set_text_color(*MUTED)
    school = summary.get("school_name")
    pdf.cell(0, 5, f"{labels('report_title')}{' · ' + school if school else ''}",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 16)
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, 8, summary.get("class_name") or f"{labels('class_id')} {summary['class_id']}",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    # The school is on the first line; the zone gets its own cell next to the
    # times, which print in it.
    planned = span_text(summary.get("planned_start"), summary.get("planned_end"), zone)
    actual = span_text(summary.get("start_time"), summary.get("end_time"), zone)
    pairs = [
        (labels("course"), summary.get("course_name") or "–"),
        (labels("teacher"), summary.get("teacher_name") or "–"),
        (labels("class_id"), str(summary["class_id"])),
        (labels("status"), labels(status_key(summary))),
        (labels("planned"), planned or "–"),
        (labels("actual"), actual or "–"),
        (labels("time_zone"), zone_label(summary, zone, labels)),
        (labels("summary_source"), labels(f"source.{summary.get('summary_source')}")),
    ]
    _pairs_grid(pdf, pairs, (16, 34, 16, 34))


def _attendance(pdf: _Document, summary: Summary, zone: tzinfo) -> None:
    labels = pdf.labels
    shown = columns(TABLE_KEYS)
    day = local_time(summary.get("start_time") or summary.get("planned_start"), zone)
    participants = summary["participants"]
    _heading(pdf, named(labels("attendance"), len(participants), labels.translate))
    pdf.set_font(FAMILY, size=8)
    aligns = [ALIGN[column.kind] for column in shown]
    with pdf.table(col_widths=TABLE_WIDTHS, line_height=4.5, padding=(1, 1.2),
                   borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL, size_pt=7),
                   text_align="LEFT",
                   cell_fill_color=STRIPE_FILL, cell_fill_mode=TableCellFillMode.EVEN_ROWS,
                   repeat_headings=1) as table:
        heading = table.row()
        for column, align in zip(shown, aligns, strict=True):
            heading.cell(column.label(labels), align=align)
        heading.cell(labels("notes"))
        for participant in participants:
            row = table.row()
            for column, align in zip(shown, aligns, strict=True):
                row.cell(_cell_text(column, column.raw(participant), zone, day, labels), align=align)
            row.cell(notes_text(participant, labels))


def _activity(pdf: _Document, summary: Summary) -> None:
    labels = pdf.labels
    totals = dict(summary.get("totals") or {})
    participants = summary["participants"]
    # Stage figures are not in the producer's totals: sum them here.
    totals["stage_ups"] = sum(row.get("stage_up_count") or 0 for row in participants)
    totals["stage_seconds"] = duration_text(sum(row.get("stage_seconds") or 0 for row in participants))
    keys = ("participants", "present", "hands_up", "awards", "stage_ups", "stage_seconds",
            "help_requests", "recordings", "device_problems", "bad_network_users")
    _heading(pdf, labels("activity"))
    _pairs_grid(pdf, [(labels(f"totals.{key}"), str(totals.get(key, "–"))) for key in keys],
                (34, 16, 34, 16))
    column = columns(("device_problems",))[0]
    problems = [labelled(row.get("name") or row["uid"],
                         column.words(row.get("device_problems"), labels, labels.translate), labels.translate)
                for row in participants if row.get("device_problems")]
    if problems:
        pdf.set_font(FAMILY, size=8)
        pdf.multi_cell(0, 4.5, labelled(column.label(labels), " · ".join(problems), labels.translate),
                       new_x="LMARGIN", new_y="NEXT")


def _absent(pdf: _Document, summary: Summary) -> None:
    labels = pdf.labels
    absent = summary.get("absent") or []
    _heading(pdf, named(labels("absent"), len(absent), labels.translate))
    pdf.set_font(FAMILY, size=9)
    names = enumerated((named(person.get("name") or "?", person["uid"], labels.translate) for person in absent),
                       labels.translate)
    if not names and not summary.get("roster_known", True):
        names = labels("absent.unknown")
    pdf.multi_cell(0, 5, names or labels("none"), new_x="LMARGIN", new_y="NEXT")


def _small_table(pdf: _Document, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    _heading(pdf, named(title, len(rows), pdf.labels.translate))
    pdf.set_font(FAMILY, size=8)
    # Each column as wide as its longest text asks (a comment more than a score), within limits.
    widths = [min(max([text_width(text)] + [text_width(value) for value in column]), 40) + 6
              for text, column in zip(headers, zip(*rows) if rows else [[]] * len(headers), strict=True)]
    with pdf.table(col_widths=widths, line_height=4.5, padding=(1, 1.2), borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL, size_pt=7),
                   text_align="LEFT", repeat_headings=1) as table:
        heading = table.row()
        for text in headers:
            heading.cell(text)
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)


def _details(pdf: _Document, summary: Summary) -> None:
    """The after-class sections (reports.details), each a small table."""
    for title, headers, rows in detail_tables(summary, pdf.labels):
        _small_table(pdf, title, headers, [["" if v is None else str(v) for v in values] for values in rows])


def _dated_cell(column: Column, value: Any, zone: tzinfo, labels: Labels) -> str:
    """A cell of a table that spans days: times with their date."""
    if column.kind is Kind.TIME and value is not None:
        moment = local_time(value, zone)
        return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""
    return _cell_text(column, value, zone, None, labels)


def _now_text() -> str:
    # The offset, not %Z: Windows spells the zone out in the system's language.
    now = datetime.now().astimezone()
    offset = now.strftime("%z")
    return now.strftime("%Y-%m-%d %H:%M ") + f"UTC{offset[:3]}:{offset[3:]}"


def render_tables_pdf(title: str, facts: Sequence[tuple[str, str]], tables: Sequence[Any], zone: tzinfo,
                      labels: Labels) -> bytes:
    """A report of titled tables (reports.tables): a title, label/value facts, then each table."""
    pdf = _Document(labels, _now_text())
    pdf.add_page()
    pdf.set_font(FAMILY, "B", size=14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    if facts:
        _pairs_grid(pdf, list(facts), (16, 34, 16, 34))
    for table in tables:
        rows = [[_dated_cell(c, row.get(c.key), zone, labels) for c in table.columns] for row in table.rows]
        _small_table(pdf, labels(table.key, table.title),
                     [labels(f"{table.key}.{c.key}", c.header) for c in table.columns], rows)
    return bytes(pdf.output())


def render_pdf(summaries: Sequence[Summary], labels: Labels) -> bytes:
    """One PDF, each lesson starting on a new page."""
    pdf = _Document(labels, _now_text())
    for summary in summaries:
        zone = school_zone(summary)
        pdf.add_page()
        _header(pdf, summary, zone)
        _attendance(pdf, summary, zone)
        _activity(pdf, summary)
        _absent(pdf, summary)
        _details(pdf, summary)
    return bytes(pdf.output())
