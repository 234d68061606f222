"""Folding SQLite's WAL into the database off the writer's critical path.

With SQLite's automatic checkpoint the COMMIT that crosses 1,000 WAL pages
also copies them into the database and syncs it, and every ack of that batch
waits for it (that commit was the serial ack's p99). Here the writer's
connection has `wal_autocheckpoint=0`, and this thread, on a connection of
its own, runs PASSIVE checkpoints while the writer goes on committing:
sqlite3 gives up the GIL for them, so they use the other core and block no
commit. A checkpoint lets the WAL start over only once it has caught up with
the last commit, which a busy writer keeps it from doing (PITFALLS: a WAL of
122 MB within seconds), so once the WAL is past RESTART_FRAMES and this thread
has nearly caught up, the writer checkpoints the rest itself between two
batches, after their acks (`due`): a few pages, since this thread copied the
others, and its next transaction starts the WAL over.
"""
from __future__ import annotations

import logging
import threading
import time

from .backends import Backend, Conn

log = logging.getLogger(__name__)

INTERVAL = 0.05            # s between background checkpoints while commits come in
RESTART_FRAMES = 4096      # WAL pages (~16 MiB) past which the writer finishes a checkpoint ...
NEARLY_CAUGHT_UP = 512     # ... once the rest is this small,
GIVE_UP_FRAMES = 4 * RESTART_FRAMES   # ... or whatever the rest (the WAL stays bounded)
CHECKPOINT = "PRAGMA wal_checkpoint(PASSIVE)"


class Checkpointer:
    def __init__(self, backend: Backend):
        self.backend = backend
        # After the last checkpoint: WAL frames, and how many of them were not copied yet.
        self.frames = 0
        self.behind = 0
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="classwatch-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is None:
            return
        self._stopping = True
        self._wake.set()
        self._thread.join(30)
        self._thread = None

    def committed(self) -> None:
        """The writer committed: the WAL grew."""
        self._wake.set()

    def due(self) -> bool:
        """Whether the writer should finish a checkpoint now (between batches)."""
        return self.frames >= RESTART_FRAMES and (self.behind <= NEARLY_CAUGHT_UP or self.frames >= GIVE_UP_FRAMES)

    def finish(self, conn: Conn) -> None:
        """The writer's own checkpoint, on its connection, outside any transaction."""
        self._note(conn.execute(CHECKPOINT).fetchone())
        if self.behind == 0:      # the writer's next transaction starts the WAL over
            self.frames = 0

    def _note(self, result) -> None:
        busy, frames, done = result
        if frames >= 0:
            self.frames, self.behind = frames, frames - done

    def _run(self) -> None:
        conn: Conn | None = None
        last = 0.0
        while True:
            self._wake.wait()
            time.sleep(max(0.0, last + INTERVAL - time.monotonic()))
            self._wake.clear()
            if self._stopping:
                break
            last = time.monotonic()
            try:
                if conn is None:
                    conn = self.backend.connect()
                self._note(conn.execute(CHECKPOINT).fetchone())
            except Exception as exc:   # a full disk: the writer's own checkpoint (Writer._make_room) goes on
                log.warning("background WAL checkpoint failed: %s", exc)
                if conn is not None:
                    conn.close()
                    conn = None
        if conn is not None:
            conn.close()
