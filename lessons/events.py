"""Typed events from stored ClassIn pushes: `parse(payload, received_at)`.

parse() is total: any payload gives an event, malformed fields become None,
an unknown Cmd becomes `Unknown` (kept, never dropped). Every spelling and
type quirk of classin.md §16 is absorbed here, so nothing downstream looks
at raw keys.

Event time = `ActionTime`, else the message's own time field, else the
receive time. `TimeStamp` is never the event time (it runs ~600 s ahead),
except for ChatContent, whose TimeStamp is documented as the packing time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any, Callable

from protocol import classin as ci

from .diagnostics import DEFAULT_THRESHOLDS, DeviceCheck, NetSample, Thresholds, decode_check, decode_net
from .end_report import EndUser, decode_end_users

_event = dataclass(frozen=True, slots=True, kw_only=True)
_value = dataclass(frozen=True, slots=True)


# --- Small values shared by several events ----------------------------------------------
@_value
class Person:
    uid: int | None
    name: str | None
    account: str | None = None      # phone, else e-mail
    number: str | None = None       # school's staff / student number (K-12)


@_value
class Label:
    id: int | None
    name: str | None


@_value
class Area:
    x1: int | None
    y1: int | None
    x2: int | None
    y2: int | None


@_value
class ToolParticipant:
    uid: int | None
    name: str | None
    identity: int | None


# --- Base ---------------------------------------------------------------------------
@_event
class Event:
    time: int                   # unix seconds (see module docstring)
    received_at: float
    cmd: int | str | None
    sid: int | None
    course_id: int | None
    class_id: int | None
    msg_id: str | None


@_event
class RegistrationTest(Event):
    message: str | None


@_event
class Unknown(Event):
    """An unknown Cmd (or, defensively, a push a parser could not read)."""
    payload: Any
    error: str | None = None


# --- (a) In-class realtime -------------------------------------------------------------
@_event
class Enter(Event):
    uid: int | None
    nickname: str | None
    identity: int | None
    device: int | None
    client_id: int              # dual device: 0 first device, 1 second
    allow_enter_time: int | None
    login_mobile: str | None
    login_email: str | None


@_event
class Exit(Event):
    uid: int | None
    identity: int | None
    client_id: int
    reason: int | None

    @property
    def reason_label(self) -> str:
        if self.reason is None:
            return "not given"
        return ci.EXIT_REASON.get(self.reason, "other")

    @property
    def abnormal(self) -> bool:
        return self.reason in ci.ABNORMAL_EXIT_REASONS


@_event
class HandsUp(Event):
    uid: int | None
    raised: bool | None         # False: hand lowered


@_event
class Award(Event):
    uid: int | None
    times: int | None           # running total or increment: undocumented (End is authoritative)


@_event
class CameraPosition(Event):
    uid: int | None
    area: Area | None
    on_top: bool | None         # in the seat area
    channel: int | None         # 0 main camera, 1 secondary


@_event
class Selector(Event):
    """Answer tool: the teacher's question state (question=True) or one student's answer."""
    uid: int | None
    question: bool
    state: int | None           # question: CurState; answer: Commited (sic)
    sent_time: int | None
    collect_time: int | None
    correct_items: str | None
    selected_item: str | None
    all_items: str | None
    received_time: int | None
    commit_time: int | None
    participants: tuple[ToolParticipant, ...]


@_event
class Responder(Event):
    """Buzzer: the teacher's state (question=True) or one student's buzz."""
    uid: int | None
    question: bool
    state: int | None
    end_time: int | None
    fastest_uid: int | None
    fastest_time: int | None
    fastest_name: str | None
    participants: tuple[ToolParticipant, ...]


@_event
class BoardOther(Event):
    """Cmd 67375105 with a Color nobody documented."""
    color: str | None
    uid: int | None


@_event
class Authorize(Event):
    source_uid: int | None
    uid: int | None
    granted: bool | None


@_event
class Kick(Event):
    source_uid: int | None
    uid: int | None
    duration: int | None        # seconds (unit inferred from End)
    operation: int | None


@_event
class Mute(Event):
    source_uid: int | None
    uid: int | None
    muted: bool | None


@_event
class MuteAll(Event):
    source_uid: int | None
    muted: bool | None


@_event
class Stage(Event):
    source_uid: int | None
    uid: int | None
    on_stage: bool | None


@_event
class NetReport(Event):
    uid: int | None
    sample: NetSample


@_event
class DeviceCheckReport(Event):
    """`Check` (in class) or `UserCheck` (outside); `check.kind` tells which."""
    uid: int | None
    check: DeviceCheck


@_event
class HelpRequest(Event):
    uid: int | None
    message: str | None
    users: tuple[int, ...]


@_event
class LessonExtended(Event):
    start_time: int | None
    lesson_seconds: int | None      # the NEW lesson length
    close_delay: int | None

    @property
    def planned_end(self) -> int | None:
        if self.start_time is None or self.lesson_seconds is None:
            return None
        return self.start_time + self.lesson_seconds

    @property
    def close_time(self) -> int | None:
        end = self.planned_end
        return None if end is None else end + (self.close_delay if self.close_delay is not None
                                               else ci.CLOSE_OVERTIME_SECONDS)


@_event
class RecordingStarted(Event):
    audio_mode: str | None
    bit_rate: str | None
    push_address: str | None
    microphone_recorded: bool | None
    video_scope: str | None
    video_size: str | None


@_event
class BoardImage(Event):
    url: str | None
    group_id: int | None


# --- (b) After class -------------------------------------------------------------------
@_event
class LessonEnd(Event):
    start_time: int | None
    close_time: int | None
    real_close_time: int | None
    users: dict[int, EndUser]
    mute_all_count: int | None
    mute_all_seconds: int | None
    data: dict                   # every section as sent, for the ones not decoded

    @property
    def end_time(self) -> int | None:
        return ci.lesson_end_time(self.close_time, self.real_close_time)


@_value
class RatingItem:
    student_uid: int
    direction: str              # "T2S" teacher -> student, "S2T" student -> teacher
    score: int | None
    comment: str | None
    account: str | None
    email: str | None


@_event
class Ratings(Event):
    teacher_uid: int | None
    items: tuple[RatingItem, ...]


@_event
class RecordingFile(Event):
    file_id: str | None
    url: str | None
    start: int | None
    end: int | None
    duration: int | None
    size: int | None
    source: str | None          # "ClassRoom" or a teacher camera ("Camera.3")


@_event
class ReplayUpload(Event):
    file_id: str | None
    url: str | None
    duration: int | None
    size: int | None


@_value
class EduQuestion:
    index: int | None
    right_answer: str | None
    answers: tuple[tuple[str | None, str | None], ...]   # (nickname, answer): no UIDs in EduDt


@_event
class EduAnswers(Event):
    exam_type: str | None       # "QRExam" or "clientExam"
    start_time: int | None      # seconds (sent as milliseconds)
    end_time: int | None
    questions: tuple[EduQuestion, ...]


# --- (c) School level --------------------------------------------------------------------
@_event
class FileConversion(Event):
    file_id: int | None
    result: int | None
    file_name: str | None
    upload_time: int | None
    conversion_time: int | None

    @property
    def succeeded(self) -> bool | None:
        return {ci.FILE_CONVERTED: True, ci.FILE_CONVERSION_FAILED: False}.get(self.result) \
            if self.result is not None else None


@_event
class AccountCancelled(Event):
    uid: int | None
    cancel_time: int | None
    account_status: int | None


@_event
class PhoneChanged(Event):
    uid: int | None
    telephone: str | None
    email: str | None
    change_time: int | None


@_event
class SubAccountSet(Event):
    uid: int | None
    telephone: str | None
    email: str | None
    remark_name: str | None
    permissions: tuple[str, ...]    # page codes; "3_1" is not a number
    set_time: int | None


# --- (d) LMS ---------------------------------------------------------------------------
@_event
class LmsEvent(Event):
    course_name: str | None
    unit_id: int | None
    unit_name: str | None
    activity_id: int | None
    activity_name: str | None


@_value
class Attachment:
    url: str | None
    name: str | None
    extension: str | None


@_event
class HomeworkSubmitted(LmsEvent):
    student: Person | None
    teacher: Person | None
    student_total: int | None
    submit_total: int | None
    submission_time: int | None
    late: bool | None
    revision: bool | None
    content: str | None
    files: tuple[Attachment, ...]


@_event
class HomeworkScored(LmsEvent):
    student: Person | None
    teacher: Person | None
    full_score: float | None
    state: int | None               # 40 graded, 50 returned to the student
    grading_plan: str | None
    student_score: str | None       # as displayed under the grading plan
    scoring_rate: float | None
    correct: int | None
    wrong: int | None
    trophies: int | None
    excellent: bool | None
    comment: str | None
    submission_time: int | None
    correction_time: int | None


@_value
class TopicResult:
    topic_id: int | None
    topic_type: str | None
    results: tuple[int, ...]        # one per blank; documented as one int
    score: float | None
    max_score: float | None
    sub_topics: tuple["TopicResult", ...]


@_event
class ExamScored(LmsEvent):
    """ExamScore (kind "exam") or AnswerSheetScore (kind "answer_sheet");
    `class_id` is the lesson when the test was given in one."""
    kind: str
    student: Person | None
    teacher: Person | None
    full_score: float | None
    scoring_rate: float | None
    submission_time: int | None
    correction_time: int | None
    answer_seconds: int | None
    topics: tuple[TopicResult, ...]

    @property
    def score(self) -> float | None:
        if self.full_score is None or self.scoring_rate is None:
            return None
        return round(self.full_score * self.scoring_rate, 2)


@_event
class DiscussionChanged(LmsEvent):
    op_type: int | None
    teacher: Person | None
    creator: Person | None
    creator_role: int | None        # 1 teacher, 2 student
    comment_type: int | None        # 1 comment, 2 reply, 3 like
    comment_id: int | None
    parent_id: int | None
    content: str | None
    like_count: int | None
    top_reply_count: int | None


# --- (e) Schedule sync -----------------------------------------------------------------
@_event
class ScheduleEvent(Event):
    op_type: int | None             # 1 add, 2 delete, 3 edit
    operator_uid: int | None
    op_source: int | None           # kept raw: examples show codes the enum lacks


@_event
class CourseInfoChanged(ScheduleEvent):
    course_name: str | None
    expiry_time: int | None
    course_type: int | None
    course_status: int | None
    main_teacher: Person | None
    labels: tuple[Label, ...]


@_event
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


@_event
class StudentsChanged(ScheduleEvent):
    """eeoCourseStudentChange (lesson=False) or eeoClassStudentChange (lesson=True)."""
    lesson: bool
    students: tuple[Person, ...]


# --- (f) Web live, replay, chat --------------------------------------------------------------
@_event
class WebLiveLogin(Event):
    account: str | None
    nickname: str | None
    login_time: int | None


@_event
class WebLiveReservation(Event):
    account: str | None
    reserve_time: int | None


@_event
class WebViewing(Event):
    """LiveDataDetail (replay=False) or ReplayDataDetail (replay=True): one closed page session."""
    replay: bool
    account: str | None             # phone / e-mail, or "yk_..." for a tourist
    nickname: str | None
    in_time: int | None
    look_seconds: int | None
    ip: str | None
    client_type: int | None

    @property
    def tourist(self) -> bool:
        return bool(self.account and self.account.startswith(ci.TOURIST_PREFIX))


@_event
class WebLiveLike(Event):
    account: str | None


@_event
class WebLiveProductClick(Event):
    account: str | None
    nickname: str | None
    product_number: int | None
    product_name: str | None


@_event
class WebLiveChat(Event):
    account: str | None
    nickname: str | None
    ip: str | None
    text: str | None                # the text, or the image URL
    image: bool | None


@_event
class ClientReplayViewing(Event):
    """ClientPlaybackDataDetail; `old_format` for the pre-2024-08 shape."""
    uid: int | None
    old_format: bool
    covered_seconds: int | None     # TotalLookVaildTime (sic)
    total_duration: int | None      # new format
    valid_views: int | None         # new format: views reaching 75 % coverage
    trigger: int | None             # new format: 1 opened, 3 closed, 4 timeout
    look_count: int | None          # old format
    look_seconds: int | None        # old format, pauses included
    top_progress: str | None        # old format, e.g. "86%"


@_event
class ChatArchive(Event):
    url: str | None

    @property
    def download_url(self) -> str | None:
        if not self.url:
            return None
        return self.url if "://" in self.url else "https://" + self.url


# --- Field readers -------------------------------------------------------------------------
_TRAILING_DIGITS = re.compile(r"(\d+)\s*$")
_COLOR_NOISE = re.compile(r"[\s_+]")


def _time(value: Any) -> int | None:
    t = ci.as_int(value)
    return t if t is not None and t > 0 else None


def _uid(value: Any) -> int | None:
    """A user ID; 0 means "nobody / everyone" in ClassIn's common fields."""
    uid = ci.as_int(value)
    return uid if uid else None


