"""Relay: each school's own system (LMS, CRM) that gets every push ClassIn
sends here, and how that is going — delivered, pending, oldest pending,
failing since, last error — with retry now, pause/resume and replay of a
time range. Reads go through the core's relay (its reader thread); nothing
here waits on a destination."""
from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)
from qasync import asyncSlot

from ..bridge import MonitorBridge
from ..columns import fit_columns
from ..formatting import moment, unix_at, zone_label
from ..models.labels import school_timezone
from ..models.relay_model import RelayModel
from ..models.table import ITEM_ROLE
from ..timers import every
from .lesson_panel import table_view

log = logging.getLogger(__name__)

REFRESH_MS = 1000
ADD_COMMAND = "python main.py relay add NAME --sid SID --url URL"


class RelayView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.desk = bridge.desk
        # The command starts a line of its own, here and in the empty table: wrapped
        # within a sentence it broke in two in Chinese.
        add = self.tr("Add one with: {}").format(ADD_COMMAND)
        self.caption = QLabel("\n".join((self.tr(
            "A school's own system (LMS, CRM) keeps getting every push ClassIn sends here from the moment "
            "it is added: the exact bytes, in order, one at a time, retried until it answers errno 1."), add)))
        self.caption.setWordWrap(True)
        self.model = RelayModel(bridge.desk.config, self)
        # Empty, the table says what relaying is for and how to start: a bare grid told a
        # desk neither.
        self.table = table_view(self.model, sortable=False, empty_text="\n".join((
            self.tr("No relay destination yet. Relaying forwards every stored push to the school's own system "
                    "(LMS, CRM), since ClassIn allows only one push URL per school."), add)))
        self.table.horizontalHeader().setStretchLastSection(True)

        self.retry = QPushButton(self.tr("Retry now"))
        self.pause = QPushButton(self.tr("Pause"))
        # The pickers hold the wall clock of the selected destination's school (as
        # QDateTimes in UTC, which Qt never shifts for this PC's DST gaps); what they
        # mean is kept as unix seconds, so a change of zone (another school selected,
        # the desk's clock) shows the same moments in the new zone.
        self.replay_from = QDateTimeEdit()
        self.replay_to = QDateTimeEdit()
        for edit in (self.replay_from, self.replay_to):
            edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            edit.dateTimeChanged.connect(self._picked)
        self.replay_zone = QLabel()
        self.timezone: str | None = None       # the zone of the school whose times the pickers hold
        self.range = (time.time() - 3600, time.time())
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
        actions.addWidget(self.replay_zone)
        actions.addWidget(self.replay)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
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
        self.range = (self.range[0], time.time() + 60)
        self._show_range()
        self.refresh()

    def zone_changed(self) -> None:
        self._show_range()

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
        self.caption.setVisible(bool(rows))      # empty, the table says the same: once is enough
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
        timezone = school_timezone(self.desk.config, status.destination.sid if status is not None else None)
        if timezone != self.timezone:     # not on every refresh: that would reset a picker being typed in
            self.timezone = timezone
            self._show_range()

    # -- the replay range, in the selected school's zone ------------------------------------------
    def _show_range(self) -> None:
        for edit, unix in zip((self.replay_from, self.replay_to), self.range):
            wall = moment(unix, self.timezone)
            edit.blockSignals(True)
            edit.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute),
                                       QTimeZone(QTimeZone.Initialization.UTC)))
            edit.blockSignals(False)
        self._picked()      # to the minute the pickers show: what is replayed is what is read there

    def _picked(self, *_args) -> None:
        self.range = tuple(unix_at(datetime.combine(edit.date().toPython(), edit.time().toPython()), self.timezone)
                           for edit in (self.replay_from, self.replay_to))
        self.replay_zone.setText(self.tr("({})").format(zone_label(self.timezone, self.range[0])))

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
        start, end = self.range
        if end <= start:
            self.result.setText(self.tr("The end of the range must be after its start."))
            return
        try:
            added = await self.desk.relay_replay(name, start, min(end, time.time() + 1))
        except Exception as exc:
            self.result.setText(self.tr("{}: could not replay: {}").format(name, exc))
            return
        self.result.setText(self.tr("{}: %n push(es) queued again.", "", added).format(name))
        await self.refresh()
