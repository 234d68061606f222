"""How times, durations and numbers look in the window (one place)."""
from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication


def local_time(unix: float | None, tz: str | None = None, with_date: bool = False) -> str:
    """A time in the school's zone (or the PC's when no zone is known)."""
    if unix is None:
        return "—"
    zone = ZoneInfo(tz) if tz else None
    moment = datetime.fromtimestamp(unix, zone) if zone else datetime.fromtimestamp(unix)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if with_date else "%H:%M:%S")


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
