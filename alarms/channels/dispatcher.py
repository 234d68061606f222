"""Turns alarm open/resolve events into chat messages, one lane per channel.

`notify()` is called on the event loop by the alarm center and only files
the alarm in memory (bounded), so it never delays an ack. Each channel's
own task groups bursts, keeps the robot's rate limit, retries with backoff
and records its delivery state, which is written to a small JSON file so
that `alarm-channel list` in another process can show it.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import aiohttp

from storage.config import AlarmChannel, ConfigStore
from storage.dburl import DbUrl
from storage.logs import mask_secrets, url_secrets
from storage.voice import voice_lock

from ..model import FROM_PUSHES
from . import make_robot
from .base import DeliveryError, Message, Robot, severity_rank
from ..language import Wording
from .compose import SAID, Composer, Group, Where, group_key
from .voice import TeamVoice

log = logging.getLogger(__name__)

STATE_NAME = "alarm-channels.state.json"
LAST_CALL_TIMEOUT = 3.0   # seconds a stopping process gives each robot for what still waits
EVENTS = {"opened": "open", "resolved": "resolve"}   # the alarm center's changes that are sent


@dataclass
class DispatchSettings:
    quiet: float = 10.0           # a burst goes out once nothing joined it for this long ...
    critical_quiet: float = 2.0   # (critical alarms wait less)
    max_hold: float = 60.0        # ... or this long after its first alarm
    rate_limit: int = 20          # messages per rate_window per channel: the robots' own limit
    rate_window: float = 60.0
    backoff_first: float = 2.0    # retry delays double from here ...
    backoff_max: float = 300.0    # ... up to this
    max_queued: int = 500         # alarms waiting per channel; past it the oldest are left out (counted)
    timeout: float = 15.0         # one HTTP attempt
    state_interval: float = 1.0   # the state file is rewritten at most this often


@dataclass
class DeliveryState:
    last_sent: float | None = None      # wall time of the last message a robot took
    last_error: str | None = None       # masked
    last_error_at: float | None = None
    failing_since: float | None = None  # first failure of the current run of failures
    queued: int = 0                     # alarms waiting
    sent: int = 0                       # messages taken since start
    dropped: int = 0                    # alarms left out since start (queue full)
    next_attempt: float | None = None   # wall time of the next retry


def channel_secrets(channel: AlarmChannel) -> list[str]:
    return [s for s in (channel.secret, channel.url, *url_secrets(channel.url)) if s]


async def deliver(session: aiohttp.ClientSession, robot: Robot, message: Message, timeout: float) -> None:
    """POST `message` to the robot; DeliveryError (without URL or secret) unless it took it."""
    now = time.time()
    url, body = robot.request(message, now)
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", **robot.headers(data, now)}
    try:
        async with session.post(url, data=data, timeout=aiohttp.ClientTimeout(total=timeout),
                                headers=headers, allow_redirects=False) as response:
            answer = await response.content.read(64 * 1024)
            status = response.status
    except asyncio.TimeoutError:
        raise DeliveryError(f"no answer within {timeout:g} s") from None
    except aiohttp.ClientConnectorError as exc:
        # The OS error's own text names the address; its errno says the cause alone.
        code = exc.os_error.errno if exc.os_error else None
        reason = os.strerror(code) if code else type(exc).__name__
        raise DeliveryError(f"cannot connect to {exc.host}: {reason}") from None
    except aiohttp.InvalidURL:
        raise DeliveryError("the URL is not valid") from None
    except (aiohttp.ClientError, ValueError) as exc:   # its text may hold the URL: name the type only
        raise DeliveryError(f"request failed: {type(exc).__name__}") from None
    robot.check(status, answer)


async def send_test(channel: AlarmChannel, composer: Composer | None = None, timeout: float = 15.0) -> str | None:
    """One test message to `channel` now. None when the robot took it, else the masked reason."""
    composer = composer or Composer()
    robot = make_robot(channel.kind, channel.url, channel.secret)
    try:
        async with aiohttp.ClientSession() as session:
            await deliver(session, robot, composer.test(channel.name, time.time()), timeout)
    except DeliveryError as exc:
        return mask_secrets(str(exc), channel_secrets(channel))
    return None


class _Lane:
    """One channel: its waiting groups, its rate window, its state."""

    def __init__(self, dispatcher: "Dispatcher", channel: AlarmChannel):
        self.d = dispatcher
        self.channel = channel
        self.robot = make_robot(channel.kind, channel.url, channel.secret)
        self.secrets = channel_secrets(channel)
        self.state = DeliveryState()
        self.open: dict[tuple, Group] = {}
        self.ready: list[Group] = []
        self.in_flight: list[Group] = []
        self.attempts: deque[float] = deque()   # loop times of requests within the rate window
        self.dropped_unsent = 0                 # left out since the last message: said in the next
        self.failures = 0
        self.wake = asyncio.Event()
        self.task: asyncio.Task | None = None

    def reconfigure(self, channel: AlarmChannel) -> None:
        self.channel = channel
        self.robot = make_robot(channel.kind, channel.url, channel.secret)
        self.secrets = channel_secrets(channel)

    def wants(self, event: str, alarm: dict[str, Any]) -> bool:
        severity = severity_rank(alarm.get("severity"))
        if event == "open":
            return severity >= severity_rank(self.channel.min_severity)
        return event == "resolve" and alarm.get("severity") == "critical"

    # -- filing (on the loop, synchronous) -------------------------------------------------
    def add(self, event: str, alarm: dict[str, Any], now: float) -> None:
        shared = alarm.get("kind") in FROM_PUSHES
        key = (shared, *group_key(event, alarm))
        group = self.open.get(key)
        wall = time.time()
        if group is None:
            group = self.open[key] = Group(key, event, now, now, filed=wall, shared=shared)
        if group.add(alarm, now, wall):
            self.state.queued += 1      # kept as a count: summing the groups on every alarm cost ~0.2 ms
            self._cap()
        self.wake.set()

    def _queued(self) -> int:
        return sum(g.count for g in (*self.ready, *self.open.values()))

    def forget(self, sent: Callable[[Group], bool]) -> bool:
        """Another receiver sent these (the team's speaker); True when any were here."""
        gone = [g for g in (*self.ready, *self.open.values()) if g not in self.in_flight and sent(g)]
        if gone:
            self.ready = [g for g in self.ready if g not in gone]
            self.open = {k: g for k, g in self.open.items() if g not in gone}
            self.state.queued = self._queued()
        return bool(gone)

    def _cap(self) -> None:
        """Past max_queued the oldest group waiting is left out (and counted)."""
        while self.state.queued > self.d.settings.max_queued:
            oldest = next((g for g in self.ready if g not in self.in_flight), None)
            if oldest is not None:
                self.ready.remove(oldest)
            elif self.open:
                oldest = self.open.pop(next(iter(self.open)))   # dicts keep insertion order: the oldest first
            else:
                return
            self.state.queued -= oldest.count
            self.dropped_unsent += oldest.count
            self.state.dropped += oldest.count

    def _deadline(self, group: Group) -> float:
        s = self.d.settings
        quiet = s.critical_quiet if group.severity == "critical" else s.quiet
        return min(group.first + s.max_hold, group.last + quiet)

    def _flush_due(self, now: float) -> float | None:
        """Move groups whose wait is over to `ready`; the next deadline, if any."""
        due = sorted((g for g in self.open.values() if self._deadline(g) <= now), key=self._deadline)
        for group in due:
            del self.open[group.key]
            self.ready.append(group)
        return min((self._deadline(g) for g in self.open.values()), default=None)

    async def _wait(self, seconds: float | None) -> None:
        self.wake.clear()
        try:
            await asyncio.wait_for(self.wake.wait(), seconds)
        except asyncio.TimeoutError:
            pass

    # -- sending (its own task) --------------------------------------------------------------
    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        s = self.d.settings
        while True:
            now = loop.time()
            next_deadline = self._flush_due(now)
            sendable = [g for g in self.ready if self.d.may_send(g)]
            if not sendable:
                await self._wait(None if next_deadline is None else next_deadline - now)
                continue
            while self.attempts and now - self.attempts[0] >= s.rate_window:
                self.attempts.popleft()
            slots = s.rate_limit - len(self.attempts)
            if slots <= 0:
                await asyncio.sleep(self.attempts[0] + s.rate_window - now)
                continue
            failing = self.state.failing_since is not None
            # The last slot of the window, or a robot that just failed: all that waits goes as one.
            batch = sendable if failing or (slots == 1 and len(sendable) > 1) else sendable[:1]
            dropped = self.dropped_unsent
            message = self.d.composer.summary(batch, dropped, failing)
            self.attempts.append(now)
            self.in_flight = batch
            try:
                await deliver(self.d.session, self.robot, message, s.timeout)
            except DeliveryError as exc:
                self._failed(str(exc))
                self.in_flight = []
                await asyncio.sleep(self.state.next_attempt - time.time())
                continue
            except Exception as exc:   # never let one odd failure end the lane
                log.exception("alarm channel %s: sending failed", self.channel.name)
                self._failed(f"internal error: {type(exc).__name__}")
                self.in_flight = []
                await asyncio.sleep(self.state.next_attempt - time.time())
                continue
            self.in_flight = []
            self.ready = [g for g in self.ready if g not in batch]
            self.dropped_unsent -= dropped
            self._succeeded()

    async def last_call(self) -> None:
        """At stop: everything waiting as one message, unless the robot is failing
        or its minute is used up (that waiting is then lost, and counted)."""
        groups = [g for g in (*self.ready, *self.open.values()) if self.d.may_send(g)]
        s = self.d.settings
        now = asyncio.get_running_loop().time()
        recent = sum(1 for t in self.attempts if now - t < s.rate_window)
        if not groups or self.state.failing_since is not None or recent >= s.rate_limit:
            return
        message = self.d.composer.summary(groups, self.dropped_unsent, False)
        try:
            await deliver(self.d.session, self.robot, message, min(s.timeout, LAST_CALL_TIMEOUT))
        except DeliveryError as exc:
            self._failed(str(exc))
            return
        self.ready = [g for g in self.ready if g not in groups]
        self.open = {k: g for k, g in self.open.items() if g not in groups}
        self._succeeded()

    def _failed(self, reason: str) -> None:
        s = self.d.settings
        reason = mask_secrets(reason, self.secrets)
        now = time.time()
        self.failures += 1
        delay = min(s.backoff_first * 2 ** (self.failures - 1), s.backoff_max)
        st = self.state
        if st.failing_since is None:
            st.failing_since = now
        st.last_error, st.last_error_at, st.next_attempt = reason, now, now + delay
        log.warning("alarm channel %s (%s): not delivered: %s; retry in %.3g s",
                    self.channel.name, self.channel.kind, reason, delay)
        self.d.changed()

    def _succeeded(self) -> None:
        st = self.state
        if st.failing_since is not None:
            log.info("alarm channel %s (%s): delivering again", self.channel.name, self.channel.kind)
        self.failures = 0
        st.last_sent, st.failing_since, st.next_attempt = time.time(), None, None
        st.sent += 1
        st.queued = self._queued()
        self.d.changed()


class Dispatcher:
    """Runs a lane per configured channel. `channels()` is asked again on every
    alarm, so a channel added or removed while running takes effect at once."""

    def __init__(self, channels: Callable[[], Iterable[AlarmChannel]], *, state_dir: Path | None = None,
                 settings: DispatchSettings | None = None, where: Where | None = None,
                 voice: TeamVoice | None = None, wording: Wording | None = None):
        self.channels = channels
        self.voice = voice        # a team's receivers: who sends the alarms all of them raise
        self.settings = settings or DispatchSettings()
        self.composer = Composer(where, wording)
        self.state_path = Path(state_dir) / STATE_NAME if state_dir is not None else None
        self.lanes: dict[str, _Lane] = {}
        self.session: aiohttp.ClientSession | None = None
        self._dirty: asyncio.Event | None = None   # made on the loop, in start()
        self._state_task: asyncio.Task | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        self.session = aiohttp.ClientSession()
        self._dirty = asyncio.Event()
        self._sync()
        if self.state_path is not None:
            self._state_task = asyncio.create_task(self._write_states())
        if self.voice is not None:
            self.voice.start(self)

    async def stop(self) -> None:
        if not self.running:
            return
        tasks = [lane.task for lane in self.lanes.values() if lane.task] + [self._state_task]
        for task in tasks:
            if task is not None:
                task.cancel()
        await asyncio.gather(*(t for t in tasks if t is not None), return_exceptions=True)
        for lane in self.lanes.values():
            lane.task = None
        self._state_task = None
        if self.session is not None:
            # What still waits (a burst's quiet time not over) goes out now, briefly:
            # a stopping `serve` must not swallow the alarm that came just before.
            await asyncio.gather(*(lane.last_call() for lane in self.lanes.values()))
            await self.session.close()
            self.session = None
            if self.voice is not None:
                await self.voice.stop(self)
        if self.state_path is not None:
            await asyncio.to_thread(self._save_states, self._state_doc())

    @property
    def running(self) -> bool:
        return self.session is not None

    # -- the alarm center's listener ------------------------------------------------------------
    def notify(self, event: str, alarm: dict[str, Any]) -> None:
        """An alarm opened ("open") or resolved ("resolve"). Synchronous and quick."""
        if not self.running:
            return
        try:
            self._sync()
            now = asyncio.get_running_loop().time()
            for lane in self.lanes.values():
                if lane.wants(event, alarm):
                    lane.add(event, alarm, now)
            self.changed()
        except Exception:   # a chat problem must never reach the alarm center or the receiver
            log.exception("alarm channels: could not file an alarm")

    def on_alarm_event(self, event) -> None:
        """AlarmCenter subscriber: openings and resolutions become messages (not
        updates, acknowledgements, or alarms read back at start)."""
        change = EVENTS.get(event.change)
        if change is not None and self.running and self.channels():
            record = event.record()
            words = self.composer.wording.alarm(event.alarm, event.names, self.composer.zone(event.alarm.sid))
            record[SAID] = {"title": words.title, "detail": words.detail}
            self.notify(change, record)

    def changed(self) -> None:
        if self._dirty is not None:
            self._dirty.set()

    # -- a team's one voice (alarms.channels.voice) ------------------------------------------------
    def may_send(self, group: Group) -> bool:
        return self.voice is None or bool(self.voice.speaking) or not group.shared

    def sent_through(self) -> float:
        """The speaker's progress: every shared alarm filed before this (wall
        time) has gone out, or was left out by the queue's cap."""
        waiting = [g.filed for lane in self.lanes.values() for g in (*lane.ready, *lane.open.values())
                   if g.shared]
        return min(waiting, default=time.time())

    def forget_through(self, through: float) -> None:
        """Standing by: the speaker sent every shared alarm filed before `through`."""
        if any([lane.forget(lambda g: g.shared and g.at <= through) for lane in self.lanes.values()]):
            self.changed()

    def wake(self) -> None:
        for lane in self.lanes.values():
            lane.wake.set()

    def _sync(self) -> None:
        wanted = {c.name: c for c in self.channels()}
        for name in [n for n in self.lanes if n not in wanted]:
            lane = self.lanes.pop(name)
            if lane.task is not None:
                lane.task.cancel()
        for name, channel in wanted.items():
            lane = self.lanes.get(name)
            if lane is None:
                try:
                    lane = self.lanes[name] = _Lane(self, channel)
                except KeyError:   # a kind this version does not know: skip it, say so once
                    log.warning("alarm channel %s: unknown kind %r", name, channel.kind)
                    continue
            elif lane.channel != channel:
                lane.reconfigure(channel)
            if lane.task is None and self.running:
                lane.task = asyncio.create_task(lane.run(), name=f"alarm-channel-{name}")

    # -- state ---------------------------------------------------------------------------------------
    def states(self) -> dict[str, DeliveryState]:
        if self.running:
            self._sync()
        return {name: lane.state for name, lane in self.lanes.items()}

    def _state_doc(self) -> dict[str, Any]:
        return {"updated_at": time.time(), "pid": os.getpid(),
                "channels": {name: asdict(state) for name, state in self.states().items()}}

    def _save_states(self, doc: dict[str, Any]) -> None:
        """In a thread; `doc` was made on the loop."""
        tmp = self.state_path.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps(doc), encoding="utf-8")
            os.replace(tmp, self.state_path)
        except OSError as exc:
            log.warning("alarm channels: cannot write %s: %s", self.state_path.name, exc.strerror)

    async def _write_states(self) -> None:
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            await asyncio.to_thread(self._save_states, self._state_doc())
            await asyncio.sleep(self.settings.state_interval)


