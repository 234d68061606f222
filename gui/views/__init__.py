"""The views of the main window, in navigation order.

A view is a QWidget built as `View(bridge, window)` with `title() -> str`
(translated); it may define `async shutdown()`.
"""
from __future__ import annotations

from .alarms_view import AlarmsView
from .checks_view import ChecksView
from .gensee_view import GenseeView
from .history_view import HistoryView
from .inspector_view import InspectorView
from .live_view import LiveView
from .relay_view import RelayView
from .school_view import SchoolView
from .network_view import NetworkView
from .settings_view import SettingsView

# The order is the navigation order.
VIEWS = (
    ("live", LiveView),
    ("network", NetworkView),
    ("checks", ChecksView),
    ("alarms", AlarmsView),
    ("inspector", InspectorView),
    ("history", HistoryView),
    ("school", SchoolView),
    ("gensee", GenseeView),
    ("relay", RelayView),
    ("settings", SettingsView),
)


def view_classes():
    return list(VIEWS)
