"""Device checks (rows of storage.history.device_checks) as a table: problems
first, each device's verdict in words and colour, the problems translated."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from monitor.alarm_model import Severity
from protocol.classin import DEVICE_TYPE

from ..alarm_texts import SEVERITY_COLOURS, AlarmTexts
from ..formatting import local_time
from .labels import school_timezone

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.UserRole + 1
PROBLEM_BACKGROUND = "#ffebee"


class ChecksModel(QAbstractTableModel):
    # What the desk acts on first (verdicts, problems); the long hardware strings last.
    COLUMNS = ("status", "user", "uid", "phone", "kind", "time", "microphone", "speaker", "camera",
               "delay_ms", "loss_percent", "problems", "operating_system", "client_version", "device_type",
               "cpu", "ip")
    DEVICE_COLUMNS = ("microphone", "speaker", "camera")

    def __init__(self, texts: AlarmTexts, parent=None):
        super().__init__(parent)
        self.texts = texts
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]], problems_first: bool = True) -> None:
        self.beginResetModel()
        if problems_first:
            self.rows = sorted(rows, key=lambda r: (not r["has_problem"], -(r["time"] or 0)))
        else:
            self.rows = sorted(rows, key=lambda r: -(r["time"] or 0))
        self.endResetModel()

    # -- wording ----------------------------------------------------------------------------
    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Status"), self.tr("User"), self.tr("UID"), self.tr("Phone"), self.tr("Check"),
                self.tr("Time"), self.tr("Microphone"), self.tr("Speaker"), self.tr("Camera"), self.tr("Delay"),
                self.tr("Loss"), self.tr("Problems"), self.tr("OS"), self.tr("Client"), self.tr("Device"),
                self.tr("CPU"), self.tr("IP"))

    def _verdict(self, state: str | None) -> str:
        return {"ok": self.tr("OK"), "problem": self.tr("PROBLEM"), "not-tested": self.tr("not tested"),
                "unknown": self.tr("not reported")}.get(state or "unknown", state or "—")

    def _kind(self, kind: str) -> str:
        return self.tr("in class") if kind == "in-class" else self.tr("before class")

    def text(self, row: dict[str, Any], column: str) -> Any:
        value = row.get(column)
        if column == "status":
            return self.tr("⚠ problem") if row["has_problem"] else self.tr("OK")
        if column == "user":
            return row.get("name") or row.get("nickname") or "—"
        if column == "kind":
            return self._kind(row["kind"])
        if column == "time":
            return local_time(value, school_timezone(self.texts.monitor.config, row.get("sid")), with_date=True)
        if column in self.DEVICE_COLUMNS:
            return self._verdict(value)
        if column == "device_type":
            return DEVICE_TYPE.get(value, "—") if value is not None else "—"
        if column == "delay_ms":
            return "—" if value is None else self.tr("{} ms").format(round(value))
        if column == "loss_percent":
            return "—" if value is None else "{:g}%".format(value)
        if column == "problems":
            return "; ".join(self.texts.problem(p) for p in (value or "").split("\n") if p)
        return "—" if value in (None, "") else value

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.DisplayRole:
            return self.text(row, column)
        if role == Qt.ToolTipRole and column in ("problems", "cpu", "operating_system"):
            return str(self.text(row, column)).replace("; ", "\n")     # columns are capped: the full text
        if role == Qt.ForegroundRole:
            if column == "status" and row["has_problem"]:
                return QBrush(QColor("white"))
            if column in self.DEVICE_COLUMNS and row.get(column) == "problem":
                return QBrush(QColor(SEVERITY_COLOURS[Severity.CRITICAL]))
        if role == Qt.BackgroundRole and row["has_problem"]:
            return QBrush(QColor(SEVERITY_COLOURS[Severity.CRITICAL] if column == "status" else PROBLEM_BACKGROUND))
        return None