def _person(value: Any, prefix: str) -> Person | None:
    """StudentInfo / TeacherInfo (LMS, `Student…`) and teacherInfo (schedule, `teacher…`)."""
    d = ci.as_dict(value)
    if not d:
        return None
    cap = prefix[:1].upper() + prefix[1:]
    return Person(uid=_uid(ci.pick(d, prefix + "Uid", cap + "Uid")),
                  name=ci.as_str(ci.pick(d, prefix + "Name", cap + "Name")),
                  account=ci.as_str(ci.pick(d, prefix + "Account", cap + "Account")),
                  number=ci.as_str(ci.pick(d, prefix + "No", cap + "No")))


def _labels(value: Any) -> tuple[Label, ...]:
    return tuple(Label(ci.as_int(d.get("labelId")), ci.as_str(d.get("labelName")))
                 for d in map(ci.as_dict, ci.as_list(value)) if d)


def _tool_participants(value: Any) -> tuple[ToolParticipant, ...]:
    return tuple(ToolParticipant(_uid(ci.pick(d, "Uid", "UID")), ci.as_str(d.get("ShowName")),
                                 ci.as_int(d.get("Identity")))
                 for d in map(ci.as_dict, ci.as_list(value)) if d)


def _area(value: Any) -> Area | None:
    d = ci.as_dict(value)
    return Area(*(ci.as_int(d.get(k)) for k in ("X1", "Y1", "X2", "Y2"))) if d else None


