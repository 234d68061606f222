"""Issue 16 item 1: what a replay of real ClassIn pushes got wrong — a score
given in a lesson that names the lesson only in `Data`, "left early" for
everyone when the teacher never ends the lesson, a user in End's other
sections but not in its attendance, a lesson whose End never comes."""
from __future__ import annotations

import json

import pytest

from app.core import is_live
from lessons.state import NO_SUMMARY_GRACE_SECONDS, replay
from lessons.summary import summary
from storage import history
from storage.db import open_database
from storage.derived import rebuild
from storage.paths import DB_NAME

from ..helpers import fixture, run_cli, store_directly

SID, CLASS_ID, T0 = 2290417, 34928113, 1600000000      # a real-looking 2020 lesson
TEACHER, A, B = 9001, 9002, 9003
CLOSE = T0 + 2700 + 1200          # 45-minute lesson + ClassIn's 20-minute overtime


def push(cmd, t, i, **fields):
    body = {"SID": SID, "ClassID": CLASS_ID, "CourseID": 77, "Cmd": cmd, "ActionTime": t,
            "_id": f"{t:08x}{i:016x}"}
    body.update(fields)
    return body


def enter(uid, t, i, identity=1):
    return push(67371107, t, i, UID=uid, NickName=f"u{uid}", Identity=identity, Device=0, ClientID=0)


def leave(uid, t, i, reason=1):
    return push(67371111, t, i, UID=uid, Identity=1, ClientID=0, Reason=reason)


def inout(*stays, identity=1):
    details = []
    for start, stop in stays:
        details += [{"Type": "In", "Time": start, "Device": 0}, {"Type": "Out", "Time": stop}]
    return {"Total": sum(b - a for a, b in stays), "Identity": identity, "Details": details}


def end(data, real_close=None, i=99):
    fields = {"StartTime": T0, "CloseTime": CLOSE, "Data": data}
    if real_close is not None:
        fields["RealCloseTime"] = real_close
    return push("End", CLOSE + 60, i, **fields)


def exam_in_lesson() -> dict:
    """ExamScore as ClassIn sends one given in a lesson: the lesson only in Data.ClassId."""
    body = fixture("ExamScore.json")
    body.pop("ClassID", None)
    body["SID"], body["_id"] = SID, "5f5e1000aaaabbbbccccdddd"
    body["Data"]["ClassId"] = CLASS_ID
    return body


def lesson(pushes, now=CLOSE + 7200):
    school = replay((T0, p) for p in pushes)
    return school, summary(school.lessons[CLASS_ID], now=now)


# --- a ClassID anywhere joins the lesson --------------------------------------------------
def test_a_score_naming_its_lesson_only_in_data_creates_and_joins_it():
    school, s = lesson([exam_in_lesson()])
    assert CLASS_ID in school.lessons
    (grade,) = s["grades"]
    assert grade["kind"] == "exam" and grade["uid"] == fixture("ExamScore.json")["Data"]["StudentInfo"]["StudentUid"]
    assert grade["full_score"] is not None


def test_homework_score_with_a_classid_joins_the_lesson_and_one_without_stays_with_the_course():
    with_lesson = fixture("HomeworkScore.json")
    with_lesson["Data"]["ClassId"], with_lesson["_id"] = CLASS_ID, "5f5e1000aaaabbbbcccc0001"
    course_only = fixture("HomeworkScore.json")
    course_only["_id"] = "5f5e1000aaaabbbbcccc0002"
    school = replay([(T0, with_lesson), (T0, course_only)])
    assert [g["kind"] for g in summary(school.lessons[CLASS_ID], now=T0)["grades"]] == ["homework"]
    assert len(school.lessons) == 1 and len(school.lms) == 1


def test_export_and_history_find_the_lesson_of_a_score_after_a_restart(tmp_path):
    db = tmp_path / DB_NAME
    store_directly(db, [(T0, exam_in_lesson())])
    open_database(db)
    assert [row["class_id"] for row in history.lessons_between()] == [CLASS_ID]
    assert history.lesson_summary(CLASS_ID)["grades"]
    rebuild(open_database(db))          # the derived tables rebuilt from the raw pushes find it too
    assert history.lesson_summary(CLASS_ID)["grades"]


