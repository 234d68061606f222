"""The Receiver: aiohttp application + the storage writer + live counters.

Plain asyncio. The desktop app wraps it in a thin Qt object that turns
`emit`ted events into signals (the Randovania pattern); `serve` just runs it.
"""
from __future__ import annotations

import asyncio
import collections
import ctypes
import hmac
import logging
import secrets
import sqlite3
import sys
import time
from pathlib import Path
from typing import Callable

import peewee
from aiohttp import web

from storage.config import ConfigStore
from lessons.diagnostics import Thresholds, thresholds_from
from storage.backends import StoreUnavailable
from storage.db import check_integrity, open_database, private_files
from storage.derived import Projector
from storage.dburl import DbUrl
from storage.lock import DataDirLock
from storage.paths import DB_NAME
from storage.writer import Promoted, StorageError, Writer

from . import classin, gensee
from .appkeys import RECEIVER
from .body import BodyBudget
from .events import (HeldPromoted, PushDuplicate, PushHeld, PushRefused, PushStored, ReceiverEvent,
                     StorageFailed)
from .limits import LimitedSite
from .refusals import RateLimitedLog

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 16 * 1024 * 1024
DEFAULT_HELD_CAP = 256 * 1024 * 1024    # bytes of held bodies per school (CONTRACT.md)
# Bodies being read and parsed at once: a 16 MiB push costs ~100 MB while it is
# handled (bytes, text, parsed, bound to SQLite, told to the lesson state), so
# at most this many bytes of big bodies are in hand together.
DEFAULT_BODY_BUDGET = 32 * 1024 * 1024
PROMOTE_CHECK_SECONDS = 2.0   # how often a secret change is looked for (promotion within 10 s)
RESERVE_SUFFIX = "-reserve"   # classwatch.db-reserve: space given back on a full disk
VERSION = "0.1.0"

Listener = Callable[[ReceiverEvent], None]


class Stats:
    """Counters for /healthz and the status bar (touched on the loop only)."""

    def __init__(self) -> None:
        self.stored = 0
        self.duplicates = 0
        self.refused = 0
        self.storage_failures = 0
        self.quarantined_open = 0
        self.last_push_at: float | None = None
        self.held: dict[int, int] = {}        # sid -> held pushes waiting
        # False while our storage refuses pushes (disk full, read-only file): /healthz says so.
        self.storage_ok = True
        # A push refused for a storage timeout may still commit a moment later
        # (its re-send is then a duplicate): the counts come from the file again.
        self.recount = False
        self.started_at = time.time()
        self._recent: collections.deque[float] = collections.deque()

    def note_push(self, when: float) -> None:
        self.stored += 1
        self.last_push_at = when
        self._recent.append(when)

    def pushes_last_minute(self, now: float | None = None) -> int:
        now = time.time() if now is None else now
        while self._recent and self._recent[0] < now - 60:
            self._recent.popleft()
        return len(self._recent)


