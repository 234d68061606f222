"""(a) In-class realtime messages (classin.md §9): presence, board events,
stage, mute, kick, network and device reports, help, extension, recording."""
from __future__ import annotations

import functools
import re
from typing import Callable

from protocol import classin as ci

from .base import (Area, Event, Push, ToolParticipant, area, as_time, as_uid, event_type, ints,
                   tool_participants)
from ..diagnostics import DeviceCheck, NetSample, decode_check, decode_net


@event_type
class Enter(Event):
    uid: int | None
    nickname: str | None
    identity: int | None
    device: int | None
    client_id: int              # dual device: 0 first device, 1 second
    allow_enter_time: int | None
    login_mobile: str | None
    login_email: str | None


@event_type
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


@event_type
class HandsUp(Event):
    uid: int | None
    raised: bool | None         # False: hand lowered


@event_type
class Award(Event):
    uid: int | None
    times: int | None           # running total or increment: undocumented (End is authoritative)


@event_type
class CameraPosition(Event):
    uid: int | None
    area: Area | None
    on_top: bool | None         # in the seat area
    channel: int | None         # 0 main camera, 1 secondary


@event_type
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


@event_type
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


@event_type
class BoardOther(Event):
    """Cmd 67375105 with a Color nobody documented."""
    color: str | None
    uid: int | None


@event_type
class Authorize(Event):
    source_uid: int | None
    uid: int | None
    granted: bool | None


@event_type
class Kick(Event):
    source_uid: int | None
    uid: int | None
    duration: int | None        # seconds (unit inferred from End)
    operation: int | None


@event_type
class Mute(Event):
    source_uid: int | None
    uid: int | None
    muted: bool | None


@event_type
class MuteAll(Event):
    source_uid: int | None
    muted: bool | None


@event_type
class Stage(Event):
    source_uid: int | None
    uid: int | None
    on_stage: bool | None


@event_type
class NetReport(Event):
    uid: int | None
    sample: NetSample


@event_type
class DeviceCheckReport(Event):
    """`Check` (in class) or `UserCheck` (outside); `check.kind` tells which."""
    uid: int | None
    check: DeviceCheck


@event_type
class HelpRequest(Event):
    uid: int | None
    message: str | None
    users: tuple[int, ...]


@event_type
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


@event_type
class RecordingStarted(Event):
    audio_mode: str | None
    bit_rate: str | None
    push_address: str | None
    microphone_recorded: bool | None
    video_scope: str | None
    video_size: str | None


@event_type
class BoardImage(Event):
    url: str | None
    group_id: int | None


_TRAILING_DIGITS = re.compile(r"(\d+)\s*$")


_COLOR_NOISE = re.compile(r"[\s_+]")


def _enter(x: Push) -> Event:
    return Enter(**x.common(), uid=as_uid(x.get("UID")), nickname=ci.as_str(x.get("NickName")),
                 identity=ci.as_int(x.get("Identity")), device=ci.as_int(x.get("Device")),
                 client_id=ci.as_int(x.get("ClientID", "clientID")) or 0,
                 allow_enter_time=as_time(x.get("AllowEnterTime")),
                 login_mobile=ci.as_str(x.get("LoginMobile")) or None,
                 login_email=ci.as_str(x.get("LoginEmail")) or None)


def _exit(x: Push) -> Event:
    return Exit(**x.common(), uid=as_uid(x.get("UID")), identity=ci.as_int(x.get("Identity")),
                client_id=ci.as_int(x.get("ClientID", "clientID")) or 0,
                reason=ci.as_int(x.get("Reason")))


def _color_kind(color: str) -> tuple[str | None, int | None]:
    """The kind a Color names, and the user in it."""
    digits = _TRAILING_DIGITS.search(color)
    uid = as_uid(digits.group(1)) if digits else None
    norm = _COLOR_NOISE.sub("", color).lower().removeprefix("standalone")
    return next((k for prefix, k in ci.BOARD_COLOR_PREFIXES if norm.startswith(prefix)), None), uid


# A user's Colors come again and again in a lesson (hands up, hands down), and
# regexes are not cheap; a long Color is not kept.
_known_color = functools.lru_cache(maxsize=4096)(_color_kind)


def _board_kind(x: Push) -> tuple[str | None, int | None]:
    """§9.1: normalised Color prefix, then the characteristic fields."""
    color = ci.as_str(x.get("Color")) or ""
    kind, uid = (_known_color if len(color) <= 64 else _color_kind)(color)
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


