"""Timers the views share: a repeating tick and a coalescing single shot."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer


def every(parent: QObject, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    """A repeating timer owned by `parent` (it dies with the view)."""
    timer = QTimer(parent)
    timer.timeout.connect(slot)
    timer.start(interval_ms)
    return timer


def coalescing(parent: QObject, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    """A single shot to `start()` on every change: bursts of changes run `slot` once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
