"""History: past lessons by date range, school and text; the selected lesson's
participants and timeline; export of that lesson or of every listed one.

Reads run in reader threads; the save dialog is opened with open() and
answers through fileSelected (PITFALLS.md: no exec() under qasync)."""
from __future__ import annotations

import functools
import time
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)
from qasync import asyncSlot

from lessons.events import Enter, LessonEnd, LessonInfoChanged
from app.history import lesson_state, lessons_between

from ..bridge import MonitorBridge
from ..columns import fit_columns
from ..diagnostic import Diagnostic
from ..export_job import ExportBar, fill_formats
from ..formatting import day_bounds, shown_date
from ..layouts import side_by_side, split, stacked
from ..loader import Loader
from ..models.history_model import HistoryModel, lesson_start
from ..models.labels import fill_schools, school_timezone
from ..models.table import ITEM_ROLE
from ..worker import in_thread
from .lesson_panel import LessonPanel, table_view

DEFAULT_DAYS = 7


# Zones are at most 14 h from UTC, and a lesson's shown start may precede its
# first activity: a query this much wider finds every row the days may hold.
MARGIN = 2 * 24 * 3600


def lessons_on_days(first: date, last: date, sid: int | None, text: str | None,
                    zone: Callable[[int | None], str]) -> list[dict[str, Any]]:
    """In a reader thread: the lessons whose shown start falls on [first, last]
    in the zone each row is shown in (`zone(sid)`: its school's), so "All
    schools" lists what each school's own filter lists."""
    start, end = day_bounds(first, last, None)
    rows = lessons_between(start - MARGIN, end + MARGIN, sid=sid, text=text)
    return [row for row in rows
            if (when := lesson_start(row)) is not None
            and first <= shown_date(when, zone(row["sid"])) <= last]