def _board(x: Push) -> Event:
    kind, color_uid = _board_kind(x)
    target, source = as_uid(x.get("TargetUID")), as_uid(x.get("SourceUID"))
    # The affected user: the UID in Color, else TargetUID, else (hands up) the actor.
    uid = color_uid or target or source
    if kind == "hands":
        return HandsUp(**x.common(), uid=uid, raised=ci.as_bool(x.get("Handsup")))
    if kind == "award":
        return Award(**x.common(), uid=uid, times=ci.as_int(x.get("Times")))
    if kind == "camera":
        return CameraPosition(**x.common(), uid=uid, area=area(x.get("Area")),
                              on_top=ci.as_bool(x.get("OnTop")), channel=ci.as_int(x.get("Channel")))
    if kind in ("selector_question", "selector_answer"):
        question = kind == "selector_question"
        return Selector(
            **x.common(x.get("LastCommitTime"), x.get("QCollectTime"), x.get("QSentTime")),
            uid=None if question else uid, question=question,
            state=ci.as_int(x.get("CurState") if question else x.get("Commited")),
            sent_time=as_time(x.get("QSentTime")), collect_time=as_time(x.get("QCollectTime")),
            correct_items=ci.as_str(x.get("CorrectItems")),
            selected_item=ci.as_str(x.get("SelectedItem")), all_items=ci.as_str(x.get("AllItems")),
            received_time=as_time(x.get("RecvQuestionTime")), commit_time=as_time(x.get("LastCommitTime")),
            participants=tool_participants(x.get("Participants")))
    if kind in ("responder_question", "responder_answer"):
        question = kind == "responder_question"
        return Responder(
            **x.common(x.get("FastestGuyTime")), uid=None if question else uid, question=question,
            state=ci.as_int(x.get("CurState")), end_time=as_time(x.get("EndTime")),
            fastest_uid=as_uid(x.get("nId")), fastest_time=as_time(x.get("FastestGuyTime")),
            fastest_name=ci.as_str(x.get("FastestGuyName")),
            participants=tool_participants(x.get("Participants")))
    return BoardOther(**x.common(), color=ci.as_str(x.get("Color")), uid=uid)


def _authorize(x: Push) -> Event:
    return Authorize(**x.common(), source_uid=as_uid(x.get("SourceUID")), uid=as_uid(x.get("TargetUID")),
                     granted=ci.as_bool(x.get("Operation")))


def _kick(x: Push) -> Event:
    return Kick(**x.common(), source_uid=as_uid(x.get("SourceUID")), uid=as_uid(x.get("TargetUID")),
                duration=ci.as_int(x.get("Duration")), operation=ci.as_int(x.get("Operation")))


def _mute_one(x: Push) -> Event:
    return Mute(**x.common(), source_uid=as_uid(x.get("SourceUID")), uid=as_uid(x.get("TargetUID")),
                muted=ci.as_bool(x.get("Operation")))


def _mute_all(x: Push) -> Event:
    return MuteAll(**x.common(), source_uid=as_uid(x.get("SourceUID")),
                   muted=ci.as_bool(x.get("Operation")))


def _stage(x: Push) -> Event:
    return Stage(**x.common(), source_uid=as_uid(x.get("SourceUID")), uid=as_uid(x.get("TargetUID")),
                 on_stage=ci.as_bool(x.get("Operation")))


def _net(x: Push) -> Event:
    common = x.common(x.data.get("reportTime"))
    uid = as_uid(ci.pick(x.p, "UID") or ci.pick(x.data, "UID"))
    return NetReport(**common, uid=uid, sample=decode_net(x.data, uid, common["time"], x.limits))


def _check(x: Push) -> Event:
    common = x.common(x.data.get("addTime"))
    uid = as_uid(ci.pick(x.p, "UID") or ci.pick(x.data, "UID"))
    kind = "in-class" if x.cmd == "Check" else "out-of-class"
    return DeviceCheckReport(**common, uid=uid,
                             check=decode_check(x.data, uid, common["time"], kind, x.limits))


def _help(x: Push) -> Event:
    return HelpRequest(**x.common(), uid=as_uid(ci.pick(x.data, "UID") or x.get("UID")),
                       message=ci.as_str(x.data.get("Message")), users=ints(x.data.get("UserList")))


def _class_len(x: Push) -> Event:
    return LessonExtended(**x.common(), start_time=as_time(x.get("StartTime")),
                          lesson_seconds=ci.as_int(x.get("PrelectTimeLength")),
                          close_delay=ci.as_int(x.get("CloseClassDelay")))


def _live_detail(x: Push) -> Event:
    d = x.data
    mic = ci.as_str(ci.pick(d, "Micphone is recorded", "Microphone is recorded"))
    return RecordingStarted(**x.common(), audio_mode=ci.as_str(d.get("Audio mode")),
                            bit_rate=ci.as_str(d.get("HighBitRate")),
                            push_address=ci.as_str(ci.pick(d, "IP", "Ip")),
                            microphone_recorded={"yes": True, "no": False}.get((mic or "").strip().lower()),
                            video_scope=ci.as_str(d.get("Video Scope")),
                            video_size=ci.as_str(d.get("Video Size")))


def _edb_img(x: Push) -> Event:
    return BoardImage(**x.common(), url=ci.as_str(x.get("Url", "URL")),
                      group_id=ci.as_int(x.get("GroupId", "GroupID")))


PARSERS: dict[int | str, Callable[[Push], Event]] = {
    ci.CMD_BOARD: _board, ci.CMD_AUTHORIZE: _authorize, ci.CMD_ENTER: _enter, ci.CMD_EXIT: _exit,
    ci.CMD_KICK: _kick, ci.CMD_MUTE_ONE: _mute_one, ci.CMD_MUTE_ALL: _mute_all, ci.CMD_STAGE: _stage,
    "Net": _net, "Check": _check, "UserCheck": _check, "HelpInfo": _help, "ClassLen": _class_len,
    "LiveDetail": _live_detail, "EdbImg": _edb_img,
}
