"""A team desk's feed: pushes stored by the team's receivers (`serve` on a
server, another desk), delivered on the loop as if this process's own
receiver had stored them, so they fold into the same lesson state, alarms and
views. The following runs in a thread (storage.follow: NOTIFY on PostgreSQL,
a light poll on SQLite) and reconnects by itself; `connected` and `reason`
say how it is doing (the status bar shows it)."""
from __future__ import annotations

import asyncio
import logging
import threading
from typing import Callable

from receiver.events import PushStored
from storage.follow import PushFollower, StoredPush
from storage.queries import parse_payload
from storage.writer import TakenEvents

log = logging.getLogger(__name__)


class TeamFeed:
    def __init__(self, db, deliver: Callable[[PushStored], None],
                 followed: Callable[[int], None] | None = None, parsed: TakenEvents | None = None):
        """`followed(first id)`: told of each run of pushes before they are delivered.
        `parsed`: pushes parsed already in this process (storage.writer.Writer.taken_events)."""
        self.db = db
        self._parsed = parsed
        self._deliver = deliver
        self._followed = followed
        self._follower = PushFollower(db, on_state=self._state)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.connected = False
        self.reason: str | None = None
        self.listeners: list[Callable[[bool, str | None], None]] = []
        # Pushes this process's own receiver stored and announced already.
        self._own: set[int] = set()
        self._feeding = False

    @property
    def last_id(self) -> int | None:
        return self._follower.last_id

    def connect(self) -> None:
        """In a thread, before the history is read: the id where following starts."""
        self._follower.connect()
        self.connected = True

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._thread = threading.Thread(target=self._run, name="classwatch-team-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        self._follower.close()

    def on_receiver_event(self, event) -> None:
        """A receiver listener: what our own receiver stored is in the state
        already, and the follower will meet it again."""
        if isinstance(event, PushStored) and not self._feeding:
            self._own.add(event.push_id)

    def _run(self) -> None:
        while not self._stop.is_set():
            pushes = self._follower.poll(timeout=0.5)
            if pushes:
                self._call(self._feed, pushes)

    def _call(self, func, *args) -> None:
        try:
            self._loop.call_soon_threadsafe(func, *args)
        except RuntimeError:     # the loop closed: the app is quitting
            self._stop.set()

    def _feed(self, pushes: list[StoredPush]) -> None:
        if self._followed is not None:
            self._followed(pushes[0].id)
        self._feeding = True
        try:
            for push in pushes:
                if push.id in self._own:
                    self._own.discard(push.id)
                    continue
                try:
                    taken = self._parsed.take(push.id) if self._parsed is not None else None
                    payload, event = taken or (parse_payload(push.payload), None)
                    self._deliver(PushStored(push.id, push.source, push.received_at, push.sid, push.cmd,
                                             push.class_id, payload, event=event))
                except Exception:     # one odd push must not stop the feed
                    log.exception("applying a followed push failed")
        finally:
            self._feeding = False
        if self._parsed is not None:
            self._parsed.passed(pushes[-1].id)

    def _state(self, connected: bool, reason: str | None) -> None:
        """From the follower's thread."""
        self.connected, self.reason = connected, reason
        if connected:
            log.info("team database reachable again: following")
        else:
            log.warning("team database lost (%s): reconnecting", reason)
        for listener in list(self.listeners):
            self._call(listener, connected, reason)
