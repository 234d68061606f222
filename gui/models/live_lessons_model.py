"""Live lessons as table rows: one row per live lesson of every school.

Rows are plain values computed from LessonState; `update()` diffs them by
ClassID so selection and scroll position survive the refreshes (the view
calls it at most every 500 ms, never per push)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from lessons.state import LessonState

from ..formatting import local_time
from .labels import lesson_title

STUDENT = 1
SORT_ROLE = Qt.ItemDataRole.UserRole
CLASS_ID_ROLE = Qt.ItemDataRole.UserRole + 1

WARN_BG = QColor("#fff3cd")
ALARM_BG = QColor("#f8d7da")


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


def live_row(state: LessonState, school: str, timezone: str | None, alarms: int) -> LiveRow:
    present = hands = trouble = 0
    for p in state.participants.values():
        if not p.present(None):
            continue
        if p.identity == STUDENT:
            present += 1
        if p.hands.is_on:
            hands += 1
        if (p.net is not None and p.net.problems) or (p.check is not None and p.check.problems):
            trouble += 1
    roster = len(state.roster.members())
    teacher = state.teacher
    return LiveRow(class_id=state.class_id, sid=state.sid, school=school, timezone=timezone,
                   lesson=lesson_title(state), teacher=(teacher.name or str(teacher.uid)) if teacher else "",
                   start=state.start_time, present=present, expected=roster or None,
                   hands_up=hands, trouble=trouble, alarms=alarms)


class LiveLessonsModel(QAbstractTableModel):
    COLUMNS = ("lesson", "teacher", "school", "start", "present", "hands_up", "trouble", "alarms")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[LiveRow] = []
        self._headers = {
            "lesson": self.tr("Lesson"), "teacher": self.tr("Teacher"), "school": self.tr("School"),
            "start": self.tr("Start"), "present": self.tr("Students present"),
            "hands_up": self.tr("Hands up"), "trouble": self.tr("Net/device trouble"),
            "alarms": self.tr("Open alarms"),
        }

    # --- updates -------------------------------------------------------------------
    def update(self, rows: Iterable[LiveRow]) -> None:
        """Replace the rows in place: changed rows emit dataChanged, lessons that
        stopped being live are removed, new ones appended."""
        wanted = {row.class_id: row for row in rows}
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].class_id not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        last = len(self.COLUMNS) - 1
        for i, old in enumerate(self._rows):
            new = wanted.pop(old.class_id)
            if new != old:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        if wanted:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(wanted) - 1)
            self._rows.extend(wanted.values())
            self.endInsertRows()

    def class_id_at(self, row: int) -> int | None:
        return self._rows[row].class_id if 0 <= row < len(self._rows) else None

    def row_of(self, class_id: int) -> LiveRow | None:
        return next((r for r in self._rows if r.class_id == class_id), None)

    # --- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            value = getattr(row, column) if column in _FIELD_NAMES else None
            return -1 if value is None else value
        if role == CLASS_ID_ROLE:
            return row.class_id
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.alarms:
                return QBrush(ALARM_BG)
            if row.trouble:
                return QBrush(WARN_BG)
        if role == Qt.ItemDataRole.ForegroundRole and (row.alarms or row.trouble):
            return QBrush(QColor("#212121"))   # dark text stays readable on the tints in dark themes
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("lesson", "teacher", "school"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "lesson":
            return self.tr("ClassID {}").format(row.class_id)
        return None

    def _text(self, row: LiveRow, column: str) -> str:
        if column == "start":
            return local_time(row.start, row.timezone) if row.start else "—"
        if column == "present":
            return "{} / {}".format(row.present, row.expected if row.expected is not None else "—")
        if column == "hands_up":
            # No emoji: the common CJK fonts have no ✋ and it rendered as a box.
            return self.tr("▲ {} up").format(row.hands_up) if row.hands_up else "0"
        if column in ("trouble", "alarms"):
            value = getattr(row, column)
            return "⚠ {}".format(value) if value else "0"   # a sign, not colour alone
        return str(getattr(row, column))


_FIELD_NAMES = frozenset(f.name for f in fields(LiveRow))
