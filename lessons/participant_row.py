"""One participant of one lesson as the roster and the reports show it, and
the one column table both read: a new column is a field here and a line in
COLUMNS, and it reaches the roster, the summary JSON, csv, xlsx and pdf.

`participant_row()` computes the numbers (End's when the summary came, else
the live pushes); `ParticipantRow.as_dict()` is the JSON summary's row
(CONTRACT.md keys first, extras after).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Mapping

from protocol import classin as ci

from .texts import QT_TRANSLATE_NOOP
from .timeline_words import Translate, listed

if TYPE_CHECKING:
    from .participant import Participant
    from .state import LessonState

# ClassWatch's own grace periods (monitoring-notes §8: "+ grace, ours").
LATE_GRACE_SECONDS = 60
EARLY_LEAVE_GRACE_SECONDS = 60

STUDENT = 1
TEACHER = 3


@dataclass(slots=True)
class ParticipantRow:
    # CONTRACT.md keys, in CONTRACT order
    uid: int
    name: str | None
    identity: int | None
    present: bool
    attended_seconds: int
    first_in: int | None
    last_out: int | None
    entries: int
    hands_up: int
    awards: int
    stage_up_count: int
    stage_seconds: int
    # extras
    identity_label: str
    device: int | None
    device_label: str
    late: bool
    left_early: bool
    abnormal_exits: int
    hands_up_seconds: int
    hand_up: bool
    on_stage: bool
    mute_count: int
    muted: bool
    speak_seconds: int | None           # End muteEnd: time the user could speak
    microphone_seconds: int | None      # End equipmentsEnd: mic on while on stage
    camera_seconds: int | None          # End equipmentsEnd: camera on while on stage
    microphone_on_seconds: int | None   # End equipmentsEnd TotalNotDisabled: on or off stage
    camera_on_seconds: int | None
    kicks: int
    authorize_count: int
    authorize_seconds: int
    deputies: int
    checked: bool
    net_quality: float | None
    network_problems: list[str]
    device_problems: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(f.name for f in fields(ParticipantRow))


# --- the column table ---------------------------------------------------------------------
class Kind(Enum):
    INT = "int"
    DURATION = "duration"   # whole seconds
    TIME = "time"           # unix seconds, shown in the school's zone
    BOOL = "bool"
    TEXT = "text"           # str, or a list of str (joined with the language's "; ")
    PERCENT = "percent"     # a fraction 0..1


Labels = Callable[[str, str], str]      # (key, English default) -> the reader's words


@dataclass(frozen=True)
class Column:
    key: str        # a ParticipantRow field
    header: str     # English; the GUI translates it (context "ParticipantColumn"), reports/labels.py too
    kind: Kind
    # Labels key prefix for translating the (English) values people read,
    # e.g. "role" turns "student" into labels("role.student").
    vocabulary: str | None = None

    def label(self, labels: Labels) -> str:
        return labels(self.key, self.header)

    def word(self, value: str, labels: Labels) -> str:
        """A value as people read it (CSV keeps the raw value for scripts)."""
        return labels(f"{self.vocabulary}.{value}", value) if self.vocabulary else value

    def words(self, value: Any, labels: Labels, translate: Translate) -> str:
        """A TEXT cell as people read it: a list (of problems) word by word, on
        one line, with the separator of `translate`'s language."""
        if value is None:
            return ""
        if isinstance(value, (list, tuple)):
            return listed((self.word(str(item), labels) for item in value), translate)
        return self.word(str(value), labels)

    def raw(self, row: Mapping[str, Any]) -> Any:
        # .get: extras may be missing from an older or hand-made summary.
        return row.get(self.key)


def _c(key: str, header: str, kind: Kind, vocabulary: str | None = None) -> Column:
    return Column(key, header, kind, vocabulary)


