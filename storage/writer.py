"""The single writer thread: group commit, then resolve each request's future.

Why this shape (PITFALLS.md): commit-per-request froze the event loop or hit
"database is locked"; one thread that drains everything queued, inserts it in
one transaction and commits once kept ~0.75x of a bare server's throughput
with synchronous=FULL. The hot inserts go straight through the driver
(storage.backends: sqlite3 or psycopg), not peewee's query builder (~30 %
faster). Futures resolve only after COMMIT returned and, on SQLite, the WAL
holding it was synced (storage.wal_sync, beside the next commits), so an ack
sent after awaiting one survives kill -9 and a power cut. Several writers (processes) may share one
PostgreSQL database: the push table's unique dedupe key decides which one
stores a push; the others see a duplicate.
"""
from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import itertools
import logging
import os
import queue
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from .backends import PUSH_CHANNEL, QUEUED_CHANNEL, Conn, StoreUnavailable, backend_for
from .checkpointer import Checkpointer
from .dburl import DbUrl
from .derived import QUEUE_STORED
from .relay import OBLIGE_STORED, oblige
from .wal_sync import GATHER_MAX, GATHER_SENDERS, GATHER_SLOW, WalSync

log = logging.getLogger(__name__)

MAX_BATCH = 512
UNPARSED_REASONS = ("bad_json", "not_object")
HELD = "held"          # reason code of a known school's push kept aside until it verifies
# Refused bodies nobody can verify are capped (a flood of unsigned requests must
# not fill the disk and block every school): past either limit the oldest go first.
QUARANTINE_MAX_BYTES = 64 * 1024 * 1024
QUARANTINE_MAX_ROWS = 10_000
TRIMMED_KEY = "quarantine_trimmed"   # meta: how many refused bodies the cap removed
RESERVE_BYTES = 2 * 1024 * 1024
RESERVE_CHECK = 30.0   # s between looks for the reserve: not a stat per batch
# When the derived rows of stored pushes follow (SQLite): once the queue has
# been quiet this long, or this many pushes or this much time are waiting.
# A projection delays the next batch and holds the GIL for its Python: under
# load (C=64) 0.5 s of pushes (~1,800) held the loop back 17 ms at p99 and the
# acks 67 ms; 0.1 s and 512 gave 12 and 33 ms at the same rate and the same
# C=1 p99 (bench/ingest.py, 02:46 UTC). Under load a short quiet spell comes
# between most batches, hence 20 ms.
PROJECT_QUIET = 0.02
PROJECT_DELAY = 0.1
PROJECT_MAX = 512
# Derived rows of pushes another process stored: this many per transaction,
# at most this often. Each turn of the core's writer holds up the receiving
# process's next commit (and its acks): at C=1 ten turns a second put the ack
# p99 at 2.3 ms, two at 1.9-2.0 ms (interleaved runs, 05:07 UTC).
PROJECT_CHUNK = 256
FOLLOWED_DELAY = 0.5
# PostgreSQL's takers make the rows of queued pushes at once (row locks: the
# receivers' commits never wait for them), woken by the queue's NOTIFY, and
# look anyway this often (a NOTIFY missed while reconnecting, another taker's turn).
QUEUE_LOOK = 1.0
# While the receivers are busy (its last take had BUSY_TAKE pushes or more) a
# taker wakes at most every QUEUE_GATHER s, and takes up to TAKE_CHUNK pushes
# a transaction: each take costs the core and the server a handful of
# statements whatever its size. C=64 (alternating runs, 8 s each): every 30 ms
# (the listener's own pace), ~230 pushes a take, 70 µs of the core's CPU a
# push and 7,600 acks/s; every 100 ms, ~800 a take, 62 µs and 7,950 acks/s.
# Otherwise it keeps the listener's pace: followers see a push once its rows
# are made, and at 200 pushes/s the wait only cost them time (`events --follow`
# p99 43 ms at the listener's pace, 111 ms with the wait; bench/follow_latency.py).
QUEUE_GATHER = 0.1
BUSY_TAKE = 128
TAKE_CHUNK = 1024
# Chunks a taker makes in one turn before the writer's other work (its
# alarms, relay) has its turn; the rest at the next.
TAKE_TURN = 8
# A core that stops makes the rows of what is still queued for this long at
# most: the queue is durable, the next taker makes the rest.
STOP_TAKING = 10.0
# After a failed WAL sync (storage.wal_sync): how long the WAL's fold into the
# database is tried again while another checkpoint holds it up.
FOLD_WAIT = 1.0


@dataclass(slots=True)
class PushRecord:
    received_at: float
    source: str
    sid: int | None
    cmd: str | None
    class_id: int | None
    uid: int | None
    action_time: int | None
    dedupe_key: str
    payload: str
    flags: int = 0
    qkey: str | None = None   # the quarantine row an earlier refusal of this push made
    raw: bytes | None = None  # the body as sent when `payload` is not exactly it (a BOM, a released non-JSON body)
    event: Any = None         # the typed event the receiver parsed (lessons.events), shared with the projector


@dataclass(slots=True)
class QuarantineRecord:
    qkey: str
    received_at: float
    source: str
    reason_code: str
    reason: str
    sid: int | None
    cmd: str | None
    class_id: int | None
    size: int
    body: bytes
    remote: str | None
    # What to store instead when the user released this push (stuck-queue release).
    if_released: PushRecord | None = None
    # Held (reason HELD): the most bytes of held bodies the school may have;
    # past it the push is not kept (Quarantined.over_cap) and gets refused.
    held_cap: int | None = None


@dataclass(slots=True)
class Promote:
    """Move a school's held pushes into `push`, oldest first, each as the push
    `accept(body, first_seen)` makes of it (None: it stays held). The same
    insert path as a new push, in one transaction with its derived rows."""
    sid: int
    accept: Callable[[bytes, float], "PushRecord | None"]


@dataclass(slots=True)
class Stored:
    """Result of a PushRecord: new row id, or duplicate=True for a re-send."""
    push_id: int | None
    duplicate: bool


