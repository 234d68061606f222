"""The desk's alarms as a table (those kept from before a restart too): open
ones first (most severe, newest), resolved ones greyed below them so the desk
still sees what happened."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from monitor.alarm_model import Alarm

from ..alarm_texts import RESOLVED_COLOUR, SEVERITY_COLOURS, AlarmTexts
from ..formatting import ago, local_time

Index = QModelIndex | QPersistentModelIndex
ALARM_ROLE = Qt.UserRole + 1


def _order(alarm: Alarm) -> tuple:
    return (not alarm.open, alarm.acknowledged, -int(alarm.severity), -alarm.last)


class AlarmsModel(QAbstractTableModel):
    SEVERITY, TITLE, STATE, SINCE, LAST, COUNT = range(6)

    def __init__(self, texts: AlarmTexts, parent=None):
        super().__init__(parent)
        self.texts = texts
        self.alarms: list[Alarm] = []

    # -- feeding ------------------------------------------------------------------------
    def update_alarms(self, alarms: list[Alarm]) -> None:
        """Raised, updated, acknowledged or resolved: one re-sort for a whole batch
        (a few hundred rows at most; busy minutes bring many changes at once). A key
        raised again after it resolved is a new Alarm: it takes the old one's row."""
        self.beginResetModel()
        by_key = {a.key: a for a in self.alarms}
        by_key.update((a.key, a) for a in alarms)
        self.alarms = sorted(by_key.values(), key=_order)
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return next((i for i, a in enumerate(self.alarms) if a.key == key), -1)

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.alarms)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Severity"), self.tr("Alarm"), self.tr("State"), self.tr("Since"),
                    self.tr("Last"), self.tr("Count"))[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        alarm = self.alarms[index.row()]
        column = index.column()
        if role == ALARM_ROLE:
            return alarm
        if role == Qt.DisplayRole:
            if column == self.SEVERITY:
                return self.texts.severity(alarm.severity)
            if column == self.TITLE:
                return self.texts.describe(alarm).title
            if column == self.STATE:
                if alarm.open and alarm.kind == "help" and not alarm.acknowledged:
                    return self.tr("needs acknowledging")
                return self.texts.state(alarm)
            if column == self.SINCE:
                return local_time(alarm.since)
            if column == self.LAST:
                return ago(alarm.last)
            if column == self.COUNT:
                return alarm.count
        if role == Qt.ToolTipRole and column == self.TITLE:
            text = self.texts.describe(alarm)
            return "{}\n\n{}".format(text.title, text.detail)
        if role == Qt.ForegroundRole:
            if not alarm.open:
                return QBrush(QColor(RESOLVED_COLOUR))
            if column == self.SEVERITY:
                return QBrush(QColor("white"))
        if role == Qt.BackgroundRole and column == self.SEVERITY and alarm.open:
            # Colour AND text: the severity word stays readable for colour-blind users.
            return QBrush(QColor(SEVERITY_COLOURS[alarm.severity]))
        if role == Qt.FontRole and alarm.open and not alarm.acknowledged:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
