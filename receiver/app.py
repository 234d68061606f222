"""The Receiver: aiohttp application + the storage writer + live counters.

Plain asyncio. The desktop app wraps it in a thin Qt object that turns
`emit`ted events into signals (the Randovania pattern); `serve` just runs it.
"""
from __future__ import annotations

import asyncio
import collections
import logging
import secrets
import time
from pathlib import Path
from typing import Callable

from aiohttp import web

from storage.config import ConfigStore
from storage.db import open_database
from storage.derived import Projector
from storage.dburl import DbUrl
from storage.paths import DB_NAME
from storage.writer import StorageError, Writer

from . import classin, gensee
from .appkeys import RECEIVER
from .events import PushDuplicate, PushRefused, PushStored, ReceiverEvent, StorageFailed

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 16 * 1024 * 1024
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
                 sync_delay: float = 0.0):
        self.data_dir = Path(data_dir)
        # Where pushes are stored: the data dir's SQLite file unless --db says otherwise.
        self.db = db or DbUrl.sqlite(self.data_dir / DB_NAME)
        self.db_path = self.db.path     # None on PostgreSQL
        self.config = config or ConfigStore(self.data_dir)
        self.max_body = max_body
        self.store_timeout = store_timeout
        # Derived tables follow each commit in the writer thread, after the acks.
        self.projector = Projector(self.db)
        self.writer = Writer(self.db, sync_delay=sync_delay, projector=self.projector)
        self.stats = Stats()
        self.instance = secrets.token_hex(8)
        self.listeners: list[Listener] = []
        self.route_setups: list[Callable[[web.Application], None]] = []
        # Things that live as long as the listening socket (tunnel, health checks):
        # objects with async start()/stop(), started after listening, stopped first.
        self.services: list = []
        self._runner: web.AppRunner | None = None
        self.url: str | None = None

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
        app.router.add_post("/classin", classin.handle)
        app.router.add_get("/healthz", self._healthz)
        gensee.add_routes(app)
        for setup in self.route_setups:
            setup(app)
        return app

    async def _healthz(self, request: web.Request) -> web.Response:
        s = self.stats
        if s.recount:
            try:
                await self._load_counters(timeout=2.0)
                s.recount = False
            except StorageError:      # still failing: the last counts, and try again next time
                pass
        return web.json_response({
            "ok": True,
            "version": VERSION,
            # Lets a health check through a tunnel tell it reached this receiver.
            "instance": self.instance,
            "pushes": s.stored,
            "pushes_last_minute": s.pushes_last_minute(),
            "duplicates": s.duplicates,
            "refused": s.refused,
            "quarantined_open": s.quarantined_open,
            "storage_failures": s.storage_failures,
            "last_push_at": s.last_push_at,
            "uptime": round(time.time() - s.started_at, 1),
            "schools": len(self.config.current().schools),
        })

    async def release(self, qkey: str) -> bool:
        """Let the next re-send of a refused push through (flagged): unblocks the
        school's queue when the cause cannot be fixed (e.g. a body that is not JSON)."""
        def mark(conn):
            return conn.execute("UPDATE quarantine SET released = 1 WHERE qkey = ? AND resolved_at IS NULL",
                                (qkey,)).rowcount
        return bool(await self.writer.store(mark))

    # -- lifecycle -----------------------------------------------------------------
    async def start(self, host: str = "127.0.0.1", port: int = 8765) -> str:
        loop = asyncio.get_running_loop()
        # Opening/migrating the database touches the disk: keep it off the loop.
        await loop.run_in_executor(None, self._open_storage)
        self.writer.start()
        await self._load_counters()
        self._runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=15.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, reuse_address=True)
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
        lines = [f"listening on {self.url}", f"ClassIn push URL: {self.url}/classin",
                 f"gensee callbacks: {self.url}{gensee.base_path(self.config.current().gensee_token)}"]
        for service in self.services:
            lines += getattr(service, "banner", lambda: [])()
        return lines

    def _open_storage(self) -> None:
        db = open_database(self.db)
        db.close()
        caught_up = self.projector.catch_up()
        if caught_up:
            log.info("derived tables caught up with %d push(es) stored before the last stop", caught_up)

    async def _load_counters(self, timeout: float | None = None) -> None:
        def count(conn):
            stored = conn.execute("SELECT COUNT(*), MAX(received_at) FROM push").fetchone()
            open_q = conn.execute("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL").fetchone()
            return stored[0], stored[1], open_q[0]
        stored, last, open_q = await self.writer.store(count, timeout=timeout)
        self.stats.stored, self.stats.last_push_at, self.stats.quarantined_open = stored, last, open_q

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
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.writer.stop)
        log.info("receiver stopped")