def _ints(value: Any) -> tuple[int, ...]:
    return tuple(i for i in map(ci.as_int, ci.as_list(value)) if i is not None)


class _Push:
    """One payload being parsed, with the fields every event shares."""
    __slots__ = ("p", "data", "received_at", "cmd", "limits")

    def __init__(self, payload: Mapping[str, Any], received_at: float, limits: Thresholds):
        self.p = payload
        self.data = ci.as_dict(payload.get("Data"))
        self.received_at = received_at
        self.cmd = ci.normalise_cmd(payload.get("Cmd"))
        self.limits = limits

    def get(self, *names: str) -> Any:
        return ci.pick(self.p, *names)

    def inner(self, *names: str) -> Any:
        """LMS counters sit in `Data` in the captures, at the top level in the tables."""
        value = ci.pick(self.data, *names)
        return value if value is not None else ci.pick(self.p, *names)

    def common(self, *own_times: Any, class_id: Any = None) -> dict[str, Any]:
        time = next((t for t in map(_time, (self.p.get("ActionTime"), *own_times)) if t), None)
        if time is None:
            time = ci.as_int(self.received_at) or 0
        msg_id = ci.as_str(self.p.get("_id"))
        return dict(
            time=time, received_at=self.received_at, cmd=self.cmd,
            sid=ci.as_int(self.p.get("SID")),
            course_id=ci.as_int(self.get("CourseID", "CourseId")),
            class_id=ci.as_int(class_id if class_id is not None else self.get("ClassID", "ClassId", "CID")),
            msg_id=msg_id.strip() or None if msg_id else None)


