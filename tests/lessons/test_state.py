"""LessonState / SchoolState / replay over the fixture lesson and edge cases."""
from __future__ import annotations

import random

import pytest

from lessons.events import parse
from lessons.state import LessonState, SchoolState, replay
from lessons.summary import summary

from ..helpers import fixture, fixture_names, new_push

CLASS_ID = 508113967
A, B, C, TEACHER = 41200902, 41200915, 41200933, 41200871
START = 1747184400
REALTIME = ("inclass_", "Net.json", "Check.json", "HelpInfo.json", "ClassLen.json", "LiveDetail.json",
            "EdbImg.json")
SCHEDULE = ("eeoClassInfoChange.json", "eeoClassStudentChange.json")


def pushes(names) -> list[tuple[float, dict]]:
    return [(1747300000.0, fixture(n)) for n in names]


def lesson_of(items, now: float | None = None) -> dict:
    return summary(replay(items).lessons[CLASS_ID], now=now)


def rows(s: dict) -> dict[int, dict]:
    return {p["uid"]: p for p in s["participants"]}


def realtime_names() -> list[str]:
    return [n for n in fixture_names() if n.startswith(REALTIME)]


def lesson(*events) -> LessonState:
    state = LessonState(CLASS_ID)
    for payload in events:
        state.apply(parse(payload, 1.0))
    return state


def enter(uid, t, client=0, **kw):
    return new_push(67371107, action_time=t, UID=uid, ClientID=client, Identity=1, Device=0, **kw)


def leave(uid, t, client=0, reason=1):
    return new_push(67371111, action_time=t, UID=uid, ClientID=client, Reason=reason)


# --- the full fixture story ---------------------------------------------------------------
def test_full_fixture_lesson_gives_the_end_numbers():
    s = lesson_of(pushes(fixture_names()), now=1747400000)
    assert (s["status"], s["summary_source"], s["end_time"]) == ("ended", "end", 1747187910)
    assert (s["start_time"], s["close_time"], s["real_close_time"]) == (START, 1747189200, 1747187910)
    r = rows(s)
    assert {uid: p["attended_seconds"] for uid, p in r.items()} == {TEACHER: 4520, A: 3925, B: 3537, C: 3000}
    assert (r[A]["hands_up"], r[A]["hands_up_seconds"], r[A]["awards"], r[B]["awards"]) == (1, 18, 1, 2)
    assert (r[B]["stage_up_count"], r[B]["stage_seconds"], r[C]["stage_up_count"], r[C]["stage_seconds"]) == (
        2, 2427, 1, 1110)
    assert (r[A]["authorize_count"], r[C]["kicks"], r[A]["deputies"]) == (1, 1, 1)
    assert (r[B]["entries"], r[B]["first_in"], r[B]["last_out"]) == (2, 1747184320, 1747187910)
    assert r[B]["abnormal_exits"] == 1 and r[B]["mute_count"] == 1
    assert r[C]["late"] and not r[A]["late"] and not r[B]["late"]
    assert all(p["present"] for p in s["participants"])          # inside when the lesson ended
    assert not any(p["left_early"] for p in s["participants"])
    assert r[A]["device_problems"] == ["camera: no picture"]
    assert r[B]["net_quality"] == pytest.approx(0.31) and r[B]["network_problems"]
    assert r[C]["device_label"] == "iPad" and r[TEACHER]["identity_label"] == "teacher"
    assert s["class_name"] == "Unit 4: Light and Shadows" and s["teacher_name"] == "Carmen Ortega"
    assert (s["planned_start"], s["planned_end"]) == (START, 1747188000)      # extended by ClassLen
    assert s["absent"] == []


