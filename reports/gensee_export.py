"""A Gensee room's report (lessons.gensee_report) in the lesson formats:
json, csv, xlsx (attendance, Q&A, roll calls) and pdf."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from lessons.gensee_report import ATTENDEE_COLUMNS, QA_COLUMNS, ROLLCALL_COLUMNS

from .labels import Labels
from .tables import TABLE_FORMATS, Table, render_csv, render_pdf, render_xlsx
from .values import local_time

ROOM_FORMATS = TABLE_FORMATS


def room_tables(report: Mapping[str, Any]) -> list[Table]:
    return [Table("attendance", "Attendance", ATTENDEE_COLUMNS, report.get("attendees") or []),
            Table("qa", "Q&A", QA_COLUMNS, report.get("qa") or []),
            Table("rollcall", "Roll calls", ROLLCALL_COLUMNS, report.get("rollcalls") or [])]


def render_room(report: Mapping[str, Any], fmt: str, timezone: str, *, lang: str | None = None,
                labels: Mapping[str, str] | None = None) -> bytes:
    words = Labels(lang or "en", labels)
    if fmt == "json":
        return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        return render_csv(room_tables(report), timezone)
    if fmt == "xlsx":
        return render_xlsx(room_tables(report), timezone, words)
    if fmt == "pdf":
        zone = ZoneInfo(timezone)

        def when(unix: float | None) -> str:
            moment = local_time(unix, zone)
            return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else "–"
        facts = [(words("gensee.room", "Room"), str(report.get("class_no"))),
                 (words("status"), words(f"gensee.status.{report.get('status')}", str(report.get("status")))),
                 (words("start_time"), when(report.get("started_at"))),
                 (words("end_time"), when(report.get("ended_at"))),
                 (words("time_zone"), timezone),
                 (words("gensee.sessions", "Sessions"), str(len(report.get("sessions") or [])))]
        return render_pdf(words("gensee.title", "Gensee room"), facts, room_tables(report), timezone, words)
    raise ValueError(f"a room report is one of {', '.join(ROOM_FORMATS)}, not {fmt!r}")