# --- Parsers, one per message ------------------------------------------------------------------
def _test(x: _Push) -> Event:
    return RegistrationTest(**x.common(), message=ci.as_str(x.get("Msg")))


def _enter(x: _Push) -> Event:
    return Enter(**x.common(), uid=_uid(x.get("UID")), nickname=ci.as_str(x.get("NickName")),
                 identity=ci.as_int(x.get("Identity")), device=ci.as_int(x.get("Device")),
                 client_id=ci.as_int(x.get("ClientID", "clientID")) or 0,
                 allow_enter_time=_time(x.get("AllowEnterTime")),
                 login_mobile=ci.as_str(x.get("LoginMobile")) or None,
                 login_email=ci.as_str(x.get("LoginEmail")) or None)


def _exit(x: _Push) -> Event:
    return Exit(**x.common(), uid=_uid(x.get("UID")), identity=ci.as_int(x.get("Identity")),
                client_id=ci.as_int(x.get("ClientID", "clientID")) or 0,
                reason=ci.as_int(x.get("Reason")))


def _board_kind(x: _Push) -> tuple[str | None, int | None]:
    """§9.1: normalised Color prefix, then the characteristic fields."""
    color = ci.as_str(x.get("Color")) or ""
    digits = _TRAILING_DIGITS.search(color)
    uid = _uid(digits.group(1)) if digits else None
    norm = _COLOR_NOISE.sub("", color).lower().removeprefix("standalone")
    kind = next((k for prefix, k in ci.BOARD_COLOR_PREFIXES if norm.startswith(prefix)), None)
    if kind is None:
        p = x.p
        if "Handsup" in p:
            kind = "hands"
        elif "Times" in p:
            kind = "award"
        elif "OnTop" in p or "Channel" in p:
            kind = "camera"
        elif any(k in p for k in ("Commited", "SelectedItem", "AllItems")):
            kind = "selector_answer" if "SelectedItem" in p or uid else "selector_question"
        elif any(k in p for k in ("nId", "FastestGuyTime", "RandomTopLeft")):
            kind = "responder_answer" if uid else "responder_question"
    return kind, uid


def _board(x: _Push) -> Event:
    kind, color_uid = _board_kind(x)
    target, source = _uid(x.get("TargetUID")), _uid(x.get("SourceUID"))
    # The affected user: the UID in Color, else TargetUID, else (hands up) the actor.
    uid = color_uid or target or source
    if kind == "hands":
        return HandsUp(**x.common(), uid=uid, raised=ci.as_bool(x.get("Handsup")))
    if kind == "award":
        return Award(**x.common(), uid=uid, times=ci.as_int(x.get("Times")))
    if kind == "camera":
        return CameraPosition(**x.common(), uid=uid, area=_area(x.get("Area")),
                              on_top=ci.as_bool(x.get("OnTop")), channel=ci.as_int(x.get("Channel")))
    if kind in ("selector_question", "selector_answer"):
        question = kind == "selector_question"
        return Selector(
            **x.common(x.get("LastCommitTime"), x.get("QCollectTime"), x.get("QSentTime")),
            uid=None if question else uid, question=question,
            state=ci.as_int(x.get("CurState") if question else x.get("Commited")),
            sent_time=_time(x.get("QSentTime")), collect_time=_time(x.get("QCollectTime")),
            correct_items=ci.as_str(x.get("CorrectItems")),
            selected_item=ci.as_str(x.get("SelectedItem")), all_items=ci.as_str(x.get("AllItems")),
            received_time=_time(x.get("RecvQuestionTime")), commit_time=_time(x.get("LastCommitTime")),
            participants=_tool_participants(x.get("Participants")))
    if kind in ("responder_question", "responder_answer"):
        question = kind == "responder_question"
        return Responder(
            **x.common(x.get("FastestGuyTime")), uid=None if question else uid, question=question,
            state=ci.as_int(x.get("CurState")), end_time=_time(x.get("EndTime")),
            fastest_uid=_uid(x.get("nId")), fastest_time=_time(x.get("FastestGuyTime")),
            fastest_name=ci.as_str(x.get("FastestGuyName")),
            participants=_tool_participants(x.get("Participants")))
    return BoardOther(**x.common(), color=ci.as_str(x.get("Color")), uid=uid)


def _authorize(x: _Push) -> Event:
    return Authorize(**x.common(), source_uid=_uid(x.get("SourceUID")), uid=_uid(x.get("TargetUID")),
                     granted=ci.as_bool(x.get("Operation")))


def _kick(x: _Push) -> Event:
    return Kick(**x.common(), source_uid=_uid(x.get("SourceUID")), uid=_uid(x.get("TargetUID")),
                duration=ci.as_int(x.get("Duration")), operation=ci.as_int(x.get("Operation")))


def _mute_one(x: _Push) -> Event:
    return Mute(**x.common(), source_uid=_uid(x.get("SourceUID")), uid=_uid(x.get("TargetUID")),
                muted=ci.as_bool(x.get("Operation")))


