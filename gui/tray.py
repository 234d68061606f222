"""The tray icon: open-alarm count in the tooltip, a desktop notification for
each new critical alarm and help request, and an optional sound.

Works without a system tray (offscreen, some Linux desktops) and without
audio: then it only keeps the count and the window's icon.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from alarms.config import SOUND
from alarms.model import Alarm, Severity

from .alarm_texts import SEVERITY_COLOURS, AlarmTexts
from .bridge import MonitorBridge
from .timers import coalescing

NOTIFY_KINDS = ("help_request",)             # notified although not critical: a person is waiting
ALARM_WAV = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "alarm.wav"


def badge_icon(count: int, critical: bool) -> QIcon:
    """Drawn, not shipped: the number must be current and no icon file can go missing."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setBrush(QColor(SEVERITY_COLOURS[Severity.CRITICAL] if critical else
                            SEVERITY_COLOURS[Severity.WARNING] if count else "#2e7d32"))
    painter.setPen(QColor("white"))
    painter.drawEllipse(2, 2, 60, 60)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(34 if count < 10 else 26)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignCenter, str(count) if count else "✓")
    painter.end()
    return QIcon(pixmap)


def _sound_player():
    """QSoundEffect when QtMultimedia is installed (PySide6-Essentials lacks it)."""
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        return None
    if not ALARM_WAV.exists():
        return None
    effect = QSoundEffect()
    effect.setSource(QUrl.fromLocalFile(str(ALARM_WAV)))
    return effect


class AlarmTray(QObject):
    activated = Signal()          # the user clicked the icon or a notification: show the alarms

    def __init__(self, bridge: MonitorBridge, texts: AlarmTexts, parent: QObject | None = None):
        super().__init__(parent)
        self.bridge = bridge
        self.texts = texts
        self._notified: set[tuple[str, float]] = set()     # (key, since): one notification per occurrence
        self._sound = None
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(badge_icon(0, False), self)
            menu = QMenu()
            menu.addAction(self.tr("Show alarms"), self.activated.emit)
            self.icon.setContextMenu(menu)
            self._menu = menu
            self.icon.activated.connect(lambda *_: self.activated.emit())
            self.icon.messageClicked.connect(self.activated.emit)
            self.icon.show()
        self.tooltip = ""
        self._refresh_timer = coalescing(self, 250, self.refresh)
        bridge.alarmChanged.connect(self.on_alarm)
        self.refresh()

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    def refresh(self) -> None:
        open_alarms = self.bridge.desk.open_alarms()
        critical = any(a.severity >= Severity.CRITICAL for a in open_alarms)
        self.tooltip = self.tr("ClassWatch — {} open alarm(s)").format(len(open_alarms))
        if open_alarms:
            self.tooltip += "\n" + self.texts.describe(open_alarms[0]).title
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip)
            self.icon.setIcon(badge_icon(len(open_alarms), critical))

    def on_alarm(self, alarm: Alarm) -> None:
        if not self._refresh_timer.isActive():   # badge and tooltip: a few times a second at most
            self._refresh_timer.start()
        occurrence = (alarm.key, alarm.since)
        wanted = alarm.severity >= Severity.CRITICAL or alarm.kind in NOTIFY_KINDS
        if not alarm.open or alarm.acknowledged or not wanted or occurrence in self._notified:
            return
        self._notified.add(occurrence)
        self.notify(alarm)

    def notify(self, alarm: Alarm) -> None:
        text = self.texts.describe(alarm)
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            icon = QSystemTrayIcon.Critical if alarm.severity >= Severity.CRITICAL else QSystemTrayIcon.Warning
            self.icon.showMessage(text.title, text.advice, icon, 15000)
        if self.bridge.desk.config.current().settings.get(SOUND, False):
            self.play_sound()

    def play_sound(self) -> None:
        if self._sound is None:
            self._sound = _sound_player() or False
        if self._sound:
            self._sound.play()
        else:
            QApplication.beep()
