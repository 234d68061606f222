"""Qt signals on top of the Qt-free Monitor (the Randovania pattern: the
network core is plain asyncio; a thin QObject only adds signals). The views
reach the core through `desk` (app.desk.Desk) only."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core import Monitor
from app.desk import Desk


class MonitorBridge(QObject):
    # (lessons.events.Event, lessons.state.LessonState | None) after each applied push
    pushApplied = Signal(object, object)
    # receiver.events.* as they happen (stored, duplicate, refused, storage failure)
    receiverEvent = Signal(object)
    # alarms.model.Alarm raised, updated, acknowledged or resolved
    alarmChanged = Signal(object)
    # each stored Gensee call (payload dict) after desk.gensee was fed with it
    genseeCall = Signal(object)
    # tunnel.TunnelStatus of the current tunnel, or None once no tunnel is configured
    # (Monitor relays whichever Tunnel object is current: nothing to re-attach here)
    tunnelChanged = Signal(object)

    def __init__(self, monitor: Monitor, parent: QObject | None = None):
        super().__init__(parent)
        self.desk = Desk(monitor)
        self.desk.listen(pushes=self.pushApplied.emit, receiver=self.receiverEvent.emit,
                         alarms=self.alarmChanged.emit, gensee=self.genseeCall.emit, tunnel=self.tunnelChanged.emit)
