"""lessons.events.parse: every ClassIn message type from its fixture, and the quirks."""
from __future__ import annotations

import copy
import json

import pytest

from lessons import events as ev
from lessons.diagnostics import Thresholds
from lessons.end_report import Move

from ..helpers import fixture, fixture_names

RECEIVED = 1747300000.5
CLASS_ID = 508113967
A, B, C, TEACHER = 41200902, 41200915, 41200933, 41200871

EXPECTED_TYPE = {
    "Test.json": ev.RegistrationTest,
    "inclass_enter.json": ev.Enter, "inclass_enter_second_device.json": ev.Enter,
    "inclass_exit.json": ev.Exit, "inclass_handsup.json": ev.HandsUp,
    "inclass_handsup_down.json": ev.HandsUp, "inclass_award.json": ev.Award,
    "inclass_webcam_position.json": ev.CameraPosition, "inclass_selector.json": ev.Selector,
    "inclass_responder.json": ev.Responder, "inclass_authorize.json": ev.Authorize,
    "inclass_kickout.json": ev.Kick, "inclass_mute_all.json": ev.MuteAll,
    "inclass_mute_one.json": ev.Mute, "inclass_stage.json": ev.Stage,
    "Net.json": ev.NetReport, "Check.json": ev.DeviceCheckReport, "HelpInfo.json": ev.HelpRequest,
    "ClassLen.json": ev.LessonExtended, "LiveDetail.json": ev.RecordingStarted,
    "EdbImg.json": ev.BoardImage, "End.json": ev.LessonEnd, "Rating.json": ev.Ratings,
    "Rating_S2T.json": ev.Ratings, "Record.json": ev.RecordingFile, "Upload.json": ev.ReplayUpload,
    "EduDt.json": ev.EduAnswers, "FileCov.json": ev.FileConversion,
    "UserCheck.json": ev.DeviceCheckReport, "AccountCancellation.json": ev.AccountCancelled,
    "ReplacePhoneNumber.json": ev.PhoneChanged, "setSubAccount.json": ev.SubAccountSet,
    "HomeworkSubmit.json": ev.HomeworkSubmitted, "HomeworkScore.json": ev.HomeworkScored,
    "ExamScore.json": ev.ExamScored, "AnswerSheetScore.json": ev.ExamScored,
    "DiscussionChangeInfo.json": ev.DiscussionChanged,
    "eeoCourseInfoChange.json": ev.CourseInfoChanged, "eeoClassInfoChange.json": ev.LessonInfoChanged,
    "eeoCourseStudentChange.json": ev.StudentsChanged, "eeoClassStudentChange.json": ev.StudentsChanged,
    "LiveWebLogin.json": ev.WebLiveLogin, "LiveReserve.json": ev.WebLiveReservation,
    "LiveDataDetail.json": ev.WebViewing, "LiveLike.json": ev.WebLiveLike,
    "LiveGoodsClickDetail.json": ev.WebLiveProductClick, "LiveChatMsgDetail.json": ev.WebLiveChat,
    "ReplayDataDetail.json": ev.WebViewing,
    "ClientPlaybackDataDetail.json": ev.ClientReplayViewing,
    "ClientPlaybackDataDetail_old.json": ev.ClientReplayViewing,
    "ChatContent.json": ev.ChatArchive,
}


def parsed(name: str, **changes) -> ev.Event:
    payload = fixture(name)
    payload.update(changes)
    return ev.parse(payload, RECEIVED)


def test_every_fixture_has_an_expected_type():
    assert set(EXPECTED_TYPE) == set(fixture_names())


@pytest.mark.parametrize("name", sorted(EXPECTED_TYPE))
def test_fixture_parses_to_its_type_with_common_fields(name):
    payload = fixture(name)
    event = ev.parse(payload, RECEIVED)
    assert type(event) is EXPECTED_TYPE[name]
    assert event.sid == 2290417
    assert event.msg_id == payload["_id"]
    assert event.received_at == RECEIVED
    if "ActionTime" in payload:
        assert event.time == payload["ActionTime"]       # never TimeStamp (= ActionTime + 600)


def test_enter_and_second_device():
    first, second = parsed("inclass_enter.json"), parsed("inclass_enter_second_device.json")
    assert (first.uid, first.client_id, first.device, first.identity, first.nickname) == (A, 0, 0, 1, "Lena Park")
    assert first.login_mobile == "0044-7700900431" and first.login_email is None
    assert first.class_id == CLASS_ID and first.course_id == 31877204
    assert (second.uid, second.client_id, second.device) == (A, 1, 1)


