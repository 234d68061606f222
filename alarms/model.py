"""An alarm, its kinds, and the event every change of one is told as.
Texts are built from `kind`, `reason_code` and `params` elsewhere; this module only decides."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    CRITICAL = 2


# kind -> severity. One place for what each kind means to the desk.
KINDS = {
    "stuck_push": Severity.CRITICAL,   # we refused a push: the school's ClassIn queue is blocked
    "storage": Severity.CRITICAL,      # a push could not be committed (disk full, locked)
    "resent": Severity.WARNING,        # a stored push came again: our ack got lost (tunnel trouble)
    "silence": Severity.WARNING,       # no pushes for a while although lessons are live
    "tunnel": Severity.CRITICAL,       # the public URL does not reach us
    "help": Severity.WARNING,          # a HelpInfo request from a classroom
    "device": Severity.WARNING,        # a failing microphone/camera/speaker in a live lesson
    "network": Severity.WARNING,       # a bad 5-minute network or CPU report in a live lesson
    "gensee_leaves": Severity.WARNING, # many abnormal leaves in a Gensee room at once
    "relay": Severity.CRITICAL,        # a school's own system has not taken its pushes for a while
    "verification": Severity.WARNING,  # pushes held: their SafeKey does not verify
}

# Changes told to subscribers (AlarmCenter.subscribe).
CHANGES = ("opened", "updated", "acknowledged", "resolved", "restored")


@dataclass
class Alarm:
    key: str                      # one alarm per key: repeated causes update it
    kind: str
    since: float
    last: float
    sid: int | None = None
    class_id: int | None = None
    uid: int | None = None
    reason_code: str | None = None
    params: dict = field(default_factory=dict)
    count: int = 1
    acknowledged: bool = False
    resolved_at: float | None = None

    @property
    def severity(self) -> Severity:
        return KINDS[self.kind]

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def state(self) -> str:
        if not self.open:
            return "resolved"
        return "acknowledged" if self.acknowledged else "open"


@dataclass(frozen=True)
class AlarmEvent:
    change: str         # one of CHANGES ("restored": read back at start, as the desk left it)
    alarm: Alarm        # the alarm itself, changed in place later: copy what must not move

    def record(self) -> dict:
        """The alarm as CONTRACT.md's alarm JSON object."""
        return alarm_record(self.alarm)


def alarm_record(alarm: Alarm, title: str | None = None, detail: str | None = None) -> dict:
    """CONTRACT.md's alarm object (`alarms --json`, the webhook channel, subscribers)."""
    return {"id": alarm.key, "kind": alarm.kind, "severity": alarm.severity.name.lower(),
            "state": alarm.state, "sid": alarm.sid, "class_id": alarm.class_id, "uid": alarm.uid,
            "title": title if title is not None else alarm.kind, "detail": detail,
            "first_seen": alarm.since, "last_seen": alarm.last, "count": alarm.count,
            "acknowledged_by": None, "acknowledged_at": None}
