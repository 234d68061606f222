"""Beside the Gensee view's rooms: the roll-call answers (a viewer's browser
opened the roll-call page) and the export of one room's attendance, Q&A and
roll calls in the lesson formats (lessons.gensee_report, reports.gensee_export).
The save dialog is opened with open() (PITFALLS.md: no exec() under qasync)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget
from qasync import asyncSlot

from lessons.gensee_report import ATTENDEE_COLUMNS, QA_COLUMNS, ROLLCALL_COLUMNS, room_report, rollcalls
from lessons.gensee_rooms import GenseeState

from ..i18n import report_language
from ..models.gensee_models import ZoneInHeaders
from ..models.table import TableModel
from ..worker import in_thread

FORMATS = ("xlsx", "csv", "pdf", "json")


class RollCallModel(ZoneInHeaders, TableModel):
    COLUMNS = tuple(c.key for c in ROLLCALL_COLUMNS)
    TIMES = ("time",)

    def __init__(self, zone: Callable[[], str], parent=None) -> None:
        super().__init__(parent)
        self.zone = zone          # the Gensee view's: calls name no school

    def headers(self) -> dict[str, str]:
        return {c.key: QCoreApplication.translate("GenseeColumn", c.header) for c in ROLLCALL_COLUMNS}

    def update(self, state: GenseeState) -> None:
        rows = rollcalls(state)[::-1]         # newest first
        if rows != self.rows:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def text(self, row: dict[str, Any], column: str) -> Any:
        if column in self.TIMES:
            return self.time_cell(row["time"])     # as the Q&A's times: a date only for another day
        return row.get(column) or "—"


def report_labels() -> dict[str, str]:
    """The export's sheet titles and headers in the window's language."""
    labels = {"attendance": QCoreApplication.translate("GenseeExport", "Attendance"),
              "qa": QCoreApplication.translate("GenseeExport", "Q&A"),
              "rollcall": QCoreApplication.translate("GenseeExport", "Roll calls")}
    for table, columns in (("attendance", ATTENDEE_COLUMNS), ("qa", QA_COLUMNS), ("rollcall", ROLLCALL_COLUMNS)):
        for c in columns:
            labels[f"{table}.{c.key}"] = QCoreApplication.translate("GenseeColumn", c.header)
    return labels


def write_room_export(report: dict, fmt: str, path: str, tz: str, lang: str, labels: dict[str, str]) -> None:
    from reports.gensee_export import render_room     # openpyxl/fpdf load only when someone exports
    Path(path).write_bytes(render_room(report, fmt, tz, lang=lang, labels=labels))


class RoomExport(QWidget):
    """Format + "Export room…" for the room `selected()` returns."""

    def __init__(self, state: Callable[[], GenseeState], selected: Callable[[], str | None],
                 zone: Callable[[], str], parent=None) -> None:
        super().__init__(parent)
        self.state, self.selected, self.zone = state, selected, zone
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(fmt.upper(), fmt)
        self.button = QPushButton(self.tr("Export room…"))
        self.button.clicked.connect(self.export)
        self.feedback = QLabel()
        self.dialog: QFileDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.feedback, 1)
        layout.addWidget(self.format)
        layout.addWidget(self.button)

    def export(self) -> None:
        class_no = self.selected()
        if class_no is None:
            return
        fmt = self.format.currentData()
        dialog = QFileDialog(self, self.tr("Export the room's attendance and Q&A"))
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setNameFilter(self.tr("{} files (*.{})").format(fmt.upper(), fmt))
        dialog.setDefaultSuffix(fmt)
        dialog.selectFile(str(Path.home() / "gensee-{}.{}".format(class_no[:12], fmt)))
        dialog.fileSelected.connect(lambda path: self.export_to(path, class_no, fmt))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    @asyncSlot(str, str, str)
    async def export_to(self, path: str, class_no: str, fmt: str) -> None:
        report = room_report(self.state(), class_no, time.time())    # on the loop: the live state is read here
        if report is None:
            return
        zh = report_language() == "zh"
        try:
            await in_thread(write_room_export, report, fmt, path, self.zone(), "zh" if zh else "en",
                            report_labels() if zh else {})
        except Exception as exc:     # a full disk, a missing PDF font: say so, keep the window
            self.feedback.setText(self.tr("Export failed: {}").format(exc))
            return
        self.feedback.setText(self.tr("Exported to {}").format(path))