def test_exit_reason():
    e = parsed("inclass_exit.json")
    assert (e.uid, e.client_id, e.reason, e.reason_label, e.abnormal) == (B, 0, 6, "disconnected", True)
    assert parsed("inclass_exit.json", Reason=77).reason_label == "other"


def test_board_events_classified_by_color():
    up, down = parsed("inclass_handsup.json"), parsed("inclass_handsup_down.json")
    assert (up.uid, up.raised, down.raised) == (A, True, False)
    award = parsed("inclass_award.json")
    assert (award.uid, award.times) == (A, 1)
    cam = parsed("inclass_webcam_position.json")
    assert (cam.uid, cam.on_top, cam.channel, cam.area) == (A, False, 0, ev.Area(412, 236, 732, 476))
    sel = parsed("inclass_selector.json")
    assert (sel.uid, sel.question, sel.state, sel.selected_item, sel.correct_items) == (A, False, 2, "B", "B")
    assert sel.commit_time == 1747185019 and len(sel.participants) == 3
    assert sel.participants[0] == ev.ToolParticipant(A, "Lena Park", 1)
    resp = parsed("inclass_responder.json")
    assert (resp.uid, resp.question, resp.fastest_uid, resp.fastest_name) == (B, False, B, "Tomás Reyes")


@pytest.mark.parametrize("color", ["hands up41200902", "handsup41200902", "hands up 41200902",
                                   "Hands_Up+41200902", "HANDSUP41200902"])
def test_hands_up_color_spellings(color):
    e = parsed("inclass_handsup.json", Color=color, SourceUID=0)
    assert isinstance(e, ev.HandsUp) and e.uid == A


def test_board_field_fallbacks_and_unknown_color():
    hands = ev.parse({"Cmd": 67375105, "Handsup": "true", "SourceUID": 7, "ActionTime": 5}, 1.0)
    assert isinstance(hands, ev.HandsUp) and (hands.uid, hands.raised) == (7, True)
    award = ev.parse({"Cmd": 67375105, "Times": "3", "TargetUID": 9}, 1.0)
    assert isinstance(award, ev.Award) and (award.uid, award.times) == (9, 3)
    question = ev.parse({"Cmd": 67375105, "Color": "standaloneSelectorToolglobalData", "CurState": 1,
                         "Participants": {"ShowName": "X", "Uid": 3, "Identity": 1}}, 1.0)
    assert isinstance(question, ev.Selector) and question.question and question.uid is None
    assert question.participants == (ev.ToolParticipant(3, "X", 1),)      # object instead of list
    buzzer = ev.parse({"Cmd": 67375105, "Color": "standaloneResponderToolglobalData", "CurState": 4}, 1.0)
    assert isinstance(buzzer, ev.Responder) and buzzer.question
    other = ev.parse({"Cmd": 67375105, "Color": "laserPointer12", "X": 1}, 1.0)
    assert isinstance(other, ev.BoardOther) and (other.color, other.uid) == ("laserPointer12", 12)


def test_authorise_kick_mute_stage():
    auth = parsed("inclass_authorize.json")
    assert (auth.source_uid, auth.uid, auth.granted) == (TEACHER, A, True)
    kick = parsed("inclass_kickout.json")
    assert (kick.uid, kick.duration, kick.operation) == (C, 300, 1)
    mute = parsed("inclass_mute_one.json")
    assert (mute.uid, mute.muted) == (B, True)
    everyone = parsed("inclass_mute_all.json")
    assert (everyone.source_uid, everyone.muted) == (TEACHER, True)
    stage = parsed("inclass_stage.json")
    assert (stage.uid, stage.on_stage) == (C, True)


def test_net_sample_decoded_with_problems_and_diagnosis():
    e = parsed("Net.json")
    s = e.sample
    assert e.uid == B and s.uid == B and s.socket == "UDP" and s.period_seconds == 300
    assert s.quality.good == pytest.approx(41 / 300) and s.quality.not_reach == pytest.approx(48 / 300)
    assert s.quality.usable == pytest.approx(93 / 300)
    assert s.avg_delay_ms == pytest.approx(412.337)
    assert s.loss_percent == pytest.approx(100 * 37 / 150)
    assert s.cpu.busy == pytest.approx(0.1) and s.cpu.overloaded == pytest.approx(91 / 300)
    assert s.trouble_at == "home network"          # gateway (own router) already degraded
    assert s.has_problem and any("packet loss" in p for p in s.problems)
    assert any("CPU" in p for p in s.problems) and any("delay" in p for p in s.problems)


