"""Which of the receivers sharing a PostgreSQL database speaks for the team
in chat: the one holding a session-level advisory lock on a connection of its
own. The lock goes with that connection: when its process dies (kill -9
included) the server ends the session and another receiver takes the lock
within its next try. The speaker publishes in `meta` how far it has sent
(`through`, a unix time); the others forget what it has sent, and on taking
over send only what remains."""
from __future__ import annotations

import logging

from .backends import Conn, backend_for
from .dburl import DbUrl

log = logging.getLogger(__name__)

# Any number unlike storage.backends.postgres._MIGRATION_LOCK: the team's chat voice.
VOICE_LOCK = 0x436C5763
THROUGH_KEY = "chat_sent_through"
_PUBLISH = ("INSERT INTO meta(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value")


class VoiceLock:
    """Blocking calls (run them in a thread)."""

    def __init__(self, where: DbUrl):
        self.backend = backend_for(where)
        self._conn: Conn | None = None
        self.held = False

    def step(self, through: float | None) -> float | None:
        """Holding the lock: record `through` (and so find the session alive).
        Not holding it: try to take it. `held` says the outcome. Returns the
        speaker's last `through` when this call did not hold the lock before
        (standing by, or just taken over); None otherwise."""
        try:
            if self._conn is None or not self._conn.usable:
                self._open()
            if self.held:
                if through is not None:
                    self._conn.execute(_PUBLISH, (THROUGH_KEY, repr(through)))
                else:
                    self._conn.execute("SELECT 1")
                return None
            self.held = bool(self._conn.execute("SELECT pg_try_advisory_lock(?)", (VOICE_LOCK,)).fetchone()[0])
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (THROUGH_KEY,)).fetchone()
            return float(row[0]) if row else 0.0
        except Exception as exc:      # the database went away: whoever reaches it first speaks next
            if self.held or self._conn is not None:
                log.warning("chat alarms: lost the team database (%s); trying again", " ".join(str(exc).split()))
            self.close()
            return None

    def _open(self) -> None:
        self.close()
        # A session whose peer vanished is found dead by the server (the
        # backend's keepalives), which frees the lock.
        self._conn = self.backend.connect()

    def close(self) -> None:
        """Gives the lock back (the session ends)."""
        self.held = False
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def voice_lock(where: DbUrl) -> VoiceLock | None:
    """The lock where several receivers may share the store (PostgreSQL); None
    for SQLite, where one file has one receiver (the data dir's OS lock)."""
    return None if where.is_sqlite else VoiceLock(where)
