"""Refused requests are logged once per cause per minute: a flood of bad
requests must not push a day of useful history out of the rotating log."""
from __future__ import annotations

import logging
import threading
import time

INTERVAL = 60.0


class RateLimitedLog:
    def __init__(self, logger: logging.Logger, interval: float = INTERVAL):
        self.logger = logger
        self.interval = interval
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}
        self._skipped: dict[str, int] = {}

    def note(self, cause: str, message: str, *args, level: int = logging.WARNING) -> bool:
        """Log `message % args` unless `cause` was logged within the interval; True when logged."""
        now = time.monotonic()
        with self._lock:
            last = self._last.get(cause)
            if last is not None and now - last < self.interval:
                self._skipped[cause] = self._skipped.get(cause, 0) + 1
                return False
            self._last[cause] = now
            skipped = self._skipped.pop(cause, 0)
            if len(self._last) > 10_000:     # causes include SIDs: forget the old ones
                self._last = {k: v for k, v in self._last.items() if now - v < self.interval}
        if skipped:
            message += f" (and {skipped} more like it in the last minute)"
        self.logger.log(level, message, *args)
        return True