def _mute_all(x: _Push) -> Event:
    return MuteAll(**x.common(), source_uid=_uid(x.get("SourceUID")),
                   muted=ci.as_bool(x.get("Operation")))


def _stage(x: _Push) -> Event:
    return Stage(**x.common(), source_uid=_uid(x.get("SourceUID")), uid=_uid(x.get("TargetUID")),
                 on_stage=ci.as_bool(x.get("Operation")))


def _net(x: _Push) -> Event:
    common = x.common(x.data.get("reportTime"))
    uid = _uid(ci.pick(x.p, "UID") or ci.pick(x.data, "UID"))
    return NetReport(**common, uid=uid, sample=decode_net(x.data, uid, common["time"], x.limits))


def _check(x: _Push) -> Event:
    common = x.common(x.data.get("addTime"))
    uid = _uid(ci.pick(x.p, "UID") or ci.pick(x.data, "UID"))
    kind = "in-class" if x.cmd == "Check" else "out-of-class"
    return DeviceCheckReport(**common, uid=uid,
                             check=decode_check(x.data, uid, common["time"], kind, x.limits))


def _help(x: _Push) -> Event:
    return HelpRequest(**x.common(), uid=_uid(ci.pick(x.data, "UID") or x.get("UID")),
                       message=ci.as_str(x.data.get("Message")), users=_ints(x.data.get("UserList")))


def _class_len(x: _Push) -> Event:
    return LessonExtended(**x.common(), start_time=_time(x.get("StartTime")),
                          lesson_seconds=ci.as_int(x.get("PrelectTimeLength")),
                          close_delay=ci.as_int(x.get("CloseClassDelay")))


def _live_detail(x: _Push) -> Event:
    d = x.data
    mic = ci.as_str(ci.pick(d, "Micphone is recorded", "Microphone is recorded"))
    return RecordingStarted(**x.common(), audio_mode=ci.as_str(d.get("Audio mode")),
                            bit_rate=ci.as_str(d.get("HighBitRate")),
                            push_address=ci.as_str(ci.pick(d, "IP", "Ip")),
                            microphone_recorded={"yes": True, "no": False}.get((mic or "").strip().lower()),
                            video_scope=ci.as_str(d.get("Video Scope")),
                            video_size=ci.as_str(d.get("Video Size")))


def _edb_img(x: _Push) -> Event:
    return BoardImage(**x.common(), url=ci.as_str(x.get("Url", "URL")),
                      group_id=ci.as_int(x.get("GroupId", "GroupID")))


def _end(x: _Push) -> Event:
    close, real = _time(x.get("CloseTime")), ci.as_int(x.get("RealCloseTime"))
    mute_all = ci.as_dict(ci.as_dict(x.data.get("muteEnd")).get("MuteAll"))
    return LessonEnd(**x.common(ci.lesson_end_time(close, real)),
                     start_time=_time(x.get("StartTime")), close_time=close, real_close_time=real,
                     users=decode_end_users(x.data), mute_all_count=ci.as_int(mute_all.get("Count")),
                     mute_all_seconds=ci.as_int(mute_all.get("Total")), data=x.data)


def _rating(x: _Push) -> Event:
    items = []
    for key, entry in ci.as_dict(x.get("Comments")).items():
        uid, entry = ci.as_int(key), ci.as_dict(entry)
        if uid is None:
            continue
        for direction in ci.RATING_DIRECTIONS:
            rating = ci.as_dict(entry.get(direction))
            if rating:
                items.append(RatingItem(uid, direction, ci.as_int(rating.get("Score")),
                                        ci.as_str(rating.get("Comment")),
                                        ci.as_str(entry.get("Account")) or None,
                                        ci.as_str(ci.pick(entry, "studentEmail", "StudentEmail")) or None))
    return Ratings(**x.common(), teacher_uid=_uid(x.get("TUID")), items=tuple(items))


def _record(x: _Push) -> Event:
    return RecordingFile(**x.common(x.get("VET")), file_id=ci.as_str(x.get("FileId", "FileID")),
                         url=ci.as_str(x.get("VUrl")), start=_time(x.get("VST")), end=_time(x.get("VET")),
                         duration=ci.as_int(x.get("Duration")), size=ci.as_int(x.get("Size")),
                         source=ci.as_str(x.get("CIDExt")))


def _upload(x: _Push) -> Event:
    return ReplayUpload(**x.common(), file_id=ci.as_str(x.get("FileId", "FileID")),
                        url=ci.as_str(x.get("VUrl")), duration=ci.as_int(x.get("Duration")),
                        size=ci.as_int(x.get("Size")))


def _ms_to_s(value: Any) -> int | None:
    ms = ci.as_int(value)
    return ms // 1000 if ms else None


def _edu(x: _Push) -> Event:
    questions = tuple(
        EduQuestion(ci.as_int(q.get("index")), ci.as_str(q.get("rightAnswer")),
                    tuple((ci.as_str(a.get("nickname")), ci.as_str(a.get("answer")))
                          for a in map(ci.as_dict, ci.as_list(q.get("studentAnswers")))))
        for q in map(ci.as_dict, ci.as_list(x.data.get("questionList"))))
    end = _ms_to_s(x.data.get("endTime"))
    return EduAnswers(**x.common(end), exam_type=ci.as_str(x.data.get("type")),
                      start_time=_ms_to_s(x.data.get("startTime")), end_time=end, questions=questions)


