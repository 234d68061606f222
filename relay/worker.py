"""The relay worker: one delivery line per destination, plain asyncio.

Each line reads its outbox in batches in the relay's reader thread and POSTs
one push at a time; each delivery is appended to the destination's journal
(storage.journal) before the next push goes, and folded into the database
every batch or second: after kill -9 at most the push in flight goes again.
A failure is retried with backoff (1 s doubling to 60 s) for ever; after
`alarm_after` seconds of failing the `relay` alarm is raised, and it is
resolved once the line has caught up. Lines share nothing but the writer
(a fold per batch, a note per failed attempt), so a slow or dead
destination holds up only itself; acks to ClassIn never wait on any of this.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import os
import secrets
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import aiohttp

from receiver.events import PushStored
from storage import relay as outbox
from storage.backends import Conn, backend_for
from storage.dburl import DbUrl
from storage.journal import DeliveryJournal
from storage.relay import Destination, DestinationStatus
from storage.writer import Writer
from tunnel.service import Backoff

from .rule import post, shown_url

log = logging.getLogger(__name__)

KIND = "relay"


class Relay:
    """A receiver service (async start/stop). `alarms`: the core's alarm
    center (raise_kind/resolve_kind), or None."""

    def __init__(self, db: DbUrl, data_dir: Path, writer: Writer, *, alarms: Any = None,
                 timeout: float = 10.0, alarm_after: float = 60.0, poll: float = 1.0,
                 batch: int = 256, first_backoff: float = 1.0, max_backoff: float = 60.0):
        self.db = db
        self.data_dir = Path(data_dir)      # the delivery journals (storage.journal)
        self.writer = writer
        self.alarms = alarms
        self.timeout = timeout
        self.alarm_after = alarm_after
        self.poll = poll             # how often the destinations table is looked at (other processes' changes)
        self.batch = batch
        self.backoff = (first_backoff, max_backoff)
        self.lines: dict[int, _Line] = {}
        # Receivers sharing one store (team mode) each run a relay: a destination is
        # delivered to by the one holding its lease, renewed every poll.
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self.lease = 10.0
        self.owned: set[int] = set()
        self._reader: ThreadPoolExecutor | None = None
        self._reader_conn: Conn | None = None
        self._watch: asyncio.Task | None = None

    @classmethod
    def attach(cls, receiver, **kwargs) -> Relay:
        """The relay of what `receiver` stores, started and stopped with it
        (one per receiver: two would deliver everything twice)."""
        for service in receiver.services:
            if isinstance(service, cls):
                for name, value in kwargs.items():
                    setattr(service, name, value)
                return service
        relay = cls(receiver.db, receiver.data_dir, receiver.writer, **kwargs)
        receiver.services.append(relay)
        receiver.listeners.append(relay.on_receiver_event)
        return relay

    # -- lifecycle --------------------------------------------------------------------------
    async def start(self) -> None:
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="classwatch-relay-read")
        await self.refresh()
        self._watch = asyncio.create_task(self._watch_loop(), name="relay-watch")

    async def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
            await asyncio.gather(self._watch, return_exceptions=True)
            self._watch = None
        for line in list(self.lines.values()):
            await line.close()
        self.lines.clear()
        try:      # another receiver on the same store takes over at once, not after the lease
            await self.write(outbox.release, self.owner)
        except Exception:
            log.warning("relay: could not hand the destinations back (they pass on when the lease ends)")
        if self._reader is not None:
            await asyncio.get_running_loop().run_in_executor(self._reader, self._close_reader)
            self._reader.shutdown()
            self._reader = None

    # -- the database ------------------------------------------------------------------------
    async def read(self, fn: Callable, *args) -> Any:
        """`fn(conn, *args)` in the relay's reader thread (its own connection)."""
        return await asyncio.get_running_loop().run_in_executor(
            self._reader, functools.partial(self._in_reader, fn, *args))

    def _in_reader(self, fn: Callable, *args) -> Any:
        if self._reader_conn is None:
            self._reader_conn = backend_for(self.db).connect()
        return fn(self._reader_conn, *args)

    def _close_reader(self) -> None:
        if self._reader_conn is not None:
            self._reader_conn.close()
            self._reader_conn = None

    async def write(self, fn: Callable, *args) -> Any:
        """`fn(conn, *args)` in the writer's transaction, committed when this returns."""
        return await self.writer.store(lambda conn: fn(conn, *args))

    # -- following the destinations table ----------------------------------------------------------
    async def refresh(self) -> None:
        """Start, stop and update lines as the destinations table says (any process may change it)."""
        current = {d.id: d for d in await self.read(outbox.destinations)}
        now = time.time()
        self.owned = await self.write(outbox.claim, self.owner, now, now + self.lease)
        for dest_id in [i for i in self.lines if i not in current]:
            line = self.lines.pop(dest_id)
            await line.close(removed=True)
            self._resolve(line.dest)
        for dest_id, dest in current.items():
            line = self.lines.get(dest_id)
            if line is None:
                self.lines[dest_id] = _Line(self, dest)
            elif line.dest != dest:
                line.dest = dest
                line.wake.set()

    async def _watch_loop(self) -> None:
        while True:
            await asyncio.sleep(self.poll)
            try:
                await self.refresh()
            except Exception:   # a locked or failing database: the next look may work
                log.exception("relay: reading the destinations failed")
            now = time.time()
            for line in self.lines.values():
                line.wake.set()   # what another process queued (replay, a promotion) is found too
                line.check_alarm(now)

    def on_receiver_event(self, event) -> None:
        """A new push of a school: its lines wake at once instead of at the next poll."""
        if isinstance(event, PushStored) and event.source == "classin":
            for line in self.lines.values():
                if line.dest.sid == event.sid:
                    line.wake.set()

    # -- what the desk asks -----------------------------------------------------------------------
    async def status(self) -> list[DestinationStatus]:
        return await self.read(outbox.status)

    async def add(self, name: str, sid: int, url: str, cmds: list[str] | None = None) -> Destination:
        """From the next commit on (storage.relay.DestinationExists if the name is taken)."""
        dest = await self.write(outbox.add_destination, name, sid, url, cmds, time.time())
        await self.refresh()
        return dest

    async def remove(self, name: str) -> int | None:
        """Forget the destination and what it still had to get (None: no such name)."""
        dropped = await self.write(outbox.remove_destination, name)
        await self.refresh()
        return dropped

    def _line(self, name: str) -> _Line:
        for line in self.lines.values():
            if line.dest.name == name:
                return line
        raise KeyError(name)

    async def _destination(self, name: str) -> tuple[Destination, _Line | None]:
        """By name: this relay's line, else the table (a team desk has no lines:
        the team's receiver delivers, and sees a change at its next poll)."""
        try:
            line = self._line(name)
            return line.dest, line
        except KeyError:
            pass
        for dest in await self.read(outbox.destinations):
            if dest.name == name:
                return dest, None
        raise KeyError(name)

    def retry_now(self, name: str) -> None:
        """Skip the current backoff wait of that destination."""
        line = self._line(name)
        line.backoff.reset()
        line.retry.set()

    async def set_paused(self, name: str, paused: bool) -> None:
        dest, line = await self._destination(name)
        await self.write(outbox.set_paused, dest.id, paused)
        if line is not None:      # (a desk takes no lease: it never delivers)
            await self.refresh()
            line.retry.set()

    async def replay(self, name: str, start: float, end: float) -> int:
        """Queue again what the destination's school sent in [start, end)."""
        dest, line = await self._destination(name)
        added = await self.write(outbox.replay, dest, start, end)
        if line is not None:
            line.wake.set()
        return added

    # -- alarms ------------------------------------------------------------------------------
    def _raise(self, dest: Destination, since: float, error: str | None) -> None:
        if self.alarms is not None:
            self.alarms.raise_kind(KIND, dest.name, sid=dest.sid, name=dest.name, url=shown_url(dest.url),
                                   failing_since=since, error=error)

    def _resolve(self, dest: Destination) -> None:
        if self.alarms is not None:
            self.alarms.resolve_kind(KIND, dest.name)