class HistoryView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.config = bridge.desk.config
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        self._default_days = True        # until the desk picks dates: the last week, up to "today"
        self._set_default_days()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.school = QComboBox()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Lesson, course, teacher or ClassID"))
        self.text.setClearButtonEnabled(True)
        self.format = QComboBox()
        fill_formats(self.format)
        self.export_one = QPushButton(self.tr("Export lesson…"))
        self.export_all = QPushButton(self.tr("Export all listed…"))
        self.count = QLabel()
        self.exporter = ExportBar(self.config)

        self.model = HistoryModel(self.config, self, live=bridge.desk.live_lesson)
        self.table = table_view(self.model, sortable=False,    # newest first from the query
                                empty_text=self.tr("No lesson in these days: pick other days or another school."))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.panel = LessonPanel()
        self.panel.diagnostic = Diagnostic(bridge.desk, window.alarm_texts, self)

        filters = side_by_side(QLabel(self.tr("From")), self.date_from, QLabel(self.tr("to")), self.date_to,
                               self.school, (self.text, 1))
        exports = side_by_side((self.count, 1), QLabel(self.tr("Format")), self.format, self.export_one, self.export_all)
        upper = stacked((self.table, 1), exports, self.exporter)
        splitter = split(Qt.Orientation.Vertical, (upper, 2), (self.panel, 3))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.stale = True
        self.loader = Loader(self._query, parent=self)
        self.loader.loaded.connect(self._loaded)
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged, self.school.currentIndexChanged,
                       self.text.textChanged):
            signal.connect(self.loader.request)
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self._dates_picked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.export_one.clicked.connect(self.ask_export_selected)
        self.export_all.clicked.connect(self.ask_export_listed)
        bridge.pushApplied.connect(self._on_push)
        self._fill_schools()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("History")

    async def shutdown(self) -> None:
        await self.loader.stop()

    def _set_default_days(self) -> None:
        """"Today" where the rows are shown: in Shanghai it may already be
        tomorrow on this PC (and schools come and go, the demo's after start)."""
        now = time.time()
        today = QDate(max([shown_date(now, s.timezone) for s in self.config.current().schools.values()]
                          + [shown_date(now)]))
        for edit, day in ((self.date_from, today.addDays(-DEFAULT_DAYS + 1)), (self.date_to, today)):
            edit.blockSignals(True)
            edit.setDate(day)
            edit.blockSignals(False)

    def _dates_picked(self) -> None:
        self._default_days = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_days:
            self._set_default_days()
        self._fill_schools()        # schools may have been added in Settings meanwhile
        if self.stale:
            self.stale = False
            self.loader.request()

    def _on_push(self, event: Any, _lesson: Any) -> None:
        # Only what changes the list (a new lesson, its schedule, its End), not every push.
        if not isinstance(event, (LessonEnd, LessonInfoChanged, Enter)):
            return
        if self.isVisible():
            self.loader.request()
        else:
            self.stale = True

    def copy_diagnostic(self) -> None:
        self.panel.copy_diagnostic()

    def zone_changed(self) -> None:
        self.loader.request()           # the date filter is in the zone rows are shown in
        self.panel.zone_changed()

    def _fill_schools(self) -> None:
        fill_schools(self.school, self.config, self.tr("All schools"))

    # -- the list -------------------------------------------------------------------------------
    def _query(self):
        # The config as it is now: the reader thread keeps this snapshot's zones.
        return functools.partial(lessons_on_days, self.date_from.date().toPython(), self.date_to.date().toPython(),
                                 self.school.currentData(), self.text.text().strip() or None,
                                 self.config.current().zone)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected_class_id()
        self.model.set_rows(rows)
        fit_columns(self.table)
        for row, lesson in enumerate(rows):
            if lesson["class_id"] == selected:
                self.table.selectionModel().blockSignals(True)    # same lesson: no re-read
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("{} lesson(s)").format(len(rows)) if rows else
                           self.tr("No lesson between {} and {} for {}: widen the dates, choose all schools "
                                   "or clear the search.").format(
                               self.date_from.date().toString("yyyy-MM-dd"), self.date_to.date().toString("yyyy-MM-dd"),
                               self.school.currentText()))
        self._update_buttons()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._update_buttons()
        if indexes:
            self.open_lesson(indexes[0].data(ITEM_ROLE))

    @asyncSlot(object)
    async def open_lesson(self, row: dict[str, Any]) -> None:
        state = await in_thread(lesson_state, row["class_id"], self.config.current())
        if self.selected_class_id() == row["class_id"]:      # still the one the user wants
            self.panel.show_lesson(state, school_timezone(self.config, row["sid"]))

    def selected_class_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ITEM_ROLE)["class_id"] if indexes else None

    def _update_buttons(self) -> None:
        self.export_one.setEnabled(self.selected_class_id() is not None)
        self.export_all.setEnabled(self.model.rowCount() > 0)

    # -- export ----------------------------------------------------------------------------------
    def ask_export_selected(self) -> None:
        class_id = self.selected_class_id()
        if class_id is not None:
            row = self.table.selectionModel().selectedRows()[0].data(ITEM_ROLE)
            day = self._day(row)
            self.exporter.ask([class_id], self.format.currentData(), row.get("class_name") or row.get("course_name"),
                              day, day)

    def ask_export_listed(self) -> None:
        class_ids = [row["class_id"] for row in self.model.rows]
        if class_ids:
            days = sorted(day for day in map(self._day, self.model.rows) if day is not None)
            self.exporter.ask(class_ids, self.format.currentData(), None, days[0] if days else None,
                              days[-1] if days else None)

    def _day(self, row: dict[str, Any]) -> date | None:
        """The lesson's day where its times are shown (for export file names)."""
        start = lesson_start(row)
        return shown_date(start, school_timezone(self.config, row["sid"])) if start else None

    def export(self) -> None:
        """File › Export (Ctrl+E): the selected lesson, else every listed one."""
        if self.selected_class_id() is not None:
            self.ask_export_selected()
        else:
            self.ask_export_listed()