def _file_cov(x: _Push) -> Event:
    return FileConversion(**x.common(x.data.get("changeTime")), file_id=ci.as_int(x.get("FileID", "FileId")),
                          result=ci.as_int(x.get("Result")), file_name=ci.as_str(x.data.get("fileName")),
                          upload_time=_time(x.data.get("addTime")),
                          conversion_time=_time(x.data.get("changeTime")))


def _cancellation(x: _Push) -> Event:
    return AccountCancelled(**x.common(x.get("CancellationTime")), uid=_uid(x.get("UID")),
                            cancel_time=_time(x.get("CancellationTime")),
                            account_status=ci.as_int(x.get("AccountStatus")))


def _phone(x: _Push) -> Event:
    return PhoneChanged(**x.common(x.get("ReplaceTime")), uid=_uid(x.get("UID")),
                        telephone=ci.as_str(x.get("Telephone")), email=ci.as_str(x.get("Email")) or None,
                        change_time=_time(x.get("ReplaceTime")))


def _sub_account(x: _Push) -> Event:
    permissions = ci.as_str(x.get("PermissionList")) or ""
    return SubAccountSet(**x.common(x.get("SetTime")), uid=_uid(x.get("UID")),
                         telephone=ci.as_str(x.get("Telephone")), email=ci.as_str(x.get("Email")) or None,
                         remark_name=ci.as_str(x.get("RemarkName")),
                         permissions=tuple(p.strip() for p in permissions.split(",") if p.strip()),
                         set_time=_time(x.get("SetTime")))


def _lms(x: _Push) -> dict[str, Any]:
    return dict(course_name=ci.as_str(x.get("CourseName")),
                unit_id=ci.as_int(x.inner("UnitId", "UnitID")), unit_name=ci.as_str(x.inner("UnitName")),
                activity_id=ci.as_int(x.inner("ActivityId", "ActivityID")),
                activity_name=ci.as_str(x.inner("ActivityName")))


def _homework_submit(x: _Push) -> Event:
    files = tuple(Attachment(ci.as_str(ci.pick(f, "Src", "src")), ci.as_str(ci.pick(f, "FileName", "fileName")),
                             ci.as_str(ci.pick(f, "FileExtension", "fileExtension")))
                  for f in map(ci.as_dict, ci.as_list(x.inner("Files", "files"))) if f)
    return HomeworkSubmitted(
        **x.common(x.inner("SubmissionTime")), **_lms(x),
        student=_person(x.inner("StudentInfo"), "Student"), teacher=_person(x.inner("TeacherInfo"), "Teacher"),
        student_total=ci.as_int(x.inner("StudentTotal")), submit_total=ci.as_int(x.inner("SubmitTotal")),
        submission_time=_time(x.inner("SubmissionTime")), late=ci.as_bool(x.inner("IsSubmitLate")),
        revision=ci.as_bool(x.inner("IsRevision")), content=ci.as_str(x.inner("Content")), files=files)


def _homework_score(x: _Push) -> Event:
    review = ci.as_dict(x.inner("ReviewDetails"))
    return HomeworkScored(
        **x.common(x.inner("CorrectionTime"), x.inner("SubmissionTime")), **_lms(x),
        student=_person(x.inner("StudentInfo"), "Student"), teacher=_person(x.inner("TeacherInfo"), "Teacher"),
        full_score=ci.as_float(x.inner("Score")), state=ci.as_int(x.inner("State")),
        grading_plan=ci.as_str(x.inner("GradingPlan")), student_score=ci.as_str(x.inner("StudentScore")),
        scoring_rate=ci.as_float(x.inner("StudentScoringRate")),
        correct=ci.as_int(review.get("Correct")), wrong=ci.as_int(review.get("Wrong")),
        trophies=ci.as_int(review.get("Trophy")), excellent=ci.as_bool(review.get("Excellent")),
        comment=ci.as_str(review.get("Comment")), submission_time=_time(x.inner("SubmissionTime")),
        correction_time=_time(x.inner("CorrectionTime")))


def _topic(d: Mapping[str, Any], sub: bool) -> TopicResult:
    k = "SubTopic" if sub else "Topic"
    return TopicResult(
        topic_id=ci.as_int(d.get(k + "Id")), topic_type=ci.as_str(d.get(k + "Type")) or None,
        results=_ints(d.get(k + "Result")), score=ci.as_float(d.get(k + "Score")),
        max_score=ci.as_float(d.get(k + "MaxScore")),
        sub_topics=() if sub else tuple(_topic(s, True) for s in map(ci.as_dict, ci.as_list(d.get("SubTopicDetails")))))


