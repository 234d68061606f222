"""Qt signals on top of the Qt-free Monitor (the Randovania pattern: the
network core is plain asyncio; a thin QObject only adds signals)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core import Monitor


class MonitorBridge(QObject):
    # (lessons.events.Event, lessons.state.LessonState | None) after each applied push
    pushApplied = Signal(object, object)
    # receiver.events.* as they happen (stored, duplicate, refused, storage failure)
    receiverEvent = Signal(object)
    # alarms.model.Alarm raised, updated, acknowledged or resolved
    alarmChanged = Signal(object)
    # each stored Gensee call (payload dict) after monitor.gensee was fed with it
    genseeCall = Signal(object)
    # tunnel.TunnelStatus of the current tunnel, or None once no tunnel is configured
    # (Monitor relays whichever Tunnel object is current: nothing to re-attach here)
    tunnelChanged = Signal(object)

    def __init__(self, monitor: Monitor, parent: QObject | None = None):
        super().__init__(parent)
        self.monitor = monitor
        monitor.event_listeners.append(self.pushApplied.emit)
        monitor.receiver.listeners.append(self.receiverEvent.emit)
        monitor.alarms.subscribe(lambda event: self.alarmChanged.emit(event.alarm))
        monitor.gensee_listeners.append(self.genseeCall.emit)
        monitor.tunnel_listeners.append(self.tunnelChanged.emit)
