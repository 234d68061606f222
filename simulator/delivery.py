"""ClassIn's delivery rules (classin.md §5-6) over real HTTP, one school's queue.

- One FIFO queue: a push goes out only after the one before it was acked.
- Acked means HTTP 200 and protocol.classin.is_ack() on the body. Anything else
  (another status, errno other than 1, not JSON, a timeout, a connection error)
  keeps the push at the head: it is re-sent every 10 s / speed and all the
  others wait behind it.
- Time compression: a push due at day time T leaves at wall0 + (T - start) / speed;
  pushes already due (the past before `start`, a backlog) go out back-to-back.

Runs on whatever loop awaits it (asyncio or qasync). To stop it from another
thread, set the stop event through loop.call_soon_threadsafe(event.set).
"""
from __future__ import annotations

import asyncio
import collections
from dataclasses import dataclass, field
from typing import Callable, Sequence

import aiohttp
import orjson

from protocol.classin import cmd_label, is_ack, sign
from simulator.faults import Faults
from simulator.school import Push, generate_day

RETRY_INTERVAL = 10.0
# The only headers ClassIn's server sends (classin.md §3).
HEADERS = {"Content-Type": "application/json", "Origin": "http://www.eeo.cn"}

ProgressCallback = Callable[["DeliveryStats"], None]


@dataclass
class DeliveryStats:
    total: int                       # pushes in the day
    sent: int = 0                    # HTTP requests, re-sends included
    acked: int = 0                   # pushes acked (first time only)
    retries: int = 0                 # re-sends of a refused push
    duplicates: int = 0              # re-sends of acked pushes (injected lost acks)
    refused: collections.Counter[str] = field(default_factory=collections.Counter)
    blocked_seconds: float = 0.0     # wall time the queue sat behind refused pushes
    day_time: float = 0.0            # the day's clock at the last report
    stuck: str | None = None         # the push blocking the queue right now, and why

    @property
    def done(self) -> bool:
        return self.acked == self.total

    def summary(self) -> str:
        refused = ", ".join(f"{why} x{n}" for why, n in self.refused.most_common()) or "none"
        return (f"{self.acked}/{self.total} pushes acked, {self.sent} requests, "
                f"{self.retries} re-sends, {self.duplicates} duplicates, refused: {refused}, "
                f"queue blocked {self.blocked_seconds:.1f} s")


async def run_day(url: str, sid: int, secret: str, *, lessons: int = 3, students: int = 6,
                  speed: float = 45.0, seed: int = 0, faults: Faults = Faults(),
                  start: int | None = None, stop_event: asyncio.Event | None = None,
                  on_progress: ProgressCallback | None = None,
                  timeout: float = 10.0) -> DeliveryStats:
    """Generate a school day (live around `start`, default now) and push it to `url`."""
    day = generate_day(sid, secret, lessons=lessons, students=students, seed=seed,
                       start=start, audience=faults.burst)
    return await deliver(day.pushes, url, secret, speed=speed, start=day.start, faults=faults,
                         stop_event=stop_event, on_progress=on_progress, timeout=timeout)


async def deliver(pushes: Sequence[Push], url: str, secret: str, *, speed: float = 45.0,
                  start: float, faults: Faults = Faults(),
                  stop_event: asyncio.Event | None = None,
                  on_progress: ProgressCallback | None = None,
                  timeout: float = 10.0) -> DeliveryStats:
    """Send `pushes` (in order, each at its `at` on a day clock that reads `start`
    now and runs `speed` times faster) until all are acked or stop_event is set.
    `timeout` is the real-time limit of one HTTP request."""
    if speed <= 0:
        raise ValueError("speed must be positive")
    async with aiohttp.ClientSession() as session:
        courier = _Courier(session, url, secret, list(pushes), speed=speed, start=start,
                           faults=faults, stop=stop_event or asyncio.Event(),
                           on_progress=on_progress, timeout=timeout)
        return await courier.run()


