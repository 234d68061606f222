"""The window's own alarm banner, above every view: the newest open critical
alarm or unanswered help request, with "Show" and "Acknowledge". It is the
notification path where the desktop has no tray (the tray only adds to it)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from alarms.model import Alarm, Severity

from .alarm_texts import SEVERITY_COLOURS, AlarmTexts
from .bridge import MonitorBridge
from .timers import coalescing


def pressing(alarms: list[Alarm]) -> list[Alarm]:
    """Open alarms the desk has not taken yet that need a person now: critical
    ones and help requests; most severe, then newest first."""
    return [a for a in alarms
            if a.open and not a.acknowledged and (a.severity >= Severity.CRITICAL or a.kind == "help_request")]


class AlarmBanner(QWidget):
    def __init__(self, bridge: MonitorBridge, texts: AlarmTexts, show_alarm: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.bridge = bridge
        self.texts = texts
        self.show_alarm = show_alarm
        self.alarm: Alarm | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show"))
        self.acknowledge = QPushButton(self.tr("Acknowledge"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.acknowledge)
        self.show_button.clicked.connect(lambda: self.alarm is not None and self.show_alarm(self.alarm.key))
        self.acknowledge.clicked.connect(self._acknowledge)
        self._timer = coalescing(self, 250, self.refresh)
        bridge.alarmChanged.connect(self._changed)
        self.refresh()

    def _changed(self, _alarm: QObject) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        waiting = pressing(self.bridge.desk.open_alarms())
        self.alarm = waiting[0] if waiting else None
        self.setVisible(self.alarm is not None)
        if self.alarm is None:
            return
        title = self.texts.describe(self.alarm).title
        more = len(waiting) - 1
        self.text.setText("⚠ {}{}".format(title, self.tr(" (+%n more)", "", more) if more else ""))
        colour = SEVERITY_COLOURS[self.alarm.severity]
        style = ("QWidget#alarmBanner {{ background: {}; }} "
                 "QWidget#alarmBanner QLabel {{ color: white; font-weight: bold; }}".format(colour))
        if style != self.styleSheet():     # re-polishing the banner costs ~1 ms, on every alarm change
            self.setStyleSheet(style)

    def _acknowledge(self) -> None:
        if self.alarm is not None:
            self.bridge.desk.acknowledge(self.alarm.key)
