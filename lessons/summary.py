"""The lesson summary dict (CONTRACT.md "Lesson summary" plus the extras the
export writer and the GUI use). Times are unix ints; callers format them in
the school's time zone."""
from __future__ import annotations

import time as clock
from typing import Any, Callable

from protocol import classin as ci

from .details import details
from .participant_row import ParticipantRow, participant_row
from .state import LessonState
from .texts import Detail


def _sort_key(row: ParticipantRow) -> tuple:
    teacher_first = 0 if row.identity in ci.TEACHER_IDENTITIES else 1
    return teacher_first, (row.name or "").casefold(), row.uid


def counted_until(state: LessonState, now: float) -> int:
    """Where still-open stays of a lesson stop counting: its end; else `now`,
    but never later than CloseTime (ClassIn closes the room then), nor long
    after the lesson went quiet when its CloseTime is unknown."""
    end = state.end_time_at(now)
    if end is not None:
        return end
    until = int(now)
    if state.close_time is not None:
        return min(until, state.close_time)
    if state.last_event_time is not None:
        # Anyone still inside would have sent a Net report meanwhile.
        return min(until, state.last_event_time + 2 * ci.NET_PERIOD_SECONDS)
    return until


def summary(state: LessonState, now: float | None = None,
            detail_text: Callable[[Detail], str] = str) -> dict[str, Any]:
    """`now` (default: the clock) closes still-open stays of a live lesson.
    `detail_text`: the timeline details in words (English by default; the
    window's translation for a report in its language)."""
    now = clock.time() if now is None else now
    end_time = state.end_time_at(now)
    close_time = state.close_time
    until = counted_until(state, now)
    start = state.start_time

    rows = sorted((participant_row(state, p, until, end_time, start)
                   for p in state.participants.values()), key=_sort_key)
    participants = [row.as_dict() for row in rows]
    names = {row.uid: row.name for row in rows}

    def name_of(uid: int | None) -> str | None:
        if uid is None:
            return None
        return names[uid] if uid in names else state.school_name(uid)

    entered = {p.uid for p in state.participants.values() if any(p.histories().values())}
    absent = [{"uid": uid, "name": person.name}
              for uid, person in sorted(state.roster.members().items()) if uid not in entered]
    teacher = state.teacher

    return {
        "class_id": state.class_id,
        "course_id": state.course_id,
        "sid": state.sid,
        "status": state.status_at(now),
        # ended without ClassIn's End summary (it never came): numbers are from the live pushes
        "no_summary": state.summary_missing(now),
        "start_time": start,
        "close_time": close_time,
        # 0 is ClassIn's "not recorded" (the end-time rule treats it as absent).
        "real_close_time": state.real_close_time or None,
        "end_time": end_time,
        "class_name": state.schedule.get("class_name"),
        "course_name": state.schedule.get("course_name"),
        "teacher_name": teacher.name if teacher is not None else None,
        "planned_start": state.planned_start,
        "planned_end": state.planned_end,
        "summary_source": "end" if state.end is not None else "live",
        "last_event_time": state.last_event_time,
        "participants": participants,
        "absent": absent,
        # False: ClassIn pushed no class roster, so who stayed away cannot be told
        "roster_known": bool(state.roster.members()),
        "help_requests": [{"time": h.time, "uid": h.uid, "name": name_of(h.uid), "message": h.message,
                           "users": list(h.users)} for h in sorted(state.help_requests, key=lambda h: h.time)],
        "recordings": [{"file_id": r.file_id, "url": r.url, "start": r.start, "end": r.end,
                        "duration": r.duration, "size": r.size, "source": r.source}
                       for r in sorted(state.recordings.values(), key=lambda r: (r.start or r.time))],
        **details(state, name_of),
        "timeline": [{"time": t.time, "uid": t.uid, "name": name_of(t.uid), "kind": t.kind,
                      "detail": detail_text(t.detail)}
                     for t in sorted(state.timeline)],
        "totals": {
            "participants": len(participants),
            "present": sum(1 for row in participants if row["present"]),
            "hands_up": sum(row["hands_up"] for row in participants),
            "awards": sum(row["awards"] for row in participants),
            "help_requests": len(state.help_requests),
            "recordings": len(state.recordings),
            "device_problems": sum(1 for row in participants if row["device_problems"]),
            "bad_network_users": sum(1 for row in participants if row["network_problems"]),
        },
    }
