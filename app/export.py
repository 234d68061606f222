"""Exporting lesson summaries: the one use case behind `export` and History's
Export button. Blocking (models bound): the window runs it in a thread."""
from __future__ import annotations

from datetime import date, datetime, time as dtime, timedelta
from typing import Any, Callable
from zoneinfo import ZoneInfo

from lessons.texts import Detail
from storage.config import DEFAULT_TIMEZONE, Config

from .history import lesson_summary, lessons_between


def decorate(summary: dict, config: Config) -> dict:
    """The school's name and time zone, which the report formats times in."""
    school = config.schools.get(summary.get("sid"))
    summary["school_name"] = school.name if school else None
    summary["timezone"] = config.zone(summary.get("sid"))
    return summary


class Cancelled(Exception):
    pass


def summaries(class_ids: list[int], config: Config, *, progress: Callable[[int], None] | None = None,
              cancelled: Callable[[], bool] | None = None,
              detail_text: Callable[[Detail], str] = str) -> list[dict[str, Any]]:
    """The lessons' summaries as the reports want them (unknown ClassIDs left
    out), one lesson at a time: `progress(done)` after each, `cancelled()`
    asked before each (then Cancelled is raised). `detail_text`: the timeline
    details in words (English by default)."""
    found = []
    for done, class_id in enumerate(class_ids, 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        summary = lesson_summary(class_id, config, detail_text=detail_text)
        if summary is not None:
            found.append(decorate(summary, config))
        if progress is not None:
            progress(done)
    return found


def summaries_between(first: date, last: date, config: Config, sid: int | None = None,
                      detail_text: Callable[[Detail], str] = str) -> list[dict[str, Any]]:
    """Every lesson of the days `first`..`last`, each on its own school's
    calendar (Config.zone), oldest first; `detail_text` as for summaries. A
    batch of every school takes each school's days, not one zone's: a lesson
    at 22:00 in New York is on the next day in Shanghai."""
    def days(zone: str) -> tuple[float, float]:
        tz = ZoneInfo(zone)
        return (datetime.combine(first, dtime.min, tz).timestamp(),
                datetime.combine(last + timedelta(days=1), dtime.min, tz).timestamp())

    if sid is not None:
        rows = lessons_between(*days(config.zone(sid)), sid=sid)
    else:   # one read per zone the desk's schools are in (and the default's, for a school it no longer has)
        rows = [row for zone in {*map(config.zone, config.schools), DEFAULT_TIMEZONE}
                for row in lessons_between(*days(zone)) if config.zone(row["sid"]) == zone]
    found = summaries([row["class_id"] for row in rows], config, detail_text=detail_text)
    return sorted(found, key=lambda s: s.get("start_time") or 0)


def write_summaries(found: list[dict[str, Any]], fmt: str, path: str, lang: str | None = None,
                    cancelled: Callable[[], bool] | None = None) -> str:
    """Summaries into one report file (`lang`: the words' language for people's
    formats); returns the file written: another name beside `path` when that
    one is locked (open in Excel). `cancelled()` is asked once the file is
    rendered, before it takes the name: a cancelled export leaves no file."""
    from reports import render_report, write_bytes   # fpdf/openpyxl load only when someone exports
    data = render_report(found, fmt, lang=lang)
    if cancelled is not None and cancelled():
        raise Cancelled()
    return str(write_bytes(data, path))
