"""Issue 11 items 7-8: hostile values that reached the writers through real
pushes — control characters in names, times in milliseconds, two kicks of one
user in one second — never break a lesson's export or a day's batch."""
from __future__ import annotations

import io

import openpyxl
import pytest

from lessons.state import replay
from lessons.summary import summary
from reports import render_report, write_per_lesson

CLASS_ID, SID, T0 = 77001, 2290417, 1714993200
A, B, TEACHER = 501, 502, 500


def push(cmd, t, i, **fields):
    return {"SID": SID, "ClassID": CLASS_ID, "CourseID": 9, "Cmd": cmd, "ActionTime": t,
            "_id": f"{t:08x}{i:016x}", **fields}


def enter(uid, t, i, name, identity=1):
    return push(67371107, t, i, UID=uid, NickName=name, Identity=identity, Device=0, ClientID=0)


def lesson_summary(pushes) -> dict:
    school = replay((T0, p) for p in pushes)
    s = summary(school.lessons[CLASS_ID], now=T0 + 3600)
    s["timezone"] = "Asia/Shanghai"
    return s


CONTROL = "Bad\x0bName\x07\x00\x1b[31m"


def test_control_characters_in_names_do_not_break_xlsx_or_pdf():
    s = lesson_summary([enter(TEACHER, T0, 1, "Teacher\x0c", 3), enter(A, T0 + 5, 2, CONTROL),
                        push("HelpInfo", T0 + 9, 3, Data={"UID": A, "Message": "help\x08me", "UserList": []})])
    book = openpyxl.load_workbook(io.BytesIO(render_report(s, "xlsx")))
    names = [cell.value for row in book.worksheets[0].iter_rows() for cell in row if isinstance(cell.value, str)]
    assert any(n.startswith("Bad") and "Name" in n for n in names)
    assert not any(ch in n for n in names for ch in "\x0b\x07\x00\x0c")
    assert render_report(s, "pdf").startswith(b"%PDF")


def test_one_lesson_with_control_characters_does_not_fail_a_days_batch(tmp_path):
    good = lesson_summary([enter(A, T0, 1, "Fine")])
    bad = lesson_summary([enter(B, T0, 2, CONTROL)])
    bad["class_id"] = CLASS_ID + 1
    written = write_per_lesson([good, bad], "xlsx", tmp_path)
    assert len(written) == 2 and all(path.stat().st_size for path in written)


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "csv", "json"])
def test_a_start_time_in_milliseconds_does_not_break_the_export(fmt):
    end = push("End", T0 + 3000, 9, StartTime=T0 * 1000, CloseTime=(T0 + 3000) * 1000, RealCloseTime=0,
               Data={"inoutEnd": {str(A): {"Total": 100, "Identity": 1,
                                           "Details": [{"Type": "In", "Time": T0 * 1000, "Device": 0},
                                                       {"Type": "Out", "Time": (T0 + 100) * 1000}]}}})
    s = lesson_summary([enter(A, T0, 1, "Ms"), end])
    # Times come out as seconds (a millisecond value is recognised by its size)...
    assert s["start_time"] == T0 and s["close_time"] == T0 + 3000
    assert all(p["first_in"] is None or p["first_in"] < 10 ** 11 for p in s["participants"])
    assert render_report(s, fmt)


def test_a_time_beyond_any_calendar_is_left_empty_not_fatal():
    s = lesson_summary([enter(A, T0, 1, "Far")])
    s["start_time"] = 10 ** 17
    s["participants"][0]["first_in"] = -(10 ** 15)
    for fmt in ("xlsx", "pdf"):
        assert render_report(s, fmt)


def test_two_kicks_of_one_user_in_the_same_second_one_without_duration():
    pushes = [enter(A, T0, 1, "Kicked"),
              push(67371523, T0 + 60, 2, TargetUID=A, Duration=300, Operation=1),
              push(67371523, T0 + 60, 3, TargetUID=A, Operation=1)]
    s = lesson_summary(pushes)
    assert [p["kicks"] for p in s["participants"]] == [2]
    for fmt in ("xlsx", "pdf", "csv"):
        assert render_report(s, fmt)
    # arrival order does not matter either
    assert lesson_summary(pushes[::-1])["participants"][0]["kicks"] == 2
