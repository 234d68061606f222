"""The desk's alarms as a table (those kept from before a restart too): open
ones first (most severe, newest), resolved ones greyed below them so the desk
still sees what happened. Each occurrence keeps its row: a queue blocked
again after a Release is a new row, the released one keeps its first-seen
time and total count. AlarmFilter narrows and groups them."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QFont

from alarms.model import Alarm
from alarms.store import KEEP_RESOLVED_SECONDS

from ..alarm_texts import RESOLVED_COLOUR, SEVERITY_COLOURS, AlarmTexts
from ..formatting import ago, duration, local_time, recent_time, zone_label
from .table import ITEM_ROLE, RIGHT, Index, TableModel, ZonedTableModel, brush

GROUPS = ("lesson", "school", "kind")
HELP = "help_request"   # the kind of a classroom's help request


def _order(alarm: Alarm) -> tuple:
    return (not alarm.open, alarm.acknowledged, -int(alarm.severity), -alarm.last)


def occurrence(alarm: Alarm) -> tuple[str, float]:
    return (alarm.key, alarm.since)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AlarmsModel(ZonedTableModel):
    """First seen in each alarm's school's zone, said once in the header while all share it."""
    COLUMNS = ("severity", "title", "school", "lesson", "state", "since", "last", "count")
    ZONED = "since"

    def __init__(self, texts: AlarmTexts, parent=None):
        self.texts = texts
        super().__init__(parent)
        self._bold = _bold()

    def headers(self) -> dict[str, str]:
        return {"severity": self.tr("Severity"), "title": self.tr("Alarm"), "school": self.tr("School"),
                "lesson": self.tr("Lesson"), "state": self.tr("State"), "since": self.tr("First seen"),
                "last": self.tr("Last"), "count": self.tr("Count")}

    def zone_of(self, alarm: Alarm) -> str:
        return zone_label(self.texts.timezone(alarm), alarm.since)

    def zoned_header(self, zone: str) -> str:
        return self.tr("First seen ({})").format(zone)

    # -- feeding ------------------------------------------------------------------------
    def update_alarms(self, alarms: list[Alarm]) -> None:
        """Raised, updated, acknowledged or resolved: one re-sort for a whole batch
        (a few hundred rows at most; busy minutes bring many changes at once)."""
        by_occurrence = {occurrence(a): a for a in self.rows}
        by_occurrence.update((occurrence(a), a) for a in alarms)
        self.set_rows(sorted(by_occurrence.values(), key=_order))
        self.recount_zones()

    def row_of(self, key: str) -> int:
        """The current occurrence of `key` (open ones come first)."""
        return next((i for i, a in enumerate(self.rows) if a.key == key), -1)

    # -- hooks ---------------------------------------------------------------------------
    def text(self, alarm: Alarm, column: str) -> Any:
        if column == "severity":
            return self.texts.severity(alarm.severity)
        if column == "title":
            return self.texts.describe(alarm).title
        # Names only (the title column needs the room); SID and ClassID are in the tooltip.
        if column == "school":
            school = self.texts.desk.config.current().schools.get(alarm.sid) if alarm.sid is not None else None
            return (school.name or str(alarm.sid)) if school is not None else (str(alarm.sid) if alarm.sid else "—")
        if column == "lesson":
            if alarm.class_id is None:
                return "—"
            state = self.texts.desk.lesson(alarm.class_id)
            return (state.schedule.get("class_name") if state is not None else None) or str(alarm.class_id)
        if column == "state":
            # A word, not a sentence: the title needs the room; the tooltip says when it resolved,
            # or what to do for a help request ("to acknowledge" left "Last" no room at 1280 px).
            if alarm.open and alarm.kind == HELP and not alarm.acknowledged:
                return self.tr("waiting")
            return self.texts.state(alarm) if alarm.open else self.tr("resolved")
        if column == "since":
            return recent_time(alarm.since, self.texts.timezone(alarm), zone=self.shared_zone is None)
        if column == "last":
            return ago(alarm.last)
        return alarm.count

    def widest(self, column: str) -> list[str]:
        """"Last" runs on between fits: sized for "5 s ago" it cut "10 s ago" to "10 s …"."""
        if column != "last":
            return []
        return [ago(0, now=delta) for delta in (59, 3599, KEEP_RESOLVED_SECONDS)]

    def tooltip(self, alarm: Alarm, column: str) -> str | None:
        if column == "since":        # whole, zone included, wherever the cell leaves it to the header
            return local_time(alarm.since, self.texts.timezone(alarm), with_date=True)
        if column == "school" and alarm.sid is not None:
            return self.texts.school(alarm.sid)
        if column == "lesson" and alarm.class_id is not None:
            return self.texts.lesson(alarm.class_id)
        if column == "state":
            if alarm.open and alarm.kind == HELP and not alarm.acknowledged:
                return self.tr("A person waits for help: acknowledge it to say someone took it")
            return None if alarm.open else self.texts.state(alarm)
        if column != "title":
            return None
        text = self.texts.describe(alarm)
        return "{}\n\n{}".format(text.title, text.detail)

    def foreground(self, alarm: Alarm, column: str):
        if not alarm.open:
            return brush(RESOLVED_COLOUR)
        return brush("white") if column == "severity" else None

    def background(self, alarm: Alarm, column: str):
        # Colour AND text: the severity word stays readable for colour-blind users.
        return brush(SEVERITY_COLOURS[alarm.severity]) if column == "severity" and alarm.open else None

    def alignment(self, alarm: Alarm, column: str) -> int | None:
        return RIGHT if column == "count" else None

    def font(self, alarm: Alarm, column: str) -> QFont | None:
        # Unacknowledged open alarms in bold.
        return self._bold if alarm.open and not alarm.acknowledged else None


class AlarmFilter(QSortFilterProxyModel):
    """Kind, school, lesson, open only and a text; grouped by lesson, school or
    kind (each group together, the model's open-first order inside it)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.sid: int | None = None
        self.class_id: int | None = None
        self.open_only = False
        self.text = ""
        self.group: str | None = None

    def set(self, **filters: Any) -> None:
        if hasattr(self, "endFilterChange"):      # Qt >= 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._apply(filters)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._apply(filters)
            self.invalidateFilter()
        self.sort(0 if self.group else -1)
        self.invalidate()

    def _apply(self, filters: dict[str, Any]) -> None:
        for name, value in filters.items():
            setattr(self, name, value)

    def _alarm(self, row: int) -> Alarm:
        return self.sourceModel().rows[row]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        a = self._alarm(source_row)
        if (self.kind is not None and a.kind != self.kind) or (self.sid is not None and a.sid != self.sid) \
                or (self.class_id is not None and a.class_id != self.class_id) or (self.open_only and not a.open):
            return False
        if self.text:
            model = self.sourceModel()
            words = " ".join(str(model.index(source_row, c).data() or "") for c in range(model.columnCount()))
            return self.text.casefold() in words.casefold()
        return True

    def _group_key(self, a: Alarm) -> tuple:
        value = {"lesson": a.class_id, "school": a.sid, "kind": a.kind}[self.group]
        return (value is None, str(value))

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(ITEM_ROLE), right.data(ITEM_ROLE)
        return (self._group_key(a), left.row()) < (self._group_key(b), right.row())


class HelpQueueModel(TableModel):
    """Help requests, the waiting ones first (longest wait on top): who asked,
    where, what, how long they have waited and who took it."""
    COLUMNS = ("waiting", "user", "lesson", "message", "taken_by")

    def __init__(self, texts: AlarmTexts, parent=None):
        self.texts = texts
        super().__init__(parent)
        self._bold = _bold()

    def headers(self) -> dict[str, str]:
        return {"waiting": self.tr("Waiting"), "user": self.tr("Who"), "lesson": self.tr("Lesson"),
                "message": self.tr("Message"), "taken_by": self.tr("Taken by")}

    def update_requests(self, alarms: list[Alarm]) -> None:
        requests = [a for a in alarms if a.kind == HELP]
        waiting = sorted((a for a in requests if a.open and not a.acknowledged), key=lambda a: a.since)
        rest = sorted((a for a in requests if not (a.open and not a.acknowledged)), key=lambda a: -a.since)
        self.set_rows(waiting + rest)

    def waiting(self) -> int:
        return sum(1 for a in self.rows if a.open and not a.acknowledged)

    def text(self, alarm: Alarm, column: str) -> Any:
        if column == "waiting":
            if alarm.open and not alarm.acknowledged:
                return self.tr("{} waiting").format(duration(time.time() - alarm.since))
            return self.tr("asked {}").format(local_time(alarm.since, self.texts.timezone(alarm)))
        if column == "user":
            return self.texts.user(alarm.uid)
        if column == "lesson":
            return self.texts.lesson(alarm.class_id)
        if column == "message":
            return alarm.params.get("message") or "—"
        taken = getattr(alarm, "acknowledged_by", None)
        if alarm.acknowledged:
            return taken or self.tr("acknowledged")
        return self.tr("nobody yet") if alarm.open else self.texts.state(alarm)

    def font(self, alarm: Alarm, column: str) -> QFont | None:
        return self._bold if alarm.open and not alarm.acknowledged else None

    def foreground(self, alarm: Alarm, column: str):
        return None if alarm.open and not alarm.acknowledged else brush(RESOLVED_COLOUR)
