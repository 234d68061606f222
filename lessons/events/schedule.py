"""(e) Schedule sync (classin.md §13): courses, lessons and their students."""
from __future__ import annotations

from typing import Any, Callable

from protocol import classin as ci

from .base import Event, Label, Person, Push, as_time, as_uid, event_type, labels, person


@event_type
class ScheduleEvent(Event):
    op_type: int | None             # 1 add, 2 delete, 3 edit
    operator_uid: int | None
    op_source: int | None           # kept raw: examples show codes the enum lacks


@event_type
class CourseInfoChanged(ScheduleEvent):
    course_name: str | None
    expiry_time: int | None
    course_type: int | None
    course_status: int | None
    main_teacher: Person | None
    labels: tuple[Label, ...]


@event_type
class LessonInfoChanged(ScheduleEvent):
    """On edits only the changed fields are sent: None = not part of this change."""
    class_name: str | None
    course_name: str | None
    class_type: int | None
    class_status: int | None
    begin_time: int | None
    end_time: int | None
    seat_num: int | None
    auto_onstage: bool | None       # from isAutoOnstage, whose 0 means automatic
    main_class_id: int | None
    teacher: Person | None
    assistants: tuple[Person, ...] | None
    labels: tuple[Label, ...] | None


@event_type
class StudentsChanged(ScheduleEvent):
    """eeoCourseStudentChange (lesson=False) or eeoClassStudentChange (lesson=True)."""
    lesson: bool
    students: tuple[Person, ...]


def _schedule(x: Push) -> dict[str, Any]:
    return dict(**x.common(x.get("opTime")), op_type=ci.as_int(x.get("opType", "OpType")),
                operator_uid=as_uid(x.get("UID")), op_source=ci.as_int(x.get("opSource")))


def _op_data(x: Push) -> dict:
    return ci.as_dict(x.p.get("opData"))


def _course_info(x: Push) -> Event:
    d = _op_data(x)
    return CourseInfoChanged(**_schedule(x), course_name=ci.as_str(d.get("courseName")),
                             expiry_time=ci.as_int(d.get("expiryTime")), course_type=ci.as_int(d.get("courseType")),
                             course_status=ci.as_int(d.get("courseStatus")),
                             main_teacher=person(d.get("mainTeacherInfo"), "teacher"),
                             labels=labels(d.get("labelInfos")))


def _lesson_info(x: Push) -> Event:
    d = _op_data(x)
    auto = ci.as_int(d.get("isAutoOnstage"))
    common = _schedule(x)
    common["class_id"] = common["class_id"] or ci.as_int(d.get("classId"))
    common["course_id"] = common["course_id"] or ci.as_int(d.get("courseId"))
    return LessonInfoChanged(
        **common, class_name=ci.as_str(d.get("className")), course_name=ci.as_str(d.get("courseName")),
        class_type=ci.as_int(d.get("classType")), class_status=ci.as_int(d.get("classStatus")),
        begin_time=as_time(d.get("beginTime")), end_time=as_time(d.get("endTime")),
        seat_num=ci.as_int(d.get("seatNum")), auto_onstage=None if auto is None else auto == 0,
        main_class_id=ci.as_int(d.get("MainClassId")), teacher=person(d.get("teacherInfo"), "teacher"),
        assistants=tuple(p for p in (person(a, "teacher") for a in ci.as_list(d.get("assistantTeacherInfos"))) if p)
        if "assistantTeacherInfos" in d else None,
        labels=labels(d.get("labelInfos")) if "labelInfos" in d else None)


def _students(x: Push) -> Event:
    d = _op_data(x)
    common = _schedule(x)
    lesson = x.cmd == "eeoClassStudentChange"
    # The docs' example carries three different course IDs: trust the top level first.
    common["course_id"] = common["course_id"] or ci.as_int(d.get("courseId"))
    common["class_id"] = common["class_id"] or (ci.as_int(d.get("classId")) if lesson else None)
    return StudentsChanged(**common, lesson=lesson,
                           students=tuple(p for p in (person(s, "student")
                                                      for s in ci.as_list(d.get("studentInfos"))) if p))


PARSERS: dict[int | str, Callable[[Push], Event]] = {
    "eeoCourseInfoChange": _course_info, "eeoClassInfoChange": _lesson_info,
    "eeoCourseStudentChange": _students, "eeoClassStudentChange": _students,
}
