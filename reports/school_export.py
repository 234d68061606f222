"""A school's report (lessons.school_report) as xlsx — one sheet per section
— or csv — one table, a `section` column first, the raw keys as headers like
the lesson CSV, so scripts read it the same way."""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from lessons.school_report import SECTIONS

from .csv_export import _cell
from .labels import Labels
from .xlsx_export import _fit_widths, _put, _table, _typed

SCHOOL_FORMATS = ("xlsx", "csv")
Report = Mapping[str, list[dict[str, Any]]]


def _sheet_title(text: str, taken: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , unique.
    title = "".join(" " if ch in "[]:*?/\\" else ch for ch in text)[:31] or "Sheet"
    while title in taken:
        title = title[:28] + "~" + str(len(taken))
    taken.add(title)
    return title


def render_school_xlsx(report: Report, timezone: str, labels: Labels) -> bytes:
    zone = ZoneInfo(timezone)
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    taken: set[str] = set()
    for section in SECTIONS:
        rows = report.get(section.key) or []
        ws = workbook.create_sheet(_sheet_title(labels(f"school.{section.key}", section.title), taken))
        if not rows:
            _put(ws, 1, 1, labels("none"))
            continue
        _table(ws, 1, [labels(f"school.{section.key}.{c.key}", c.header) for c in section.columns],
               [[_typed(c, row.get(c.key), zone, labels) for c in section.columns] for row in rows])
        _fit_widths(ws, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_school_csv(report: Report, timezone: str) -> bytes:
    zone = ZoneInfo(timezone)
    keys: list[str] = []
    for section in SECTIONS:
        keys += [c.key for c in section.columns if c.key not in keys]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["section", *keys])
    for section in SECTIONS:
        by_key = {c.key: c for c in section.columns}
        for row in report.get(section.key) or []:
            writer.writerow([section.key] + [_cell(by_key[k], row.get(k), zone) if k in by_key else ""
                                             for k in keys])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_school(report: Report, fmt: str, timezone: str, *, lang: str | None = None,
                  labels: Mapping[str, str] | None = None) -> bytes:
    if fmt == "xlsx":
        return render_school_xlsx(report, timezone, Labels(lang or "en", labels))
    if fmt == "csv":
        return render_school_csv(report, timezone)
    raise ValueError(f"a school report is {' or '.join(SCHOOL_FORMATS)}, not {fmt!r}")
