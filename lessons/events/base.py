"""What every event shares: the base type, small values, the field readers
and `Push`, one payload being parsed (common fields, aliases, event time)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from protocol import classin as ci

from ..diagnostics import Thresholds
from ..frozen import frozen
event_type = frozen(kw_only=True)
value_type = frozen


@value_type
class Person:
    uid: int | None
    name: str | None
    account: str | None = None      # phone, else e-mail
    number: str | None = None       # school's staff / student number (K-12)


@value_type
class Label:
    id: int | None
    name: str | None


@value_type
class Area:
    x1: int | None
    y1: int | None
    x2: int | None
    y2: int | None


@value_type
class ToolParticipant:
    uid: int | None
    name: str | None
    identity: int | None


@event_type
class Event:
    time: int                   # unix seconds (see module docstring)
    received_at: float
    cmd: int | str | None
    sid: int | None
    course_id: int | None
    class_id: int | None
    msg_id: str | None


@event_type
class Unknown(Event):
    """An unknown Cmd (or, defensively, a push a parser could not read)."""
    payload: Any
    error: str | None = None


def as_time(value: Any) -> int | None:
    return ci.as_unix(value)


def as_uid(value: Any) -> int | None:
    """A user ID; 0 means "nobody / everyone" in ClassIn's common fields."""
    uid = ci.as_int(value)
    return uid if uid else None


def person(value: Any, prefix: str) -> Person | None:
    """StudentInfo / TeacherInfo (LMS, `Student…`) and teacherInfo (schedule, `teacher…`)."""
    d = ci.as_dict(value)
    if not d:
        return None
    cap = prefix[:1].upper() + prefix[1:]
    return Person(uid=as_uid(ci.pick(d, prefix + "Uid", cap + "Uid")),
                  name=ci.as_str(ci.pick(d, prefix + "Name", cap + "Name")),
                  account=ci.as_str(ci.pick(d, prefix + "Account", cap + "Account")),
                  number=ci.as_str(ci.pick(d, prefix + "No", cap + "No")))


def labels(value: Any) -> tuple[Label, ...]:
    return tuple(Label(ci.as_int(d.get("labelId")), ci.as_str(d.get("labelName")))
                 for d in map(ci.as_dict, ci.as_list(value)) if d)


def tool_participants(value: Any) -> tuple[ToolParticipant, ...]:
    return tuple(ToolParticipant(as_uid(ci.pick(d, "Uid", "UID")), ci.as_str(d.get("ShowName")),
                                 ci.as_int(d.get("Identity")))
                 for d in map(ci.as_dict, ci.as_list(value)) if d)


def area(value: Any) -> Area | None:
    d = ci.as_dict(value)
    return Area(*(ci.as_int(d.get(k)) for k in ("X1", "Y1", "X2", "Y2"))) if d else None


def ints(value: Any) -> tuple[int, ...]:
    return tuple(i for i in map(ci.as_int, ci.as_list(value)) if i is not None)


def ms_to_s(value: Any) -> int | None:
    ms = ci.as_int(value)
    return ms // 1000 if ms else None


class Push:
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

    def class_id(self) -> int | None:
        """The lesson: top-level ClassID (or its aliases), else inside `Data`
        (LMS scores given in a lesson carry `Data.ClassId`); 0 means none."""
        top = ci.as_int(ci.pick(self.p, "ClassID", "ClassId", "CID"))
        if top:
            return top
        return ci.as_int(ci.pick(self.data, "ClassId", "ClassID")) or top

    def common(self, *own_times: Any) -> dict[str, Any]:
        p = self.p
        time = as_time(p.get("ActionTime"))
        for value in own_times:
            if time is not None:
                break
            time = as_time(value)
        if time is None:
            time = ci.as_int(self.received_at) or 0
        msg_id = ci.as_str(p.get("_id"))
        return dict(
            time=time, received_at=self.received_at, cmd=self.cmd,
            sid=ci.as_int(p.get("SID")),
            course_id=ci.as_int(ci.pick(p, "CourseID", "CourseId")),
            class_id=self.class_id(),
            msg_id=msg_id.strip() or None if msg_id else None)