class _Line:
    """One destination's delivery: one request in flight, in stored order."""

    FOLD_EVERY = 1.0    # seconds: the status lags what was delivered at most this much

    def __init__(self, relay: Relay, dest: Destination):
        self.relay = relay
        self.dest = dest
        self.wake = asyncio.Event()     # something new may be queued, or the destination changed
        self.retry = asyncio.Event()    # stop waiting out the backoff
        self.backoff = Backoff(*relay.backoff)
        self.failing_since: float | None = None
        self.last_error: str | None = None
        self.alarmed = False
        self.journal = DeliveryJournal.of(relay.data_dir, dest)
        self.unfolded: dict[int, None] = {}    # delivered, in the journal, not yet in the database
        self.folded_at = time.monotonic()
        # One connection: the destination sees one request at a time, as from ClassIn.
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1))
        self.task = asyncio.create_task(self._run(), name=f"relay-{dest.name}")

    @property
    def owned(self) -> bool:
        """This relay holds the destination's lease (no other receiver delivers to it)."""
        return self.dest.id in self.relay.owned

    async def close(self, removed: bool = False) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        await self.session.close()
        if removed:
            self.journal.remove()
        else:
            self.journal.close()

    async def _run(self) -> None:
        # What a crash left in the journal was delivered: only the push in flight goes again.
        self.unfolded = dict.fromkeys(self.journal.read())
        while True:
            self.wake.clear()
            try:
                await self._fold()
                if self.dest.paused or not self.owned:
                    await self.wake.wait()
                    continue
                more = await self._round()
            except asyncio.CancelledError:
                raise
            except Exception:   # the database failing: the journal keeps what was delivered
                log.exception("relay %s: the outbox cannot be read or updated", self.dest.name)
                await asyncio.sleep(self.backoff.next())
                continue
            if not more:
                await self.wake.wait()

    async def _round(self) -> bool:
        """Deliver the next batch; False when nothing was pending."""
        rows = await self.relay.read(outbox.pending, self.dest.id, self.relay.batch)
        rows = [(push_id, body) for push_id, body in rows if push_id not in self.unfolded]
        if not rows:
            self._caught_up()
            return False
        await self.relay.writer.synced()   # SQLite shows commits before their WAL is synced
        for push_id, body in rows:
            if not await self._deliver(push_id, bytes(body)):
                break
            self.journal.append(push_id)
            self.unfolded[push_id] = None
            if time.monotonic() - self.folded_at >= self.FOLD_EVERY:
                await self._fold()
        await self._fold()
        return True

    async def _fold(self) -> None:
        """Move the journal's ids into the database, then empty the journal."""
        if self.unfolded:
            await self.relay.write(outbox.delivered, self.dest.id, list(self.unfolded), time.time())
            self.journal.clear()
            self.unfolded.clear()
        self.folded_at = time.monotonic()

    async def _deliver(self, push_id: int, body: bytes) -> bool:
        """POST one push until it is taken; False when paused (or handed over) meanwhile."""
        relay = self.relay
        while not self.dest.paused and self.owned:
            self.retry.clear()     # a "retry now" from here on cuts the wait after a failure
            error = await post(self.session, self.dest.url, body, relay.timeout)
            now = time.time()
            if error is None:
                self.backoff.reset()
                self.failing_since = self.last_error = None
                return True
            if self.failing_since is None:
                self.failing_since = now
                log.warning("relay %s (%s): %s; retrying", self.dest.name, shown_url(self.dest.url), error)
            self.last_error = error
            await self._fold()     # the status shows what did get through before the failure
            await relay.write(outbox.failed, self.dest.id, error, now)
            self.check_alarm(now)
            try:
                await asyncio.wait_for(self.retry.wait(), self.backoff.next())
            except asyncio.TimeoutError:
                pass
        return False

    def check_alarm(self, now: float) -> None:
        since = self.failing_since
        if since is None or self.alarmed or self.dest.paused:
            return
        if now - since >= self.relay.alarm_after:
            self.alarmed = True
            self.relay._raise(self.dest, since, self.last_error)

    def _caught_up(self) -> None:
        """Nothing pending: a raised alarm is over (one kept from before a restart too)."""
        if self.alarmed:
            log.info("relay %s caught up", self.dest.name)
        self.alarmed = False
        self.relay._resolve(self.dest)