@dataclass(slots=True)
class Quarantined:
    attempts: int
    first_seen: float
    accepted: Stored | None = None    # set when a release let this re-send through
    over_cap: bool = False            # a held push past its school's cap: not kept


@dataclass(slots=True)
class Promoted:
    pushes: list[tuple[PushRecord, Stored]]   # in their original order; duplicates included
    remaining: int                            # held pushes of the school still waiting


@dataclass(slots=True)
class _Failed:
    """What a job (a callable) raised; delivered to its waiter alone."""
    error: Exception


class StorageError(Exception):
    """The batch could not be committed (disk full, locked, I/O error)."""


_PUSH_COLUMNS = ("received_at", "source", "sid", "cmd", "class_id", "uid", "action_time",
                 "dedupe_key", "payload", "flags", "resends")
MARK_RESENT = "UPDATE push SET resends = resends + 1, last_resent_at = ? WHERE dedupe_key = ?"
_UPSERT_QUARANTINE = (
    "INSERT INTO quarantine(qkey, first_seen, last_seen, attempts, source, reason_code, reason,"
    " sid, cmd, class_id, size, body, remote, released) VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,0)"
    " ON CONFLICT(qkey) DO UPDATE SET last_seen=excluded.last_seen, attempts=quarantine.attempts+1,"
    " reason_code=excluded.reason_code, reason=excluded.reason, body=excluded.body,"
    " size=excluded.size, remote=excluded.remote, resolved_at=NULL"
    " RETURNING attempts, first_seen")
_EXISTS = "SELECT 1 FROM push WHERE dedupe_key = ?"
_IS_RELEASED = "SELECT released, attempts, first_seen FROM quarantine WHERE qkey = ?"
_RESOLVE_QUARANTINE = "UPDATE quarantine SET resolved_at = ?, released = 0 WHERE qkey = ?"
# PostgreSQL: a batch's in one statement. Every stored push has a qkey (receiver/classin.py),
# and a statement each was much of the server's work per batch.
_RESOLVE_QUARANTINES = ("UPDATE quarantine SET resolved_at = v.at, released = 0"
                        " FROM unnest(?::float8[], ?::text[]) AS v(at, qkey) WHERE quarantine.qkey = v.qkey")
# The same beside the INSERT of a batch's pushes (_store_at_once), by the keys
# of its new pushes, `stored`: a push's quarantine row is keyed by its dedupe
# key. It once took the batch's (time, qkey, key) as three arrays, which psycopg
# turns into parameters in Python: 0.69 ms to send a batch of 50 pushes, 0.30 without.
_RESOLVE_STORED = ("UPDATE quarantine SET resolved_at = stored.received_at, released = 0"
                   " FROM stored WHERE quarantine.qkey = stored.dedupe_key")
_HELD_OF = ("SELECT qkey, first_seen, body FROM quarantine WHERE reason_code = 'held' AND sid = ?"
            " AND resolved_at IS NULL ORDER BY first_seen, id")
_HELD_BYTES = ("SELECT COALESCE(SUM(length(body)), 0) FROM quarantine"
               " WHERE reason_code = 'held' AND sid = ? AND resolved_at IS NULL")
# Everything but the held pushes still waiting: resolved rows first, then the oldest.
_TRIMMABLE = "(reason_code != 'held' OR resolved_at IS NOT NULL)"
_TRIMMABLE_SIZE = f"SELECT COUNT(*), COALESCE(SUM(length(body)), 0) FROM quarantine WHERE {_TRIMMABLE}"
_TRIM_ORDER = (f"SELECT id, length(body) FROM quarantine WHERE {_TRIMMABLE}"
               " ORDER BY resolved_at IS NULL, last_seen LIMIT ?")

# What a taker keeps of the pushes it parsed for its process's feed (TakenEvents):
# a couple of chunks. A backlog taken at start is not kept whole: the feed hears
# of none of it until it is all taken, and never of what was stored before it
# began following. A push whose event is gone is parsed again by the feed.
TAKEN_EVENTS_MAX = 2 * TAKE_CHUNK


class TakenEvents:
    """(payload, typed event) by push id of the pushes a PostgreSQL taker made
    rows of: left by the writer's thread, taken by its process's feed
    (app.team.TeamFeed) on the loop's."""

    def __init__(self, most: int = TAKEN_EVENTS_MAX):
        self._lock = threading.Lock()
        self._events: dict[int, tuple[dict, Any]] = {}
        self._most = most

    def __len__(self) -> int:
        return len(self._events)

    def leave(self, parsed: dict[int, tuple[dict, Any]]) -> None:
        with self._lock:
            self._events.update(parsed)
            for push_id in list(itertools.islice(self._events, max(0, len(self._events) - self._most))):
                del self._events[push_id]   # the oldest

    def take(self, push_id: int) -> tuple[dict, Any] | None:
        with self._lock:
            return self._events.pop(push_id, None)

    def passed(self, last_id: int) -> None:
        """The feed got the pushes up to `last_id`: those left before it are
        not coming (ours, or another taker's turn)."""
        with self._lock:
            events = self._events
            while events and (first := next(iter(events))) <= last_id:
                del events[first]


_STOP = object()
NORMAL = "PRAGMA synchronous=NORMAL"   # with a WalSync: the commit writes the WAL, the WalSync syncs it
_FOLLOWED = object()   # a wake-up: pushes stored by another process wait for their derived rows