def _net(**data) -> ev.NetReport:
    return ev.parse({"Cmd": "Net", "UID": 5, "ActionTime": 100, "Data": data}, 1.0)


def test_net_diagnosis_points_at_provider_or_path_and_tcp():
    clean = {"Good": 95, "Normal": 5, "Bad": 0, "Poor": 0, "NotReach": 0, "Total": 100}
    bad = {"Good": 20, "Normal": 10, "Bad": 40, "Poor": 20, "NotReach": 10, "Total": 100}
    udp = {k[0].lower() + k[1:]: v for k, v in bad.items()}
    provider = _net(**udp, **{"gateway" + k: v for k, v in clean.items()},
                    **{"gateway2" + k: v for k, v in bad.items()})
    assert provider.sample.trouble_at == "access provider"
    path = _net(**udp, **{"gateway" + k: v for k, v in clean.items()},
                **{"gateway2" + k: v for k, v in clean.items()})
    assert path.sample.trouble_at == "path to ClassIn"
    fine = _net(good="90", normal="10", total="100", socket="TCP")
    assert fine.sample.quality.usable == 1.0 and fine.sample.problems == ("media over TCP (UDP blocked?)",)
    sparse = _net(localIP="10.0.0.*")      # the second doc example: most fields absent
    assert sparse.sample.quality is None and sparse.sample.cpu is None and sparse.sample.problems == ()


def test_thresholds_are_configurable():
    payload = fixture("Net.json")
    lenient = ev.parse(payload, 1.0, Thresholds(degraded_share=0.9, loss_percent=50, delay_ms=1000,
                                                 cpu_busy_share=0.95))
    assert lenient.sample.problems == () and lenient.sample.trouble_at is None


def test_in_class_check_decoded():
    e = parsed("Check.json")
    c = e.check
    assert (e.uid, c.kind, c.device_type_label, c.client_version) == (A, "in-class", "Windows", "5.3.1.204")
    assert c.operating_system == "Windows 11 (23H2)" and c.cpu.startswith("AMD Ryzen")
    assert c.camera.state == "problem" and c.camera.reason == "no picture"
    assert c.microphone.state == "ok" and c.speaker.state == "ok"
    assert c.delay_ms == 38 and c.loss_percent == 0 and not c.delay_timed_out
    assert c.cameras == ("Integrated Webcam", "OBS Virtual Camera")          # from a JSON string
    assert c.microphones[1] == "USB Audio Device" and len(c.speakers) == 2
    assert (c.ip, c.mac, c.info_source, c.info_source_label) == ("203.0.113.*", "02:4F:7A:1C:33:90", 3,
                                                                "check finished")
    assert c.problems == ("camera: no picture",) and c.has_problem


def test_check_arbitrary_codes_and_device_list_object():
    payload = fixture("Check.json")
    payload["Data"].update(MicrophoneArbitrary=2, CameraArbitrary=None, CameraImpersonal=0,
                           HeadphoneArbitrary=None, HeadphoneImpersonal=None, NetworkDelay="N/A",
                           FrameLoss="12%", InfoSource=4,
                           EEO_DEVICE_LIST={"camera": [], "micphone": ["Mic"], "speaker": ["Spk"]})
    c = ev.parse(payload, 1.0).check
    assert c.microphone.state == "problem" and c.microphone.reason == "disabled or absent"
    assert c.camera.state == "not-tested" and c.speaker.state == "unknown"
    assert c.delay_timed_out and c.delay_ms is None and c.loss_percent == 12
    assert c.cameras == () and "no camera found" in c.problems
    assert "delay test timed out" in c.problems and "packet loss 12%" in c.problems
    assert "device plugged/unplugged during the lesson" in c.problems


def test_user_check_uses_0_1_2_codes():
    e = parsed("UserCheck.json")
    c = e.check
    assert (e.uid, c.kind, e.class_id) == (A, "out-of-class", None)
    assert (c.microphone.state, c.camera.state, c.speaker.state) == ("ok", "ok", "ok")
    assert not c.has_problem and c.info_source_label == "check finished"
    payload = fixture("UserCheck.json")
    payload["Data"].update(CameraArbitrary=0, CameraImpersonal=0, MicrophoneArbitrary=2,
                           HeadphoneArbitrary=1, InfoSource=6)
    c = ev.parse(payload, 1.0).check
    assert c.camera.state == "not-tested" and c.microphone.state == "problem"
    assert c.microphone.reason == "chosen device abnormal" and c.info_source_label == "login succeeded"


