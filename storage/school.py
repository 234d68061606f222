"""A school's own pushes over a time range, for the School view and
`export --school` (lessons.school_report turns them into rows)."""
from __future__ import annotations

from typing import Any

from peewee import fn

from lessons.school_report import SCHOOL_CMDS, school_report

from .derived import UserRow
from .models import Push
from .queries import parse_payload

# School-level pushes arrive in real time, but a blocked queue delivers them
# late: read this much past the range by receive time; the report keeps the
# ones whose event time (ActionTime) falls in it.
LATE_SLACK = 2 * 86400


def school_pushes(sid: int, start: float, end: float) -> list[tuple[float, Any]]:
    """(received_at, payload) of the school's non-lesson pushes received in
    [start, end + slack), oldest first."""
    q = (Push.select(Push.received_at, Push.payload)
         .where((Push.sid == sid) & (Push.source == "classin") & Push.cmd.in_(SCHOOL_CMDS)
                & (Push.received_at >= start) & (Push.received_at < end + LATE_SLACK))
         .order_by(Push.id).tuples())
    return [(received_at, payload) for received_at, text in q
            if isinstance(payload := parse_payload(text), dict)]


def cmd_counts(sid: int, start: float, end: float) -> dict[str, int]:
    """Pushes of the school received in [start, end) by Cmd (as stored)."""
    q = (Push.select(Push.cmd, fn.COUNT(Push.id))
         .where((Push.sid == sid) & (Push.source == "classin") & (Push.received_at >= start)
                & (Push.received_at < end))
         .group_by(Push.cmd).tuples())
    return {cmd if cmd is not None else "(none)": count for cmd, count in q}


def user_names(uids: set[int]) -> dict[int, str]:
    """The school's names (else nicknames) of these users, from the user directory."""
    if not uids:
        return {}
    rows = UserRow.select(UserRow.uid, UserRow.name, UserRow.nickname).where(UserRow.uid.in_(list(uids))).tuples()
    return {uid: name or nickname for uid, name, nickname in rows if name or nickname}


def school_report_between(sid: int, start: float, end: float) -> dict[str, list[dict[str, Any]]]:
    pushes = school_pushes(sid, start, end)
    uids = {u for _, p in pushes for u in (p.get("UID"),) if isinstance(u, int)}
    return school_report(pushes, cmd_counts(sid, start, end), start, end, user_names(uids))