class Writer:
    """Owns the only write connection. Thread-safe `submit`; `store` for asyncio."""

    def __init__(self, where: DbUrl | Path | str, *, sync_delay: float = 0.0, projector=None,
                 follow: bool = False, queues: bool = False, checkpoint: bool = True, on_loop: bool = False):
        """`follow`: the pushes are another process's to store (the receiving
        process of a split `serve`); this writer makes their derived rows from
        the store: on SQLite after the cursor, once `followed` tells it they
        are there; on PostgreSQL those queued for the cores.
        `queues` (PostgreSQL): the derived rows of the pushes stored here are
        a core's to make (storage.derived.Projector): queued with them.
        `checkpoint`: whether this process folds the WAL (one per store does).
        `on_loop` (with `queues`): the pushes `store` gets go in batches from
        the caller's event loop (storage.loop_store), the rest to this thread;
        `stop_on_loop` ends those, before `stop`."""
        self.backend = backend_for(where)
        self.sync_delay = sync_delay          # emulate a laptop disk in benchmarks
        # storage.derived.Projector. One writer per store (SQLite): the derived
        # rows follow the acks in their own transactions; else they commit with
        # each batch, or are queued for a core.
        self.projector = projector
        sqlite = self.backend.kind == "sqlite"
        self.follow = follow and projector is not None
        self.queues = queues and projector is not None and not sqlite and not self.follow
        # SQLite: the core's feed tells this writer of the pushes it follows
        # (`followed`) before its fold, and leaves their parsed events in
        # `parsed`. A PostgreSQL core hears of queued pushes itself, and its
        # feed sees a push only once its rows are made.
        self.follows_feed = self.follow and sqlite
        # PostgreSQL: every writer with a projector that does not queue its own
        # pushes takes queued ones (a core, or a receiver that is its own core:
        # what a split `serve` killed with a backlog left is not stranded).
        self.takes_queue = projector is not None and not sqlite and not self.queues
        self.defer_projection = projector is not None and sqlite and not self.follow
        self.on_loop = None
        if on_loop and self.queues:
            from .loop_store import LoopStore   # it builds on this module's batches
            self.on_loop = LoopStore(self.backend, self._log_error)
        self._unprojected: list[tuple[PushRecord, Stored]] = []
        self._unprojected_at = 0.0
        self._followed = False     # pushes were stored elsewhere since the last projection
        # (quiet spell, longest wait) before the derived rows follow
        self._project_after = ((FOLLOWED_DELAY, FOLLOWED_DELAY) if self.follows_feed
                               else (0.0, 0.0) if self.takes_queue else (PROJECT_QUIET, PROJECT_DELAY))
        # Typed events of followed pushes by id, parsed by whoever read them first
        # (the core's fold): their derived rows need not parse them again.
        self.parsed: dict[int, Any] = {}
        # The last followed push the core's fold has had (None: no bound). While
        # running, the derived rows go no further: those of the pushes the fold
        # had not reached were parsed twice (one push in three at C=64).
        self.parsed_through: int | None = None
        # Where the derived-row transactions run, when not on this writer's thread:
        # a split `serve`'s core runs as SCHED_IDLE but these hold the store's
        # write turn, so a thread of normal policy runs them (app.core_process).
        self.turn_runner: concurrent.futures.Executor | None = None
        # True while one of them holds the turn: this process's other Python
        # (the Monitor's fold) gives way, its statements wait for the GIL between them.
        self.holding_turn = False
        # PostgreSQL taker: the pushes it made rows of, parsed, for this
        # process's feed to fold without parsing them again (None: no feed here).
        self.taken_events: TakenEvents | None = None
        self._projected_through = 0
        # The lowest id stored whose derived rows are not committed yet (None: all
        # are); read on other threads, with `projection_listeners` (called in this
        # thread after each projection commit) to learn when it moves.
        self.unprojected_from: int | None = None
        self.projection_listeners: list[Callable[[], None]] = []
        # SQLite: the WAL is folded into the database beside the commits, not inside one.
        self.checkpointer = Checkpointer(self.backend) if sqlite and checkpoint else None
        # SQLite: the WAL's syncs, beside the commits (storage.wal_sync); None
        # where the system does not let us (every commit syncs it then) or on PostgreSQL.
        self.wal_sync: WalSync | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        # (loop, timeout) -> its asyncio waiters still to be expired, oldest first: (deadline, future)
        self._waiting: dict[tuple[asyncio.AbstractEventLoop, float], collections.deque] = {}
        # loop -> what its current pass stored, handed to the writer as one item (_hand_over)
        self._handing: dict[asyncio.AbstractEventLoop, list] = {}
        self._thread: threading.Thread | None = None
        self._listening: threading.Thread | None = None   # a PostgreSQL taker's, for the queue's NOTIFY
        self._stopping = threading.Event()
        self._conn: Conn | None = None
        self.batches = 0
        self.items = 0
        self._last_commit = (0.0, 0)   # how long the last batch took to commit, and its size
        self._last_take = 0             # pushes in the last take (PostgreSQL's queue)
        self.quarantine_max_bytes = QUARANTINE_MAX_BYTES
        self.quarantine_max_rows = QUARANTINE_MAX_ROWS
        self._held_bytes: dict[int, int] = {}    # sid -> bytes of its waiting held bodies
        # A file of RESERVE_BYTES next to a SQLite database, given back when the disk is full.
        self.reserve: Path | None = None
        self._reserve_checked = -RESERVE_CHECK
        self._last_error_log: dict[str, float] = {}   # message -> when last logged

    # -- lifecycle -------------------------------------------------------------
    def start(self) -> None:
        ready: concurrent.futures.Future = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._run, args=(ready,),
                                        name="classwatch-writer", daemon=True)
        self._thread.start()
        ready.result()  # re-raise an open failure in the caller
        if self.takes_queue:
            self._stopping.clear()
            self._listening = threading.Thread(target=self._listen_queued, name="classwatch-queue-listener",
                                               daemon=True)
            self._listening.start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def stop(self, timeout: float = 30.0) -> None:
        """Commit everything queued, then close. Safe to call twice."""
        if self._thread is None:
            return
        for loop in list(self._handing):   # stopped from the loop: its last pass is not handed over yet
            self._hand_over(loop)
        if self._listening is not None:
            self._stopping.set()
            self._listening.join(timeout)
            self._listening = None
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._thread = None

    # -- requests --------------------------------------------------------------
    def submit(self, item: PushRecord | QuarantineRecord | Callable) -> concurrent.futures.Future:
        """Queue a record (or a callable(conn) run inside a write transaction,
        `conn` a storage.backends.Conn); thread-safe."""
        fut: concurrent.futures.Future = concurrent.futures.Future()
        if self._thread is None:
            fut.set_exception(StorageError("the writer is stopped"))
        else:
            self._queue.put((item, fut))
        return fut

    async def store(self, item, timeout: float | None = None):
        """Queue `item` and wait for its commit without blocking the event loop."""
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        if self._thread is None:
            raise StorageError("the writer is stopped")
        if self.on_loop is not None and self.on_loop.takes(item, loop):
            self.on_loop.add(item, fut)
        else:
            handing = self._handing.get(loop)
            if handing is None:
                handing = self._handing[loop] = []
                loop.call_soon(self._hand_over, loop)
            handing.append((item, (loop, fut)))
        if timeout is not None:
            self._expire_after(loop, fut, timeout)
        return await fut

    async def stop_on_loop(self) -> None:
        """Commit and answer what was given to the loop's batches (`on_loop`), and close them."""
        if self.on_loop is not None:
            await self.on_loop.close()

    async def synced(self) -> None:
        """Once whatever any connection committed until now is on the disk: on
        SQLite with a WalSync, a commit is seen before it is synced, and what
        leaves the machine (a relayed push) must not be one a power cut takes back."""
        wal_sync = self.wal_sync
        if wal_sync is None:
            return
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        wal_sync.after([((loop, fut), True, None)])
        await fut

    def _hand_over(self, loop: asyncio.AbstractEventLoop) -> None:
        """What a pass of `loop` stored goes to the writer at once: one wake-up
        of its thread, not one per push, each of which cost the loop a hand-off
        of the GIL (~10 µs)."""
        handing = self._handing.pop(loop, None)
        if not handing:
            return
        if self._thread is None:
            err = StorageError("the writer is stopped")
            _deliver([(waiter, False, err) for _, waiter in handing])
        else:
            self._queue.put(handing)

    def _expire_after(self, loop: asyncio.AbstractEventLoop, fut: asyncio.Future, timeout: float) -> None:
        """Fail `fut` unless settled within `timeout`. Not a timer per push (~5 µs
        of the loop's time each): a loop's waiters of one timeout line up oldest
        first, the settled ones leave from the front, one timer for the oldest."""
        waiting = self._waiting.get((loop, timeout))
        if waiting is None:
            waiting = self._waiting[(loop, timeout)] = collections.deque()
            loop.call_later(timeout, self._sweep, loop, timeout)
        while waiting and waiting[0][1].done():
            waiting.popleft()
        waiting.append((loop.time() + timeout, fut))

    def _sweep(self, loop: asyncio.AbstractEventLoop, timeout: float) -> None:
        waiting = self._waiting[(loop, timeout)]
        now = loop.time()
        while waiting:
            deadline, fut = waiting[0]
            if not fut.done():
                if deadline > now:
                    loop.call_at(deadline, self._sweep, loop, timeout)
                    return
                # The item may still commit later: ClassIn's re-send then meets a duplicate.
                fut.set_exception(StorageError(f"not committed within {timeout:g} s"))
            waiting.popleft()
        del self._waiting[(loop, timeout)]

    # -- the thread --------------------------------------------------------------
    def _run(self, ready: concurrent.futures.Future) -> None:
        # A restart's: the last run's is stopped (its connection mode too), and
        # this system may no longer let us sync the WAL beside SQLite.
        self.wal_sync = None
        try:
            self._conn = self._connect()
            self._start_wal_sync(self._conn)
        except StoreUnavailable as exc:  # reported to start()
            ready.set_exception(StorageError(str(exc)))
            return
        if self.checkpointer is not None:
            self.checkpointer.start()
        ready.set_result(None)
        stopping = False
        while not stopping:
            try:
                first = self._queue.get(timeout=self._project_after[0] if self._unprojected or self._followed
                                        else None)
            except queue.Empty:   # quiet: the derived tables catch up
                self._project()
                continue
            if first is _STOP:
                break
            if first is _FOLLOWED:
                self._note_followed()
            else:
                batch = first if type(first) is list else [first]
                stopping = self._take(batch, time.monotonic() + self._gather_wait())
                self._commit(batch)
            if ((self._unprojected or self._followed)
                    and (len(self._unprojected) >= PROJECT_MAX
                         or time.monotonic() - self._unprojected_at >= self._project_after[1])):
                self._project()
        if self.follows_feed:   # whatever was stored until now, folded or not
            self._followed = True
            self.parsed_through = None
        elif self.follow:
            self._take_queued(until=time.monotonic() + STOP_TAKING)
        self._project()
        if self.wal_sync is not None:   # its acks, before the last connection may fold the WAL away
            self.wal_sync.stop()
        if self.checkpointer is not None:
            self.checkpointer.stop()
        if self._conn is not None:
            self._conn.close()

    def _start_wal_sync(self, conn: Conn) -> None:
        if self.backend.kind != "sqlite":
            return
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()   # a WAL database's reader makes its WAL file
        # Named as SQLite names it: beside the file a symbolic link points to, not beside the link.
        main = next(file for _, name, file in conn.execute("PRAGMA database_list").fetchall() if name == "main")
        wal_sync = WalSync(Path(main + "-wal"), _deliver, _refuse, self._fold_wal, delay=self.sync_delay)
        if wal_sync.usable():
            self.wal_sync = wal_sync
            conn.execute(NORMAL)
            wal_sync.start()

    def _fold_wal(self) -> None:
        """The WalSync's thread, after a failed sync: all of the WAL into the
        database, synced (a FULL connection), and the WAL emptied, in a turn
        between the writer's transactions. A checkpoint running elsewhere (the
        checkpointer's) makes it busy at once, not after the busy timeout: again
        for a while."""
        conn = self.backend.connect()
        try:
            until = time.monotonic() + FOLD_WAIT
            while True:
                with self.backend.write_turn():
                    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not busy:
                    return
                if time.monotonic() >= until:
                    raise StorageError("the WAL could not be folded into the database (busy)")
                time.sleep(FOLD_WAIT / 100)
        finally:
            conn.close()

    def _take(self, batch: list, until: float) -> bool:
        """Add what is queued to `batch`, waiting for more until `until`;
        True when the stop request came."""
        while len(batch) < MAX_BATCH:
            try:
                wait = until - time.monotonic()
                nxt = self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
            except queue.Empty:
                break
            if nxt is _STOP:
                return True
            if nxt is _FOLLOWED:
                self._note_followed()
                continue
            if type(nxt) is list:
                batch += nxt
            else:
                batch.append(nxt)
            if len(batch) >= 2 * self._last_commit[1]:   # every sender of the last batch is back
                until = 0.0
        return False

    def _gather_wait(self) -> float:
        """How long the next batch may wait to fill. On a slow disk (a commit
        of milliseconds) with many senders (a big last batch), the senders
        acked by the last commit come back while the batch after it commits,
        and the batches stay at half the senders. Waiting a little for them
        merges the two halves: twice the pushes per disk sync. Never with a
        fast disk or a few senders (C=1 gets no wait)."""
        took, size = self._last_commit
        if self.wal_sync is not None or took < GATHER_SLOW or size < GATHER_SENDERS:   # it gathers its syncs
            return 0.0
        return min(took / 2, GATHER_MAX)

    def _connection(self) -> Conn:
        """The write connection; a new one after the server dropped it (a
        PostgreSQL restart): the batch that met the drop failed alone."""
        if self._conn is None or not self._conn.usable:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._conn = self._connect()
            log.info("storage connection re-opened")
        return self._conn

    def _connect(self) -> Conn:
        conn = self.backend.connect()
        # storage.checkpointer does it: its own, or (a split `serve`'s core) the
        # receiving process's. SQLite's automatic checkpoint ran inside the core's
        # derived-row commits, holding the write turn the receiver's acks wait for.
        if self.checkpointer is not None or self.follows_feed:
            conn.execute("PRAGMA wal_autocheckpoint=0")
        if self.wal_sync is not None:
            conn.execute(NORMAL)
        return conn

    def _commit(self, batch: Sequence[tuple[object, object]]) -> None:
        results: list = []
        conn = None
        try:
            conn = self._connection()
            with self.backend.write_turn():
                # PostgreSQL: a receiver's batch in one round trip (_store_at_once),
                # another in ~3, not one per statement (the INSERT's ids, the
                # projection's savepoint, the COMMIT). Not around a job: its code
                # may read a rowcount, or expect its errors at once.
                items = [item for item, _ in batch]
                with conn.pipelined(not any(callable(item) for item in items)):
                    conn.execute(self.backend.BEGIN_WRITE)
                    stored = self._store_at_once(conn, items)
                    if stored is None:
                        results = self._apply_all(conn, items)
                        fresh = _fresh(batch, results)
                        queued = self.queues and self.projector.queue(conn, fresh)
                        if self.projector is not None and not (self.defer_projection or self.queues or self.follow):
                            self.projector.within(conn, fresh)
                        # What a push obliges us to do later commits with it: an ack implies
                        # the relay to the school's own system (a failure here fails the batch).
                        oblige(conn, fresh)
                        if queued:
                            conn.notify(QUEUED_CHANNEL)
                        elif fresh:
                            conn.notify(PUSH_CHANNEL)
                    # The disk's time, not the statements' round trips before it (PostgreSQL)
                    started = time.monotonic()
                    conn.execute("COMMIT")
                if stored is not None:   # the pipeline's one round trip brought its answer
                    results = stored()
                    fresh = _fresh(batch, results)
                    self._mark_resent(conn, items, results)
                if self.sync_delay and self.wal_sync is None:   # a slow disk syncs inside the commit, holding the store
                    time.sleep(self.sync_delay)
                self._last_commit = (time.monotonic() - started, len(batch))
            if self.checkpointer is not None:
                self.checkpointer.committed()
        except Exception as exc:
            if conn is not None:
                try:
                    conn.execute("ROLLBACK")
                except Exception:   # the connection itself is gone: re-opened next batch
                    pass
            self._log_error("storage failed, %d request(s) refused: %s", len(batch), exc)
            if "full" in str(exc).lower():
                self._make_room(conn)
            err = StorageError(str(exc))
            _deliver([(waiter, False, err) for _, waiter in batch])
            return
        self.batches += 1
        self.items += len(batch)
        if fresh and self.defer_projection:   # before the acks: whoever hears of one knows it waits
            if not self._unprojected:
                self._unprojected_at = time.monotonic()
                self.unprojected_from = fresh[0][1].push_id
            self._unprojected += fresh
        outcomes = [(waiter, False, res.error) if isinstance(res, _Failed) else (waiter, True, res)
                    for (_, waiter), res in zip(batch, results)]
        if self.wal_sync is not None:
            self.wal_sync.after(outcomes, here=True)   # acks once the WAL is on the disk
        else:
            _deliver(outcomes)
        if self.reserve is not None and time.monotonic() - self._reserve_checked >= RESERVE_CHECK:
            self._restore_reserve()   # after the acks
        if self.checkpointer is not None and self.checkpointer.due():
            try:
                self.checkpointer.finish(conn)
            except Exception as exc:
                self._log_error("WAL checkpoint failed: %s", exc)

    def folded(self, push_id: int) -> None:
        """The core's fold has had the followed pushes up to `push_id` (parsed
        into `parsed`, or not for it to parse): their derived rows may follow."""
        if self.follows_feed:
            self.parsed_through = push_id

    def followed(self, first_id: int) -> None:
        """Thread-safe: pushes from `first_id` on were stored by another process."""
        if self.unprojected_from is None:
            self.unprojected_from = first_id
        self._queue.put(_FOLLOWED)

    def _note_followed(self) -> None:
        if not self._followed:
            self._followed = True
            self._unprojected_at = time.monotonic()

    def _project(self) -> None:
        """The derived rows of the pushes stored since the last time, in one
        transaction with the cursor past them. When that fails, push by push:
        what cannot be projected is logged (rebuild recovers it) and never
        touches the pushes."""
        if self._followed:
            self._followed = False
            if self.follows_feed:
                self._project_followed()
            else:
                self._take_queued()
            return
        pushes, self._unprojected = self._unprojected, []
        if not pushes:
            return
        try:
            self._in_transaction(lambda conn: self.projector.write(conn, pushes))
        except Exception as exc:
            try:
                left_out = self._in_transaction(lambda conn: self.projector.write_each(conn, pushes))
            except Exception as again:
                left_out, exc = len(pushes), again
            if left_out:
                self._log_error("derived rows of %d push(es) left out (python main.py rebuild redoes them): %s",
                                left_out, exc)
        self._projected()

    def _project_followed(self) -> None:
        """The derived rows of what other processes stored after the cursor, in
        transactions of PROJECT_CHUNK pushes whose statements are made before
        they begin: each holds the store only while SQLite writes, so the
        receiving process's commits (and its acks) slip in between. A chunk
        whose statements fail goes again push by push, the failing ones left out."""
        while True:
            try:
                rows = self.projector.after_cursor(self._connection(), PROJECT_CHUNK, self.parsed_through)
                events = {row[0]: event for row in rows
                          if (event := self.parsed.pop(row[0], None)) is not None}
                recorded = self.projector.prepare(rows, events)
                try:
                    self._in_transaction(recorded.apply)
                except Exception:
                    self._in_transaction(lambda conn: self.projector.project(conn, rows, events))
            except Exception as exc:
                self._log_error("derived rows of followed pushes not made (python main.py rebuild redoes "
                                "them): %s", exc)
                break
            if rows:
                self._projected_through = rows[-1][0]
            if len(rows) < PROJECT_CHUNK:
                break
        if self.parsed:   # a fold that came after its push's rows were made (at the stop)
            through = self._projected_through
            for push_id in [k for k in list(self.parsed) if k <= through]:   # the fold adds meanwhile
                self.parsed.pop(push_id, None)
        self._projected()

    def _take_queued(self, until: float | None = None) -> None:
        """PostgreSQL: the derived rows of queued pushes, TAKE_CHUNK a
        transaction (storage.derived.Projector.take), for TAKE_TURN chunks or
        until the queue is empty (or, stopping, until `until`). A chunk that
        fails goes again push by push: one the database refuses alone is left
        out of the queue (logged; `rebuild` redoes it), so no push holds up the
        rest; any other failure (the server away, a lock timeout) leaves them
        queued for the next turn."""
        projector = self.projector
        turn = 0
        while (turn < TAKE_TURN) if until is None else (time.monotonic() < until):
            turn += 1
            try:
                rows = projector.queued(self._connection(), TAKE_CHUNK)
            except Exception as exc:
                self._log_error("cannot read the pushes queued for their derived rows: %s", exc)
                return
            self._last_take = len(rows)
            if not rows:
                return
            made = projector.statements(rows)
            if self.taken_events is not None:   # before the commit its feed hears of
                self.taken_events.leave(made.parsed)
            try:
                taken = self._in_transaction(lambda conn: projector.take(conn, rows, made))
            except Exception as exc:
                self._log_error("derived rows of queued pushes not made, trying them one by one: %s", exc)
                if not self._take_each(rows):
                    return
                continue
            if taken is None or len(rows) < TAKE_CHUNK:   # another taker's turn, or all taken
                return
        if until is None:
            self._queue.put(_FOLLOWED)   # more queued: after the writer's other work

    def _take_each(self, rows: list) -> bool:
        """`_take_queued`'s chunk push by push; False when the failure is not a push's."""
        projector = self.projector
        for row in rows:
            try:
                self._in_transaction(lambda conn: projector.take(conn, [row], projector.statements([row])))
            except Exception as exc:
                if not self.backend.refuses(exc):
                    return False
                try:
                    if self._in_transaction(lambda conn: projector.leave_out(conn, row[0])):
                        log.error("derived rows of push %s left out (python main.py rebuild redoes them): %s",
                                  row[0], exc)
                except Exception:
                    return False
        return True

    def _listen_queued(self) -> None:
        """A PostgreSQL core's thread: wake the writer for queued pushes (the
        receivers' NOTIFY), now and then without one, and at once on start
        or after the connection came back (whatever was queued meanwhile)."""
        listener = None
        while not self._stopping.is_set():
            try:
                if listener is None:
                    listener = self.backend.listener(QUEUED_CHANNEL)
                    pace = listener.gather
                    self._queue.put(_FOLLOWED)
                listener.gather = QUEUE_GATHER if self._last_take >= BUSY_TAKE else pace
                listener.wait(QUEUE_LOOK)
                self._queue.put(_FOLLOWED)
            except Exception as exc:
                self._log_error("cannot listen for queued pushes: %s", exc)
                if listener is not None:
                    listener.close()
                    listener = None
                self._stopping.wait(QUEUE_LOOK)
        if listener is not None:
            listener.close()

    def _projected(self) -> None:
        self.unprojected_from = None
        for listener in list(self.projection_listeners):
            try:
                listener()
            except Exception:
                log.exception("projection listener failed")

    def _in_transaction(self, work: Callable[[Conn], Any]) -> Any:
        """`work(conn)` in one write transaction whose commit does not wait for
        the disk: only derived rows and the queue's bookkeeping go this way. A
        power cut (SQLite) or a server crash (PostgreSQL) loses them with their
        cursor or their queue entries, so they are made again; and on SQLite the
        next sync of the WAL (storage.wal_sync) covers them before any later ack.
        On the `turn_runner` when there is one (this thread waits for it)."""
        if self.turn_runner is not None:
            return self.turn_runner.submit(self._transaction, work).result()
        return self._transaction(work)

    def _transaction(self, work: Callable[[Conn], Any]) -> Any:
        conn = self._connection()
        sqlite = self.backend.kind == "sqlite"
        toggled = sqlite and self.wal_sync is None   # else the connection commits so anyway
        if toggled:
            conn.execute(NORMAL)
        try:
            with self.backend.write_turn():
                conn.execute(self.backend.BEGIN_WRITE)
                self.holding_turn = True   # not while BEGIN waits out another's lock: the fold would wait too
                if not sqlite:
                    # Its commit need not wait for the WAL flush the receivers' acks wait for.
                    conn.execute("SET LOCAL synchronous_commit TO off")
                try:
                    result = work(conn)
                    conn.execute("COMMIT")
                except BaseException:
                    try:
                        conn.execute("ROLLBACK")
                    except Exception:   # the connection itself is gone: re-opened next time
                        pass
                    raise
        finally:
            self.holding_turn = False
            if toggled and self._conn is conn:
                conn.execute("PRAGMA synchronous=FULL")
        return result

    def _log_error(self, message: str, *args) -> None:
        """Once a minute for each message: a full disk fails every batch."""
        now = time.monotonic()
        if now - self._last_error_log.get(message, -60.0) >= 60:
            self._last_error_log[message] = now
            log.error(message, *args)

    # -- a full disk ------------------------------------------------------------
    def _make_room(self, conn: Conn | None) -> None:
        """Give back the reserve and fold the WAL into the database: the pages a
        commit needs are then there again once a little space is freed (the WAL
        of a failing disk is otherwise never checkpointed)."""
        if self.reserve is not None:
            self.reserve.unlink(missing_ok=True)
            self._reserve_checked = -RESERVE_CHECK   # taken back after the next commit if there is room
        if conn is not None and self.backend.kind == "sqlite":
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:
                pass

    def _restore_reserve(self) -> None:
        self._reserve_checked = time.monotonic()
        try:
            if self.reserve.exists():
                return
            if shutil.disk_usage(self.reserve.parent).free < 4 * RESERVE_BYTES:
                return
            fd = os.open(self.reserve, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, b"\0" * RESERVE_BYTES)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            self.reserve.unlink(missing_ok=True)

    def _apply_all(self, conn: Conn, items: list) -> list:
        """Each item's result, in order; a run of pushes goes in as one insert."""
        results: list = []
        run: list[PushRecord] = []
        for item in [*items, None]:
            if isinstance(item, PushRecord):
                run.append(item)
                continue
            if run:
                results += self._store_pushes(conn, run)
                run = []
            if item is not None:
                results.append(self._apply(conn, item))
        return results

    def _store_pushes(self, conn: Conn, records: list[PushRecord]) -> list[Stored]:
        ids = conn.insert_new("push", _PUSH_COLUMNS, [_push_row(r) for r in records], key="dedupe_key")
        stored, resent, resolved = [], [], []
        for record, push_id in zip(records, ids):
            if push_id is None:   # the dedupe key is stored already (by us, or another receiver)
                resent.append((record.received_at, record.dedupe_key))
                stored.append(Stored(None, True))
                continue
            if record.qkey:
                resolved.append((record.received_at, record.qkey))
            stored.append(Stored(push_id, False))
        # executemany: PostgreSQL sends them together instead of a round trip each
        if resent:
            conn.executemany(MARK_RESENT, resent)
        if resolved and self.backend.kind == "postgresql":
            conn.execute(_RESOLVE_QUARANTINES, ([at for at, _ in resolved], [qkey for _, qkey in resolved]))
        elif resolved:
            conn.executemany(_RESOLVE_QUARANTINE, resolved)
        return stored

    def _store_at_once(self, conn: Conn, items: list) -> Callable[[], list[Stored]] | None:
        """PostgreSQL, a batch of received pushes (a receiver's every batch):
        what `_apply_all`, the queue, the relay's obligations and the NOTIFY do,
        sent as one statement and a NOTIFY whose answers come with the COMMIT's:
        one round trip to the server, not one for the new ids and one for what
        follows from them. The results once the pipeline has ended; None for
        any other batch (jobs, quarantine, a body that is not its payload)."""
        if not self.queues or not all(map(at_once, items)):
            return None
        ids = conn.insert_new_with(*insert_at_once(items))
        if ids is None:
            return None
        return lambda: stored_of(ids())

    def _mark_resent(self, conn: Conn, records: list[PushRecord], results: list[Stored]) -> None:
        """After `_store_at_once`'s commit: count the re-sends it met, on their
        stored rows. Not in its statement: that would look up every push of
        every batch by its key (re-sends are rare), with a plan the server may
        have cached while the table was small, a scan of it all. A count lost
        to a crash in between costs nothing a push needs."""
        resent = resent_rows(records, results)
        if resent:
            try:
                conn.executemany(MARK_RESENT, resent)
            except Exception as exc:
                self._log_error("re-sends not counted: %s", exc)

    def _apply(self, conn: Conn, item):
        if isinstance(item, PushRecord):
            return self._store_pushes(conn, [item])[0]
        if isinstance(item, QuarantineRecord):
            if item.if_released is not None:
                row = conn.execute(_IS_RELEASED, (item.qkey,)).fetchone()
                # A re-send of a body a release already let through is a plain duplicate;
                # an unauthenticated push never rides on a stored one.
                known = item.reason_code in UNPARSED_REASONS and conn.execute(
                    _EXISTS, (item.if_released.dedupe_key,)).fetchone()
                if (row and row[0]) or known:
                    stored = self._apply(conn, item.if_released)
                    attempts, first_seen = (row[1], row[2]) if row else (0, item.received_at)
                    return Quarantined(attempts=attempts, first_seen=first_seen, accepted=stored)
            if item.held_cap is not None and not self._room_to_hold(conn, item):
                return Quarantined(attempts=0, first_seen=item.received_at, over_cap=True)
            row = conn.execute(_UPSERT_QUARANTINE, (
                item.qkey, item.received_at, item.received_at, item.source, item.reason_code,
                item.reason, item.sid, item.cmd, item.class_id, item.size, item.body,
                item.remote)).fetchone()
            if item.held_cap is None:
                self._trim_quarantine(conn)
            return Quarantined(attempts=row[0], first_seen=row[1])
        if isinstance(item, Promote):
            return self._promote(conn, item)
        if callable(item):
            # A job's failure is its own: the pushes in the same batch still commit.
            conn.execute("SAVEPOINT job")
            try:
                result = item(conn)
            except Exception as exc:
                conn.execute("ROLLBACK TO job")
                result = _Failed(exc)
            conn.execute("RELEASE job")
            return result
        raise TypeError(f"cannot store {type(item).__name__}")

    def _room_to_hold(self, conn: Conn, item: QuarantineRecord) -> bool:
        held = self._held_bytes.get(item.sid)
        if held is None:
            held = conn.execute(_HELD_BYTES, (item.sid,)).fetchone()[0]
        if held + len(item.body) > item.held_cap:
            self._held_bytes.pop(item.sid, None)   # recount next time: a promotion may free room
            return False
        # A re-send counts again until the next recount: the cap errs on the safe side.
        self._held_bytes[item.sid] = held + len(item.body)
        return True

    def _promote(self, conn: Conn, item: Promote) -> Promoted:
        self._held_bytes.pop(item.sid, None)
        pushes, remaining = [], 0
        for qkey, first_seen, body in conn.execute(_HELD_OF, (item.sid,)).fetchall():
            record = item.accept(bytes(body), first_seen)
            if record is None:
                remaining += 1
                continue
            record.qkey = qkey
            stored = self._apply(conn, record)
            if stored.duplicate:   # the verified copy came meanwhile
                conn.execute(_RESOLVE_QUARANTINE, (time.time(), qkey))
            pushes.append((record, stored))
        return Promoted(pushes, remaining)

    def _trim_quarantine(self, conn: Conn) -> None:
        count, size = conn.execute(_TRIMMABLE_SIZE).fetchone()
        excess_rows = count - self.quarantine_max_rows
        excess_bytes = size - self.quarantine_max_bytes
        if excess_rows <= 0 and excess_bytes <= 0:
            return
        doomed = []
        for qid, length in conn.execute(_TRIM_ORDER, (max(excess_rows, 0) + 64,)).fetchall():
            if excess_rows <= 0 and excess_bytes <= 0:
                break
            doomed.append((qid,))
            excess_rows -= 1
            excess_bytes -= length or 0
        conn.executemany("DELETE FROM quarantine WHERE id = ?", doomed)
        conn.execute(f"INSERT INTO meta(key, value) VALUES('{TRIMMED_KEY}', ?) ON CONFLICT(key) DO UPDATE"
                     " SET value = CAST(CAST(meta.value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)",
                     (str(len(doomed)),))
        log.warning("quarantine over its cap: removed the %d oldest refused bodies", len(doomed))


