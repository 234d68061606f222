"""The views of the main window, in navigation order.

A view is a QWidget built as `View(bridge, window)` with `title() -> str`
(translated); it may define `async shutdown()`.
"""
from __future__ import annotations

import importlib

# (key, module, class): the order is the navigation order.
VIEWS = (
    ("live", "live_view", "LiveView"),
    ("network", "network_view", "NetworkView"),
    ("checks", "checks_view", "ChecksView"),
    ("alarms", "alarms_view", "AlarmsView"),
    ("inspector", "inspector_view", "InspectorView"),
    ("history", "history_view", "HistoryView"),
    ("gensee", "gensee_view", "GenseeView"),
    ("settings", "settings_view", "SettingsView"),
)


def view_classes():
    found = []
    for key, module, cls in VIEWS:
        try:
            mod = importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise
            continue  # TEMPORARY while the views are being written
        found.append((key, getattr(mod, cls)))
    return found
