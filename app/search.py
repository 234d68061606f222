"""Finding a person or a lesson across the lessons in memory (the live ones
and the day's earlier ones): by name, ClassIn nickname, UID, phone number or
lesson name. Plain Python over SchoolState, so the window and a headless
caller search the same way."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterator

from lessons.state import LessonState, SchoolState


@dataclass(frozen=True)
class Found:
    class_id: int
    uid: int | None        # None: the lesson itself matched (its name or ClassID)
    name: str              # the person's (school name, else nickname, else UID), or the lesson's
    live: bool
    start: int | None      # of the lesson
    matched: str           # "uid", "phone", "name", "lesson"


def _phones(school: SchoolState, lesson: LessonState) -> dict[int, str]:
    phones = {uid: person.account for uid, person in lesson.roster.members().items() if person.account}
    for uid, change in school.phone_changes.items():
        if change.telephone:
            phones.setdefault(uid, change.telephone)
    return phones


def _lesson_name(lesson: LessonState) -> str:
    return lesson.schedule.get("class_name") or lesson.schedule.get("course_name") or ""


def _in_lesson(school: SchoolState, lesson: LessonState, needle: str, digits: bool, live: bool) -> Iterator[Found]:
    phones = _phones(school, lesson) if digits else {}
    for uid, person in lesson.participants.items():
        name = lesson.school_name(uid) or person.nickname or str(uid)
        if digits and str(uid) == needle:
            matched = "uid"
        elif digits and needle in phones.get(uid, ""):
            matched = "phone"
        elif needle in name.casefold() or (person.nickname and needle in person.nickname.casefold()):
            matched = "name"
        else:
            continue
        yield Found(lesson.class_id, uid, name, live, lesson.start_time, matched)


def find(school: SchoolState, text: str, live_ids: Collection[int], since: float, limit: int = 50) -> list[Found]:
    """People and lessons matching `text` in the lessons active since `since`:
    live lessons first, then the newest; an exact UID before a name."""
    needle = text.strip().casefold()
    if not needle:
        return []
    digits = needle.isdigit()
    found: list[Found] = []
    for lesson in school.lessons.values():
        if (lesson.last_event_time or 0) < since:
            continue
        live = lesson.class_id in live_ids
        if needle in _lesson_name(lesson).casefold() or (digits and str(lesson.class_id) == needle):
            found.append(Found(lesson.class_id, None, _lesson_name(lesson) or str(lesson.class_id), live,
                               lesson.start_time, "lesson"))
        found.extend(_in_lesson(school, lesson, needle, digits, live))
    rank = {"uid": 0, "phone": 1, "lesson": 2, "name": 3}
    found.sort(key=lambda f: (not f.live, rank[f.matched], -(f.start or 0)))
    return found[:limit]