def _push_row(r: PushRecord) -> tuple:
    """`r` as a row of _PUSH_COLUMNS."""
    return (r.received_at, r.source, r.sid, r.cmd, r.class_id, r.uid, r.action_time, r.dedupe_key,
            r.payload, r.flags, 0)


def at_once(item) -> bool:
    """Whether `item` may go in a batch stored in one statement (Writer._store_at_once):
    a push stored as received, whose quarantine row (if any) its dedupe key names."""
    return type(item) is PushRecord and item.raw is None and item.qkey in (None, item.dedupe_key)


def insert_at_once(records: list[PushRecord]) -> tuple:
    """Conn.insert_new_with's arguments for a batch of `at_once` pushes. It wakes,
    at its commit, the cores (ClassIn's pushes are queued for their derived rows)
    and the followers (Gensee's have none)."""
    # A key's first copy in the batch is the one stored (the others are
    # skipped by ON CONFLICT): a re-send's time never resolves its row.
    woken = ((QUEUED_CHANNEL,) if any(r.source == "classin" for r in records) else ()) + \
        ((PUSH_CHANNEL,) if any(r.source != "classin" for r in records) else ())
    return ("push", _PUSH_COLUMNS, [_push_row(r) for r in records], "dedupe_key",
            ("source", "sid", "cmd", "received_at"), (_RESOLVE_STORED, QUEUE_STORED, OBLIGE_STORED), [], woken)