def test_mobile_check_ignores_impersonal():
    payload = fixture("Check.json")
    payload["Data"].update(DeviceType=2, CameraImpersonal=2)
    c = ev.parse(payload, 1.0).check
    assert c.camera.state == "ok" and c.device_type_label == "iPhone"


def test_help_class_len_live_detail_board_image():
    h = parsed("HelpInfo.json")
    assert (h.uid, h.users) == (TEACHER, (TEACHER, B)) and "dropping out" in h.message
    x = parsed("ClassLen.json")
    assert (x.start_time, x.lesson_seconds, x.close_delay) == (1747184400, 3600, 1200)
    assert x.planned_end == 1747188000 and x.close_time == 1747189200
    r = parsed("LiveDetail.json")
    assert (r.audio_mode, r.bit_rate, r.microphone_recorded, r.video_scope, r.video_size) == (
        "ClassIn Audio", "High", True, "Classroom", "FHD(1920*1080)")
    assert r.push_address == "198.51.100.24"
    b = parsed("EdbImg.json")
    assert b.url.endswith(".jpg") and b.group_id == 0


def test_end_decoded():
    e = parsed("End.json")
    assert (e.start_time, e.close_time, e.real_close_time, e.end_time) == (
        1747184400, 1747189200, 1747187910, 1747187910)
    a = e.users[A]
    assert (a.identity, a.attended_seconds, a.hands_up_count, a.hands_up_seconds, a.awards) == (1, 3925, 1, 18, 1)
    assert a.deputies[0].client_id == 1 and a.deputies[0].total_seconds == 3150      # "clientID"
    assert (a.authorize_count, a.authorize_seconds, a.speak_seconds) == (1, 160, 3835)
    assert e.users[B].moves[1] == Move(1747185672, False, None)
    assert (e.users[B].stage_up_count, e.users[B].stage_up_seconds, e.users[B].awards) == (2, 2427, 2)
    assert e.users[C].kicks == ((1747186200, 300),)
    assert e.users[TEACHER].attended_seconds == 4520
    assert (e.mute_all_count, e.mute_all_seconds) == (1, 90)
    assert "answerEnd" in e.data


@pytest.mark.parametrize("real, expected", [(None, 1747189200), (0, 1747189200), ("0", 1747189200),
                                            (1747190000, 1747189200), (1747187910, 1747187910)])
def test_end_time_rule(real, expected):
    payload = fixture("End.json")
    if real is None:
        del payload["RealCloseTime"]
    else:
        payload["RealCloseTime"] = real
    assert ev.parse(payload, 1.0).end_time == expected


def test_ratings_record_upload_edu():
    t2s = parsed("Rating.json")
    assert t2s.teacher_uid == TEACHER and len(t2s.items) == 3
    item = next(i for i in t2s.items if i.student_uid == C)
    assert (item.direction, item.score, item.account, item.email) == ("T2S", 4, None, "aiko.mori@example.org")
    s2t = parsed("Rating_S2T.json")
    assert [(i.student_uid, i.direction, i.score) for i in s2t.items] == [(A, "S2T", 5)]
    rec = parsed("Record.json")
    assert (rec.file_id, rec.duration, rec.start, rec.end, rec.source) == (
        "387702291540018815", 3508, 1747184402, 1747187910, "ClassRoom")
    up = parsed("Upload.json")
    assert (up.file_id, up.duration, up.size) == ("387702291540021907", 642, 96511830)
    edu = parsed("EduDt.json")
    assert (edu.exam_type, edu.start_time, edu.end_time) == ("QRExam", 1747187100, 1747187251)   # ms -> s
    assert edu.questions[1].answers == (("Lena Park", "B,D"), ("Aiko Mori", "B"))
    assert edu.questions[2].answers == ()


def test_school_level_messages():
    f = parsed("FileCov.json")
    assert (f.file_id, f.succeeded, f.file_name) == (660193, True, "unit4-light-and-shadows.pptx")
    c = parsed("AccountCancellation.json")
    assert (c.uid, c.account_status, c.cancel_time) == (41207790, 255, 1747228064)
    p = parsed("ReplacePhoneNumber.json")
    assert (p.uid, p.telephone, p.email) == (B, "0044-7700900499", None)
    s = parsed("setSubAccount.json")
    assert s.permissions == ("1", "3", "3_2", "5", "7", "20") and s.remark_name == "Priya (front desk)"
    assert parsed("Test.json").message == "Register test."
    assert parsed("Test.json").time == int(RECEIVED)          # no ActionTime: receive time


