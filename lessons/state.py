"""Lesson and school state: reducers over typed events.

`LessonState.apply(event)` is O(1)-ish and order-independent where it
matters: on/off switches are inserted in event-time order (history.py),
"latest" facts are kept by event time, and End's numbers override live
counts whenever End arrives (before or after the realtime pushes).

Status: "ended" once End arrived. Without End (it comes ~20 min late, and
never for a lesson nobody entered) a lesson also counts as ended when
nobody is inside any more and someone's last exit said "classroom closed"
or "lesson cancelled": ClassIn sends those exits to everyone still inside
when the teacher ends the lesson. A later enter makes it live again.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Iterable, NamedTuple

from protocol import classin as ci

from .diagnostics import DEFAULT_THRESHOLDS, Thresholds
from .events import (
    Authorize, Award, BoardImage, BoardOther, CameraPosition, ChatArchive, ClientReplayViewing,
    CourseInfoChanged, DeviceCheckReport, DiscussionChanged, EduAnswers, Enter, Event, ExamScored,
    Exit, HandsUp, HelpRequest, HomeworkScored, HomeworkSubmitted, Kick, LessonEnd, LessonExtended,
    LessonInfoChanged, Mute, MuteAll, NetReport, Person, Ratings, RatingItem, RecordingFile,
    RecordingStarted, RegistrationTest, ReplayUpload, Responder, Selector, Stage, StudentsChanged,
    Unknown, WebLiveChat, WebLiveLike, WebLiveLogin, WebLiveProductClick, WebLiveReservation,
    WebViewing, AccountCancelled, PhoneChanged, SubAccountSet, FileConversion, parse,
)
from .history import OnOffHistory, Switch, insert_in_order
from .participant import Participant
from .texts import QT_TRANSLATE_NOOP, Detail, Label, Text, listing
from .timeline_words import cmd_text


class LatestFields:
    """Named facts where a later event time wins, whatever the arrival order
    (schedule edits carry only the changed fields)."""
    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[str, tuple[int, Any]] = {}

    def set(self, name: str, time: int, value: Any) -> None:
        if value is None:
            return
        current = self._values.get(name)
        if current is None or time >= current[0]:
            self._values[name] = (time, value)

    def get(self, name: str) -> Any:
        current = self._values.get(name)
        return current[1] if current else None


class Roster:
    """Students of a course or lesson from schedule sync, by UID; the latest
    operation per student wins. An edit (opType 3) is read as an upsert."""
    __slots__ = ("_ops",)

    def __init__(self) -> None:
        self._ops: dict[int, tuple[int, bool, Person]] = {}

    def apply(self, op_type: int | None, time: int, students: Iterable[Person]) -> None:
        member = op_type != ci.OP_DELETE
        for student in students:
            if student.uid is None:
                continue
            current = self._ops.get(student.uid)
            if current is None or time >= current[0]:
                self._ops[student.uid] = (time, member, student)

    def members(self) -> dict[int, Person]:
        return {uid: person for uid, (_, member, person) in self._ops.items() if member}

    def member(self, uid: int) -> Person | None:
        op = self._ops.get(uid)
        return op[2] if op is not None and op[1] else None


class TimelineEntry(NamedTuple):
    """Appended as events come; sorted (by time, `_id`, arrival) only when summarised.
    `seq` is unique within a lesson, so ordering never gets as far as `detail`."""
    time: int
    tiebreak: str
    seq: int
    uid: int | None
    kind: str
    detail: Detail


# Word order differs between languages: one whole sentence per case, not a verb slotted in.
_LESSON_OPS = {1: QT_TRANSLATE_NOOP("Timeline", "lesson added"),
               2: QT_TRANSLATE_NOOP("Timeline", "lesson deleted"),
               3: QT_TRANSLATE_NOOP("Timeline", "lesson edited")}
_LESSON_CHANGED = QT_TRANSLATE_NOOP("Timeline", "lesson changed")
_STUDENT_OPS = {1: QT_TRANSLATE_NOOP("Timeline", "{} student(s) added"),
                2: QT_TRANSLATE_NOOP("Timeline", "{} student(s) deleted"),
                3: QT_TRANSLATE_NOOP("Timeline", "{} student(s) edited")}
_STUDENTS_CHANGED = QT_TRANSLATE_NOOP("Timeline", "{} student(s) changed")
_RATING_SCORES = {"T2S": QT_TRANSLATE_NOOP("Timeline", "T2S score {}"),
                  "S2T": QT_TRANSLATE_NOOP("Timeline", "S2T score {}")}
_GRADES = {"exam": QT_TRANSLATE_NOOP("Timeline", "exam scored"),
           "answer_sheet": QT_TRANSLATE_NOOP("Timeline", "answer sheet scored"),
           "homework": QT_TRANSLATE_NOOP("Timeline", "homework graded"),
           "homework_submitted": QT_TRANSLATE_NOOP("Timeline", "homework submitted")}


def lms_kind(e: ExamScored | HomeworkScored | HomeworkSubmitted) -> str:
    """"exam", "answer_sheet", "homework" (graded) or "homework_submitted"."""
    if isinstance(e, ExamScored):
        return e.kind
    return "homework" if isinstance(e, HomeworkScored) else "homework_submitted"
_CAMERA_MOVES = {True: QT_TRANSLATE_NOOP("Timeline", "video window moved into the seat area"),
                 False: QT_TRANSLATE_NOOP("Timeline", "video window moved out of the seat area")}
_CAMERA_MOVED = QT_TRANSLATE_NOOP("Timeline", "video window moved")


def _with_device(detail: Detail, client_id: int) -> Detail:
    """A user's second device (ClientID > 0) is told apart; the first needs no number."""
    if not client_id:
        return detail
    return Text(QT_TRANSLATE_NOOP("Timeline", "{}, device #{}"), (detail, client_id + 1))


