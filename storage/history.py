"""History queries for the app and exports, all on indexes (no full scans for
one lesson). Safe from any thread: peewee gives each thread its connection."""
from __future__ import annotations

from typing import Any, Callable, Iterator

from peewee import JOIN, SQL, fn

from lessons.diagnostics import DEFAULT_THRESHOLDS, Thresholds
from lessons.gensee_rooms import GenseeState
from lessons.gensee_rooms import replay as replay_gensee
from lessons.state import LessonState, replay
from protocol.classin import CMD_ENTER
from lessons.summary import summary

from .derived import (LESSON_WHEN_SQL, CoursePushRow, DeviceCheckRow, LessonIndex, LessonPushRow, NetSampleRow,
                      UserRow)
from .models import Push
from .queries import iter_pushes, parse_payload


def lesson_pushes(class_id: int) -> Iterator[tuple[float, Any]]:
    """(received_at, payload) of one lesson's pushes, plus the course-level
    schedule pushes that name its people; oldest first."""
    course_ids = [row.course_id for row in LessonIndex.select(LessonIndex.course_id)
                  .where(LessonIndex.class_id == class_id) if row.course_id is not None]
    columns = (Push.id, Push.received_at, Push.payload)
    inner = LessonPushRow.select(LessonPushRow.push_id).where(LessonPushRow.class_id == class_id)
    rows = list(Push.select(*columns).where((Push.class_id == class_id) & (Push.source == "classin")).tuples())
    rows.extend(Push.select(*columns).where(Push.id.in_(inner)).tuples())
    if course_ids:
        # Only this course's pushes, by the derived index (not every course push ever).
        context = CoursePushRow.select(CoursePushRow.push_id).where(CoursePushRow.course_id.in_(course_ids))
        rows.extend(Push.select(*columns).where(Push.id.in_(context)).tuples())
    for _, received_at, text in sorted(rows):
        payload = parse_payload(text)
        if isinstance(payload, dict):
            yield received_at, payload


def lesson_state(class_id: int, limits: Thresholds = DEFAULT_THRESHOLDS) -> LessonState | None:
    """One lesson replayed from its pushes; `limits`: the user's thresholds."""
    school = replay(lesson_pushes(class_id), limits)
    return school.lessons.get(class_id)


def lesson_summary(class_id: int, now: float | None = None, limits: Thresholds = DEFAULT_THRESHOLDS,
                   detail_text: Callable[[Any], str] = str) -> dict[str, Any] | None:
    state = lesson_state(class_id, limits)
    return None if state is None else summary(state, now, detail_text)


def lessons_between(start: float | None = None, end: float | None = None, *, sid: int | None = None,
                    text: str | None = None, limit: int = 5000) -> list[dict[str, Any]]:
    """Lessons whose first activity (or planned start) falls in [start, end), newest first."""
    when = SQL(LESSON_WHEN_SQL)    # the indexed expression (storage.derived)
    q = LessonIndex.select()
    if start is not None:
        q = q.where(when >= start)
    if end is not None:
        q = q.where(when < end)
    if sid is not None:
        q = q.where(LessonIndex.sid == sid)
    if text:
        like = f"%{text}%"
        q = q.where(LessonIndex.class_name ** like | LessonIndex.course_name ** like |
                    LessonIndex.teacher_name ** like | (LessonIndex.class_id.cast("TEXT") == text))
    return list(q.order_by(when.desc()).limit(limit).dicts())


def net_samples(*, class_id: int | None = None, uid: int | None = None, since: float | None = None,
                until: float | None = None) -> list[dict[str, Any]]:
    q = NetSampleRow.select()
    if class_id is not None:
        q = q.where(NetSampleRow.class_id == class_id)
    if uid is not None:
        q = q.where(NetSampleRow.uid == uid)
    if since is not None:
        q = q.where(NetSampleRow.time >= since)
    if until is not None:
        q = q.where(NetSampleRow.time < until)
    return list(q.order_by(NetSampleRow.time).dicts())


def device_checks(*, uid: int | None = None, problems_only: bool = False, text: str | None = None,
                  latest_only: bool = False, limit: int = 5000) -> list[dict[str, Any]]:
    """Device checks newest first, joined with the user directory (name, phone).
    `latest_only`: one row per (user, kind), the most recent."""
    q = (DeviceCheckRow.select(DeviceCheckRow, UserRow.name, UserRow.nickname, UserRow.phone)
         .join(UserRow, on=(UserRow.uid == DeviceCheckRow.uid), join_type=JOIN.LEFT_OUTER))
    if latest_only:
        newest = (DeviceCheckRow.select(fn.MAX(DeviceCheckRow.id))
                  .group_by(DeviceCheckRow.uid, DeviceCheckRow.kind))
        if uid is not None:     # else the subquery reads every check of every user
            newest = newest.where(DeviceCheckRow.uid == uid)
        q = q.where(DeviceCheckRow.id.in_(newest))
    if uid is not None:
        q = q.where(DeviceCheckRow.uid == uid)
    if problems_only:
        q = q.where(DeviceCheckRow.has_problem == 1)
    if text:
        # Match users in the (small) directory first, then fetch their checks by
        # the uid index; filtering the join row by row read every check ever made.
        like = f"%{text}%"
        users = UserRow.select(UserRow.uid).where((UserRow.uid.cast("TEXT") == text) | (UserRow.name ** like) |
                                                  (UserRow.nickname ** like) | (UserRow.phone ** like))
        match = DeviceCheckRow.uid.in_(users)
        if text.isascii() and text.isdigit() and len(text) < 19:   # a UID not (yet) in the directory
            match |= DeviceCheckRow.uid == int(text)
        q = q.where(match)
    return list(q.order_by(DeviceCheckRow.has_problem.desc(), DeviceCheckRow.time.desc())
                .limit(limit).dicts())


def user_lessons(uid: int, limit: int = 500) -> list[dict[str, Any]]:
    """Lessons a user took part in (enter pushes), newest first."""
    class_ids = (Push.select(Push.class_id).distinct()
                 .where((Push.uid == uid) & (Push.cmd == str(CMD_ENTER))))
    return list(LessonIndex.select().where(LessonIndex.class_id.in_(class_ids))
                .order_by(LessonIndex.first_activity.desc()).limit(limit).dicts())


def find_users(text: str, limit: int = 200) -> list[dict[str, Any]]:
    like = f"%{text}%"
    q = UserRow.select().where((UserRow.uid.cast("TEXT") == text) | (UserRow.name ** like) |
                               (UserRow.nickname ** like) | (UserRow.phone ** like))
    return list(q.limit(limit).dicts())


def gensee_state() -> GenseeState:
    """Every stored Gensee call replayed (Gensee rooms, VOD views, Q&A, roll calls)."""
    return replay_gensee((row.received_at, parse_payload(row.payload)) for row in iter_pushes(source="gensee"))


def lesson_name(class_id: int) -> str | None:
    row = LessonIndex.get_or_none(LessonIndex.class_id == class_id)
    return row.class_name if row is not None else None


def user_name(uid: int) -> str | None:
    row = UserRow.get_or_none(UserRow.uid == uid)
    return (row.name or row.nickname) if row is not None else None