def test_lms_messages():
    hw = parsed("HomeworkSubmit.json")
    assert (hw.activity_id, hw.student.uid, hw.teacher.name, hw.submit_total, hw.late) == (
        88120455, A, "Carmen Ortega", 2, False)
    assert hw.files == (ev.Attachment("https://files.example.net/hw/20250515/shadow-log-7f3e.jpg",
                                      "shadow-log.jpg", "jpg"),)
    top_level = fixture("HomeworkSubmit.json")
    data = top_level.pop("Data")
    data["Files"] = [{"Src": "u", "FileName": "n", "FileExtension": "pdf"}]
    top_level.update(data)                                       # the tables' layout
    flat = ev.parse(top_level, 1.0)
    assert flat.student.uid == A and flat.files == (ev.Attachment("u", "n", "pdf"),)
    score = parsed("HomeworkScore.json")
    assert (score.full_score, score.state, score.student_score, score.trophies, score.excellent) == (
        100, 40, "92", 3, True)
    exam = parsed("ExamScore.json")
    assert (exam.kind, exam.class_id, exam.full_score, exam.score) == ("exam", CLASS_ID, 20, 15)
    assert exam.topics[2].results == (1, 2) and len(exam.topics[3].sub_topics) == 2
    sheet = parsed("AnswerSheetScore.json")
    assert (sheet.kind, sheet.class_id, sheet.full_score, sheet.correction_time) == ("answer_sheet", None, 15, None)
    disc = parsed("DiscussionChangeInfo.json")
    assert (disc.op_type, disc.comment_type, disc.parent_id, disc.creator.uid, disc.creator_role) == (
        1, 2, 30551188, B, 2)


def test_topic_result_as_int():
    payload = fixture("ExamScore.json")
    payload["Data"]["TopicDetails"][0]["TopicResult"] = 1
    del payload["Data"]["TopicDetails"][0]["SubTopicDetails"]
    topic = ev.parse(payload, 1.0).topics[0]
    assert topic.results == (1,) and topic.sub_topics == ()


def test_schedule_sync():
    course = parsed("eeoCourseInfoChange.json")
    assert (course.course_id, course.course_name, course.main_teacher.uid) == (31877204, "Grade 7 Science - Group B",
                                                                           TEACHER)
    assert course.labels == (ev.Label(90412, "Spring 2025"),) and course.time == 1745805900
    lesson = parsed("eeoClassInfoChange.json")
    assert (lesson.class_id, lesson.course_id, lesson.begin_time, lesson.end_time) == (
        CLASS_ID, 31877204, 1747184400, 1747187100)
    assert (lesson.seat_num, lesson.auto_onstage, lesson.op_type, lesson.teacher.number) == (3, True, 1, "T-0417")
    students = parsed("eeoClassStudentChange.json")
    assert students.lesson and students.class_id == CLASS_ID
    assert [(s.uid, s.name, s.number) for s in students.students][2] == (C, "Aiko Mori", "S7B-14")
    course_students = parsed("eeoCourseStudentChange.json")
    assert not course_students.lesson and course_students.class_id is None and len(course_students.students) == 3


def test_schedule_edit_carries_only_changed_fields_and_label_object():
    payload = fixture("eeoClassInfoChange.json")
    payload.update(opType=3, CourseID=None)
    payload["opData"] = {"endTime": "1747188000", "labelInfos": {"labelName": "moved", "labelId": 1}}
    e = ev.parse(payload, 1.0)
    assert e.end_time == 1747188000 and e.begin_time is None and e.class_name is None
    assert e.assistants is None and e.labels == (ev.Label(1, "moved"),)
    assert e.course_id == 31877204            # CourseId spelling