class Receiver:
    def __init__(self, data_dir: Path, *, config: ConfigStore | None = None, db: DbUrl | None = None,
                 max_body: int = DEFAULT_MAX_BODY, store_timeout: float = 10.0,
                 sync_delay: float = 0.0, held_cap: int = DEFAULT_HELD_CAP,
                 body_budget: int = DEFAULT_BODY_BUDGET, role: str = "whole", url: str | None = None):
        """`role`: "whole" receives, stores and feeds the core (lesson state,
        alarms, derived rows) in this process: the window, `serve --core inline`.
        A split `serve` (app.core_process) has two processes: "store" receives,
        stores and answers, nothing more; "core" receives nothing (its pushes
        come from the store, `url` is the receiving process's) and makes the
        derived rows after the store's cursor."""
        self.data_dir = Path(data_dir)
        self.role = role
        # Where pushes are stored: the data dir's SQLite file unless --db says otherwise.
        self.db = db or DbUrl.sqlite(self.data_dir / DB_NAME)
        self.db_path = self.db.path     # None on PostgreSQL
        self.config = config or ConfigStore(self.data_dir)
        self.max_body = max_body
        self.store_timeout = store_timeout
        self.held_cap = held_cap
        self.body_budget = BodyBudget(body_budget)
        self.body_timeout = 60.0          # seconds to receive a whole body
        self.header_timeout = 15.0        # ... and a request's headers (slowloris)
        self.max_connections = 512
        self.promote_check = PROMOTE_CHECK_SECONDS
        self._lock = DataDirLock(self.data_dir)
        self.refusals = RateLimitedLog(logging.getLogger("receiver"))
        self._promoter: asyncio.Task | None = None
        self._seen_schools: dict[int, tuple] = {}
        # Derived tables follow each commit in the writer thread, after the acks.
        # The user's thresholds decide the problems in them, as in the live view.
        self.projector = Projector(self.db, limits=self.thresholds)
        # A split `serve` leaves them to its core: on SQLite the core follows the
        # store's cursor, on PostgreSQL the pushes are queued for it (storage.derived.Projector).
        projects = role != "store" or not self.db.is_sqlite
        self.writer = Writer(self.db, sync_delay=sync_delay, projector=self.projector if projects else None,
                             follow=role == "core", queues=role == "store", checkpoint=role != "core",
                             on_loop=role == "store")
        # The typed event is parsed here only for a core in this process (shared with the projection).
        self.parses = role == "whole"
        self.stats = Stats()
        self.instance = secrets.token_hex(8)
        self.listeners: list[Listener] = []
        self.route_setups: list[Callable[[web.Application], None]] = []
        # Things that live as long as the listening socket (tunnel, health checks):
        # objects with async start()/stop(), started after listening, stopped first.
        self.services: list = []
        self._runner: web.AppRunner | None = None
        self.url: str | None = url

    def thresholds(self) -> Thresholds:
        """The user's network thresholds as they are now (Settings may change them)."""
        return thresholds_from(self.config.current().settings)

    # -- events ------------------------------------------------------------------
    def emit(self, event: ReceiverEvent) -> None:
        if isinstance(event, PushStored):
            self.stats.note_push(event.received_at)
        elif isinstance(event, PushDuplicate):
            self.stats.duplicates += 1
        elif isinstance(event, PushRefused):
            self.stats.refused += 1
            if event.attempts == 1 and event.stored_in_quarantine:
                self.stats.quarantined_open += 1
        elif isinstance(event, StorageFailed):
            self.stats.storage_failures += 1
            self.stats.recount = True
            self.stats.storage_ok = False
        elif isinstance(event, PushHeld):
            if event.attempts == 1 and event.sid is not None:
                self.stats.held[event.sid] = self.stats.held.get(event.sid, 0) + 1
        elif isinstance(event, HeldPromoted):
            self.stats.held[event.sid] = event.remaining
        if isinstance(event, (PushStored, PushDuplicate, PushHeld)):
            self.stats.storage_ok = True
        for listener in list(self.listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not break receiving
                log.exception("receiver listener failed")

    # -- HTTP ----------------------------------------------------------------------
    def make_app(self) -> web.Application:
        # client_max_size is a second fence; read_body enforces the limit itself.
        app = web.Application(client_max_size=self.max_body + 1)
        app[RECEIVER] = self
        app.router.add_post("/classin", classin.handle, expect_handler=classin.expect)
        app.router.add_get("/healthz", self._healthz)
        gensee.add_routes(app)
        for setup in self.route_setups:
            setup(app)
        return app

    def _authorised(self, request: web.Request) -> bool:
        """The install's token, as a Bearer header or ?token= (the tunnel makes
        every stranger look like loopback: no address is trusted)."""
        given = request.query.get("token", "")
        header = request.headers.get("Authorization", "")
        if header[:7].lower() == "bearer ":
            given = header[7:].strip()
        return bool(given) and hmac.compare_digest(given.encode(), self.config.health_token().encode())

    async def _healthz(self, request: web.Request) -> web.Response:
        s = self.stats
        # storage_ok turns true again with the next push stored: ClassIn re-sends
        # every 10 s (a probe write could pass where a push does not, on a full disk).
        public = {"ok": s.storage_ok, "version": VERSION,
                  # Lets a health check through a tunnel tell it reached this receiver.
                  "instance": self.instance}
        if not self._authorised(request):
            return web.json_response(public)
        if s.recount:
            try:
                await self._load_counters(timeout=2.0)
                s.recount = False
            except StorageError:      # still failing: the last counts, and try again next time
                pass
        return web.json_response({
            **public,
            "pushes": s.stored,
            "pushes_last_minute": s.pushes_last_minute(),
            "duplicates": s.duplicates,
            "refused": s.refused,
            "quarantined_open": s.quarantined_open,
            "held": sum(s.held.values()),
            "storage_failures": s.storage_failures,
            "last_push_at": s.last_push_at,
            "uptime": round(time.time() - s.started_at, 1),
            "schools": len(self.config.current().schools),
        })

    # -- held pushes -------------------------------------------------------------------
    async def promote(self, sid: int) -> Promoted | None:
        """Promote what of `sid`'s held pushes its current settings let through
        (secret, policy, trust), oldest first; None when the school is unknown."""
        school = self.config.school(sid)
        if school is None:
            return None
        result: Promoted = await self.writer.store(classin.promotion(self, school),
                                                   timeout=max(self.store_timeout, 60.0))
        now = time.time()
        for record, stored in result.pushes:
            if not stored.duplicate:
                classin.report_stored(self, record, stored)
        if result.pushes or self.stats.held.get(sid):
            log.info("school %s: %d held push(es) promoted, %d still held", sid, len(result.pushes),
                     result.remaining)
            self.emit(HeldPromoted(sid, len(result.pushes), result.remaining, now))
        return result

    async def _follow_schools(self) -> None:
        """Promote held pushes when a school's secret, policy or trust changes
        (`school add` on an existing SID, Settings, `school trust`) — and once
        at start, for a change made while no receiver ran."""
        while True:
            try:
                for sid, school in list(self.config.current().schools.items()):
                    state = (school.secret, school.verify, school.trust_held_until)
                    if self._seen_schools.get(sid) != state:
                        self._seen_schools[sid] = state
                        await self.promote(sid)
            except StorageError as exc:
                log.warning("promoting held pushes failed, will retry: %s", exc)
                self._seen_schools.clear()
            except Exception:
                log.exception("promoting held pushes failed")
            await asyncio.sleep(self.promote_check)

    async def release(self, qkey: str) -> bool:
        """Let the next re-send of a refused push through (flagged): unblocks the
        school's queue when the cause cannot be fixed (e.g. a body that is not JSON)."""
        def mark(conn):
            return conn.execute("UPDATE quarantine SET released = 1 WHERE qkey = ? AND resolved_at IS NULL",
                                (qkey,)).rowcount
        return bool(await self.writer.store(mark))

    # -- lifecycle -----------------------------------------------------------------
    async def start_storage(self, *, project: bool = True) -> None:
        """The store and its writer, without listening: what a team desk whose
        pushes come from the team's `serve` needs (its alarms are written here;
        `project=False`: the derived tables are the receiving server's to fill)."""
        if self.writer.running:
            return
        loop = asyncio.get_running_loop()
        # Opening/migrating the database touches the disk: keep it off the loop.
        await loop.run_in_executor(None, self.open_storage, project)
        try:
            self.writer.start()
            await self._load_counters()
        except BaseException:
            self.release_storage()
            raise

    async def start(self, host: str = "127.0.0.1", port: int = 8765) -> str:
        if self.role == "core":   # the receiving process listens; the services (tunnel, relay) run here
            await self.start_storage()
            for service in self.services:
                await service.start()
            return self.url
        _return_big_buffers()
        await self.start_storage()
        self._promoter = asyncio.create_task(self._follow_schools())
        # keepalive_timeout also closes a connection whose request headers are
        # not complete by then: aiohttp has no other header timeout (slowloris).
        self._runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=15.0,
                                     keepalive_timeout=self.header_timeout)
        await self._runner.setup()
        site = LimitedSite(self._runner, host, port, reuse_address=True, max_connections=self.max_connections,
                           refusals=self.refusals)
        await site.start()
        sock = site._server.sockets[0]  # the real port when port=0
        bound_host, bound_port = sock.getsockname()[:2]
        shown = host if host not in ("0.0.0.0", "::", "") else "127.0.0.1"
        self.url = f"http://{shown}:{bound_port}"
        log.info("receiver listening on %s (bound %s:%s)", self.url, bound_host, bound_port)
        for service in self.services:
            await service.start()
        return self.url

    def banner(self) -> list[str]:
        """What `serve` prints on start: the URLs a user has to hand out."""
        return [f"listening on {self.url}", f"ClassIn push URL: {self.url}/classin",
                f"gensee callbacks: {self.url}{gensee.base_path(self.config.current().gensee_token)}",
                *self.services_banner()]

    def services_banner(self) -> list[str]:
        """The services' own start lines (the tunnel's); a split `serve`'s core prints them."""
        return [line for service in self.services for line in getattr(service, "banner", lambda: [])()]

    def open_storage(self, project: bool = True) -> None:
        """Lock the data dir for this receiver, check and open (migrate) the
        store. In a thread: it touches the disk. A core process (role "core")
        works on what its receiving process locked, checked and opened."""
        if self.role == "core":
            self._catch_up(self.writer.follows_feed)   # PostgreSQL: its writer takes what is queued
            return
        self._lock.acquire()
        try:
            if self.db_path is not None:
                check_integrity(self.db_path)
            try:
                db = open_database(self.db)
                db.close()
            except (OSError, sqlite3.Error, peewee.DatabaseError) as exc:
                raise StoreUnavailable(f"cannot write the database {self.db}: {exc}") from None
            if self.db_path is not None:
                private_files(self.db_path)
                self.writer.reserve = self.db_path.with_name(self.db_path.name + RESERVE_SUFFIX)
        except BaseException:
            self.release_storage()
            raise
        # The cursor is SQLite's: on PostgreSQL the rows commit with their pushes, or are queued.
        self._catch_up(project and self.writer.defer_projection)

    def _catch_up(self, project: bool) -> None:
        caught_up = self.projector.catch_up() if project else 0
        if caught_up:
            log.info("derived tables caught up with %d push(es) stored before the last stop", caught_up)

    async def _load_counters(self, timeout: float | None = None) -> None:
        def count(conn):
            stored = conn.execute("SELECT COUNT(*), MAX(received_at) FROM push").fetchone()
            open_q = conn.execute("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"
                                  " AND reason_code != 'held'").fetchone()
            held = conn.execute("SELECT sid, COUNT(*) FROM quarantine WHERE resolved_at IS NULL"
                                " AND reason_code = 'held' GROUP BY sid").fetchall()
            return stored[0], stored[1], open_q[0], dict(held)
        stored, last, open_q, held = await self.writer.store(count, timeout=timeout)
        self.stats.stored, self.stats.last_push_at, self.stats.quarantined_open = stored, last, open_q
        self.stats.held = held

    async def stop(self) -> None:
        """Stop taking requests, let in-flight ones finish (committed and answered),
        then flush and close the writer."""
        for service in reversed(self.services):
            try:
                await service.stop()
            except Exception:
                log.exception("stopping %s failed", type(service).__name__)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._promoter is not None:
            self._promoter.cancel()
            self._promoter = None
        await self.writer.stop_on_loop()
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.writer.stop)
        self.release_storage()
        if self.role != "core":
            log.info("receiver stopped")

    def release_storage(self) -> None:
        self._lock.release()


def _return_big_buffers() -> None:
    """glibc raises its mmap threshold after the first big buffer is freed, so
    later 16 MiB bodies come from the heap and their memory is never given back
    (RSS stayed at its peak). A fixed threshold keeps big buffers in mmap."""
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 128 * 1024)      # M_MMAP_THRESHOLD
    except (OSError, AttributeError):     # not glibc (musl): nothing to tune
        pass
