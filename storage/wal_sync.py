"""SQLite's commits made durable beside the writer, not inside its commits.

With synchronous=FULL every COMMIT syncs the WAL while it holds the store's
write lock: nothing else is written meanwhile, neither the next batch nor a
core process's derived rows. On a slow disk (a laptop's: 5 ms a sync) that
serialised the whole ingest behind the disk: the pushes that arrived during
one sync waited for it, then for their own, and the batches stayed at half
the senders (bench/ingest.py --sync-ms 5, C=64: 0.18x bare aiohttp).

So the writer commits with synchronous=NORMAL (SQLite writes the WAL and
returns: a commit that survives kill -9, not yet a power cut) and hands the
batch's waiters here. This thread syncs the WAL file, each sync covering every
batch committed before it began, and only then settles their waiters: an ack
still means the push is on the disk. Meanwhile the writer goes on with the
next batch. The WAL is append-only between checkpoints, and a checkpoint syncs
it before it copies a page, so one sync of the file covers all earlier commits.

A sync that failed leaves the WAL suspect: the kernel may have dropped the
frames it was for while SQLite goes on indexing them, a later fsync through
another descriptor succeeds regardless, and after a power cut SQLite's
recovery stops at the first bad frame, dropping every commit behind it. With
synchronous=FULL the failed commit was never indexed and the next one wrote
over its frames. So after a failure nothing is settled until `fold` has put
the whole WAL into the database (which SQLite syncs) and started it over.

A sync of a big group on a slow disk also waits a little for the senders its
last sync acked (they come back within a millisecond or so): one sync for all
of them rather than two for their halves.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

# Gathering a group on a slow disk: a sync that took this long, for a group at
# least this big, lets the next one wait for that many senders, at most GATHER_MAX.
GATHER_SLOW = 0.001
GATHER_SENDERS = 8
GATHER_MAX = 0.005

Outcome = tuple[object, bool, object]   # (waiter, ok, result or error), as storage.writer settles them


class SyncFailed(Exception):
    """The WAL could not be synced: what was committed may not be on the disk."""


def open_for_sync(path: Path) -> int:
    # Writable: Windows flushes (FlushFileBuffers) only through a handle that may write.
    return os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))


class WalSync:
    """The thread that syncs `wal`, then calls `settle` with the outcomes of the
    batches committed before the sync began (`fail` with an error when the sync
    failed). `fold`: checkpoints the whole WAL into the database and starts it
    over, raising when it could not (after a failed sync). `delay`: seconds a
    sync takes on top of the real one (an emulated slow disk)."""

    def __init__(self, wal: Path, settle: Callable[[list[Outcome]], None],
                 fail: Callable[[list[Outcome], Exception], None], fold: Callable[[], None],
                 delay: float = 0.0):
        self.wal = wal
        self.delay = delay
        self._settle = settle
        self._fail = fail
        self._fold = fold
        self._suspect = False   # a sync failed: the WAL is folded away before the next settles
        self._cond = threading.Condition()
        self._pending: list[Outcome] = []   # committed, waiting for the next sync
        self._stopping = False
        self._ended = True   # the thread settles nothing more
        self._busy = False   # a sync runs (this thread's, or a caller's own)
        self._thread: threading.Thread | None = None
        self._last = (0.0, 0)   # how long the last sync took; its senders and those committed meanwhile
        self.syncs = 0

    def usable(self) -> bool:
        """Whether this system lets us sync the WAL file ourselves (else every commit syncs it)."""
        try:
            os.close(open_for_sync(self.wal))
        except OSError as exc:
            log.warning("the WAL file cannot be synced beside SQLite (%s): every commit syncs it", exc)
            return False
        return True

    def start(self) -> None:
        self._stopping = False
        self._ended = False
        self._thread = threading.Thread(target=self._run, name="classwatch-wal-sync", daemon=True)
        self._thread.start()

    def after(self, outcomes: list[Outcome], here: bool = False) -> None:
        """A committed batch's outcomes (or a waiter for what was committed
        until now): settled once the WAL holding it is on the disk. `here`: the
        caller (the writer) may sync a small group itself when no sync runs and
        none waits, on a fast disk: a serial sender's ack then skips a hand-off
        between threads (C=1: p50 0.60 -> 0.53-0.58 ms; FULL gave 0.51-0.53)."""
        with self._cond:
            if self._ended:
                inline = None
            elif (here and not (self._busy or self._pending or self._suspect) and len(outcomes) < GATHER_SENDERS
                  and self._last[0] < GATHER_SLOW):   # on a slow disk the next batch must not wait behind it
                inline = self._busy = True
            else:
                self._pending += outcomes
                self._cond.notify()
                return
        if inline is None:
            self._fail(outcomes, SyncFailed("the WAL's syncs have stopped"))   # a waiter that came too late
            return
        try:
            self._sync_group(outcomes)
        finally:
            with self._cond:
                self._busy = False
                self._cond.notify()

    def stop(self) -> None:
        """Sync and settle what is pending, then end."""
        if self._thread is not None:
            with self._cond:
                self._stopping = True
                self._cond.notify()
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._busy or not (self._pending or self._stopping):
                    self._cond.wait()
                if not self._pending:
                    self._ended = True
                    return
                self._gather()
                group, self._pending = self._pending, []
                self._busy = True
            try:
                self._sync_group(group)
            finally:
                with self._cond:
                    self._busy = False

    def _sync_group(self, group: list[Outcome]) -> None:
        started = time.monotonic()
        try:
            if self._suspect:
                self._fold()
                self._suspect = False
            self._sync()
        except Exception as exc:   # not only OSError: this thread's end would strand every later ack
            self._suspect = True
            log.error("the database's WAL could not be synced (%s): %d request(s) refused", exc, len(group))
            self._fail(group, SyncFailed(str(exc)))
            return
        self.syncs += 1
        with self._cond:
            self._last = (time.monotonic() - started, len(group) + len(self._pending))
        self._settle(group)

    def _gather(self) -> None:
        """On a slow disk, with many senders: wait (holding the condition's
        lock only between waits) until they are all back, or GATHER_MAX."""
        took, senders = self._last
        if took < GATHER_SLOW or senders < GATHER_SENDERS:
            return
        until = time.monotonic() + min(took, GATHER_MAX)
        while len(self._pending) < senders and not self._stopping:
            left = until - time.monotonic()
            if left <= 0:
                return
            self._cond.wait(left)

    def _sync(self) -> None:
        try:
            fd = open_for_sync(self.wal)   # by name each time: a WAL SQLite made anew is the one to sync
        except FileNotFoundError:
            # SQLite removes the WAL only when its last connection closes, after
            # folding all of it into the database and syncing that.
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if self.delay:
            time.sleep(self.delay)