def _test_score(x: _Push) -> Event:
    lesson = ci.as_int(x.inner("ClassId", "ClassID")) or None    # 0: not given in a lesson
    return ExamScored(
        **x.common(x.inner("CorrectionTime"), x.inner("SubmissionTime"), class_id=lesson), **_lms(x),
        kind="exam" if x.cmd == "ExamScore" else "answer_sheet",
        student=_person(x.inner("StudentInfo"), "Student"), teacher=_person(x.inner("TeacherInfo"), "Teacher"),
        full_score=ci.as_float(x.inner("Score", "MaximumScore")),
        scoring_rate=ci.as_float(x.inner("StudentScoringRate")),
        submission_time=_time(x.inner("SubmissionTime")), correction_time=_time(x.inner("CorrectionTime")),
        answer_seconds=ci.as_int(x.inner("AnswerDuration")),
        topics=tuple(_topic(t, False) for t in map(ci.as_dict, ci.as_list(x.inner("TopicDetails")))))


def _discussion(x: _Push) -> Event:
    c = ci.as_dict(x.inner("CommentDetail"))
    return DiscussionChanged(
        **x.common(), **_lms(x), op_type=ci.as_int(x.get("OpType", "opType")),
        teacher=Person(_uid(x.inner("TeacherUid")), ci.as_str(x.inner("TeacherName")),
                       ci.as_str(x.inner("TeacherAccount"))),
        creator=Person(_uid(x.inner("CreatorUid")), ci.as_str(x.inner("CreatorName")),
                       ci.as_str(x.inner("CreatorAccount"))),
        creator_role=ci.as_int(x.inner("CreatorRole")), comment_type=ci.as_int(c.get("Type")),
        comment_id=ci.as_int(c.get("CommentId")), parent_id=ci.as_int(c.get("ParentId")),
        content=ci.as_str(c.get("CommentContent")), like_count=ci.as_int(c.get("LikeCount")),
        top_reply_count=ci.as_int(c.get("TopReplyCount")))


def _schedule(x: _Push) -> dict[str, Any]:
    return dict(**x.common(x.get("opTime")), op_type=ci.as_int(x.get("opType", "OpType")),
                operator_uid=_uid(x.get("UID")), op_source=ci.as_int(x.get("opSource")))


def _op_data(x: _Push) -> dict:
    return ci.as_dict(x.p.get("opData"))


def _course_info(x: _Push) -> Event:
    d = _op_data(x)
    return CourseInfoChanged(**_schedule(x), course_name=ci.as_str(d.get("courseName")),
                             expiry_time=ci.as_int(d.get("expiryTime")), course_type=ci.as_int(d.get("courseType")),
                             course_status=ci.as_int(d.get("courseStatus")),
                             main_teacher=_person(d.get("mainTeacherInfo"), "teacher"),
                             labels=_labels(d.get("labelInfos")))


def _lesson_info(x: _Push) -> Event:
    d = _op_data(x)
    auto = ci.as_int(d.get("isAutoOnstage"))
    common = _schedule(x)
    common["class_id"] = common["class_id"] or ci.as_int(d.get("classId"))
    common["course_id"] = common["course_id"] or ci.as_int(d.get("courseId"))
    return LessonInfoChanged(
        **common, class_name=ci.as_str(d.get("className")), course_name=ci.as_str(d.get("courseName")),
        class_type=ci.as_int(d.get("classType")), class_status=ci.as_int(d.get("classStatus")),
        begin_time=_time(d.get("beginTime")), end_time=_time(d.get("endTime")),
        seat_num=ci.as_int(d.get("seatNum")), auto_onstage=None if auto is None else auto == 0,
        main_class_id=ci.as_int(d.get("MainClassId")), teacher=_person(d.get("teacherInfo"), "teacher"),
        assistants=tuple(p for p in (_person(a, "teacher") for a in ci.as_list(d.get("assistantTeacherInfos"))) if p)
        if "assistantTeacherInfos" in d else None,
        labels=_labels(d.get("labelInfos")) if "labelInfos" in d else None)


def _students(x: _Push) -> Event:
    d = _op_data(x)
    common = _schedule(x)
    lesson = x.cmd == "eeoClassStudentChange"
    # The docs' example carries three different course IDs: trust the top level first.
    common["course_id"] = common["course_id"] or ci.as_int(d.get("courseId"))
    common["class_id"] = common["class_id"] or (ci.as_int(d.get("classId")) if lesson else None)
    return StudentsChanged(**common, lesson=lesson,
                           students=tuple(p for p in (_person(s, "student")
                                                      for s in ci.as_list(d.get("studentInfos"))) if p))


def _web_login(x: _Push) -> Event:
    return WebLiveLogin(**x.common(x.data.get("LoginTime")), account=ci.as_str(x.data.get("Telephone")),
                        nickname=ci.as_str(x.data.get("Nickname")), login_time=_time(x.data.get("LoginTime")))


def _web_reserve(x: _Push) -> Event:
    return WebLiveReservation(**x.common(x.data.get("ReserveTime")), account=ci.as_str(x.data.get("Telephone")),
                              reserve_time=_time(x.data.get("ReserveTime")))


def _web_viewing(x: _Push) -> Event:
    d = x.data
    in_time, look = _time(d.get("Intime")), ci.as_int(d.get("LookTime"))
    closed = in_time + look if in_time is not None and look is not None else None
    return WebViewing(**x.common(closed), replay=x.cmd == "ReplayDataDetail",
                      account=ci.as_str(ci.pick(d, "Telephone", "Account")),
                      nickname=ci.as_str(d.get("Nickname")), in_time=in_time, look_seconds=look,
                      ip=ci.as_str(ci.pick(d, "IP", "Ip")), client_type=ci.as_int(d.get("ClientType")))