def test_realtime_pushes_only_give_a_live_lesson():
    now = 1747187000          # 09:43:20, after the last realtime fixture
    s = lesson_of(pushes(realtime_names()), now=now)
    assert (s["status"], s["summary_source"], s["end_time"]) == ("live", "live", None)
    assert s["close_time"] == 1747189200 and s["planned_end"] == 1747188000     # from ClassLen
    r = rows(s)
    a = r[A]
    assert a["present"] and a["attended_seconds"] == now - 1747183985 and a["first_in"] == 1747183985
    assert (a["hands_up"], a["hands_up_seconds"], a["awards"], a["deputies"]) == (1, 18, 1, 1)
    assert (a["authorize_count"], a["authorize_seconds"]) == (1, now - 1747185300)   # not revoked yet
    assert a["device_problems"] == ["camera: no picture"] and a["muted"]            # mute-all, no unmute
    b = r[B]                                              # an exit without any enter
    assert not b["present"] and b["attended_seconds"] == 0 and b["entries"] == 0
    assert b["abnormal_exits"] == 1 and b["last_out"] == 1747185672 and b["mute_count"] == 1
    c = r[C]
    assert c["kicks"] == 1 and c["stage_up_count"] == 1 and c["stage_seconds"] == now - 1747186800
    assert s["totals"]["help_requests"] == 1 and s["totals"]["bad_network_users"] == 1
    assert s["totals"]["present"] == 1


def test_open_stays_stop_at_close_time():
    s = lesson_of(pushes(realtime_names()), now=1747999999)
    assert rows(s)[A]["attended_seconds"] == 1747189200 - 1747183985


def test_without_a_close_time_open_stays_end_soon_after_the_lesson_went_quiet():
    """No schedule, ClassLen or End: the wall clock must not count a forgotten
    stay for days; it ends two Net periods after the last push."""
    state = lesson(enter(A, START), enter(B, START + 60), leave(B, START + 900))
    assert state.close_time is None
    live = rows(summary(state, now=START + 1200))
    assert live[A]["attended_seconds"] == 1200                      # still going: counted to now
    later = rows(summary(state, now=START + 86400 * 500))
    assert later[A]["attended_seconds"] == 900 + 600 and later[B]["attended_seconds"] == 840


def test_arrival_order_does_not_matter():
    items = pushes(fixture_names())
    expected = lesson_of(items, now=1747400000)
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(items)
        assert lesson_of(items, now=1747400000) == expected
    live = pushes(realtime_names())
    expected_live = lesson_of(live, now=1747187000)
    rng.shuffle(live)
    assert lesson_of(live, now=1747187000) == expected_live


def test_end_before_realtime_pushes():
    end_first = pushes(["End.json"]) + pushes(realtime_names())
    s = lesson_of(end_first, now=1747400000)
    assert s["status"] == "ended" and rows(s)[A]["attended_seconds"] == 3925
    assert rows(s)[A]["hands_up"] == 1 and rows(s)[B]["awards"] == 2


def test_same_push_twice_is_applied_once():
    state = LessonState(CLASS_ID)
    event = parse(fixture("inclass_kickout.json"), 1.0)
    assert state.apply(event) and not state.apply(event)
    assert summary(state, now=1747187000)["participants"][0]["kicks"] == 1


# --- presence --------------------------------------------------------------------------------
def test_re_entry():
    state = lesson(enter(A, 1000), leave(A, 1100, reason=6), enter(A, 1150))
    a = summary(state, now=1200)["participants"][0]
    assert (a["present"], a["entries"], a["attended_seconds"], a["abnormal_exits"]) == (True, 2, 150, 1)
    assert (a["first_in"], a["last_out"], a["left_early"]) == (1000, 1100, False)


def test_dual_device_exit_of_second_device_keeps_user_present():
    state = lesson(enter(A, 1000), enter(A, 1010, client=1), leave(A, 1050, client=1))
    a = summary(state, now=1100)["participants"][0]
    assert a["present"] and a["attended_seconds"] == 100 and a["deputies"] == 1 and a["entries"] == 1
    state.apply(parse(leave(A, 1080), 1.0))
    a = summary(state, now=1100)["participants"][0]
    assert not a["present"] and a["attended_seconds"] == 80 and a["left_early"]


def test_only_second_device_left_inside_counts_as_present():
    state = lesson(enter(A, 1000), enter(A, 1010, client=1), leave(A, 1050))
    assert summary(state, now=1100)["participants"][0]["present"]


def test_exit_without_enter():
    a = summary(lesson(leave(A, 1000, reason=3)), now=2000)["participants"][0]
    assert (a["present"], a["attended_seconds"], a["entries"], a["abnormal_exits"]) == (False, 0, 0, 1)