def school_places(config: ConfigStore) -> Where:
    """sid -> (school name, time zone) from the config, for the words of messages."""
    def where(sid: int | None) -> tuple[str, str]:
        current = config.current()
        school = current.schools.get(sid) if sid is not None else None
        return (school.name if school else "", current.zone(sid))
    return where


def for_config(config: ConfigStore, data_dir: Path, db: DbUrl | None = None, language: str = "en",
               **options) -> Dispatcher:
    """The dispatcher of a running core: channels and school names from the config,
    messages in the desk's `language`, delivery state written into the data dir;
    on a store a team shares, one voice."""
    lock = voice_lock(db) if db is not None else None
    return Dispatcher(lambda: config.current().channels.values(), state_dir=data_dir,
                      where=school_places(config), voice=TeamVoice(lock) if lock else None,
                      wording=Wording(language), **options)


def read_states(data_dir: Path) -> tuple[float | None, dict[str, DeliveryState]]:
    """What the running dispatcher last wrote: (when, state by channel name)."""
    try:
        doc = json.loads((Path(data_dir) / STATE_NAME).read_text(encoding="utf-8"))
        known = set(DeliveryState.__dataclass_fields__)
        states = {name: DeliveryState(**{k: v for k, v in fields.items() if k in known})
                  for name, fields in doc.get("channels", {}).items()}
        return float(doc.get("updated_at")), states
    except (OSError, ValueError, TypeError, AttributeError):
        return None, {}