def stored_of(ids: list[int | None]) -> list[Stored]:
    return [Stored(None, True) if push_id is None else Stored(push_id, False) for push_id in ids]


def resent_rows(records: list[PushRecord], results: list[Stored]) -> list[tuple[float, str]]:
    """MARK_RESENT's rows for the re-sends a batch met."""
    return [(record.received_at, record.dedupe_key) for record, result in zip(records, results) if result.duplicate]


def _fresh(batch: Sequence[tuple[object, object]], results: list) -> list[tuple[PushRecord, Stored]]:
    """The pushes of a batch that made new rows (a released re-send included)."""
    pushes = []
    for (item, _), res in zip(batch, results):
        if isinstance(res, Promoted):
            pushes += [(record, stored) for record, stored in res.pushes if not stored.duplicate]
            continue
        if isinstance(res, Quarantined) and res.accepted:
            item, res = item.if_released, res.accepted
        if isinstance(res, Stored) and not res.duplicate:
            pushes.append((item, res))
    return pushes


def _deliver(outcomes: list[tuple[object, bool, object]]) -> None:
    """Settle every waiter of a batch. asyncio waiters are settled with ONE
    call_soon_threadsafe per loop: one wake-up per batch, not one per push."""
    by_loop: dict[asyncio.AbstractEventLoop, list] = {}
    for waiter, ok, value in outcomes:
        if isinstance(waiter, concurrent.futures.Future):
            try:
                if ok:
                    waiter.set_result(value)
                else:
                    waiter.set_exception(value)
            except concurrent.futures.InvalidStateError:   # its waiter gave up (cancelled it): no one to tell
                pass
        else:
            loop, fut = waiter
            by_loop.setdefault(loop, []).append((fut, ok, value))
    for loop, items in by_loop.items():
        try:
            loop.call_soon_threadsafe(_settle, items)
        except RuntimeError:  # that loop is closed: nobody is waiting any more
            pass


def _refuse(outcomes: list[tuple[object, bool, object]], exc: Exception) -> None:
    """A batch whose WAL sync failed: committed, maybe not on the disk. Its
    requests fail (ClassIn sends again; the re-send meets the stored push)."""
    err = StorageError(f"the disk did not confirm the write: {exc}")
    _deliver([(waiter, False, err) for waiter, _, _ in outcomes])


def _settle(items: list[tuple[asyncio.Future, bool, object]]) -> None:
    for fut, ok, value in items:
        if not fut.done():  # a timed-out request was cancelled already
            if ok:
                fut.set_result(value)
            else:
                fut.set_exception(value)