def _order(event: Event, seq: int) -> tuple[int, str, int]:
    return event.time, event.msg_id or "", seq


# End is pushed ~20 min after the lesson's end, i.e. around CloseTime: this long
# after CloseTime without it, it is not coming. Without a known CloseTime, a
# lesson this long without a push is over (anyone inside sends Net every 5 min).
NO_SUMMARY_GRACE_SECONDS = 30 * 60
NO_SUMMARY_QUIET_SECONDS = 3 * 3600


def ended_without_summary(close_time: int | None, last_event_time: int | None, now: float) -> bool:
    """A lesson without End (nor closing exits) is over past these limits; the
    one rule for the window, History and exports."""
    if close_time is not None and now > close_time + NO_SUMMARY_GRACE_SECONDS:
        return True
    return last_event_time is not None and now - last_event_time > NO_SUMMARY_QUIET_SECONDS


_NOT_ACTIVITY = (LessonInfoChanged, StudentsChanged, ExamScored, HomeworkScored, HomeworkSubmitted,
                 DiscussionChanged)


class LessonState:
    def __init__(self, class_id: int, school_names: Mapping[int, str] | None = None) -> None:
        self.class_id = class_id
        self.sid: int | None = None
        self.course_id: int | None = None
        self.schedule = LatestFields()      # class/course names, teacher, planned times, seats ...
        self.roster = Roster()
        self.school_names: Mapping[int, str] = school_names if school_names is not None else {}
        self.participants: dict[int, Participant] = {}
        self.end: LessonEnd | None = None
        self.extensions: list[LessonExtended] = []
        self.mute_all = OnOffHistory()
        self.help_requests: list[HelpRequest] = []
        self.recordings: dict[str, RecordingFile] = {}      # by FileId
        self.recording_starts: list[RecordingStarted] = []
        self.uploads: dict[str, ReplayUpload] = {}
        self.board_images: list[BoardImage] = []
        self.ratings: dict[tuple[str, int], tuple[int, RatingItem]] = {}   # (direction, student) -> (time, item)
        # LMS work done in this lesson, latest per (kind, activity, student); kind: LMS_KINDS
        self.grades: dict[tuple[str, int | None, int | None], ExamScored | HomeworkScored | HomeworkSubmitted] = {}
        self.web_viewings: dict[tuple[bool, str | None, int | None], WebViewing] = {}
        self.web_activity: list[Event] = []    # web-live logins, bookings, likes, clicks, chat
        self.client_replays: dict[int | None, ClientReplayViewing] = {}
        self.quiz: list[Selector | Responder | EduAnswers] = []
        self.chat_archive: ChatArchive | None = None
        self.unknown: list[Event] = []
        self.timeline: list[TimelineEntry] = []
        self.last_event_time: int | None = None
        self._seq = 0
        self._seen_ids: set[str] = set()

    # --- public ----------------------------------------------------------------------
    def apply(self, event: Event) -> bool:
        """Fold one event in; False when the same push (`_id`) was already applied."""
        if event.msg_id is not None:
            if event.msg_id in self._seen_ids:
                return False
            self._seen_ids.add(event.msg_id)
        self._seq += 1
        if self.sid is None:
            self.sid = event.sid
        if self.course_id is None:
            self.course_id = event.course_id
        if not isinstance(event, _NOT_ACTIVITY) and event.cmd not in ci.BOOKING_CMDS:
            # Schedule edits and bookings happen days before, LMS scores days after;
            # "last event" means lesson activity (a score must not make a lesson live).
            self.last_event_time = max(self.last_event_time or event.time, event.time)
        handler = _HANDLERS.get(type(event), LessonState._on_other)
        handler(self, event)
        return True

    def closed_at(self) -> int | None:
        """When nobody is inside any more and some last exits said "classroom
        closed": the first of those exits (they spread over a second or two, and
        everyone sent out by the closing was inside when it began)."""
        closing: int | None = None
        for p in self.participants.values():
            for history in p.presence.values():
                if history.is_on:
                    return None
                last = history.last
                if last is not None and last.info in ci.CLOSING_EXIT_REASONS:
                    closing = last.time if closing is None else min(closing, last.time)
        return closing

    @property
    def status(self) -> str:
        """From the pushes alone; `status_at(now)` also ends a lesson whose End never came."""
        return "ended" if self.end is not None or self.closed_at() is not None else "live"

    def summary_missing(self, now: float) -> bool:
        """No End and no closing exits, long past CloseTime (or long quiet): it is
        over and ClassIn's summary is not coming ("ended, no summary")."""
        if self.end is not None or self.closed_at() is not None:
            return False
        if self.close_time is None and self.last_event_time is None:
            # Known only from work scored in it (ExamScore with Data.ClassId): it took place.
            return bool(self.grades)
        return ended_without_summary(self.close_time, self.last_event_time, now)

    def status_at(self, now: float) -> str:
        return "ended" if self.status == "ended" or self.summary_missing(now) else "live"

    def end_time_at(self, now: float) -> int | None:
        """end_time, and for a lesson whose End never came ClassIn's rule without
        RealCloseTime: CloseTime (else its last activity)."""
        if self.summary_missing(now):
            if self.close_time is not None:
                return self.close_time
            # Anyone still inside would have sent a Net report meanwhile.
            return self.last_event_time + 2 * ci.NET_PERIOD_SECONDS if self.last_event_time is not None else None
        return self.end_time

    @property
    def leave_reference(self) -> int | None:
        """What "left early" is measured against. End's rule: RealCloseTime when
        the teacher ended the lesson; else CloseTime, which includes ClassIn's
        fixed 20-minute overtime, so the scheduled end is CloseTime - 20 min
        (nobody stays for the overtime of a lesson the teacher never closed)."""
        if self.end is not None and self.end.real_close_time:
            return self.end.end_time
        close = self.close_time
        if close is not None:
            return close - ci.CLOSE_OVERTIME_SECONDS
        return self.end_time

    @property
    def start_time(self) -> int | None:
        """ClassIn's StartTime (End, then ClassLen), else the scheduled begin time."""
        if self.end is not None and self.end.start_time is not None:
            return self.end.start_time
        return self.schedule.get("start_time") or self.schedule.get("begin_time")

    @property
    def close_time(self) -> int | None:
        """CloseTime (scheduled end + overtime) from End, else from the extension
        or the schedule."""
        if self.end is not None and self.end.close_time is not None:
            return self.end.close_time
        close = self.schedule.get("close_time")
        if close is not None:
            return close
        end = self.planned_end
        return None if end is None else end + ci.CLOSE_OVERTIME_SECONDS

    @property
    def real_close_time(self) -> int | None:
        return self.end.real_close_time if self.end is not None else None

    @property
    def end_time(self) -> int | None:
        """ClassIn's rule on End; without End the "classroom closed" time; None while live."""
        if self.end is not None:
            return self.end.end_time
        return self.closed_at()

    @property
    def planned_start(self) -> int | None:
        return self.schedule.get("begin_time")

    @property
    def planned_end(self) -> int | None:
        """Scheduled end; an extension (ClassLen) moves it, the later change winning."""
        return self.schedule.get("end_time")

    @property
    def teacher(self) -> Person | None:
        return self.schedule.get("teacher")

    def school_name(self, uid: int) -> str | None:
        """The school's own name for a user (schedule sync), never the nickname."""
        student = self.roster.member(uid)
        if student is not None and student.name:
            return student.name
        for teacher in (self.teacher, *(self.schedule.get("assistants") or ())):
            if teacher is not None and teacher.uid == uid and teacher.name:
                return teacher.name
        return self.school_names.get(uid)

    def participant(self, uid: int) -> Participant:
        p = self.participants.get(uid)
        if p is None:
            p = self.participants[uid] = Participant(uid)
        return p

    # --- handlers -----------------------------------------------------------------------
    def _timeline(self, event: Event, uid: int | None, kind: str, detail: Detail = "") -> None:
        self.timeline.append(TimelineEntry(event.time, event.msg_id or "", self._seq, uid, kind, detail))

    def _switch(self, event: Event, on: bool, info: Any = None) -> Switch:
        return Switch(*_order(event, self._seq), on, info)

    def _on_enter(self, e: Enter) -> None:
        if e.uid is None:
            return self._on_other(e)
        p = self.participant(e.uid)
        p.note_nickname(e.nickname, e.time)
        if e.identity is not None:
            p.identity = e.identity
        if e.client_id == 0:
            p.note_device(e.device, e.time)
        p.device_presence(e.client_id).add(self._switch(e, True))
        device = ci.DEVICE.get(e.device, "unknown device") if e.device is not None else "unknown device"
        self._timeline(e, e.uid, "enter", _with_device(Label("device", device, e.device), e.client_id))

    def _on_exit(self, e: Exit) -> None:
        if e.uid is None:
            return self._on_other(e)
        p = self.participant(e.uid)
        if e.identity is not None and p.identity is None:
            p.identity = e.identity
        p.device_presence(e.client_id).add(self._switch(e, False, e.reason))
        reason = Label("exit_reason", e.reason_label, e.reason)
        detail = reason if e.reason is None else Text(QT_TRANSLATE_NOOP("Timeline", "{} ({})"), (reason, e.reason))
        self._timeline(e, e.uid, "exit", _with_device(detail, e.client_id))

    def _on_hands(self, e: HandsUp) -> None:
        if e.uid is None or e.raised is None:
            return self._on_other(e)
        self.participant(e.uid).hands.add(self._switch(e, e.raised))
        self._timeline(e, e.uid, "hands_up" if e.raised else "hands_down")

    def _on_award(self, e: Award) -> None:
        if e.uid is None:
            return self._on_other(e)
        p = self.participant(e.uid)
        # Times: running total or increment is undocumented; the largest seen is the live count.
        p.max_award_times = max(p.max_award_times, e.times or 0)
        self._timeline(e, e.uid, "award", Text(QT_TRANSLATE_NOOP("Timeline", "times {}"), (e.times,))
                       if e.times is not None else "")

    def _on_stage(self, e: Stage) -> None:
        if e.uid is None or e.on_stage is None:
            return self._on_other(e)
        self.participant(e.uid).stage.add(self._switch(e, e.on_stage))
        self._timeline(e, e.uid, "stage_up" if e.on_stage else "stage_down")

    def _on_mute(self, e: Mute) -> None:
        if e.uid is None or e.muted is None:
            return self._on_other(e)
        self.participant(e.uid).mute.add(self._switch(e, e.muted))
        self._timeline(e, e.uid, "mute" if e.muted else "unmute")

    def _on_mute_all(self, e: MuteAll) -> None:
        if e.muted is None:
            return self._on_other(e)
        self.mute_all.add(self._switch(e, e.muted))
        self._timeline(e, e.source_uid, "mute_all" if e.muted else "unmute_all")

    def _on_authorize(self, e: Authorize) -> None:
        if e.uid is None or e.granted is None:
            return self._on_other(e)
        self.participant(e.uid).authorize.add(self._switch(e, e.granted))
        self._timeline(e, e.uid, "authorize" if e.granted else "unauthorize")

    def _on_kick(self, e: Kick) -> None:
        if e.uid is None:
            return self._on_other(e)
        # seq: two kicks in one second never compare their durations (one may be None)
        insert_in_order(self.participant(e.uid).kicks, (e.time, self._seq, e.duration))
        self._timeline(e, e.uid, "kick", Text(QT_TRANSLATE_NOOP("Timeline", "{} s"), (e.duration,))
                       if e.duration is not None else "")

    def _on_net(self, e: NetReport) -> None:
        if e.uid is None:
            return self._on_other(e)
        p = self.participant(e.uid)
        if p.net is None or e.sample.time >= p.net.time:
            p.net = e.sample
        q = e.sample.quality
        if e.sample.problems:
            detail: Detail = listing([Label("problem", p) for p in e.sample.problems])
        elif q is not None:
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "{:.0%} good"), (q.usable,))
        else:
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "report"))
        self._timeline(e, e.uid, "net", detail)

    def _on_check(self, e: DeviceCheckReport) -> None:
        if e.uid is None:
            return self._on_other(e)
        p = self.participant(e.uid)
        if p.check is None or e.check.time >= p.check.time:
            p.check = e.check
        self._timeline(e, e.uid, "check", listing([Label("problem", p) for p in e.check.problems])
                       if e.check.problems else Text(QT_TRANSLATE_NOOP("Timeline", "no problem")))

    def _on_help(self, e: HelpRequest) -> None:
        self.help_requests.append(e)
        self._timeline(e, e.uid, "help", e.message or "")

    def _on_extended(self, e: LessonExtended) -> None:
        self.extensions.append(e)
        self.schedule.set("start_time", e.time, e.start_time)
        self.schedule.set("end_time", e.time, e.planned_end)
        self.schedule.set("close_time", e.time, e.close_time)
        self._timeline(e, None, "extend",
                       Text(QT_TRANSLATE_NOOP("Timeline", "lesson length now {} min"), (e.lesson_seconds // 60,))
                       if e.lesson_seconds is not None else "")

    def _on_recording_started(self, e: RecordingStarted) -> None:
        self.recording_starts.append(e)
        details = ", ".join(v for v in (e.video_scope, e.video_size) if v)
        self._timeline(e, None, "recording",
                       Text(QT_TRANSLATE_NOOP("Timeline", "cloud recording started ({})"), (details,)) if details
                       else Text(QT_TRANSLATE_NOOP("Timeline", "cloud recording started")))

    def _on_recording_file(self, e: RecordingFile) -> None:
        self.recordings[e.file_id or e.msg_id or str(self._seq)] = e
        self._timeline(e, None, "recording",
                       Text(QT_TRANSLATE_NOOP("Timeline", "file ready, {} s"), (e.duration,)) if e.duration is not None
                       else Text(QT_TRANSLATE_NOOP("Timeline", "file ready")))

    def _on_upload(self, e: ReplayUpload) -> None:
        self.uploads[e.file_id or e.msg_id or str(self._seq)] = e
        self._timeline(e, None, "other", Text(QT_TRANSLATE_NOOP("Timeline", "replay clip uploaded")))

    def _on_board_image(self, e: BoardImage) -> None:
        self.board_images.append(e)
        self._timeline(e, None, "board_image", e.url or "")

    def _on_end(self, e: LessonEnd) -> None:
        if self.end is None or e.time >= self.end.time:
            self.end = e
            for uid, user in e.users.items():
                p = self.participant(uid)
                p.end = user
                if user.identity is not None:
                    p.identity = user.identity
                first_in = next((m for m in user.moves if m.entered), None)
                if first_in is not None and p.device is None:
                    p.device = first_in.device
        self._timeline(e, None, "end", Text(QT_TRANSLATE_NOOP("Timeline", "lesson summary received")))

    def _on_ratings(self, e: Ratings) -> None:
        # A re-rating after re-entering replaces the earlier one (by event time).
        for item in e.items:
            key = (item.direction, item.student_uid)
            current = self.ratings.get(key)
            if current is None or e.time >= current[0]:
                self.ratings[key] = (e.time, item)
            uid = e.teacher_uid if item.direction == "S2T" else item.student_uid
            self._timeline(e, uid, "rating", Text(_RATING_SCORES[item.direction], (item.score,)))

    def _on_grade(self, e: ExamScored | HomeworkScored | HomeworkSubmitted | DiscussionChanged) -> None:
        if isinstance(e, DiscussionChanged):
            who = e.creator.uid if e.creator else None
            self._timeline(e, who, "other", Text(QT_TRANSLATE_NOOP("Timeline", "discussion: {}"),
                                                 (e.activity_name or e.activity_id or "?",)))
            return
        kind = lms_kind(e)
        student = e.student.uid if e.student else None
        key = (kind, e.activity_id, student)
        current = self.grades.get(key)
        if current is None or e.time >= current.time:
            self.grades[key] = e
        self._timeline(e, student, "other", Text(_GRADES[kind]))

    def _on_web_viewing(self, e: WebViewing) -> None:
        # Refreshes and sleeping phones repeat (account, Intime): keep the longest LookTime.
        key = (e.replay, e.account, e.in_time)
        current = self.web_viewings.get(key)
        if current is None or (e.look_seconds or 0) > (current.look_seconds or 0):
            self.web_viewings[key] = e
        template = (QT_TRANSLATE_NOOP("Timeline", "web replay viewer {}: {} s") if e.replay
                    else QT_TRANSLATE_NOOP("Timeline", "web live viewer {}: {} s"))
        self._timeline(e, None, "other", Text(template, (e.nickname or e.account or "?", e.look_seconds)))

    def _on_web_activity(self, e: WebLiveLogin | WebLiveReservation | WebLiveLike | WebLiveProductClick
                         | WebLiveChat) -> None:
        self.web_activity.append(e)
        who = getattr(e, "nickname", None) or e.account or "?"
        if isinstance(e, WebLiveLogin):
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "web live login: {}"), (who,))
        elif isinstance(e, WebLiveReservation):
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "web live booked: {}"), (who,))
        elif isinstance(e, WebLiveLike):
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "web live like: {}"), (who,))
        elif isinstance(e, WebLiveProductClick):
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "web live product click: {} -> {}"), (who, e.product_name))
        else:
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "web live chat: {}: {}"), (who, e.text))
        self._timeline(e, None, "other", detail)

    def _on_client_replay(self, e: ClientReplayViewing) -> None:
        current = self.client_replays.get(e.uid)
        if current is None or _order(e, 0) >= _order(current, 0):     # same time: by _id, whatever the arrival
            self.client_replays[e.uid] = e
        self._timeline(e, e.uid, "other", Text(QT_TRANSLATE_NOOP("Timeline", "replay watched in the client")))

    def _on_quiz(self, e: Selector | Responder | EduAnswers) -> None:
        self.quiz.append(e)
        if isinstance(e, Selector):
            detail = (Text(QT_TRANSLATE_NOOP("Timeline", "selector question")) if e.question else
                      Text(QT_TRANSLATE_NOOP("Timeline", "selector answer {}"), (e.selected_item or "?",)))
        elif isinstance(e, Responder):
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "responder") if e.question
                          else QT_TRANSLATE_NOOP("Timeline", "responder buzz"))
        else:
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "EDU quiz answers ({} questions)"), (len(e.questions),))
        self._timeline(e, getattr(e, "uid", None), "other", detail)

    def _on_chat_archive(self, e: ChatArchive) -> None:
        self.chat_archive = e
        self._timeline(e, None, "other", Text(QT_TRANSLATE_NOOP("Timeline", "chat archive ready")))

    def _on_lesson_info(self, e: LessonInfoChanged) -> None:
        s, t = self.schedule, e.time
        for name in ("class_name", "course_name", "class_type", "class_status", "begin_time",
                     "end_time", "seat_num", "auto_onstage", "main_class_id", "teacher",
                     "assistants", "labels"):
            s.set(name, t, getattr(e, name))
        s.set("deleted", t, e.op_type == ci.OP_DELETE if e.op_type is not None else None)
        self._timeline(e, e.operator_uid, "other", Text(_LESSON_OPS.get(e.op_type, _LESSON_CHANGED)))

    def _on_students(self, e: StudentsChanged) -> None:
        self.roster.apply(e.op_type, e.time, e.students)
        self._timeline(e, e.operator_uid, "other",
                       Text(_STUDENT_OPS.get(e.op_type, _STUDENTS_CHANGED), (len(e.students),)))

    def _on_other(self, e: Event) -> None:
        if isinstance(e, Unknown):
            self.unknown.append(e)
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "unknown message {}"), (cmd_text(e.cmd),))
        elif isinstance(e, BoardOther):
            self.unknown.append(e)
            detail = (Text(QT_TRANSLATE_NOOP("Timeline", "other board event {}"), (e.color,)) if e.color
                      else Text(QT_TRANSLATE_NOOP("Timeline", "other board event")))
        else:
            detail = Text(QT_TRANSLATE_NOOP("Timeline", "{} without a usable user or operation"),
                          (cmd_text(e.cmd),))
        uid = getattr(e, "uid", None)
        self._timeline(e, uid if isinstance(uid, int) else None, "other", detail)

    def _on_camera(self, e: CameraPosition) -> None:
        self._timeline(e, e.uid, "other", Text(_CAMERA_MOVES.get(e.on_top, _CAMERA_MOVED)))


