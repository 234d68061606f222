"""Alarm center: every alarm of the session, and for the selected one what
happened, since when, how often and what to do, with the one-click fixes
(Release a stuck push, Fix the school's secret, Acknowledge)."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from qasync import asyncSlot

from alarms.model import Alarm

from ..columns import fit_columns
from ..diagnostic import Diagnostic, copy_text
from ..alarm_texts import RESOLVED_COLOUR, SEVERITY_COLOURS, AlarmTexts
from ..bridge import MonitorBridge
from ..models.alarms_model import AlarmsModel
from ..models.table import ITEM_ROLE
from ..tray import AlarmTray
from .lesson_panel import table_view
from ..timers import coalescing

SECRET_REASONS = ("unknown_sid", "bad_safekey")


class AlarmDetails(QWidget):
    """The right-hand panel; shows one alarm and offers what can be done about it."""

    def __init__(self, texts: AlarmTexts, parent: QWidget | None = None):
        super().__init__(parent)
        self.texts = texts
        self.alarm: Alarm | None = None
        self.badge = QLabel()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.advice_caption = QLabel(self.tr("What to do"))
        self.advice_caption.setStyleSheet("font-weight: bold;")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.acknowledge = QPushButton(self.tr("Acknowledge"))
        self.release = QPushButton(self.tr("Release"))
        self.release.setToolTip(self.tr("Accept the next re-send of this push although it failed the check; "
                                        "it is stored and flagged, and the school's queue moves on."))
        self.fix_secret = QPushButton(self.tr("Fix secret…"))
        self.copy = QPushButton(self.tr("Copy diagnostic"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.acknowledge, self.release, self.fix_secret, self.copy):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.badge, 0, Qt.AlignTop)
        head.addWidget(self.title, 1)
        layout.addLayout(head)
        layout.addWidget(self.detail)
        layout.addSpacing(8)
        layout.addWidget(self.advice_caption)
        layout.addWidget(self.advice)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.show_alarm(None)

    def show_alarm(self, alarm: Alarm | None) -> None:
        if alarm is not self.alarm:
            self.feedback.clear()
        self.alarm = alarm
        for widget in (self.badge, self.advice_caption, self.acknowledge, self.release, self.fix_secret, self.copy):
            widget.setVisible(alarm is not None)
        if alarm is None:
            self.title.setText(self.tr("No alarm selected"))
            self.detail.setText(self.tr("Alarms appear here when a push is refused, acknowledgements get lost, "
                                        "pushes stop during live lessons, or a classroom asks for help."))
            self.advice.clear()
            return
        text = self.texts.describe(alarm)
        colour = SEVERITY_COLOURS[alarm.severity] if alarm.open else RESOLVED_COLOUR
        self.badge.setText(" {} · {} ".format(self.texts.severity(alarm.severity), self.texts.state(alarm)))
        self.badge.setStyleSheet("background: {}; color: white; font-weight: bold; padding: 3px;".format(colour))
        self.title.setText(text.title)
        self.detail.setText(text.detail)
        self.advice.setText(text.advice)
        stuck = alarm.kind == "stuck_push"
        self.acknowledge.setEnabled(alarm.open and not alarm.acknowledged)
        self.release.setVisible(stuck)
        self.release.setEnabled(stuck and alarm.open and bool(alarm.params.get("qkey")))
        self.fix_secret.setVisible(stuck and alarm.reason_code in SECRET_REASONS)


class AlarmsView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.window_ = window
        self.texts = AlarmTexts(bridge.monitor, self)
        self.model = AlarmsModel(self.texts, self)
        self.table = table_view(self.model, sortable=False)    # the model keeps open-first order
        self.table.horizontalHeader().setSectionResizeMode(AlarmsModel.COLUMNS.index("title"), QHeaderView.Stretch)
        self.details = AlarmDetails(self.texts)
        self.summary = QLabel()

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details.acknowledge.clicked.connect(self.acknowledge_selected)
        self.details.release.clicked.connect(self.release_selected)
        self.details.fix_secret.clicked.connect(self.fix_secret)
        self.details.copy.clicked.connect(self.copy_diagnostic)
        self.diagnostic = Diagnostic(bridge.monitor, self.texts, self)
        bridge.alarmChanged.connect(self.on_alarm)

        self.tray = AlarmTray(bridge, self.texts, self)
        self.tray.activated.connect(self.bring_forward)
        # Alarm changes come in bursts (every push of a busy lesson may touch one):
        # apply them together, a few times a second at most.
        self._pending: dict[str, Alarm] = {}
        self._apply_timer = coalescing(self, 250, self._apply_pending)
        self.model.update_alarms(list(bridge.monitor.alarms.alarms.values()))
        fit_columns(self.table)
        self._update_summary()

    def title(self) -> str:
        return self.tr("Alarms")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_columns(self.table)

    async def shutdown(self) -> None:
        self.tray.hide()      # a tray icon outliving the window would look like a running app

    # -- feed ---------------------------------------------------------------------------------
    def on_alarm(self, alarm: Alarm) -> None:
        self._pending[alarm.key] = alarm
        if not self._apply_timer.isActive():
            self._apply_timer.start()

    def _apply_pending(self) -> None:
        changed = list(self._pending.values())
        self._pending.clear()
        selected = self.details.alarm
        first = self.model.rowCount() == 0
        self.model.update_alarms(changed)
        if self.isVisible():   # sizing reads every row: only for someone looking
            fit_columns(self.table)
        if selected is not None:
            self.select(selected.key)
        elif first and changed:
            self.select(self.model.rows[0].key)   # the first alarm of the session: show it at once
        self._update_summary()

    def _update_summary(self) -> None:
        open_alarms = self.bridge.monitor.alarms.open_alarms()
        self.summary.setText(self.tr("{} open alarm(s), {} listed (resolved ones stay a week)").format(
            len(open_alarms), self.model.rowCount()))

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)
            self.details.show_alarm(self.model.rows[row])

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.details.show_alarm(indexes[0].data(ITEM_ROLE) if indexes else None)

    def bring_forward(self) -> None:
        self.window_.show_view("alarms")
        self.window_.showNormal()
        self.window_.raise_()
        self.window_.activateWindow()

    # -- commands -------------------------------------------------------------------------------
    def acknowledge_selected(self) -> None:
        if self.details.alarm is not None:
            self.bridge.monitor.alarms.acknowledge(self.details.alarm.key)

    @asyncSlot()
    async def release_selected(self) -> None:
        alarm = self.details.alarm
        if alarm is None or not alarm.params.get("qkey"):
            return
        self.details.release.setEnabled(False)
        released = await self.bridge.monitor.receiver.release(alarm.params["qkey"])
        if self.details.alarm is not alarm:
            return
        self.details.feedback.setText(
            self.tr("Released. ClassIn's next re-send (within about 10 s) is accepted and flagged; "
                    "this alarm then resolves.") if released else
            self.tr("Nothing to release: this push was already accepted."))

    def copy_diagnostic(self) -> None:
        if self.details.alarm is not None:
            copy_text(self.diagnostic.alarm(self.details.alarm), self.details.copy)

    def fix_secret(self) -> None:
        alarm = self.details.alarm
        if alarm is not None:
            self.window_.show_view("settings").edit_school(alarm.sid)
