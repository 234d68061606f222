"""Alarms that survive a restart. An AlarmStore mirrors the AlarmCenter's changes
into the `alarm` table through the single writer thread, a moment later so that
one write carries a burst of them; at start the Monitor reads the kept alarms
back in a thread and finds, from the pushes stored meanwhile (by `serve`, or
just before a crash), which causes went away while the app was down. The
AlarmCenter's rules know nothing of this and are tested without a database."""
from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import time
from dataclasses import asdict
from typing import Callable, Iterable

from storage.alarms import alarm_row, load_alarms, save_alarms
from storage.queries import first_push_after, quarantine_resolved_at
from storage.writer import Writer

from .model import KINDS, RENAMED, Alarm
from .center import AlarmCenter

log = logging.getLogger(__name__)

KEEP_RESOLVED_SECONDS = 7 * 86400   # resolved alarms the desk can look back on: a week ...
KEEP_RESOLVED = 500                 # ... but no more than the alarms view re-sorts at ease
WRITE_DELAY = 0.5                   # a busy lesson changes alarms with every push: write them together


def load_kept(now: float) -> list[Alarm]:
    """The alarms kept at the last stop (models bound; in a thread). A kind this
    version does not know (the file was used by a newer one) is left out rather
    than break the views."""
    alarms = []
    for fields in load_alarms(now - KEEP_RESOLVED_SECONDS, KEEP_RESOLVED):
        old = fields["kind"]
        if old in RENAMED:
            fields["kind"] = RENAMED[old]
            fields["key"] = RENAMED[old] + fields["key"].removeprefix(old)
        if fields["kind"] in KINDS:
            alarms.append(Alarm(**fields))
    return alarms


def cleared_at(alarm: Alarm) -> float | None:
    """When a push stored after this open alarm was last seen shows its cause gone,
    by the rules AlarmCenter.on_receiver_event applies live; None when none did
    (models bound; in a thread). Lesson alarms end with their lesson
    (AlarmCenter.lessons_over), re-sends calm down by the clock, a tunnel reports."""
    if alarm.kind == "stuck_push":
        if alarm.sid is None:   # only a release of that very body unblocks a queue it cannot be told from
            return quarantine_resolved_at(alarm.params["qkey"])
        return first_push_after(alarm.last, sid=alarm.sid)
    if alarm.kind == "silence":
        return first_push_after(alarm.last, sid=alarm.sid)
    if alarm.kind == "storage":
        return first_push_after(alarm.last)
    return None


class AlarmStore:
    """Keeps an AlarmCenter's alarms in the `alarm` table through `writer`
    (fire and forget: a failed write is logged, the alarm lives on in memory)."""

    def __init__(self, writer: Writer, secrets: Callable[[], Iterable[str]]):
        self._writer = writer
        self._secrets = secrets
        self._pending: dict[str, Alarm] = {}
        self._delay: float | None = None      # None until the writer runs: changes wait
        self._timer: asyncio.TimerHandle | None = None

    def follow(self, center: AlarmCenter) -> None:
        # A mirrored alarm is another process's row already: writing it back could undo its newer count.
        center.subscribe(lambda event: event.change != "mirrored" and self._changed(event.alarm))

    def start(self) -> None:
        """The writer runs: write what changed so far and drop what is no longer kept."""
        self._delay = WRITE_DELAY
        self._write()

    def closing(self) -> None:
        """The writer stops next: write what is pending, and from now on every change
        at once (the last requests answered still change alarms), so that all of it
        is queued before the writer's stop and committed by it."""
        self._delay = 0.0
        self._write()

    def _changed(self, alarm: Alarm) -> None:
        self._pending[alarm.key] = alarm
        if self._delay == 0.0:
            self._write()
        elif self._delay is not None and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._delay, self._write)

    def _write(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        secrets = list(self._secrets())
        rows = []
        for alarm in self._pending.values():
            try:
                rows.append(alarm_row(asdict(alarm), secrets))
            except Exception:   # params from an odd push (an integer beyond 64 bits): the others are kept
                log.exception("cannot keep alarm %s", alarm.key)
        self._pending.clear()
        write = functools.partial(save_alarms, rows=rows, resolved_since=time.time() - KEEP_RESOLVED_SECONDS,
                                  keep_resolved=KEEP_RESOLVED)
        self._writer.submit(write).add_done_callback(_log_failure)


def _log_failure(future: concurrent.futures.Future) -> None:
    if future.exception() is not None:
        log.warning("alarm changes not kept: %s", future.exception())