_HANDLERS: dict[type, Callable[[LessonState, Any], None]] = {
    Enter: LessonState._on_enter, Exit: LessonState._on_exit, HandsUp: LessonState._on_hands,
    Award: LessonState._on_award, Stage: LessonState._on_stage, Mute: LessonState._on_mute,
    MuteAll: LessonState._on_mute_all, Authorize: LessonState._on_authorize, Kick: LessonState._on_kick,
    NetReport: LessonState._on_net, DeviceCheckReport: LessonState._on_check,
    HelpRequest: LessonState._on_help, LessonExtended: LessonState._on_extended,
    RecordingStarted: LessonState._on_recording_started, RecordingFile: LessonState._on_recording_file,
    ReplayUpload: LessonState._on_upload, BoardImage: LessonState._on_board_image,
    LessonEnd: LessonState._on_end, Ratings: LessonState._on_ratings, ExamScored: LessonState._on_grade,
    HomeworkScored: LessonState._on_grade, HomeworkSubmitted: LessonState._on_grade,
    DiscussionChanged: LessonState._on_grade,
    WebViewing: LessonState._on_web_viewing, WebLiveLogin: LessonState._on_web_activity,
    WebLiveReservation: LessonState._on_web_activity, WebLiveLike: LessonState._on_web_activity,
    WebLiveProductClick: LessonState._on_web_activity, WebLiveChat: LessonState._on_web_activity,
    ClientReplayViewing: LessonState._on_client_replay, Selector: LessonState._on_quiz,
    Responder: LessonState._on_quiz, EduAnswers: LessonState._on_quiz,
    ChatArchive: LessonState._on_chat_archive, CameraPosition: LessonState._on_camera,
    LessonInfoChanged: LessonState._on_lesson_info, StudentsChanged: LessonState._on_students,
}

