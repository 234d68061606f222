"""A realistic school day as ClassIn would push it: pure and deterministic.

generate_day() returns every push in ClassIn's send order with the time ClassIn
sends it, plus the ground truth per lesson (CONTRACT.md's lesson summary) that
an export of the same lesson must match. Same seed and start -> same day.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any, Literal

from protocol.classin import sign
from simulator import messages as msg
from simulator.lesson import Lesson, LessonPlan
from simulator.messages import Body
from simulator.people import Directory

TIMESTAMP_LEAD = 600       # TimeStamp = ActionTime + 600 in ClassIn's recent captures

_COURSES = ("高一数学（2班）", "Grade 7 Science - Group B", "IELTS Speaking Intensive", "初二物理 提高班",
            "Piano Foundations", "AP Chemistry", "少儿编程 Scratch", "新概念英语 第二册")
_CLASSES = ("第3讲：函数的单调性", "Unit 4: Light and Shadows", "Part 2 cue cards", "第5课 浮力",
            "Scales in G major", "Equilibrium constants", "第7课 角色动画", "Lesson 12 - Past Perfect")


@dataclass(frozen=True)
class Push:
    at: int                  # when ClassIn sends it, on the day's clock (= ActionTime)
    body: dict[str, Any]     # signed with the school's secret

    @property
    def id(self) -> str:
        return self.body["_id"]


@dataclass(frozen=True)
class SchoolDay:
    sid: int
    start: int                          # the day's "now": live lessons are live at this time
    pushes: list[Push]
    truth: dict[int, dict[str, Any]]    # ClassID -> expected lesson summary


def generate_day(sid: int, secret: str, *, lessons: int = 3, students: int = 6, seed: int = 0,
                 start: int | None = None, audience: int = 0) -> SchoolDay:
    """lessons x students, the first starting a few minutes before `start` (default
    now) and the others staggered after it so several run at once. `audience`
    auditors pour into the last lesson at its start: a burst of pushes."""
    if lessons < 1 or students < 1:
        raise ValueError("a day needs at least one lesson and one student")
    rng = random.Random(seed)
    now = int(time.time()) if start is None else int(start)
    people = Directory(rng)
    plans = _plan_lessons(rng, people, now, lessons, students, audience)
    runs = [Lesson(plan, rng, sid) for plan in plans]
    timed = [item for run in runs for item in run.run()]
    sync_at = min(at for at, _ in timed) - 60 * (2 + 3 * lessons)
    timed = _schedule_sync(people.uid(), plans, sync_at) + timed
    # Sort by time only: same-second pushes keep the order the classroom produced them.
    timed.sort(key=lambda item: item[0])
    return SchoolDay(sid=sid, start=now, pushes=_stamp(rng, sid, secret, timed),
                     truth={run.plan.class_id: run.truth() for run in runs})


def _plan_lessons(rng: random.Random, people: Directory, now: int, count: int,
                  students: int, audience: int) -> list[LessonPlan]:
    # RealCloseTime present on most lessons, absent on one and 0 on another.
    closes: list[Literal["real", "absent", "zero"]] = ["real"] * count
    closes[1:3] = ["absent", "zero"][:count - 1]
    rng.shuffle(closes)
    extended = closes.index("real")
    start = (now - rng.randint(120, 480)) // 60 * 60
    plans = []
    for i in range(count):
        suffix = f" #{i // len(_COURSES) + 1}" if i >= len(_COURSES) else ""
        plans.append(LessonPlan(
            class_id=rng.randint(500_000_000, 599_999_999), course_id=rng.randint(30_000_000, 39_999_999),
            course_name=_COURSES[i % len(_COURSES)] + suffix, class_name=_CLASSES[i % len(_CLASSES)] + suffix,
            start=start, length=rng.choice((30, 45, 45, 60)) * 60,
            teacher=people.person(3),
            co_teachers=(people.person(4),) if i == 1 else (),
            students=tuple(people.person(1) for _ in range(students)),
            audience=tuple(people.person(2) for _ in range(audience)) if i == count - 1 else (),
            seats=rng.choice((4, 7, 9, 13)), auto_onstage=rng.random() < 0.75,
            close=closes[i], extension=rng.choice((900, 1800)) if i == extended else 0))
        start += rng.randint(4, 15) * 60
    return plans


def _schedule_sync(admin: int, plans: list[LessonPlan], at: int) -> list[tuple[int, Body]]:
    """Course, lesson and roster messages, sent before anything happens in a room."""
    out: list[tuple[int, Body]] = []
    for plan in plans:
        out.append((at, msg.course_info(admin, plan.course_id, plan.course_name, plan.teacher, at)))
        out.append((at + 1, msg.class_info(
            admin, plan.course_id, plan.course_name, plan.class_id, plan.class_name,
            plan.start, plan.start + plan.length, plan.seats, plan.auto_onstage,
            plan.teacher, list(plan.co_teachers), at + 1)))
        out.append((at + 2, msg.class_students(admin, plan.course_id, plan.class_id,
                                               plan.class_name, list(plan.students), at + 2)))
        at += 3
    return out


def _stamp(rng: random.Random, sid: int, secret: str, timed: list[tuple[int, Body]]) -> list[Push]:
    """Common fields: `_id` looks like ClassIn's (a MongoDB ObjectId: 8 hex digits
    of ActionTime, then 16 more), TimeStamp runs 600 s ahead, SafeKey signs it."""
    seen: set[str] = set()
    pushes = []
    for at, body in timed:
        push_id = f"{at:08x}{rng.getrandbits(64):016x}"
        while push_id in seen:
            push_id = f"{at:08x}{rng.getrandbits(64):016x}"
        seen.add(push_id)
        full = {"SID": sid, **body, "ActionTime": at, "TimeStamp": at + TIMESTAMP_LEAD, "_id": push_id}
        pushes.append(Push(at, sign(full, secret)))
    return pushes
