"""Reports that are a few titled tables (a school's messages, a Gensee room):
xlsx — one sheet per table — csv — one table, a `section` column first and
the raw keys as headers like the lesson CSV — and pdf, a heading and the
tables. Columns are lessons.participant_row.Column, typed like the lesson
reports' cells."""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from lessons.participant_row import Column

from .csv_export import _cell
from .labels import Labels
from .xlsx_export import _fit_widths, _put, _table, _typed

TABLE_FORMATS = ("json", "csv", "xlsx", "pdf")


@dataclass(frozen=True)
class Table:
    key: str                        # the csv `section` value; labels key prefix
    title: str                      # English
    columns: tuple[Column, ...]
    rows: Sequence[Mapping[str, Any]]


def _sheet_title(text: str, taken: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , unique.
    title = "".join(" " if ch in "[]:*?/\\" else ch for ch in text)[:31] or "Sheet"
    while title in taken:
        title = title[:28] + "~" + str(len(taken))
    taken.add(title)
    return title


def render_xlsx(tables: Sequence[Table], timezone: str, labels: Labels) -> bytes:
    zone = ZoneInfo(timezone)
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    taken: set[str] = set()
    for table in tables:
        ws = workbook.create_sheet(_sheet_title(labels(table.key, table.title), taken))
        if not table.rows:
            _put(ws, 1, 1, labels("none"))
            continue
        _table(ws, 1, [labels(f"{table.key}.{c.key}", c.header) for c in table.columns],
               [[_typed(c, row.get(c.key), zone, labels) for c in table.columns] for row in table.rows])
        _fit_widths(ws, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_csv(tables: Sequence[Table], timezone: str) -> bytes:
    zone = ZoneInfo(timezone)
    keys: list[str] = []
    for table in tables:
        keys += [c.key for c in table.columns if c.key not in keys]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["section", *keys])
    for table in tables:
        by_key = {c.key: c for c in table.columns}
        for row in table.rows:
            writer.writerow([table.key] + [_cell(by_key[k], row.get(k), zone) if k in by_key else "" for k in keys])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_pdf(title: str, facts: Sequence[tuple[str, str]], tables: Sequence[Table], timezone: str,
               labels: Labels) -> bytes:
    from .pdf_export import render_tables_pdf
    return render_tables_pdf(title, facts, tables, ZoneInfo(timezone), labels)