# Facts about the school, its users and courses: never tied to one lesson.
_SCHOOL_LEVEL = (RegistrationTest, AccountCancelled, PhoneChanged, SubAccountSet, FileConversion,
                 CourseInfoChanged)
# LMS activity: the course's, unless it carries a ClassID (given in a lesson): then the lesson's too.
_LMS = (HomeworkSubmitted, HomeworkScored, ExamScored, DiscussionChanged)


class SchoolState:
    """Routes events to their lesson by ClassID and keeps the school-level facts.
    UIDs and ClassIDs are global at ClassIn, so one registry can hold several SIDs."""

    def __init__(self) -> None:
        self.lessons: dict[int, LessonState] = {}
        self.names: dict[int, str] = {}           # school names from schedule sync, by UID
        self._name_times: dict[int, int] = {}
        self.user_checks: dict[int, DeviceCheckReport] = {}   # latest out-of-class check per UID
        self.cancellations: dict[int, AccountCancelled] = {}
        self.phone_changes: dict[int, PhoneChanged] = {}
        self.sub_accounts: dict[int, SubAccountSet] = {}
        self.courses: dict[int, LatestFields] = {}
        self.course_students: dict[int, Roster] = {}
        self.file_conversions: dict[int | None, FileConversion] = {}
        self.lms: list[Event] = []                # homework, discussions, grades outside lessons
        self.registration_tests: list[RegistrationTest] = []
        self.unassigned: list[Event] = []         # lesson-level pushes without a ClassID
        self._seen_ids: set[str] = set()

    def lesson(self, class_id: int) -> LessonState:
        state = self.lessons.get(class_id)
        if state is None:
            state = self.lessons[class_id] = LessonState(class_id, self.names)
        return state

    def apply(self, event: Event) -> None:
        if isinstance(event, StudentsChanged | LessonInfoChanged | CourseInfoChanged):
            self._learn_names(event)
        if isinstance(event, DeviceCheckReport) and event.check.kind == "out-of-class":
            self._apply_school(event)
        elif isinstance(event, StudentsChanged) and not event.lesson:
            self._apply_school(event)
        elif isinstance(event, _SCHOOL_LEVEL) or (isinstance(event, _LMS) and event.class_id is None):
            self._apply_school(event)
        elif event.class_id is not None:
            self.lesson(event.class_id).apply(event)
        elif self._first_time(event):
            self.unassigned.append(event)

    def _first_time(self, event: Event) -> bool:
        if event.msg_id is None:
            return True
        if event.msg_id in self._seen_ids:
            return False
        self._seen_ids.add(event.msg_id)
        return True

    def _learn_names(self, e: StudentsChanged | LessonInfoChanged | CourseInfoChanged) -> None:
        if isinstance(e, StudentsChanged):
            people: Iterable[Person | None] = e.students
        elif isinstance(e, LessonInfoChanged):
            people = (e.teacher, *(e.assistants or ()))
        else:
            people = (e.main_teacher,)
        for person in people:
            if person is not None and person.uid is not None and person.name:
                if e.time >= self._name_times.get(person.uid, -1):
                    self.names[person.uid] = person.name
                    self._name_times[person.uid] = e.time

    def _latest(self, table: dict, key: Any, event: Event) -> None:
        current = table.get(key)
        if current is None or event.time >= current.time:
            table[key] = event

    def _apply_school(self, e: Event) -> None:
        if not self._first_time(e):
            return
        if isinstance(e, DeviceCheckReport):
            self._latest(self.user_checks, e.uid, e)
        elif isinstance(e, AccountCancelled):
            self._latest(self.cancellations, e.uid, e)
        elif isinstance(e, PhoneChanged):
            self._latest(self.phone_changes, e.uid, e)
        elif isinstance(e, SubAccountSet):
            self._latest(self.sub_accounts, e.uid, e)
        elif isinstance(e, FileConversion):
            self._latest(self.file_conversions, e.file_id, e)
        elif isinstance(e, RegistrationTest):
            self.registration_tests.append(e)
        elif isinstance(e, CourseInfoChanged):
            if e.course_id is not None:
                fields = self.courses.setdefault(e.course_id, LatestFields())
                for name in ("course_name", "expiry_time", "course_type", "course_status",
                             "main_teacher", "labels"):
                    fields.set(name, e.time, getattr(e, name))
        elif isinstance(e, StudentsChanged):
            if e.course_id is not None:
                self.course_students.setdefault(e.course_id, Roster()).apply(e.op_type, e.time, e.students)
        else:
            self.lms.append(e)


def replay(pushes: Iterable[tuple[float, Any]], limits: Thresholds = DEFAULT_THRESHOLDS,
           school: SchoolState | None = None) -> SchoolState:
    """Stored pushes (received_at, payload) -> state; the one path shared by the
    live view, export and `rebuild`. Pass `school` to continue an existing state."""
    school = school if school is not None else SchoolState()
    for received_at, payload in pushes:
        school.apply(parse(payload, received_at, limits))
    return school
