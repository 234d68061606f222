"""An alarm and its kinds. Texts are built from `kind`, `reason_code` and
`params` (alarms.texts); this module only decides."""
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
    "help_request": Severity.CRITICAL, # a HelpInfo request from a classroom: a person is waiting
    "device": Severity.WARNING,        # failing microphones/cameras/speakers in a live lesson (per lesson)
    "network": Severity.WARNING,       # bad 5-minute network or CPU reports in a live lesson (per lesson)
    "gensee_leaves": Severity.WARNING, # many abnormal leaves in a Gensee room at once
    "relay": Severity.CRITICAL,        # a school's own system has not taken its pushes for a while
    "verification": Severity.WARNING,  # pushes held: their SafeKey does not verify
}

# Kinds every core of a team raises alike from the team's stored pushes (each
# `serve` folds every push into lesson state): one of them speaks for all
# (alarms.channels.voice). The others tell of one process, which alone raises
# them: its refusals and re-sends, its storage, its tunnel, the relay it runs.
FROM_PUSHES = frozenset({"help_request", "device", "network", "silence", "gensee_leaves"})

# What a team desk (no receiver of its own) cannot raise from the pushes it
# follows, so it shows them as the team's receiver keeps them in the alarm
# table: a blocked queue above all. (`storage` is left out: a desk's own
# writer raises one of that key itself.)
FROM_RECEIVER = frozenset({"stuck_push", "resent", "verification", "relay", "tunnel"})

# Kinds renamed since files were written (the alarm table outlives versions).
RENAMED = {"help": "help_request"}



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
    acknowledged_by: str | None = None
    acknowledged_at: float | None = None
    ack_note: str | None = None

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
