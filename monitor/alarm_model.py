"""An alarm and its kinds. Texts are built by the GUI (translatable) from
`kind`, `reason_code` and `params`; this module only decides."""
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
}


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
