"""Coalesced background reads for the views: requests within `delay_ms` (a
burst of pushes, keystrokes in a search box) become one query, one query runs
at a time, and a request made while it runs triggers exactly one more."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from qasync import asyncSlot

from .worker import in_thread
from .timers import coalescing

log = logging.getLogger(__name__)

# Called on the UI thread to capture the current filters; returns the
# function that then runs in a reader thread.
Query = Callable[[], Callable[[], Any]]


class Loader(QObject):
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, query: Query, delay_ms: int = 300, parent: QObject | None = None):
        super().__init__(parent)
        self.query = query
        self.busy = False
        self._again = False
        # Requests made, and the latest one whose filters a finished read used:
        # the view shows its current filters once settled == requested.
        self.requested = 0
        self.settled = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.timer = coalescing(self, delay_ms, self._run)

    def request(self) -> None:
        self.requested += 1
        if self.busy:
            self._again = True
        elif not self.timer.isActive():
            self.timer.start()

    async def stop(self) -> None:
        """For the view's shutdown: no new read, and the one in flight has finished
        (its thread must not report to a window that is gone)."""
        self.timer.stop()
        self._again = False
        await self._idle.wait()

    @asyncSlot()
    async def _run(self) -> None:
        self.busy = True
        self._idle.clear()
        generation = self.requested
        try:
            result = await in_thread(self.query())
        except Exception as exc:   # a failed read must leave the view usable
            log.exception("background read failed")
            self.failed.emit(str(exc))
        else:
            self.settled = generation
            self.loaded.emit(result)
        finally:
            self.busy = False
            self._idle.set()
        if self._again:
            self._again = False
            self.timer.start()