COLUMNS: tuple[Column, ...] = (
    # CONTRACT.md order
    _c("uid", QT_TRANSLATE_NOOP("ParticipantColumn", "UID"), Kind.INT),
    _c("name", QT_TRANSLATE_NOOP("ParticipantColumn", "Name"), Kind.TEXT),
    _c("identity", QT_TRANSLATE_NOOP("ParticipantColumn", "Identity code"), Kind.INT),
    _c("present", QT_TRANSLATE_NOOP("ParticipantColumn", "Present"), Kind.BOOL),
    _c("attended_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Attended"), Kind.DURATION),
    _c("first_in", QT_TRANSLATE_NOOP("ParticipantColumn", "First in"), Kind.TIME),
    _c("last_out", QT_TRANSLATE_NOOP("ParticipantColumn", "Last out"), Kind.TIME),
    _c("entries", QT_TRANSLATE_NOOP("ParticipantColumn", "Entries"), Kind.INT),
    _c("hands_up", QT_TRANSLATE_NOOP("ParticipantColumn", "Hands up"), Kind.INT),
    _c("awards", QT_TRANSLATE_NOOP("ParticipantColumn", "Awards"), Kind.INT),
    _c("stage_up_count", QT_TRANSLATE_NOOP("ParticipantColumn", "Stage ups"), Kind.INT),
    _c("stage_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "On stage"), Kind.DURATION),
    # extras
    _c("identity_label", QT_TRANSLATE_NOOP("ParticipantColumn", "Role"), Kind.TEXT, vocabulary="role"),
    _c("late", QT_TRANSLATE_NOOP("ParticipantColumn", "Late"), Kind.BOOL),
    _c("left_early", QT_TRANSLATE_NOOP("ParticipantColumn", "Left early"), Kind.BOOL),
    _c("abnormal_exits", QT_TRANSLATE_NOOP("ParticipantColumn", "Abnormal exits"), Kind.INT),
    _c("hands_up_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Hand raised"), Kind.DURATION),
    _c("mute_count", QT_TRANSLATE_NOOP("ParticipantColumn", "Mutes"), Kind.INT),
    _c("speak_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Could speak"), Kind.DURATION),
    _c("microphone_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Mic on (on stage)"), Kind.DURATION),
    _c("camera_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Camera on (on stage)"), Kind.DURATION),
    _c("microphone_on_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Mic on (all)"), Kind.DURATION),
    _c("camera_on_seconds", QT_TRANSLATE_NOOP("ParticipantColumn", "Camera on (all)"), Kind.DURATION),
    _c("kicks", QT_TRANSLATE_NOOP("ParticipantColumn", "Kicked out"), Kind.INT),
    _c("authorize_count", QT_TRANSLATE_NOOP("ParticipantColumn", "Authorized"), Kind.INT),
    _c("deputies", QT_TRANSLATE_NOOP("ParticipantColumn", "Deputy"), Kind.INT),
    _c("device", QT_TRANSLATE_NOOP("ParticipantColumn", "Device code"), Kind.INT),
    _c("device_label", QT_TRANSLATE_NOOP("ParticipantColumn", "Device"), Kind.TEXT, vocabulary="device"),
    _c("net_quality", QT_TRANSLATE_NOOP("ParticipantColumn", "Network quality"), Kind.PERCENT),
    _c("device_problems", QT_TRANSLATE_NOOP("ParticipantColumn", "Device problems"), Kind.TEXT, vocabulary="problem"),
    _c("network_problems", QT_TRANSLATE_NOOP("ParticipantColumn", "Network problems"), Kind.TEXT, vocabulary="problem"),
)

COLUMN = {column.key: column for column in COLUMNS}


def columns(keys: tuple[str, ...]) -> tuple[Column, ...]:
    """The named columns, in the given order (a roster or writer showing a subset)."""
    return tuple(COLUMN[key] for key in keys)


# --- the numbers --------------------------------------------------------------------------
def _identity(state: LessonState, p: Participant) -> int | None:
    if p.identity is not None:
        return p.identity
    teacher = state.teacher
    return TEACHER if teacher is not None and teacher.uid == p.uid else None


def _muted(state: LessonState, p: Participant) -> bool:
    """Whichever came last of the user's own mute switch and a mute-all."""
    own, everyone = p.mute.last, state.mute_all.last
    latest = max((s for s in (own, everyone) if s is not None), default=None)
    return bool(latest and latest.on)


def participant_row(state: LessonState, p: Participant, until: int, end_time: int | None,
                    start: int | None) -> ParticipantRow:
    identity = _identity(state, p)
    primary = p.primary()
    first_in = primary.first_on()
    last_exit = primary.last_off()
    last_out = last_exit.time if last_exit is not None else None
    entries = primary.switch_ons()
    present = p.present(end_time)
    if end_time is not None:
        reference = state.leave_reference
        reference = end_time if reference is None else reference
        left_early = (not present and last_out is not None
                      and last_out < reference - EARLY_LEAVE_GRACE_SECONDS)
    else:
        left_early = (not present and entries > 0
                      and p.last_exit_reason() not in ci.CLOSING_EXIT_REASONS)
    net, end = p.net, p.end
    return ParticipantRow(
        uid=p.uid,
        name=state.school_name(p.uid) or p.nickname,
        identity=identity,
        present=present,
        attended_seconds=p.attended_seconds(until),
        first_in=first_in,
        last_out=last_out,
        entries=entries,
        hands_up=p.hands_up_count(),
        awards=p.awards(),
        stage_up_count=p.stage_up_count(),
        stage_seconds=p.stage_seconds(until),
        identity_label=ci.IDENTITY.get(identity, "unknown") if identity is not None else "unknown",
        device=p.device,
        device_label=ci.DEVICE.get(p.device, "unknown") if p.device is not None else "unknown",
        late=bool(identity == STUDENT and first_in is not None and start is not None
                  and first_in > start + LATE_GRACE_SECONDS),
        left_early=left_early,
        abnormal_exits=p.abnormal_exits(),
        hands_up_seconds=p.hands_up_seconds(until),
        hand_up=p.hands.is_on,
        on_stage=p.stage.is_on and present,
        mute_count=p.mute.switch_ons(),
        muted=end_time is None and _muted(state, p),     # a closed room mutes nobody
        speak_seconds=end.speak_seconds if end else None,
        microphone_seconds=end.microphone_on_stage_seconds if end else None,
        camera_seconds=end.camera_on_stage_seconds if end else None,
        microphone_on_seconds=end.microphone_on_seconds if end else None,
        camera_on_seconds=end.camera_on_seconds if end else None,
        kicks=p.kick_count(),
        authorize_count=p.authorize_count(),
        authorize_seconds=p.authorize_seconds(until),
        deputies=p.deputies(),
        checked=p.check is not None,
        net_quality=round(net.quality.usable, 3) if net is not None and net.quality else None,
        network_problems=list(net.problems) if net is not None else [],
        device_problems=list(p.check.problems) if p.check is not None else [],
    )
