"""Pages of storage.inspector results as a table that asks for the next page
when the view scrolls to its end (Qt's canFetchMore/fetchMore)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from monitor.alarm_model import Severity
from protocol.classin import cmd_label, normalise_cmd
from storage.inspector import Cursor, InspectedPush, Page
from storage.models import FLAG_RELEASED

from ..alarm_texts import SEVERITY_COLOURS, AlarmTexts
from ..formatting import local_time

Index = QModelIndex | QPersistentModelIndex
PUSH_ROLE = Qt.UserRole + 1


class PushesModel(QAbstractTableModel):
    TIME, STATUS, SOURCE, SID, CMD, CLASS_ID, UID, SIZE = range(8)
    moreWanted = Signal()          # the view reached the end and another page exists

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[InspectedPush] = []
        self.cursor: Cursor | None = None
        self.loading = False
        self._texts = AlarmTexts(None, self)

    def set_page(self, page: Page, append: bool) -> None:
        if append:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
            self.rows += page.rows
            self.endInsertRows()
        else:
            self.beginResetModel()
            self.rows = list(page.rows)
            self.endResetModel()
        self.cursor = page.cursor
        self.loading = False

    def status(self, row: InspectedPush) -> str:
        if row.kind == "quarantined":
            if row.resolved_at is not None:
                return self.tr("refused, later accepted ({})").format(row.reason_code)
            if row.released:
                return self.tr("refused, released ({})").format(row.reason_code)
            return self.tr("REFUSED ({}, {}×)").format(row.reason_code, row.attempts)
        parts = [self.tr("stored")]
        if row.flags & FLAG_RELEASED:
            parts.append(self.tr("released"))
        if row.resends:
            parts.append(self.tr("re-sent {}×").format(row.resends))
        return " · ".join(parts)

    def refusal(self, row: InspectedPush) -> str:
        return self._texts.refusal(row.reason_code, row.reason, row.sid, row.size)

    def answer(self, row: InspectedPush) -> str:
        """The receiver's English reason as the sender got it: it has the details
        (byte positions, the size limit) that the translated sentence leaves out."""
        return self.tr("The sender was told: {}").format(row.reason or "?")

    # -- Qt -----------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.cursor is not None and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self.moreWanted.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Received"), self.tr("Status"), self.tr("Source"), self.tr("SID"), self.tr("Cmd"),
                    self.tr("ClassID"), self.tr("UID"), self.tr("Size"))[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == PUSH_ROLE:
            return row
        if role == Qt.DisplayRole:
            if column == self.TIME:
                return local_time(row.received_at, with_date=True)
            if column == self.STATUS:
                return self.status(row)
            if column == self.CMD:
                cmd = normalise_cmd(row.cmd)
                return cmd_label(cmd) if cmd is not None else "—"
            if column == self.SIZE:
                return self.tr("{} B").format(row.size)
            value = (None, None, row.source, row.sid, None, row.class_id, row.uid)[column]
            return "—" if value is None else value
        if role == Qt.ToolTipRole and column == self.STATUS and row.kind == "quarantined":
            return "{}\n{}".format(self.refusal(row), self.answer(row))
        if role == Qt.ForegroundRole and row.kind == "quarantined" and row.resolved_at is None \
                and not row.released:
            return QBrush(QColor(SEVERITY_COLOURS[Severity.CRITICAL]))
        if role == Qt.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
