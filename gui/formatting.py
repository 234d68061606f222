"""How times, durations and numbers look in the window (one place).

One clock for the whole desk: every time is shown in the school's zone, or
in this PC's zone when the desk chose so (`set_zone_mode`, a QSettings value
restored at start), and every time says which zone it is in ("UTC+8")."""
from __future__ import annotations

import time
from datetime import date, datetime, time as dtime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSettings

SCHOOL_ZONE, PC_ZONE = "school", "pc"
ZONE_SETTING = "display/zone"
_mode = {"zone": SCHOOL_ZONE}


def zone_mode() -> str:
    return _mode["zone"]


def set_zone_mode(mode: str, save: bool = True) -> None:
    _mode["zone"] = PC_ZONE if mode == PC_ZONE else SCHOOL_ZONE
    if save:
        QSettings().setValue(ZONE_SETTING, _mode["zone"])


def load_zone_mode() -> None:
    set_zone_mode(str(QSettings().value(ZONE_SETTING, SCHOOL_ZONE)), save=False)


def shown_zone(tz: str | None) -> str | None:
    """The zone a time of a school in `tz` is shown in (None: this PC's)."""
    return tz if tz and _mode["zone"] == SCHOOL_ZONE else None


def _zone(tz: str | None) -> tzinfo | None:
    shown = shown_zone(tz)
    return ZoneInfo(shown) if shown else None


def moment(unix: float, tz: str | None = None) -> datetime:
    """`unix` as an aware datetime in the zone it is shown in."""
    zone = _zone(tz)
    return datetime.fromtimestamp(unix, zone) if zone else datetime.fromtimestamp(unix).astimezone()


def zone_label(tz: str | None, at: float | None = None) -> str:
    """"UTC+8", "UTC-4:30": unambiguous in any language (abbreviations like CST are not)."""
    offset = moment(time.time() if at is None else at, tz).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return "UTC{}{}{}".format(sign, h, ":{:02d}".format(m) if m else "")


def local_time(unix: float | None, tz: str | None = None, with_date: bool = False, zone: bool = True) -> str:
    """A time in the school's zone (or the PC's: no zone known, or the desk's
    choice), followed by its zone unless the column header already says it."""
    if unix is None:
        return "—"
    return _zoned(moment(unix, tz).strftime("%Y-%m-%d %H:%M:%S" if with_date else "%H:%M:%S"), tz, unix, zone)


def recent_time(unix: float | None, tz: str | None = None, zone: bool = True) -> str:
    """A time in a narrow column: today's without its date (00:39:15), another
    day's as its day and minute (12-05 23:58), another year's with it too
    (2025-05-14 09:15). "2026-12-05 23:58:10" did not fit beside a row's other
    columns at 1280 px, and an elided "2026-12-05 …" hid the time itself. The
    whole moment is for tooltips (local_time with_date)."""
    if unix is None:
        return "—"
    when, today = moment(unix, tz), moment(time.time(), tz).date()
    shape = ("%H:%M:%S" if when.date() == today else "%m-%d %H:%M" if when.year == today.year
             else "%Y-%m-%d %H:%M")
    return _zoned(when.strftime(shape), tz, unix, zone)


def _zoned(text: str, tz: str | None, unix: float, zone: bool) -> str:
    return "{} {}".format(text, zone_label(tz, unix)) if zone else text


def shown_date(unix: float, tz: str | None = None) -> date:
    """The calendar day `unix` falls on where it is shown."""
    return moment(unix, tz).date()


def unix_at(wall: datetime, tz: str | None = None) -> float:
    """The moment a wall-clock time (naive, as a picker gives it) means where
    times of a school in `tz` are shown: the inverse of `moment`."""
    zone = _zone(tz)
    return (wall.replace(tzinfo=zone) if zone else wall.astimezone()).timestamp()


def day_bounds(first: date, last: date, tz: str | None) -> tuple[float, float]:
    """[first 00:00, last+1 00:00) where times of a school in `tz` are shown."""
    return (unix_at(datetime.combine(first, dtime.min), tz),
            unix_at(datetime.combine(last + timedelta(days=1), dtime.min), tz))


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def ago(unix: float, now: float | None = None) -> str:
    delta = max(0, int((time.time() if now is None else now) - unix))
    if delta < 60:
        return QCoreApplication.translate("formatting", "{} s ago").format(delta)
    if delta < 3600:
        return QCoreApplication.translate("formatting", "{} min ago").format(delta // 60)
    return QCoreApplication.translate("formatting", "{} h ago").format(delta // 3600)