def test_exit_and_enter_in_the_same_second_in_either_order():
    reconnect = [leave(A, 1100, reason=56), enter(A, 1100)]
    reconnect[0]["_id"], reconnect[1]["_id"] = "0000044c" + "0" * 16, "0000044c" + "1" * 16
    first = summary(lesson(enter(A, 1000), *reconnect), now=1200)
    second = summary(lesson(enter(A, 1000), *reversed(reconnect)), now=1200)
    assert first == second and first["participants"][0]["present"]


def test_everyone_leaving_with_classroom_closed_ends_the_lesson():
    state = lesson(enter(TEACHER, 1000), enter(A, 1010), leave(A, 1500, reason=2), leave(TEACHER, 1501, reason=2))
    s = summary(state, now=9999)
    assert (s["status"], s["end_time"], s["summary_source"]) == ("ended", 1500, "live")
    assert all(p["present"] and not p["left_early"] for p in s["participants"])
    state.apply(parse(enter(A, 1600), 1.0))          # the room reopened
    assert summary(state, now=1700)["status"] == "live"


# --- End variants ------------------------------------------------------------------------------
@pytest.mark.parametrize("real, expected", [(None, 1747189200), (0, 1747189200), (1747199999, 1747189200)])
def test_end_without_usable_real_close_time(real, expected):
    payload = fixture("End.json")
    payload.pop("RealCloseTime")
    if real is not None:
        payload["RealCloseTime"] = real
    s = lesson_of([(1.0, payload)], now=1747400000)
    assert s["end_time"] == expected and s["status"] == "ended"
    assert s["real_close_time"] == (real or None)       # 0 means "not recorded"


def test_later_end_push_wins():
    first, second = fixture("End.json"), fixture("End.json")
    second["_id"], second["ActionTime"] = "6823fe000000000000000001", second["ActionTime"] + 60
    second["Data"]["awardEnd"]["41200915"]["Total"] = 3
    for order in ([first, second], [second, first]):
        assert rows(lesson_of([(1.0, p) for p in order]))[B]["awards"] == 3


# --- lesson-level facts ----------------------------------------------------------------------
def test_schedule_edits_keep_the_latest_field_values_whatever_the_order():
    created = fixture("eeoClassInfoChange.json")
    edit = fixture("eeoClassInfoChange.json")
    edit.update(opType=3, opTime=1746600000, ActionTime=1746600000, _id="edit")
    edit["opData"] = {"className": "Unit 4 (moved)", "beginTime": 1747188000}
    for order in ([created, edit], [edit, created]):
        s = lesson_of([(1.0, p) for p in order])
        assert (s["class_name"], s["planned_start"], s["planned_end"]) == ("Unit 4 (moved)", 1747188000, 1747187100)
        assert s["teacher_name"] == "Carmen Ortega"


def test_roster_gives_absentees_and_school_names():
    items = pushes([*SCHEDULE, "inclass_enter.json"])
    items.append((1.0, enter(B, 1747184320, NickName="tommy")))
    s = lesson_of(items, now=1747186000)
    assert s["absent"] == [{"uid": C, "name": "Aiko Mori"}]
    assert rows(s)[B]["name"] == "Tomás Reyes"            # the school's name, not the nickname
    removal = fixture("eeoClassStudentChange.json")
    removal.update(opType=2, ActionTime=1746600000, _id="removal")
    removal["opData"]["studentInfos"] = removal["opData"]["studentInfos"][2:]
    assert lesson_of([*items, (1.0, removal)], now=1747186000)["absent"] == []


def test_course_student_names_reach_lessons_via_the_school():
    school = replay(pushes(["eeoCourseStudentChange.json", "inclass_exit.json"]))
    assert rows(summary(school.lessons[CLASS_ID], now=1747186000))[B]["name"] == "Tomás Reyes"


def test_participants_sorted_teachers_first_then_by_name():
    state = lesson(enter(3, 10, NickName="zed"), enter(2, 11, NickName="Amy"),
                   new_push(67371107, action_time=12, UID=1, ClientID=0, Identity=3, NickName="Yolanda"),
                   new_push(67371107, action_time=12, UID=4, ClientID=0, Identity=4, NickName="Bob"))
    assert [p["uid"] for p in summary(state, now=20)["participants"]] == [4, 1, 2, 3]