def _web_like(x: _Push) -> Event:
    return WebLiveLike(**x.common(x.data.get("Time")), account=ci.as_str(x.data.get("Telephone")))


def _web_goods(x: _Push) -> Event:
    d = x.data
    return WebLiveProductClick(**x.common(d.get("Time")), account=ci.as_str(d.get("Telephone")),
                               nickname=ci.as_str(d.get("Nickname")), product_number=ci.as_int(d.get("GoodNum")),
                               product_name=ci.as_str(d.get("GoodName")))


def _web_chat(x: _Push) -> Event:
    d, msg = x.data, ci.as_dict(x.data.get("MsgDetail"))
    kind = ci.as_int(msg.get("type"))
    return WebLiveChat(**x.common(d.get("TimeStamp")), account=ci.as_str(ci.pick(d, "Account", "Telephone")),
                       nickname=ci.as_str(d.get("Nickname")), ip=ci.as_str(ci.pick(d, "IP", "Ip")),
                       text=ci.as_str(msg.get("msg")), image=None if kind is None else kind == 2)


_OLD_PLAYBACK_FIELDS = ("TotalLookCount", "TopProcess", "TotalLookTime")
_NEW_PLAYBACK_FIELDS = ("TotalDuration", "LatestDetails", "ValidWatchCount")


def _client_playback(x: _Push) -> Event:
    d = x.data
    old = any(k in d for k in _OLD_PLAYBACK_FIELDS) and not any(k in d for k in _NEW_PLAYBACK_FIELDS)
    return ClientReplayViewing(
        **x.common(), uid=_uid(ci.pick(d, "UID") or x.get("UID")), old_format=old,
        covered_seconds=ci.as_int(ci.pick(d, "TotalLookVaildTime", "TotalLookValidTime")),
        total_duration=ci.as_int(d.get("TotalDuration")), valid_views=ci.as_int(d.get("ValidWatchCount")),
        trigger=ci.as_int(ci.as_dict(d.get("LatestDetails")).get("TriggerType")),
        look_count=ci.as_int(d.get("TotalLookCount")), look_seconds=ci.as_int(d.get("TotalLookTime")),
        top_progress=ci.as_str(d.get("TopProcess")))


def _chat_archive(x: _Push) -> Event:
    # Here TimeStamp IS the packing time (§14.9).
    return ChatArchive(**x.common(x.get("TimeStamp")), url=ci.as_str(x.get("Url", "URL")))


_PARSERS: dict[int | str, Callable[[_Push], Event]] = {
    ci.CMD_TEST: _test,
    ci.CMD_BOARD: _board, ci.CMD_AUTHORIZE: _authorize, ci.CMD_ENTER: _enter, ci.CMD_EXIT: _exit,
    ci.CMD_KICK: _kick, ci.CMD_MUTE_ONE: _mute_one, ci.CMD_MUTE_ALL: _mute_all, ci.CMD_STAGE: _stage,
    "Net": _net, "Check": _check, "HelpInfo": _help, "ClassLen": _class_len,
    "LiveDetail": _live_detail, "EdbImg": _edb_img,
    "End": _end, "Rating": _rating, "Record": _record, "Upload": _upload, "EduDt": _edu,
    "FileCov": _file_cov, "UserCheck": _check, "AccountCancellation": _cancellation,
    "ReplacePhoneNumber": _phone, "setSubAccount": _sub_account,
    "HomeworkSubmit": _homework_submit, "HomeworkScore": _homework_score, "ExamScore": _test_score,
    "AnswerSheetScore": _test_score, "DiscussionChangeInfo": _discussion,
    "eeoCourseInfoChange": _course_info, "eeoClassInfoChange": _lesson_info,
    "eeoCourseStudentChange": _students, "eeoClassStudentChange": _students,
    "LiveWebLogin": _web_login, "LiveReserve": _web_reserve, "LiveDataDetail": _web_viewing,
    "LiveLike": _web_like, "LiveGoodsClickDetail": _web_goods, "LiveChatMsgDetail": _web_chat,
    "ReplayDataDetail": _web_viewing, "ClientPlaybackDataDetail": _client_playback,
    "ChatContent": _chat_archive,
}


def _parser_for(x: _Push) -> Callable[[_Push], Event] | None:
    parser = _PARSERS.get(x.cmd) if x.cmd is not None else None
    # The docs' new-format ClientPlaybackDataDetail example carries no Cmd.
    if parser is None and x.cmd is None and any(k in x.data for k in _NEW_PLAYBACK_FIELDS + _OLD_PLAYBACK_FIELDS):
        parser = _client_playback
    return parser


def parse(payload: Any, received_at: float, limits: Thresholds = DEFAULT_THRESHOLDS) -> Event:
    """The typed event of one stored push. Never raises."""
    if not isinstance(payload, Mapping):
        payload_map: Mapping[str, Any] = {}
    else:
        payload_map = payload
    x = _Push(payload_map, received_at, limits)
    parser = _parser_for(x) if payload_map else None
    if parser is None:
        return Unknown(**x.common(), payload=payload)
    try:
        return parser(x)
    except Exception as exc:   # noqa: BLE001 - a stored push must never break a replay
        return Unknown(**x.common(), payload=payload, error=f"{type(exc).__name__}: {exc}")
