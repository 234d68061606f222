"""Equipment checks: each user's latest in-class (Check) and before-class
(UserCheck) result, problems first, searchable; select a user to see all of
their checks. Reads storage.history.device_checks in a reader thread."""
from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from lessons.events import DeviceCheckReport
from app.history import device_checks

from ..alarm_texts import AlarmTexts
from ..bridge import MonitorBridge
from ..columns import fill_with, fit_columns
from ..layouts import side_by_side, split, stacked
from ..loader import Loader
from ..models.checks_model import ChecksModel
from ..models.labels import named
from ..models.table import ITEM_ROLE
from .lesson_panel import table_view

LATEST_LIMIT = 5000      # users shown at most (latest check per user and kind)
HISTORY_LIMIT = 500      # one user's checks shown at most
# px: on a 1280 px screen the machine column gives way to the problems down to its
# device type and the OS's first letters ("PC · Windo…", the rest in its tooltip).
MACHINE_WIDTH = 70

# filter key -> (problems_only, kind or None)
FILTERS = {"all": (False, None), "problems": (True, None), "in-class": (False, "in-class"),
           "out-of-class": (False, "out-of-class")}


def _table(model: ChecksModel, empty_text: str = "") -> QTableView:
    table = table_view(model, sortable=False, empty_text=empty_text)   # problems-first is the order that matters
    fill_with(table, ChecksModel.COLUMNS.index("problems"), squeeze=ChecksModel.COLUMNS.index("machine"),
              main_first=True, squeeze_least=MACHINE_WIDTH)
    return table


def _latest(problems_only: bool, kind: str | None, text: str | None) -> list[dict[str, Any]]:
    rows = device_checks(latest_only=True, problems_only=problems_only, text=text, limit=LATEST_LIMIT)
    return [r for r in rows if kind is None or r["kind"] == kind]


class ChecksView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.texts = AlarmTexts(bridge.desk, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by UID, name or phone"))
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        for key, label in (("all", self.tr("All users")), ("problems", self.tr("Problems only")),
                           ("in-class", self.tr("In-class checks")),
                           ("out-of-class", self.tr("Before-class checks"))):
            self.filter.addItem(label, key)
        self.count = QLabel()

        self.model = ChecksModel(self.texts, self)
        self.table = _table(self.model, self.tr("No device check matches: they come before and during lessons."))
        self.history_model = ChecksModel(self.texts, self)
        self.history = _table(self.history_model)
        fit_columns(self.history)      # empty, its headers' widths: no sideways scroll for nothing
        self.history_title = QLabel(self.tr("Select a user to see all of their checks."))
        self.history_title.setStyleSheet("font-weight: bold;")

        bar = side_by_side((self.search, 1), self.filter, self.count)
        lower = stacked(self.history_title, self.history)
        # The latest checks are the page; one user's history is a look below (empty until one is picked).
        splitter = split(Qt.Orientation.Vertical, (self.table, 3), (lower, 1))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.latest_loader = Loader(self._latest_query, parent=self)
        self.latest_loader.loaded.connect(self._show_latest)
        self.history_loader = Loader(self._history_query, delay_ms=0, parent=self)
        self.history_loader.loaded.connect(self._show_history)
        self.selected_uid: int | None = None
        self.stale = True

        self.search.textChanged.connect(self.latest_loader.request)
        self.filter.currentIndexChanged.connect(self.latest_loader.request)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        bridge.pushApplied.connect(self._on_push)

    def title(self) -> str:
        return self.tr("Device checks")

    async def shutdown(self) -> None:
        await self.latest_loader.stop()
        await self.history_loader.stop()

    # -- refresh ---------------------------------------------------------------------------------
    def _on_push(self, event: Any, _lesson: Any) -> None:
        if not isinstance(event, DeviceCheckReport):
            return
        if self.isVisible():
            self.latest_loader.request()
            if event.uid is not None and event.uid == self.selected_uid:
                self.history_loader.request()
        else:
            self.stale = True     # hidden: one read when shown instead of one per check

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.latest_loader.request()

    def _latest_query(self):
        problems_only, kind = FILTERS[self.filter.currentData()]
        return functools.partial(_latest, problems_only, kind, self.search.text().strip() or None)

    def _show_latest(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        if not self.table.property("sized"):      # once: later refreshes keep the user's widths
            fit_columns(self.table)
            self.table.setProperty("sized", bool(rows))
        problems = sum(1 for r in rows if r["has_problem"])
        self.count.setText(self.tr("{} check(s), {} with problems").format(len(rows), problems))
        if self.selected_uid is not None:
            self.select_uid(self.selected_uid)

    def zone_changed(self) -> None:
        self.model.recount_zones()
        self.history_model.recount_zones()

    # -- one user's history -------------------------------------------------------------------------
    def select_uid(self, uid: int) -> None:
        for row, data in enumerate(self.model.rows):
            if data["uid"] == uid:
                self.table.selectRow(row)
                return

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = indexes[0].data(ITEM_ROLE)
        if row["uid"] != self.selected_uid:
            self.selected_uid = row["uid"]
            name = row.get("name") or row.get("nickname")
            self.history_title.setText(self.tr("Checks of {}").format(named(name, row["uid"])))
            self.history_loader.request()

    def _history_query(self):
        return functools.partial(device_checks, uid=self.selected_uid, limit=HISTORY_LIMIT)

    def _show_history(self, rows: list[dict[str, Any]]) -> None:
        # Newest first: a user's history reads as a timeline, not problems-first.
        self.history_model.set_rows(rows, problems_first=False)
        fit_columns(self.history)