class _Courier:
    def __init__(self, session: aiohttp.ClientSession, url: str, secret: str, pushes: list[Push], *,
                 speed: float, start: float, faults: Faults, stop: asyncio.Event,
                 on_progress: ProgressCallback | None, timeout: float) -> None:
        self.session, self.url, self.secret, self.pushes = session, url, secret, pushes
        self.speed, self.start, self.faults, self.stop = speed, start, faults, stop
        self.on_progress = on_progress
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.interval = RETRY_INTERVAL / speed
        self.stats = DeliveryStats(total=len(pushes))
        self.loop = asyncio.get_running_loop()
        self.wall0 = self.loop.time()
        self._broken_sent = False

    # --- the day's clock --------------------------------------------------------------
    def day_now(self) -> float:
        return self.start + (self.loop.time() - self.wall0) * self.speed

    def _in_window(self, at: float | None, length: float) -> bool:
        return at is not None and 0 <= self.day_now() - self.start - at < length

    async def _pause(self, wall: float) -> bool:
        """Sleep `wall` real seconds; True when the stop event cut it short."""
        if self.stop.is_set():
            return True
        if wall > 0:
            try:
                await asyncio.wait_for(self.stop.wait(), wall)
                return True
            except asyncio.TimeoutError:
                pass
        return False

    async def _until(self, day_t: float) -> bool:
        return await self._pause((day_t - self.day_now()) / self.speed)

    # --- the queue ------------------------------------------------------------------------
    async def run(self) -> DeliveryStats:
        duplicates = self.faults.duplicates
        lost_acks = {k * len(self.pushes) // (duplicates + 1) for k in range(1, duplicates + 1)}
        for i, push in enumerate(self.pushes):
            if await self._until(push.at) or not await self._send(push, broken=self._break_now()):
                break
            if i in lost_acks:
                # Our ack never reached ClassIn: to it the push failed, so it comes again.
                if await self._pause(self.interval) or not await self._send(push, duplicate=True):
                    break
        self._report()
        return self.stats

    def _break_now(self) -> bool:
        """True once: for the first push sent when the broken-JSON time has come."""
        at = self.faults.broken_json_at
        if self._broken_sent or at is None or self.day_now() - self.start < at:
            return False
        self._broken_sent = True
        return True

    async def _send(self, push: Push, *, broken: bool = False, duplicate: bool = False) -> bool:
        """Send until acked (True) or stopped (False)."""
        refused_since: float | None = None
        attempt = 0
        try:
            while True:
                if self._in_window(self.faults.gap_at, self.faults.gap_for):
                    gap_end = self.start + self.faults.gap_at + self.faults.gap_for
                    if await self._until(gap_end):
                        return False
                sent_at = self.loop.time()
                why = await self._post(self._encode(push, broken=broken and attempt == 0))
                self.stats.sent += 1
                self.stats.retries += attempt > 0
                self.stats.duplicates += duplicate and attempt == 0
                attempt += 1
                if why is None:
                    self.stats.acked += not duplicate
                    self.stats.stuck = None
                    self._report()
                    return True
                self.stats.refused[why] += 1
                if refused_since is None:
                    refused_since = sent_at       # blocked since the attempt that failed began
                self.stats.stuck = f"{cmd_label(push.body.get('Cmd'))} {push.id}: {why}"
                self._report()
                if await self._pause(self.interval):
                    return False
        finally:
            if refused_since is not None:
                self.stats.blocked_seconds += self.loop.time() - refused_since

    def _encode(self, push: Push, *, broken: bool) -> bytes:
        body = push.body
        if self._in_window(self.faults.wrong_secret_at, self.faults.wrong_secret_for):
            body = sign(dict(body), self.secret + "-stale")
        raw = orjson.dumps(body)
        # A transfer cut short on the way (a proxy, a reset). ClassIn keeps the push
        # itself intact in its queue, so the re-send 10 s later is whole again.
        return raw[: len(raw) // 2] if broken else raw

    async def _post(self, raw: bytes) -> str | None:
        """None when acked, else why not."""
        try:
            async with self.session.post(self.url, data=raw, headers=HEADERS,
                                         timeout=self.timeout) as response:
                answer = await response.read()
        except asyncio.TimeoutError:
            return "timeout"
        except aiohttp.ClientError as exc:
            return f"connection error ({type(exc).__name__})"
        if response.status != 200:
            return f"HTTP {response.status}"
        return None if is_ack(answer) else "no success ack"

    def _report(self) -> None:
        self.stats.day_time = self.day_now()
        if self.on_progress is not None:
            self.on_progress(self.stats)