def test_ratings_upsert_by_direction_and_student():
    t2s = fixture("Rating.json")
    again = fixture("Rating.json")
    again.update(_id="again", ActionTime=t2s["ActionTime"] + 100)
    again["Comments"] = {"41200915": {"T2S": {"Comment": "better", "Score": 5}}}
    for order in ([t2s, again], [again, t2s]):
        state = replay([(1.0, p) for p in [*order, fixture("Rating_S2T.json")]]).lessons[CLASS_ID]
        assert len(state.ratings) == 4
        assert state.ratings[("T2S", B)][1].score == 5 and state.ratings[("S2T", A)][1].score == 5


def test_web_viewings_deduped_keep_the_longest():
    base = fixture("LiveDataDetail.json")
    shorter = fixture("LiveDataDetail.json")
    shorter["_id"] = "short"
    shorter["Data"]["LookTime"] = 600
    for order in ([base, shorter], [shorter, base]):
        state = replay([(1.0, p) for p in order]).lessons[CLASS_ID]
        assert [v.look_seconds for v in state.web_viewings.values()] == [2400]


def test_recordings_keyed_by_file_id_and_lesson_collections():
    record_again = fixture("Record.json")
    record_again["_id"] = "resent-with-new-id"
    state = replay(pushes(["Record.json", "LiveDetail.json", "EdbImg.json", "ExamScore.json",
                           "ChatContent.json", "HelpInfo.json", "ClientPlaybackDataDetail.json"])
                   + [(1.0, record_again)]).lessons[CLASS_ID]
    assert list(state.recordings) == ["387702291540018815"]
    assert len(state.recording_starts) == 1 and len(state.board_images) == 1
    assert [g.student.uid for g in state.grades.values()] == [A]          # linked by Data.ClassId
    assert state.chat_archive is not None and state.client_replays[A].valid_views == 1
    s = summary(state, now=1747190000)
    assert s["totals"]["recordings"] == 1 and s["recordings"][0]["duration"] == 3508
    assert s["help_requests"][0]["users"] == [TEACHER, B]


def test_unknown_cmd_is_kept_in_its_lesson():
    state = lesson({"SID": 1, "ClassID": CLASS_ID, "Cmd": "IMPicture", "ActionTime": 5, "_id": "u1"})
    assert len(state.unknown) == 1
    assert summary(state, now=10)["timeline"][0]["kind"] == "other"


# --- the school ---------------------------------------------------------------------------------
def test_school_level_facts():
    school = replay(pushes(fixture_names()))
    assert set(school.lessons) == {CLASS_ID}
    assert school.user_checks[A].check.kind == "out-of-class"
    assert school.cancellations[41207790].account_status == 255
    assert school.phone_changes[B].telephone == "0044-7700900499"
    assert school.sub_accounts[41200855].permissions[-1] == "20"
    assert school.courses[31877204].get("course_name") == "Grade 7 Science - Group B"
    assert set(school.course_students[31877204].members()) == {A, B, C}
    assert school.file_conversions[660193].succeeded
    assert len(school.registration_tests) == 1
    assert {type(e).__name__ for e in school.lms} == {"HomeworkSubmitted", "HomeworkScored",
                                                      "DiscussionChanged", "ExamScored"}
    assert school.names[C] == "Aiko Mori"


def test_lesson_push_without_class_id_is_kept_unassigned():
    class_len = fixture("ClassLen.json")
    del class_len["ClassID"]
    school = SchoolState()
    school.apply(parse(class_len, 1.0))
    school.apply(parse(class_len, 1.0))
    assert len(school.unassigned) == 1 and not school.lessons


def test_500_participants_out_of_order():
    rng = random.Random(3)
    items = []
    for u in range(500):
        t = START - 300 + rng.randint(0, 600)
        for _ in range(5):
            items += [(1.0, enter(10_000 + u, t)), (1.0, leave(10_000 + u, t + 400, reason=6))]
            t += 420
    rng.shuffle(items)
    state = replay(items).lessons[CLASS_ID]
    s = summary(state, now=START + 4000)
    assert len(s["participants"]) == 500 and all(p["attended_seconds"] == 2000 for p in s["participants"])
