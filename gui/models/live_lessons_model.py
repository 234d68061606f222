"""Live lessons as table rows: one row per live lesson of every school.

Rows are plain values computed from LessonState; `update()` diffs them by
ClassID so selection and scroll position survive the refreshes (the view
calls it at most every 500 ms, never per push)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush

from lessons.participant import Participant
from lessons.state import LessonState

from ..formatting import local_time, zone_label
from .labels import lesson_title
from .table import CENTRE, KeyedTableModel, ZonedTableModel, brush

STUDENT = 1

WARN_BG = brush("#fff3cd")
ALARM_BG = brush("#f8d7da")
DARK_TEXT = brush("#212121")


@dataclass(frozen=True)
class LiveRow:
    class_id: int
    sid: int | None
    school: str
    timezone: str | None
    lesson: str
    teacher: str
    start: int | None
    present: int           # students inside now
    expected: int | None   # students on the roster (schedule sync), None when unknown
    hands_up: int          # hands raised right now
    trouble: int           # users inside with a network or device problem
    alarms: int            # open alarms of this lesson

    @property
    def key(self) -> int:
        return self.class_id

    @property
    def severity(self) -> int:
        """How much this lesson needs the desk, the trouble order of the table:
        open alarms, then users in trouble, then hands up (one number: the proxy
        sorts QVariants, and Python tuples do not compare there)."""
        return (self.alarms * 10_000 + min(self.trouble, 9_999)) * 10_000 + min(self.hands_up, 9_999)


def _person(p: Participant) -> tuple[int, int, int]:
    """What one participant adds to the row: (student inside, hand up, in trouble)."""
    if not p.present(None):
        return (0, 0, 0)
    trouble = (p.net is not None and bool(p.net.problems)) or (p.check is not None and bool(p.check.problems))
    return (int(p.identity == STUDENT), int(p.hands.is_on), int(trouble))


class PeopleCounts:
    """Each live lesson's totals of inside / hands up / in trouble, kept up to
    date one touched user at a time: summing every participant of every busy
    lesson twice a second took ~25 ms a tick with a 500-user lesson live."""

    def __init__(self) -> None:
        self._people: dict[int, dict[int, tuple[int, int, int]]] = {}   # class_id -> uid -> _person
        self._totals: dict[int, list[int]] = {}
        self._touched: dict[int, set[int]] = {}

    def touched(self, class_id: int, uid: int | None) -> None:
        """A push changed `uid` (None: maybe anyone) in the lesson."""
        if uid is None:
            self.forget(class_id)
        elif class_id in self._people:
            self._touched.setdefault(class_id, set()).add(uid)

    def forget(self, class_id: int | None = None) -> None:
        """Counted afresh next time (None: every lesson)."""
        for cache in (self._people, self._totals, self._touched):
            if class_id is None:
                cache.clear()
            else:
                cache.pop(class_id, None)

    def totals(self, state: LessonState) -> tuple[int, int, int]:
        people, participants = self._people.get(state.class_id), state.participants
        if people is None:
            people = self._people[state.class_id] = {uid: _person(p) for uid, p in participants.items()}
            self._totals[state.class_id] = [sum(column) for column in zip((0, 0, 0), *people.values())]
            self._touched.pop(state.class_id, None)
        totals = self._totals[state.class_id]
        for uid in self._touched.pop(state.class_id, ()):
            participant = participants.get(uid)
            new = _person(participant) if participant is not None else (0, 0, 0)
            old = people.get(uid, (0, 0, 0))
            people[uid] = new
            for i in range(3):
                totals[i] += new[i] - old[i]
        if len(people) != len(participants):     # someone came by a push without a uid of its own
            self.forget(state.class_id)
            return self.totals(state)
        return totals[0], totals[1], totals[2]


def live_row(state: LessonState, school: str, timezone: str | None, alarms: int,
             counts: PeopleCounts | None = None) -> LiveRow:
    present, hands, trouble = (counts or PeopleCounts()).totals(state)
    roster = len(state.roster.members())
    teacher = state.teacher
    return LiveRow(class_id=state.class_id, sid=state.sid, school=school, timezone=timezone,
                   lesson=lesson_title(state), teacher=(teacher.name or str(teacher.uid)) if teacher else "",
                   start=state.start_time, present=present, expected=roster or None,
                   hands_up=hands, trouble=trouble, alarms=alarms)


class LiveLessonsModel(ZonedTableModel, KeyedTableModel):
    COLUMNS = ("lesson", "teacher", "school", "start", "present", "hands_up", "trouble", "alarms")
    ZONED = "start"

    def update(self, rows) -> None:
        super().update(rows)
        self.recount_zones()      # a lesson of another zone came or went

    def zone_of(self, row: LiveRow) -> str:
        return zone_label(row.timezone, row.start)

    def zoned_header(self, zone: str) -> str:
        return self.tr("Start ({})").format(zone)

    def headers(self) -> dict[str, str]:
        return {
            "lesson": self.tr("Lesson"), "teacher": self.tr("Teacher"), "school": self.tr("School"),
            "start": self.tr("Start"), "present": self.tr("Students present"),
            "hands_up": self.tr("Hands up"), "trouble": self.tr("Net/device trouble"),
            "alarms": self.tr("Open alarms"),
        }

    def text(self, row: LiveRow, column: str) -> str:
        if column == "start":
            return local_time(row.start, row.timezone, zone=self.shared_zone is None) if row.start else "—"
        if column == "present":
            return "{} / {}".format(row.present, row.expected if row.expected is not None else "—")
        if column == "hands_up":
            # No emoji: the common CJK fonts have no ✋ and it rendered as a box.
            return self.tr("▲ {} up").format(row.hands_up) if row.hands_up else "0"
        if column in ("trouble", "alarms"):
            value = getattr(row, column)
            return "⚠ {}".format(value) if value else "0"   # a sign, not colour alone
        return str(getattr(row, column))

    def sort_key(self, row: LiveRow, column: str):
        if column in ("trouble", "alarms"):
            return row.severity       # both sort worst first together: alarms, then trouble, then hands
        return super().sort_key(row, column)

    def background(self, row: LiveRow, column: str) -> QBrush | None:
        if row.alarms:
            return ALARM_BG
        return WARN_BG if row.trouble else None

    def foreground(self, row: LiveRow, column: str) -> QBrush | None:
        return DARK_TEXT if row.alarms or row.trouble else None   # readable on the tints in dark themes

    def alignment(self, row: LiveRow, column: str) -> int | None:
        return CENTRE if column not in ("lesson", "teacher", "school") else None

    def tooltip(self, row: LiveRow, column: str) -> str | None:
        return self.tr("ClassID {}").format(row.class_id) if column == "lesson" else None
