"""Relay: each school's own system (LMS, CRM) that gets every push ClassIn
sends here, and how that is going — delivered, pending, oldest pending,
failing since, last error — with retry now, pause/resume and replay of a
time range. Reads go through the core's relay (its reader thread); nothing
here waits on a destination."""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)
from qasync import asyncSlot

from ..bridge import MonitorBridge
from ..columns import fit_columns
from ..formatting import zone_label
from ..models.relay_model import RelayModel
from ..models.table import ITEM_ROLE
from ..timers import every
from .lesson_panel import table_view

log = logging.getLogger(__name__)

REFRESH_MS = 1000


class RelayView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.desk = bridge.desk
        caption = QLabel(self.tr(
            "A school's own system (LMS, CRM) keeps getting every push ClassIn sends here: the exact "
            "bytes, in order, one at a time, retried until it answers errno 1. Add one with "
            "python main.py relay add NAME --sid SID --url URL (it gets what is stored from then on)."))
        caption.setWordWrap(True)
        self.model = RelayModel(bridge.desk.config, self)
        self.table = table_view(self.model, sortable=False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("No destinations yet."))

        self.retry = QPushButton(self.tr("Retry now"))
        self.pause = QPushButton(self.tr("Pause"))
        self.replay_from = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-3600))
        self.replay_to = QDateTimeEdit(QDateTime.currentDateTime())
        for edit in (self.replay_from, self.replay_to):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.replay = QPushButton(self.tr("Replay"))
        self.result = QLabel()
        self.result.setWordWrap(True)

        actions = QHBoxLayout()
        actions.addWidget(self.retry)
        actions.addWidget(self.pause)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Send again what was received from")))
        actions.addWidget(self.replay_from)
        actions.addWidget(QLabel(self.tr("to")))
        actions.addWidget(self.replay_to)
        actions.addWidget(QLabel("({})".format(zone_label(None))))
        actions.addWidget(self.replay)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.result)

        # A team desk does not deliver: the team's receiver retries on its own schedule.
        self.retry.setVisible(bridge.desk.listens)
        self.retry.clicked.connect(self.retry_now)
        self.pause.clicked.connect(self.toggle_pause)
        self.replay.clicked.connect(self.replay_range)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._busy = False
        self._fitted: list = []
        self.timer = every(self, REFRESH_MS, self._tick)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Relay")

    # -- reading --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The range ends "now" (to the next minute) whenever the page is opened.
        self.replay_to.setDateTime(QDateTime.currentDateTime().addSecs(60))
        self.refresh()

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    @asyncSlot()
    async def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            rows = await self.desk.relay_status()
        except Exception:     # a failing read leaves the last rows up; the next tick tries again
            log.exception("reading the relay status failed")
            return
        finally:
            self._busy = False
        selected = self.selected_name()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        # Refit when what the columns say changes (a destination starts failing), not every
        # second: a width the desk dragged stays until then.
        shape = [(self.model.state(r), r.last_error, r.destination.name) for r in rows]
        if rows and shape != self._fitted:
            fit_columns(self.table)
            self._fitted = shape
        for row, status in enumerate(rows):
            if status.destination.name == selected:
                self.table.selectRow(row)
        self._selection_changed()

    # -- the selected destination -------------------------------------------------------------
    def selected(self):
        indexes = self.table.selectionModel().selectedRows()
        return self.model.data(indexes[0], ITEM_ROLE) if indexes else None

    def selected_name(self) -> str | None:
        status = self.selected()
        return status.destination.name if status is not None else None

    def _selection_changed(self, *_args) -> None:
        status = self.selected()
        for button in (self.retry, self.pause, self.replay):
            button.setEnabled(status is not None)
        paused = status is not None and status.destination.paused
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))

    # -- commands -------------------------------------------------------------------------------
    def retry_now(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        try:
            self.desk.relay_retry_now(name)
        except KeyError:      # removed meanwhile (another process)
            return
        self.result.setText(self.tr("{}: retrying now.").format(name))

    @asyncSlot()
    async def toggle_pause(self) -> None:
        status = self.selected()
        if status is None:
            return
        name, paused = status.destination.name, not status.destination.paused
        try:
            await self.desk.relay_set_paused(name, paused)
        except Exception as exc:
            self.result.setText(self.tr("{}: could not change: {}").format(name, exc))
            return
        self.result.setText((self.tr("{}: paused; pushes keep being queued.") if paused
                             else self.tr("{}: delivering again.")).format(name))
        await self.refresh()

    @asyncSlot()
    async def replay_range(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        start = self.replay_from.dateTime().toSecsSinceEpoch()
        end = self.replay_to.dateTime().toSecsSinceEpoch()
        if end <= start:
            self.result.setText(self.tr("The end of the range must be after its start."))
            return
        try:
            added = await self.desk.relay_replay(name, float(start), float(min(end, time.time() + 1)))
        except Exception as exc:
            self.result.setText(self.tr("{}: could not replay: {}").format(name, exc))
            return
        self.result.setText(self.tr("{}: %n push(es) queued again.", "", added).format(name))
        await self.refresh()
