"""Value conversions shared by the writers: the school's time zone, durations,
list cells and the spreadsheet formula-injection rule."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from lessons.timeline_words import enumerated, named

from .labels import Labels

Summary = Mapping[str, Any]

# Participant columns only a script reads (an identity or device code): their
# words are the Role and Device columns. Not in the people CSV, hidden in xlsx.
CODE_COLUMNS = frozenset({"identity", "device"})

# OWASP "CSV injection": a spreadsheet evaluates a cell starting with one of
# these (tab and CR hide the rest from the eye, then trigger on edit).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def school_zone(summary: Summary) -> tzinfo:
    """The school's zone; the PC's own zone when the caller knows none (like the GUI)."""
    name = summary.get("timezone")
    if name:
        return ZoneInfo(name)
    local = datetime.now().astimezone().tzinfo
    assert local is not None  # astimezone() always attaches one
    return local


def status_key(summary: Summary) -> str:
    """The labels key of a lesson's status: "ended (no summary)" when End never came."""
    return "status.ended_no_summary" if summary.get("no_summary") else f"status.{summary.get('status')}"


def zone_label(summary: Summary, zone: tzinfo, labels: Labels) -> str:
    """'Asia/Shanghai (UTC+08:00)': the name readers know plus the offset printers need."""
    reference = next((summary[key] for key in ("start_time", "planned_start", "close_time")
                      if summary.get(key) is not None), None)
    moment = local_time(reference, zone) or datetime.now(zone)
    offset = moment.strftime("%z")
    name = summary.get("timezone") or moment.tzname() or "local"
    return named(name, f"UTC{offset[:3]}:{offset[3:]}", labels.translate)


# A summary may hold a time no calendar shows (milliseconds, a hostile
# number): such a cell stays empty instead of failing the whole file.
_LATEST_UNIX = 253402214400     # 9999-12-31, the last day Excel and datetime share


def local_time(unix: float | None, zone: tzinfo) -> datetime | None:
    """An aware datetime in the school's zone; None for no time or one out of range."""
    if unix is None or not 0 <= unix < _LATEST_UNIX:
        return None
    return datetime.fromtimestamp(unix, zone)


def span_text(start: float | None, end: float | None, zone: tzinfo, clock: str = "%H:%M") -> str:
    """'2024-05-06 19:00 – 19:45'; the end gets its date only when it is another day."""
    first, last = local_time(start, zone), local_time(end, zone)
    if first is None and last is None:
        return ""
    left = first.strftime(f"%Y-%m-%d {clock}") if first else "?"
    if last is None:
        return f"{left} – …"
    same_day = first is not None and first.date() == last.date()
    return f"{left} – {last.strftime(clock if same_day else f'%Y-%m-%d {clock}')}"


def duration_text(seconds: float | None) -> str:
    """h:mm:ss, hours unbounded (a lesson day may pass 24 h of summed stage time)."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def percent_text(fraction: float | None) -> str:
    return "" if fraction is None else f"{fraction:.0%}"


def plain_text(value: Any) -> str:
    """A TEXT cell: None is empty, a list (of problems) reads as one line."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value)
    return str(value)


# What XML 1.0 (so xlsx) cannot hold: C0 controls except tab, newline, CR.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def printable(text: str) -> str:
    """Text from the internet made storable in xlsx (names, help messages)."""
    return _ILLEGAL_XML.sub("", text)


def notes_text(row: Mapping[str, Any], labels: Labels) -> str:
    """A participant's flags in words: late, left early, abnormal exits ×n, device problems."""
    notes = [labels(f"note.{key}") for key in ("late", "left_early") if row.get(key)]
    if row.get("abnormal_exits"):
        notes.append(f"{labels('note.abnormal_exits')} ×{row['abnormal_exits']}")
    if row.get("device_problems"):
        notes.append(labels("note.device_problems"))
    return enumerated(notes, labels.translate)


def absent_rows(summary: Summary) -> list[dict[str, Any]]:
    """Who was expected (the class roster ClassIn pushed) but never entered,
    as participant rows: the spreadsheets list them with the others."""
    return [{"uid": person.get("uid"), "name": person.get("name"), "present": False,
             "attended_seconds": 0, "entries": 0, "absent": True}
            for person in summary.get("absent") or []]


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)