def test_web_live_messages():
    login = parsed("LiveWebLogin.json")
    assert (login.account, login.nickname, login.login_time) == ("0044-7700900512", "Reyes family", 1747184535)
    assert parsed("LiveReserve.json").reserve_time == 1747135867
    view = parsed("LiveDataDetail.json")
    assert (view.replay, view.in_time, view.look_seconds, view.ip, view.client_type) == (
        False, 1747184535, 2400, "198.51.100.77", 2)                                  # "Ip"
    assert parsed("LiveDataDetail.json", Data={**fixture("LiveDataDetail.json")["Data"], "IP": "x"}).ip == "x"
    like = parsed("LiveLike.json")
    assert like.account == "yk_5c81e0d2a7"
    goods = parsed("LiveGoodsClickDetail.json")
    assert (goods.product_number, goods.product_name) == (3, "Pinhole camera kit")
    chat = parsed("LiveChatMsgDetail.json")
    assert (chat.account, chat.image, chat.ip) == ("0044-7700900512", False, "198.51.100.77")
    replay = parsed("ReplayDataDetail.json")
    assert replay.replay and replay.look_seconds == 1830 and not replay.tourist
    tourist = parsed("LiveDataDetail.json", Data={"Telephone": "yk_1", "Intime": 1, "LookTime": 2})
    assert tourist.tourist


def test_client_playback_both_formats():
    new = parsed("ClientPlaybackDataDetail.json")
    assert (new.uid, new.old_format, new.total_duration, new.valid_views, new.covered_seconds, new.trigger) == (
        A, False, 3508, 1, 2790, 3)
    old = parsed("ClientPlaybackDataDetail_old.json")
    assert (old.uid, old.old_format, old.look_count, old.look_seconds, old.top_progress) == (
        A, True, 2, 2955, "86%")                                          # UID sent as a string
    no_cmd = fixture("ClientPlaybackDataDetail.json")
    del no_cmd["Cmd"], no_cmd["SID"]
    assert isinstance(ev.parse(no_cmd, 1.0), ev.ClientReplayViewing)


def test_chat_archive_time_is_its_timestamp():
    chat = parsed("ChatContent.json")
    assert chat.time == 1747189270 and chat.download_url.startswith("https://chat-archive.example.net/")


def test_cmd_as_digit_string_and_numbers_as_strings():
    payload = fixture("inclass_enter.json")
    payload.update(Cmd="67371107", UID="41200902", ClientID="1", Device="4", ActionTime="1747183985",
                   ClassID="508113967", CourseID=None, CourseId="31877204")
    e = ev.parse(payload, 1.0)
    assert isinstance(e, ev.Enter)
    assert (e.uid, e.client_id, e.device, e.time, e.class_id, e.course_id) == (
        A, 1, 4, 1747183985, CLASS_ID, 31877204)


def test_time_falls_back_to_own_fields_then_receive_time():
    payload = fixture("Net.json")
    del payload["ActionTime"]
    assert ev.parse(payload, 1.0).time == 1747185607           # Data.reportTime (a string)
    payload = fixture("inclass_exit.json")
    del payload["ActionTime"]
    assert ev.parse(payload, 1234.9).time == 1234              # TimeStamp is ignored
    payload = fixture("Record.json")
    payload["ActionTime"] = "garbage"
    assert ev.parse(payload, 1.0).time == 1747187910           # VET


def test_unknown_cmd_kept():
    payload = {"SID": 1, "ClassID": 5, "Cmd": "IMChat", "ActionTime": 10, "_id": "x", "text": "hi"}
    e = ev.parse(payload, 1.0)
    assert isinstance(e, ev.Unknown) and e.error is None
    assert (e.cmd, e.class_id, e.time, e.payload) == ("IMChat", 5, 10, payload)
    assert isinstance(ev.parse({"Cmd": 99999999}, 1.0), ev.Unknown)
    assert isinstance(ev.parse("not a dict", 1.0), ev.Unknown)
    assert isinstance(ev.parse({}, 1.0), ev.Unknown)


def test_malformed_fields_become_none():
    payload = fixture("End.json")
    payload["Data"] = {"inoutEnd": {"41200902": {"Total": "x", "Details": "nope", "Deputies": {"clientID": 1}},
                                    "Participants": 3},
                       "handsupEnd": [], "awardEnd": {"41200902": 5}}
    payload["CloseTime"] = {"a": 1}
    e = ev.parse(payload, 1.0)
    assert isinstance(e, ev.LessonEnd) and e.close_time is None
    user = e.users[A]
    assert user.attended_seconds is None and user.moves == () and user.awards is None
    assert user.deputies[0].client_id == 1
    bad = copy.deepcopy(fixture("Check.json"))
    bad["Data"] = json.dumps(bad["Data"])[:40]                  # a truncated JSON string
    assert isinstance(ev.parse(bad, 1.0), ev.DeviceCheckReport)
