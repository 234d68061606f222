"""A school's report (lessons.school_report) as xlsx or csv (reports.tables)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lessons.school_report import SECTIONS

from .labels import Labels
from .tables import Table, render_csv, render_xlsx

SCHOOL_FORMATS = ("xlsx", "csv")


def school_tables(report: Mapping[str, list[dict[str, Any]]]) -> list[Table]:
    return [Table(s.key, s.title, s.columns, report.get(s.key) or []) for s in SECTIONS]


def render_school(report: Mapping[str, list[dict[str, Any]]], fmt: str, timezone: str, *,
                  lang: str | None = None, labels: Mapping[str, str] | None = None) -> bytes:
    """Labels: `<section>` for a sheet title, `<section>.<column>` for a header."""
    if fmt == "xlsx":
        return render_xlsx(school_tables(report), timezone, Labels(lang or "en", labels))
    if fmt == "csv":
        return render_csv(school_tables(report), timezone)
    raise ValueError(f"a school report is {' or '.join(SCHOOL_FORMATS)}, not {fmt!r}")
