"""One voice for a team: receivers sharing one PostgreSQL database all raise
the alarms that come from the team's pushes (alarms.model.FROM_PUSHES), and
would each send them to the team's chat. The one holding the team's lock
(storage.voice) sends them; the others keep what they raised until the
speaker's published progress passes it, so a take-over (the speaker killed,
its database session gone) sends what the old speaker had not, and nothing
it had. Alarms about one process alone (its tunnel, its storage, its
refusals) go out from that process whatever the lock says."""
from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from storage.voice import VoiceLock

if TYPE_CHECKING:
    from .dispatcher import Dispatcher

log = logging.getLogger(__name__)

STEP_SECONDS = 1.0     # how often the lock is tried (a take-over) and progress published
# A receiver may raise an alarm before the speaker does (the push came to it
# first: the speaker sees it after the commit's NOTIFY): what it raised is
# taken as sent once the speaker's progress is this far past it.
MARGIN_SECONDS = 5.0


class TeamVoice:
    def __init__(self, lock: VoiceLock):
        self.lock = lock
        self.speaking: bool | None = None     # None until the lock was first tried
        self._task: asyncio.Task | None = None
        self._stopping: asyncio.Event | None = None

    def start(self, dispatcher: "Dispatcher") -> None:
        self._stopping = asyncio.Event()
        self._task = asyncio.create_task(self._run(dispatcher), name="alarm-channels-voice")

    async def stop(self, dispatcher: "Dispatcher") -> None:
        """After the last call: the last progress, then the lock goes (to a receiver still running)."""
        if self._task is not None:
            # Not cancelled: a step under way in its thread finishes first, so the
            # last one never shares the lock's connection with it.
            self._stopping.set()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        through = dispatcher.sent_through() if self.speaking else None
        await asyncio.to_thread(self._last, through)
        self.speaking = False

    def _last(self, through: float | None) -> None:
        if through is not None:
            self.lock.step(through)
        self.lock.close()

    async def _run(self, dispatcher: "Dispatcher") -> None:
        while not self._stopping.is_set():
            through = dispatcher.sent_through() if self.speaking else None
            theirs = await asyncio.to_thread(self.lock.step, through)
            if theirs is not None:    # standing by, or just taken over: drop what the speaker sent
                dispatcher.forget_through(theirs - MARGIN_SECONDS)
            if self.lock.held != self.speaking:
                self.speaking = self.lock.held
                if self.speaking:
                    log.info("chat alarms: this receiver speaks for the team")
                else:
                    log.info("chat alarms: another receiver speaks for the team; this one stands by")
                dispatcher.wake()
            try:
                await asyncio.wait_for(self._stopping.wait(), STEP_SECONDS)
            except TimeoutError:
                pass