@pytest.mark.slow
def test_export_class_id_of_a_lesson_known_only_from_a_score(tmp_path):
    store_directly(tmp_path / DB_NAME, [(T0, exam_in_lesson())])
    result = run_cli("export", "--class-id", str(CLASS_ID), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["grades"][0]["kind"] == "exam"


# --- left early ----------------------------------------------------------------------------
def test_nobody_left_early_when_the_teacher_never_ended_the_lesson():
    """Real 2020 lessons: no RealCloseTime, so End's end is CloseTime (scheduled end
    + 20 min overtime); everyone left at the scheduled end."""
    scheduled_end = CLOSE - 1200
    data = {"inoutEnd": {str(TEACHER): inout((T0 - 300, scheduled_end + 30), identity=3),
                         str(A): inout((T0, scheduled_end)), str(B): inout((T0, T0 + 900))}}
    _, s = lesson([end(data)])
    early = {p["uid"]: p["left_early"] for p in s["participants"]}
    assert early == {TEACHER: False, A: False, B: True}


def test_left_early_is_measured_against_real_close_time_when_the_teacher_ended_it():
    real = T0 + 2000
    data = {"inoutEnd": {str(A): inout((T0, real)), str(B): inout((T0, real - 600))}}
    _, s = lesson([end(data, real_close=real)])
    assert {p["uid"]: p["left_early"] for p in s["participants"]} == {A: False, B: True}


# --- consistent rows -------------------------------------------------------------------------
def test_a_user_missing_from_attendance_but_on_stage_gets_a_consistent_row():
    data = {"inoutEnd": {str(A): inout((T0, T0 + 2700))},
            "stageEnd": {str(B): {"UpCount": 1, "UpTotal": 3830, "DownCount": 0, "DownTotal": 0}}}
    _, s = lesson([end(data)])
    row = next(p for p in s["participants"] if p["uid"] == B)
    assert row["stage_seconds"] == 3830 and row["attended_seconds"] >= row["stage_seconds"]


# --- a lesson whose End never comes -------------------------------------------------------------
def test_a_lesson_long_past_close_time_without_end_is_ended_with_no_summary():
    pushes = [enter(A, T0, 1), push("ClassLen", T0 + 2400, 2, StartTime=T0, PrelectTimeLength=2700,
                                   CloseClassDelay=1200)]
    school = replay((T0, p) for p in pushes)
    state = school.lessons[CLASS_ID]
    during = summary(state, now=T0 + 600)
    assert during["status"] == "live" and not during["no_summary"]
    just_after = summary(state, now=CLOSE + 60)
    assert just_after["status"] == "live"          # End is still expected
    later = summary(state, now=CLOSE + NO_SUMMARY_GRACE_SECONDS + 1)
    assert later["status"] == "ended" and later["no_summary"] and later["end_time"] == CLOSE
    assert later["participants"][0]["attended_seconds"] == CLOSE - T0
    assert state.status_at(CLOSE + NO_SUMMARY_GRACE_SECONDS + 1) == "ended"


def test_a_lesson_with_end_is_never_no_summary():
    _, s = lesson([enter(A, T0, 1), end({"inoutEnd": {str(A): inout((T0, T0 + 100))}})], now=CLOSE + 10 ** 6)
    assert s["status"] == "ended" and not s["no_summary"]


def test_a_score_alone_never_makes_its_lesson_live():
    school, s = lesson([exam_in_lesson()], now=fixture("ExamScore.json")["ActionTime"] + 60)
    assert school.lessons[CLASS_ID].last_event_time is None
    assert s["status"] == "ended" and s["no_summary"]          # it took place; ClassIn's End is not here
    assert not is_live(school.lessons[CLASS_ID], fixture("ExamScore.json")["ActionTime"] + 60)
