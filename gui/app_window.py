"""The main window: navigation on the left, one view at a time, and a status
bar that always shows where pushes go and whether they arrive."""
from __future__ import annotations


from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QVBoxLayout, QWidget)

from tunnel.service import TunnelState

from .bridge import MonitorBridge
from .timers import every
from .formatting import ago, local_time
from .views import view_classes


class StatusBar(QObject):
    """Receiver URL, public URL, pushes in the last minute, last push, open alarms.
    A QObject for `self.tr` (context "StatusBar", as lupdate sees it)."""

    def __init__(self, window: QMainWindow, bridge: MonitorBridge):
        super().__init__(window)
        self.bridge = bridge
        bar = window.statusBar()
        self.local = QLabel()
        self.public = QLabel()
        self.rate = QLabel()
        self.last = QLabel()
        self.alarms = QLabel()
        for label in (self.local, self.public, self.rate, self.last):
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            bar.addWidget(label)
        bar.addPermanentWidget(self.alarms)
        self.timer = every(window, 1000, self.refresh)
        self.refresh()

    def _tunnel_state(self, state: TunnelState) -> str:
        return {TunnelState.STARTING: self.tr("starting"), TunnelState.UP: self.tr("up"),
                TunnelState.UNHEALTHY: self.tr("unhealthy"), TunnelState.DOWN: self.tr("down"),
                TunnelState.STOPPED: self.tr("stopped")}.get(state, state.value)

    def refresh(self) -> None:
        receiver = self.bridge.monitor.receiver
        url = receiver.url
        self.local.setText(self.tr("Receiver: {}/classin").format(url) if url
                           else self.tr("Receiver: not running"))
        tunnel = self.bridge.monitor.tunnel
        if tunnel is None:
            self.public.setText(self.tr("Public: no tunnel"))
        elif tunnel.status.public_url:
            self.public.setText(self.tr("Public: {} ({})").format(
                tunnel.status.public_url, self._tunnel_state(tunnel.status.state)))
        else:
            self.public.setText(self.tr("Public: tunnel {}").format(self._tunnel_state(tunnel.status.state)))
        stats = receiver.stats
        self.rate.setText(self.tr("%n push(es) in the last minute", "", stats.pushes_last_minute()))
        if stats.last_push_at:
            self.last.setText(self.tr("Last push: {} ({})").format(
                local_time(stats.last_push_at), ago(stats.last_push_at)))
        else:
            self.last.setText(self.tr("Last push: none yet"))
        open_alarms = self.bridge.monitor.alarms.open_alarms()
        critical = sum(1 for a in open_alarms if a.severity >= 2)
        self.alarms.setText(self.tr("%n open alarm(s)", "", len(open_alarms)))
        self.alarms.setStyleSheet("color: white; background: #c62828; padding: 0 6px; font-weight: bold;"
                                  if critical else "")


class AppWindow(QMainWindow):
    closing = Signal()

    def __init__(self, bridge: MonitorBridge, demo: bool = False):
        super().__init__()
        self.bridge = bridge
        self.demo = demo
        self.setWindowTitle(self.tr("ClassWatch") + (self.tr(" — demo") if demo else ""))
        self.resize(1280, 800)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #c62828; color: white; padding: 8px; font-weight: bold;")
        self.banner.hide()

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget#nav { font-size: 11pt; } QListWidget#nav::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.views = {}
        for key, cls in view_classes():
            view = cls(bridge, self)
            self.views[key] = view
            self.stack.addWidget(view)
            self.nav.addItem(QListWidgetItem(view.title()))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self, bridge)
        self._restore()

    # -- navigation --------------------------------------------------------------------------
    def show_view(self, key: str):
        view = self.views[key]
        self.nav.setCurrentRow(self.stack.indexOf(view))
        return view

    # -- state ---------------------------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.nav.setCurrentRow(int(settings.value("window/view", 0) or 0) % max(1, self.nav.count()))

    def _save(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/view", self.nav.currentRow())

    def show_startup_error(self, message: str) -> None:
        self.banner.setText(self.tr("The receiver could not start: {}. Choose another port in Settings "
                                    "or close the other program using it.").format(message))
        self.banner.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save()
        event.accept()
        self.closing.emit()

    async def shutdown(self) -> None:
        for view in self.views.values():
            stop = getattr(view, "shutdown", None)
            if stop is not None:
                await stop()
