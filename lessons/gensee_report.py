"""One Gensee room as a report (json/csv/xlsx/pdf through reports/): its
sessions, each attendee's joins, leaves and time inside, the Q&A and the
roll-call answers. Gensee sends no timestamps: every time is a receive time.
Pure Python, like the rest of lessons/."""
from __future__ import annotations

from typing import Any

from .gensee_rooms import Attendee, GenseeState, Room, Session
from .participant_row import Column, Kind
from .texts import QT_TRANSLATE_NOOP


def known_names(state: GenseeState) -> dict[str, str]:
    """Gensee status calls carry only IDs; Q&A (uname) and end pages (username) name users."""
    names: dict[str, str] = {}
    for hit in state.end_pages:
        if hit.userid and hit.username:
            names[hit.userid] = hit.username
    for entry in reversed(state.qa_feed()):          # oldest first: the newest name wins
        if entry.uid and entry.uname:
            names[entry.uid] = entry.uname
    return names


def _seconds_inside(a: Attendee, until: float) -> int:
    """Joins paired with the next leave signal of any kind; a stay still open counts up to `until`."""
    events = sorted([(t, True) for t in a.joins] +
                    [(t, False) for t in a.leaves + a.abnormal_leaves + a.end_pages])
    total, since = 0.0, None
    for t, joined in events:
        if joined and since is None:
            since = t
        elif not joined and since is not None:
            total += max(0.0, t - since)
            since = None
    if since is not None:
        total += max(0.0, until - since)
    return int(total)


ATTENDEE_COLUMNS: tuple[Column, ...] = (
    Column("operator", QT_TRANSLATE_NOOP("GenseeColumn", "User ID"), Kind.TEXT),
    Column("name", QT_TRANSLATE_NOOP("GenseeColumn", "Name"), Kind.TEXT),
    Column("session", QT_TRANSLATE_NOOP("GenseeColumn", "Session"), Kind.INT),
    Column("inside", QT_TRANSLATE_NOOP("GenseeColumn", "Inside at the end"), Kind.BOOL),
    Column("attended_seconds", QT_TRANSLATE_NOOP("GenseeColumn", "Time inside"), Kind.DURATION),
    Column("first_in", QT_TRANSLATE_NOOP("GenseeColumn", "First joined"), Kind.TIME),
    Column("last_out", QT_TRANSLATE_NOOP("GenseeColumn", "Last left"), Kind.TIME),
    Column("joins", QT_TRANSLATE_NOOP("GenseeColumn", "Joins"), Kind.INT),
    Column("leaves", QT_TRANSLATE_NOOP("GenseeColumn", "Leaves"), Kind.INT),
    Column("abnormal_leaves", QT_TRANSLATE_NOOP("GenseeColumn", "Abnormal leaves"), Kind.INT),
    Column("roll_calls", QT_TRANSLATE_NOOP("GenseeColumn", "Roll calls answered"), Kind.INT),
)
QA_COLUMNS: tuple[Column, ...] = (
    Column("time", QT_TRANSLATE_NOOP("GenseeColumn", "Time"), Kind.TIME),
    Column("source", QT_TRANSLATE_NOOP("GenseeColumn", "From"), Kind.TEXT),
    Column("kind", QT_TRANSLATE_NOOP("GenseeColumn", "Kind"), Kind.TEXT),
    Column("uid", QT_TRANSLATE_NOOP("GenseeColumn", "User ID"), Kind.TEXT),
    Column("name", QT_TRANSLATE_NOOP("GenseeColumn", "Name"), Kind.TEXT),
    Column("text", QT_TRANSLATE_NOOP("GenseeColumn", "Text"), Kind.TEXT),
)
ROLLCALL_COLUMNS: tuple[Column, ...] = (
    Column("time", QT_TRANSLATE_NOOP("GenseeColumn", "Time"), Kind.TIME),
    Column("userid", QT_TRANSLATE_NOOP("GenseeColumn", "User ID"), Kind.TEXT),
    Column("name", QT_TRANSLATE_NOOP("GenseeColumn", "Name"), Kind.TEXT),
)


def rollcalls(state: GenseeState, class_no: str | None = None) -> list[dict[str, Any]]:
    """Roll-call answers (a viewer's browser opened the roll-call page), oldest first."""
    names = known_names(state)
    return [{"time": hit.received_at, "userid": hit.userid, "name": names.get(hit.userid or ""),
             "webcast_id": hit.conf_id}
            for hit in sorted(state.rollcalls, key=lambda h: h.received_at)
            if class_no is None or hit.conf_id == class_no]


def _session(index: int, s: Session, now: float) -> dict[str, Any]:
    return {"session": index, "status": s.status(now), "started_at": s.started_at, "ended_at": s.ended_at(now),
            "pauses": len(s.pauses), "recordings": len(s.recordings), "abnormal_leaves": s.abnormal_leave_count,
            "peak_users": max((sample.value for sample in s.user_counts), default=None)}


def room_report(state: GenseeState, class_no: str, now: float) -> dict[str, Any] | None:
    room: Room | None = state.rooms.get(class_no)
    if room is None:
        return None
    names = known_names(state)
    calls = rollcalls(state, class_no)
    answered: dict[str | None, int] = {}
    for hit in calls:
        answered[hit["userid"]] = answered.get(hit["userid"], 0) + 1
    attendees = []
    for index, s in enumerate(room.sessions, start=1):
        ended = s.ended_at(now)
        for a in sorted(s.attendees.values(), key=lambda a: min(a.joins, default=0)):
            leaves = a.leaves + a.abnormal_leaves + a.end_pages
            attendees.append({
                "operator": a.operator, "name": names.get(a.operator), "session": index,
                "inside": a.inside if ended is None else False,
                "attended_seconds": _seconds_inside(a, ended if ended is not None else now),
                "first_in": min(a.joins, default=None), "last_out": max(leaves, default=None),
                "joins": len(a.joins), "leaves": len(a.leaves), "abnormal_leaves": len(a.abnormal_leaves),
                "roll_calls": answered.get(a.operator, 0)})
    qa = [{"time": e.time or e.received_at, "source": e.source, "kind": e.kind, "uid": e.uid,
           "name": e.uname or names.get(e.uid or ""), "text": e.text, "question_id": e.question_id}
          for e in reversed(state.qa_feed(class_no))]
    current = room.current
    return {"class_no": class_no, "status": current.status(now), "started_at": current.started_at,
            "ended_at": current.ended_at(now), "sessions": [_session(i, s, now) for i, s in
                                                             enumerate(room.sessions, start=1)],
            "attendees": attendees, "qa": qa, "rollcalls": calls}
