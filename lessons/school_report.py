"""A school's own messages over a date range — the ones that belong to no
lesson (classin.md §11, §12): homework submissions and scores, tests and
answer sheets per course and student, file conversions, account
cancellations, sub-account changes, phone number replacements, device checks
outside the classroom — and every Cmd we do not know yet, counted by name,
so nothing is visible only in the Inspector.

One table definition (SECTIONS) for the School view and the exports.
Pure: storage/school.py reads the pushes, this turns them into rows."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from protocol import classin as ci

from .events import (AccountCancelled, DeviceCheckReport, Event, ExamScored, FileConversion, HomeworkScored,
                     HomeworkSubmitted, PhoneChanged, SubAccountSet, is_known_cmd, parse)
from .participant_row import Column, Kind
from .texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Section:
    key: str
    title: str           # English; the GUI translates it (context "SchoolSection")
    columns: tuple[Column, ...]    # headers: context "SchoolColumn" in the GUI


def _c(key: str, header: str, kind: Kind = Kind.TEXT, vocabulary: str | None = None) -> Column:
    return Column(key, header, kind, vocabulary)


_TIME = _c("time", QT_TRANSLATE_NOOP("SchoolColumn", "Time"), Kind.TIME)
_COURSE = (_c("course_id", QT_TRANSLATE_NOOP("SchoolColumn", "Course ID"), Kind.INT),
           _c("course_name", QT_TRANSLATE_NOOP("SchoolColumn", "Course")))
_ACTIVITY = _c("activity_name", QT_TRANSLATE_NOOP("SchoolColumn", "Activity"))
_STUDENT = (_c("uid", QT_TRANSLATE_NOOP("SchoolColumn", "UID"), Kind.INT),
            _c("name", QT_TRANSLATE_NOOP("SchoolColumn", "Name")))
_LESSON = _c("class_id", QT_TRANSLATE_NOOP("SchoolColumn", "Lesson (ClassID)"), Kind.INT)

SECTIONS: tuple[Section, ...] = (
    Section("homework_submissions", QT_TRANSLATE_NOOP("SchoolSection", "Submissions"), (
        _TIME, *_COURSE, _ACTIVITY, *_STUDENT,
        _c("late", QT_TRANSLATE_NOOP("SchoolColumn", "Late"), Kind.BOOL),
        _c("revision", QT_TRANSLATE_NOOP("SchoolColumn", "Correction"), Kind.BOOL),
        _c("submitted", QT_TRANSLATE_NOOP("SchoolColumn", "Submitted / given"), Kind.TEXT),
        _c("files", QT_TRANSLATE_NOOP("SchoolColumn", "Files"), Kind.INT), _LESSON)),
    Section("homework_scores", QT_TRANSLATE_NOOP("SchoolSection", "Homework scores"), (
        _TIME, *_COURSE, _ACTIVITY, *_STUDENT,
        _c("score", QT_TRANSLATE_NOOP("SchoolColumn", "Score"), Kind.TEXT),
        _c("full_score", QT_TRANSLATE_NOOP("SchoolColumn", "Full score"), Kind.TEXT),
        _c("rate", QT_TRANSLATE_NOOP("SchoolColumn", "Rate"), Kind.PERCENT),
        _c("state", QT_TRANSLATE_NOOP("SchoolColumn", "State"), Kind.TEXT),
        _c("teacher", QT_TRANSLATE_NOOP("SchoolColumn", "Teacher"), Kind.TEXT), _LESSON)),
    Section("exam_scores", QT_TRANSLATE_NOOP("SchoolSection", "Tests"), (
        _TIME, _c("kind", QT_TRANSLATE_NOOP("SchoolColumn", "Kind"), Kind.TEXT), *_COURSE, _ACTIVITY, *_STUDENT,
        _c("score", QT_TRANSLATE_NOOP("SchoolColumn", "Score"), Kind.TEXT),
        _c("full_score", QT_TRANSLATE_NOOP("SchoolColumn", "Full score"), Kind.TEXT),
        _c("rate", QT_TRANSLATE_NOOP("SchoolColumn", "Rate"), Kind.PERCENT),
        _c("answer_seconds", QT_TRANSLATE_NOOP("SchoolColumn", "Time spent"), Kind.DURATION), _LESSON)),
    Section("file_conversions", QT_TRANSLATE_NOOP("SchoolSection", "Files"), (
        _TIME, _c("file_id", QT_TRANSLATE_NOOP("SchoolColumn", "File ID"), Kind.INT),
        _c("file_name", QT_TRANSLATE_NOOP("SchoolColumn", "File"), Kind.TEXT),
        _c("result", QT_TRANSLATE_NOOP("SchoolColumn", "Result"), Kind.TEXT))),
    Section("account_cancellations", QT_TRANSLATE_NOOP("SchoolSection", "Closed accounts"), (
        _TIME, *_STUDENT, _c("status", QT_TRANSLATE_NOOP("SchoolColumn", "Account status"), Kind.INT))),
    Section("sub_accounts", QT_TRANSLATE_NOOP("SchoolSection", "Sub-accounts"), (
        _TIME, *_STUDENT, _c("phone", QT_TRANSLATE_NOOP("SchoolColumn", "Phone"), Kind.TEXT),
        _c("email", QT_TRANSLATE_NOOP("SchoolColumn", "E-mail"), Kind.TEXT),
        _c("permissions", QT_TRANSLATE_NOOP("SchoolColumn", "Permissions"), Kind.TEXT))),
    Section("phone_changes", QT_TRANSLATE_NOOP("SchoolSection", "Phone changes"), (
        _TIME, *_STUDENT, _c("phone", QT_TRANSLATE_NOOP("SchoolColumn", "New phone"), Kind.TEXT),
        _c("email", QT_TRANSLATE_NOOP("SchoolColumn", "E-mail"), Kind.TEXT))),
    Section("device_checks", QT_TRANSLATE_NOOP("SchoolSection", "Device checks"), (
        _TIME, *_STUDENT, _c("device", QT_TRANSLATE_NOOP("SchoolColumn", "Device"), Kind.TEXT),
        _c("problems", QT_TRANSLATE_NOOP("SchoolColumn", "Problems"), Kind.TEXT, vocabulary="problem"))),
    Section("unknown_cmds", QT_TRANSLATE_NOOP("SchoolSection", "Unknown messages"), (
        _c("cmd", QT_TRANSLATE_NOOP("SchoolColumn", "Cmd"), Kind.TEXT),
        _c("count", QT_TRANSLATE_NOOP("SchoolColumn", "Count"), Kind.INT))),
)
SECTION = {section.key: section for section in SECTIONS}

# Cmds whose pushes the report reads (storage/school.py selects them).
SCHOOL_CMDS = ("HomeworkSubmit", "HomeworkScore", "ExamScore", "AnswerSheetScore", "FileCov",
               "AccountCancellation", "setSubAccount", "ReplacePhoneNumber", "UserCheck")

_RESULTS = {True: "converted", False: "failed"}
_HOMEWORK_STATES = {40: "graded", 50: "returned"}


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def _who(person, names: dict[int, str]) -> dict[str, Any]:
    uid = person.uid if person is not None else None
    return {"uid": uid, "name": (person.name if person is not None else None) or names.get(uid)}


def _row(e: Event, names: dict[int, str]) -> tuple[str, dict[str, Any]] | None:
    base = {"time": e.time}
    if isinstance(e, HomeworkSubmitted):
        return "homework_submissions", {**base, "course_id": e.course_id, "course_name": e.course_name,
                                        "activity_name": e.activity_name, **_who(e.student, names),
                                        "late": e.late, "revision": e.revision,
                                        "submitted": f"{e.submit_total}/{e.student_total}"
                                        if e.submit_total is not None else None,
                                        "files": len(e.files), "class_id": e.class_id}
    if isinstance(e, HomeworkScored):
        return "homework_scores", {**base, "course_id": e.course_id, "course_name": e.course_name,
                                   "activity_name": e.activity_name, **_who(e.student, names),
                                   "score": e.student_score, "full_score": _number(e.full_score),
                                   "rate": e.scoring_rate, "state": _HOMEWORK_STATES.get(e.state, e.state),
                                   "teacher": e.teacher.name if e.teacher else None, "class_id": e.class_id}
    if isinstance(e, ExamScored):
        return "exam_scores", {**base, "kind": "test" if e.kind == "exam" else "answer sheet",
                               "course_id": e.course_id, "course_name": e.course_name,
                               "activity_name": e.activity_name, **_who(e.student, names),
                               "score": _number(e.score), "full_score": _number(e.full_score),
                               "rate": e.scoring_rate, "answer_seconds": e.answer_seconds, "class_id": e.class_id}
    if isinstance(e, FileConversion):
        return "file_conversions", {**base, "file_id": e.file_id, "file_name": e.file_name,
                                    "result": _RESULTS.get(e.succeeded, e.result)}
    if isinstance(e, AccountCancelled):
        return "account_cancellations", {**base, "uid": e.uid, "name": names.get(e.uid), "status": e.account_status}
    if isinstance(e, SubAccountSet):
        return "sub_accounts", {**base, "uid": e.uid, "name": e.remark_name or names.get(e.uid),
                                "phone": e.telephone, "email": e.email, "permissions": ", ".join(e.permissions)}
    if isinstance(e, PhoneChanged):
        return "phone_changes", {**base, "uid": e.uid, "name": names.get(e.uid), "phone": e.telephone,
                                 "email": e.email}
    if isinstance(e, DeviceCheckReport) and e.check.kind == "out-of-class":
        k = e.check
        return "device_checks", {**base, "uid": e.uid, "name": names.get(e.uid),
                                 "device": ci.DEVICE_TYPE.get(k.device_type) if k.device_type is not None else None,
                                 "problems": list(k.problems)}
    return None


def _upsert_key(section: str, row: dict[str, Any]) -> tuple | None:
    """Re-grades replace earlier scores (classin.md §12.3): one row per activity and student."""
    if section in ("homework_scores", "exam_scores"):
        return section, row.get("kind"), row["course_id"], row["activity_name"], row["uid"]
    return None


def school_report(pushes: Iterable[tuple[float, Any]], cmd_counts: dict[str, int], start: float, end: float,
                  names: dict[int, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows per section for events whose time falls in [start, end)."""
    names = names or {}
    sections: dict[str, list[dict[str, Any]]] = {s.key: [] for s in SECTIONS}
    latest: dict[tuple, dict[str, Any]] = {}
    seen: set[str] = set()
    for received_at, payload in pushes:
        e = parse(payload, received_at)
        if e.msg_id is not None:
            if e.msg_id in seen:
                continue
            seen.add(e.msg_id)
        if not start <= e.time < end:
            continue
        found = _row(e, names)
        if found is None:
            continue
        section, row = found
        key = _upsert_key(section, row)
        if key is not None:
            current = latest.get(key)
            if current is not None and current["time"] > row["time"]:
                continue
            latest[key] = row
        else:
            sections[section].append(row)
    for (section, *_), row in latest.items():
        sections[section].append(row)
    for rows in sections.values():
        rows.sort(key=lambda r: (r.get("time") or 0, r.get("uid") or 0))
    sections["unknown_cmds"] = [{"cmd": cmd, "count": count} for cmd, count in sorted(cmd_counts.items())
                                if not is_known_cmd(ci.normalise_cmd(cmd))]
    return sections
