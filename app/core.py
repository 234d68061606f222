"""Monitor, the running core: receiver + live lesson state + alarm center +
channels + tunnel on one asyncio loop, the same in the window (qasync) and in
`serve` (plain asyncio).

Everything here is plain asyncio; gui/bridge.py subscribes and re-emits as
Qt signals. Folding a writer batch's pushes into the in-memory state costs
microseconds each, so it happens on the loop, after the batch's acks are
answered; anything that reads the store goes to a thread.
"""
from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from lessons.diagnostics import Thresholds
from lessons.events import Event, parse
from lessons.gensee_rooms import GenseeState
from lessons.gensee_rooms import replay as replay_gensee
from lessons.state import LessonState, SchoolState, replay
from protocol.classin import as_int
from receiver.app import Receiver
from receiver.events import PushStored, ReceiverEvent
from relay.worker import Relay
from storage.alarms import acknowledgements_since, alarms_changed_since
from storage.config import ConfigStore
from storage.db import open_database
from storage.dburl import DbUrl
from storage.queries import iter_pushes, parse_payload, recent_pushes
from storage.paths import CONFIG_NAME
from storage.writer import TakenEvents
from tunnel.providers import TunnelConfigError
from tunnel.selftest import SelftestResult, run_selftest
from tunnel.service import Tunnel, TunnelState, TunnelStatus
from tunnel.settings import SETTING_KEYS, TunnelSettings

from alarms.config import alarm_settings, thresholds
from alarms.model import FROM_RECEIVER, Alarm
from alarms.store import AlarmStore, cleared_at, load_kept
from alarms.center import AlarmCenter
from alarms.channels.dispatcher import Dispatcher, for_config

from .alarm_desk import desk_user
from .team import TeamFeed

log = logging.getLogger(__name__)

RECENT_HOURS = 12          # lessons with activity this recent are loaded at start
TICK_SECONDS = 15
FOLLOW_SECONDS = 1.0       # how soon a change by another process (settings, acknowledgements) is seen
GENSEE_BURST_WINDOW = 120  # this many abnormal leaves in one room within this many seconds ...
GENSEE_BURST_LEAVES = 5    # ... is a school-side outage, not one student's Wi-Fi
GIVE_WAY = 0.001           # s the fold waits, then looks again, while a derived-row transaction holds the turn


def is_live(lesson: LessonState, now: float) -> bool:
    """ClassIn sends no "lesson over" except End (20 min late) and exits with
    Reason 2; lessons.state ends one whose End never came (status_at)."""
    return lesson.last_event_time is not None and lesson.status_at(now) == "live"


@dataclass
class _Recent:
    """What the Monitor starts from (read in a thread before listening)."""
    school: SchoolState
    gensee: GenseeState
    last_push: dict[int, float]       # last receive time per SID
    alarms: list[Alarm]               # as the desk left them
    cleared: dict[str, float]         # open ones among them whose cause went away meanwhile: when


class Monitor:
    def __init__(self, data_dir: Path, config: ConfigStore, *, host: str = "127.0.0.1",
                 port: int = 8765, receiver: Receiver | None = None, db: DbUrl | None = None,
                 listen: bool = True, tunnel_overrides: dict[str, Any] | None = None, language: str = "en"):
        """`language`: the desk's, for the chat robots' messages."""
        self.data_dir = Path(data_dir)
        self.config = config
        self.host, self.port = host, port
        self.receiver = receiver or Receiver(self.data_dir, config=config, db=db)
        # A team desk (listen=False) gets its pushes from the team's receivers;
        # on PostgreSQL a desk with its own receiver also sees everyone else's;
        # a split `serve`'s core (app.core_process) gets them from its receiving process.
        self.listen = listen
        self.team: TeamFeed | None = None
        if not listen or not self.receiver.db.is_sqlite or self.receiver.role == "core":
            writer = self.receiver.writer
            if writer.takes_queue:   # the pushes it makes rows of are parsed once, for both
                writer.taken_events = TakenEvents()
            self.team = TeamFeed(self.receiver.db, self.receiver.emit,
                                 followed=writer.followed if writer.follows_feed else None,
                                 parsed=writer.taken_events)
            self.receiver.listeners.append(self.team.on_receiver_event)
        self.alarms = AlarmCenter(alarm_settings(config.current().settings), names=self,
                                  live=lambda: [(lesson.sid, lesson.class_id) for lesson in self.live_lessons()])
        self._alarm_store = AlarmStore(self.receiver.writer, lambda: config.current().secrets())
        # Chat robots: alarms that open (and critical ones that resolve) go out on their own tasks.
        # Receivers sharing a PostgreSQL store speak with one voice (alarms.channels.voice).
        self.channels: Dispatcher = for_config(config, self.data_dir, self.receiver.db if listen else None,
                                               language)
        if listen:   # a team desk leaves the chat to the team's receiver: one message per alarm, not one per desk
            self.alarms.subscribe(self.channels.on_alarm_event)
        self.school = SchoolState()
        self.gensee = GenseeState()
        # (event, lesson or None) after each applied push; the GUI's view-models listen.
        self.event_listeners: list[Callable[[Event, LessonState | None], None]] = []
        # each stored Gensee call (payload) after it updated `gensee`
        self.gensee_listeners: list[Callable[[dict], None]] = []
        self.receiver.listeners.append(self._on_receiver_event)
        self._unfolded: list[ReceiverEvent] = []     # told by the receiver, not yet folded in (_fold)
        # Whether the fold waits: while a split `serve`'s core holds the store's
        # write turn on its turn thread (storage.writer.Writer.turn_runner).
        writer = self.receiver.writer
        self.gives_way: Callable[[], bool] = lambda: writer.turn_runner is not None and writer.holding_turn
        self._loop: asyncio.AbstractEventLoop | None = None
        # (push id or None, event, lesson) applied, not yet told to event_listeners (_tell)
        self._untold: list[tuple[int | None, Event, LessonState | None]] = []
        # Every status of whichever tunnel is current, and None when the tunnel is
        # removed: the GUI listens here, so replacing the Tunnel object needs no re-wiring.
        self.tunnel_listeners: list[Callable[[TunnelStatus | None], None]] = []
        # Extra Tunnel(...) keyword arguments for tunnels made here (tests: short intervals).
        self.tunnel_options: dict[str, Any] = {}
        # TunnelSettings fields given for this run (`serve`'s command line): they win over the config.
        self.tunnel_overrides: dict[str, Any] = dict(tunnel_overrides or {})
        self._tunnel_lock = asyncio.Lock()
        self._tunnel_seen = self.tunnel_settings()     # raises when config.json's are unreadable
        self._tunnel_unreadable: str | None = None
        self.tunnel = self._make_tunnel(self._tunnel_seen) if listen else None
        # The school's own systems get every push stored, with ClassIn's delivery rule
        # (started with the receiver: a desk that does not listen leaves it to the server).
        self.relay = Relay.attach(self.receiver, alarms=self.alarms)
        self._tick_task: asyncio.Task | None = None
        self._follow_task: asyncio.Task | None = None
        self.store_first = False   # open the store before reading the recent state (serve)
        self._demo_task: asyncio.Task | None = None
        self._demo_stop = asyncio.Event()
        self.started = False

    def tunnel_settings(self) -> TunnelSettings:
        """The config's tunnel settings with `tunnel_overrides` on top. Raises
        TypeError/ValueError when config.json holds something unreadable."""
        return TunnelSettings.from_settings(self.config.current().settings, **self.tunnel_overrides)

    def _make_tunnel(self, settings: TunnelSettings) -> Tunnel | None:
        """The tunnel `settings` ask for (none without a provider), started and
        stopped with the receiver."""
        if not settings.provider or settings.provider == "none":
            return None
        tunnel = Tunnel.attach(self.receiver, settings, **self.tunnel_options)
        tunnel.listeners.append(self._on_tunnel)
        return tunnel

    def _on_tunnel(self, status: TunnelStatus) -> None:
        healthy = status.state in (TunnelState.UP, TunnelState.STARTING, TunnelState.STOPPED)
        self.alarms.on_tunnel(healthy and not status.url_changed,
                              status.warning if status.url_changed else status.reason, time.time())
        self._tell_tunnel_listeners(status)

    def _tell_tunnel_listeners(self, status: TunnelStatus | None) -> None:
        for listener in list(self.tunnel_listeners):
            try:
                listener(status)
            except Exception:  # a broken view must not stop the tunnel
                log.exception("tunnel listener failed")

    async def apply_tunnel_settings(self, settings: TunnelSettings) -> None:
        """Save `settings` and replace the running tunnel with one made from them
        (none when no provider is chosen). A setup that cannot work (unknown
        provider, missing program or option) raises TunnelConfigError before
        anything is saved or stopped: the old tunnel keeps running."""
        if settings.provider == "none":
            settings = replace(settings, provider="")
        # As if read back from the config: URLs without a trailing slash, numbers as numbers.
        settings = TunnelSettings.from_settings(settings.to_settings())
        if settings.provider:
            # Without a receiver, so a failing check leaves receiver.services alone.
            Tunnel(settings, lambda: self.receiver.url, **self.tunnel_options).check()

        def save(config) -> None:
            for key in SETTING_KEYS.values():   # clear the keys the old provider used
                config.settings.pop(key, None)
            config.settings.update(settings.to_settings())
        async with self._tunnel_lock:   # the follower must not swap between the save and this swap
            await asyncio.get_running_loop().run_in_executor(None, self.config.update, save)
            await self._swap_tunnel(settings)

    async def _swap_tunnel(self, settings: TunnelSettings) -> None:
        """The one way a running tunnel is replaced (Settings in the window, a
        changed config.json under `serve`); called holding _tunnel_lock."""
        self._tunnel_seen = settings
        old, self.tunnel = self.tunnel, None
        if old is not None:
            # Still listened to while stopping: its STOPPED status clears the tunnel alarm.
            try:
                await old.stop()
            finally:
                if self._on_tunnel in old.listeners:
                    old.listeners.remove(self._on_tunnel)
                if old in self.receiver.services:
                    self.receiver.services.remove(old)
        self.tunnel = self._make_tunnel(settings)
        if self.tunnel is None:
            self.alarms.on_tunnel(True, None, time.time())
            self._tell_tunnel_listeners(None)
            return
        self._tell_tunnel_listeners(self.tunnel.status)
        if self.started:   # else the receiver starts it with itself
            await self.tunnel.start()

    async def _follow_tunnel_settings(self) -> None:
        """Settings changed outside this process (the app's Settings under
        `serve`, a hand edit): a stat of config.json, re-read only when it changed."""
        if not self.listen:   # a desk that does not receive has no tunnel to swap
            return
        try:
            settings = self.tunnel_settings()
        except (TypeError, ValueError) as exc:
            if str(exc) != self._tunnel_unreadable:
                log.warning("the tunnel settings in %s cannot be read (%s): the tunnel keeps "
                            "the ones it has", CONFIG_NAME, exc)
            self._tunnel_unreadable = str(exc)
            return
        self._tunnel_unreadable = None
        if settings == self._tunnel_seen or self._tunnel_lock.locked():
            return
        # Field names only: the values may be secrets (the token) or private (hosts, keys).
        changed = ", ".join(f.name for f in dataclasses.fields(TunnelSettings)
                            if getattr(settings, f.name) != getattr(self._tunnel_seen, f.name))
        self._tunnel_seen = settings
        if settings.provider:
            try:
                Tunnel(settings, lambda: self.receiver.url, **self.tunnel_options).check()
            except TunnelConfigError as exc:
                log.warning("the tunnel settings in %s changed (%s) but cannot work: %s; the tunnel "
                            "keeps the ones it has", CONFIG_NAME, changed, exc)
                return
        if self.tunnel is None and not settings.provider:
            return
        what = "restarting" if self.tunnel and settings.provider else "starting" if settings.provider else "stopping"
        log.info("the tunnel settings in %s changed (%s): %s the tunnel", CONFIG_NAME, changed, what)
        async with self._tunnel_lock:
            await self._swap_tunnel(settings)

    # -- lifecycle ------------------------------------------------------------------------
    async def start(self) -> str | None:
        """Load the recent state, then receive (and/or follow the team's store);
        the receiver's URL, None for a desk that does not listen. Raises what
        the receiver raises when it cannot start (the data dir locked by another
        receiver or read-only, the store unreachable), having given back what it took."""
        loop = asyncio.get_running_loop()
        # The store first (lock, checks, migrations, writer): its errors are the clear ones.
        if self.store_first:   # serve: the receiver's lock and checks say best why it cannot start
            await self.receiver.start_storage(project=self.listen)
        try:
            if self.listen:
                await self.channels.start()
            return await self._start(loop)
        except BaseException:
            await self.channels.stop()
            if not self.started and self.receiver.writer.running:
                await self.receiver.stop()
            raise

    async def _start(self, loop: asyncio.AbstractEventLoop) -> str | None:
        self._loop = loop
        if self._projected not in self.receiver.writer.projection_listeners:
            self.receiver.writer.projection_listeners.append(self._projected)
        # Before listening, so no push can slip between the load and the live feed.
        recent = await loop.run_in_executor(None, self._load_recent)
        self.school, self.gensee = recent.school, recent.gensee
        # Silence is measured from the last push before the restart: without it a
        # school whose tunnel died while we were down never raised the alarm.
        for sid, when in recent.last_push.items():
            self.alarms.last_push_by_sid.setdefault(sid, when)
        self.alarms.restore(recent.alarms)
        self._alarm_store.follow(self.alarms)    # what was just read back needs no writing
        for key, when in recent.cleared.items():
            self.alarms.resolve(key, when)
        # Help requests of running lessons that no kept alarm knows (stored while
        # the app was down, by `serve`) wait for someone to acknowledge them.
        for lesson in self.live_lessons():
            for request in lesson.help_requests:
                self.alarms.on_lesson_event(request, live=True)
        url = None
        if self.listen:
            url = await self.receiver.start(self.host, self.port)
        else:
            await self.receiver.start_storage(project=False)
        if self.team is not None:
            self.team.start()
        self._alarm_store.start()
        if self.tunnel is None:   # a tunnel alarm from before the restart (a tunnel reports as it starts)
            self.alarms.on_tunnel(True, None, time.time())
        self.tick()               # lessons that ended and re-sends that calmed down meanwhile
        self._tick_task = asyncio.create_task(self._ticker())
        self._follow_task = asyncio.create_task(self._follower())
        self.started = True
        return url

    def start_demo(self) -> None:
        from .demo import run_demo
        self._demo_task = asyncio.create_task(run_demo(self.config, self.receiver.url, self._demo_stop))

    async def stop(self) -> None:
        if self._demo_task is not None:
            self._demo_stop.set()
            try:
                await asyncio.wait_for(self._demo_task, 15)
            except Exception:
                log.exception("demo stopped uncleanly")
            self._demo_task = None
        for task in (self._tick_task, self._follow_task):
            if task is not None:
                task.cancel()
        self._tick_task = self._follow_task = None
        if self.team is not None:
            await asyncio.get_running_loop().run_in_executor(None, self.team.stop)
        if self.started:
            if self.tunnel is not None:   # before the receiver stops it without insisting
                await self.tunnel.stop()
            self._alarm_store.closing()
            await self.receiver.stop()
            self.started = False
        await self.channels.stop()

    def _load_recent(self) -> _Recent:
        """In a thread."""
        db = open_database(self.receiver.db)
        try:
            if self.team is not None:   # where following starts, before the history is read
                self.team.connect()
            now = time.time()
            since = now - RECENT_HOURS * 3600
            last_push: dict[int, float] = {}

            def noting_last_push(pushes: Iterable[tuple[float, Any]]) -> Iterator[tuple[float, Any]]:
                for received_at, payload in pushes:
                    sid = as_int(payload.get("SID"))
                    if sid is not None:
                        last_push[sid] = max(received_at, last_push.get(sid, received_at))
                    yield received_at, payload

            until = self.team.last_id if self.team is not None else None   # the team feed goes on from there
            school = replay(noting_last_push(recent_pushes(since, until)),
                            thresholds(self.config.current().settings))
            gensee = replay_gensee((row.received_at, parse_payload(row.payload))
                                   for row in iter_pushes(since=since, source="gensee", until_id=until))
            alarms = load_kept(now)
            cleared = {alarm.key: when for alarm in alarms
                       if alarm.open and (when := cleared_at(alarm)) is not None}
        finally:
            db.close()
        return _Recent(school, gensee, last_push, alarms, cleared)

    # -- feed ------------------------------------------------------------------------------
    def _on_receiver_event(self, event: ReceiverEvent) -> None:
        """Called by the request handler before it answers: only filed here, so
        no ack waits for lesson state, alarms or views. The writer settles a whole
        batch in one loop wake-up; the batch is folded in once, right after
        those handlers have answered."""
        self._unfolded.append(event)
        if len(self._unfolded) == 1:
            asyncio.get_running_loop().call_soon(self._fold)

    def _fold(self) -> None:
        events, self._unfolded = self._unfolded, []
        # The user's network thresholds decide what a Net/Check report counts as a problem.
        limits, now = thresholds(self.config.current().settings), time.time()
        for i, event in enumerate(events):
            if self.gives_way():
                # A derived-row transaction holds the store's write turn, and needs the
                # GIL between its statements: the rest waits. Its next one is made
                # outside the turn (storage.writer), a window for this to go on.
                self._unfolded[:0] = events[i:]
                asyncio.get_running_loop().call_later(GIVE_WAY, self._fold)
                return
            try:
                self.alarms.on_receiver_event(event)
                if isinstance(event, PushStored) and isinstance(event.payload, dict):
                    if event.source == "classin":
                        self.apply_payload(event.payload, event.received_at, limits, now, event.event,
                                           push_id=event.push_id)
                    elif event.source == "gensee":
                        self.gensee.feed(event.received_at, event.payload)
                        for listener in list(self.gensee_listeners):
                            listener(event.payload)
            except Exception:   # one odd push must not cost the others of its batch
                log.exception("folding a push into the live state failed")
            if isinstance(event, PushStored):
                # Also past one it did not parse (Gensee's, a body that is no
                # object): its derived rows must not wait for the next push.
                self.receiver.writer.folded(event.push_id)

    def apply_payload(self, payload: dict[str, Any], received_at: float, limits: Thresholds | None = None,
                      now: float | None = None, typed: Event | None = None, *,
                      push_id: int | None = None) -> Event:
        """Fold one push into the live state and the alarms (`typed`: its event,
        when parsed already), then tell the event listeners: at once, or for a
        stored push (`push_id`) once its derived rows are committed."""
        if typed is None:
            if limits is None:
                limits = thresholds(self.config.current().settings)
            typed = parse(payload, received_at, limits)
        if push_id is not None and self.receiver.writer.follows_feed:   # its derived rows need not parse it again
            self.receiver.writer.parsed[push_id] = typed
        self.school.apply(typed)
        lesson = self.school.lessons.get(typed.class_id) if typed.class_id is not None else None
        live = lesson is not None and is_live(lesson, time.time() if now is None else now)
        self.alarms.on_lesson_event(typed, live)
        self._untold.append((push_id, typed, lesson))
        if len(self._untold) == 1:
            self._tell()
        return typed

    def _tell(self) -> None:
        """Tell the event listeners (the window's views) of the applied pushes
        whose derived rows are committed (storage.derived.Projector): a view
        that reads History, charts or checks on hearing of one finds its rows.
        The rest wait for the writer's next projection, in order."""
        untold, waiting = self._untold, self.receiver.writer.unprojected_from
        count = len(untold)
        if waiting is not None:
            count = next((i for i, (push_id, _, _) in enumerate(untold)
                          if push_id is not None and push_id >= waiting), count)
        told, self._untold = untold[:count], untold[count:]
        for _, typed, lesson in told:
            for listener in list(self.event_listeners):
                try:
                    listener(typed, lesson)
                except Exception:
                    log.exception("event listener failed")

    def _projected(self) -> None:
        """In the writer's thread: derived rows were committed."""
        try:
            self._loop.call_soon_threadsafe(self._tell)
        except RuntimeError:   # the loop is closed: nobody listens any more
            pass

    # -- questions the views ask ---------------------------------------------------------------
    def live_lessons(self, now: float | None = None) -> list[LessonState]:
        now = time.time() if now is None else now
        return [lesson for lesson in self.school.lessons.values() if is_live(lesson, now)]

    def live_lesson(self, class_id: int) -> LessonState | None:
        """The lesson's state if it is live now, else None."""
        lesson = self.school.lessons.get(class_id)
        return lesson if lesson is not None and is_live(lesson, time.time()) else None

    def tick(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        live = self.live_lessons(now)
        live_sids = {lesson.sid for lesson in live if lesson.sid is not None}
        tunnel_reason = None
        if self.tunnel is not None and self.tunnel.status.state not in (TunnelState.UP, TunnelState.STOPPED):
            tunnel_reason = self.tunnel.status.reason
        self.alarms.tick(now, live_sids, tunnel_reason)
        self.alarms.lessons_over(now, {lesson.class_id for lesson in live})
        self.alarms.on_gensee_rooms(now, self.gensee.bulk_abnormal_leaves(GENSEE_BURST_WINDOW, GENSEE_BURST_LEAVES),
                                    {room.class_no for room in self.gensee.live_now(now)})

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            try:
                self.tick()
            except Exception:
                log.exception("alarm tick failed")

    async def _follower(self) -> None:
        """What other processes on the same data change: acknowledgements (the CLI,
        another desk), the settings and, on a team desk, the alarms only the
        team's receiver can raise (the kept ones were read at start)."""
        acks_after = time.time() - 60   # the moment written by an acknowledging process may lag ours a bit
        mirror_after = acks_after
        while True:
            await asyncio.sleep(FOLLOW_SECONDS)
            try:
                # In the writer's thread, between its batches: no thread or connection of its own
                # every second (and no Python running off the loop that the window does not know).
                acks = await asyncio.wrap_future(
                    self.receiver.writer.submit(functools.partial(acknowledgements_since, after=acks_after)))
                for key, since, by, at, note in acks:
                    acks_after = max(acks_after, at)
                    self.alarms.acknowledge(key, by, note, when=at, since=since)
                if not self.listen:
                    changed = await asyncio.wrap_future(self.receiver.writer.submit(
                        # A receiver writes its alarms a moment after their time: look a little back.
                        functools.partial(alarms_changed_since, kinds=FROM_RECEIVER, after=mirror_after - 5)))
                    for fields in changed:
                        mirror_after = max(mirror_after, fields["last"], fields["resolved_at"] or 0)
                        self.alarms.mirror(Alarm(**fields))
                await self._follow_tunnel_settings()
            except Exception:  # the receiver runs on; the next change gets another try
                log.exception("following changes by other processes failed")

    async def test_push(self, sid: int, url: str | None = None) -> SelftestResult:
        """ClassIn's registration test, signed with the school's saved secret, to
        this receiver (or `url`: the public URL, through the tunnel), and whether
        it was stored. The one test push (Settings, first run, the tunnel panel;
        `selftest` on the command line)."""
        school = self.config.current().schools[sid]
        return await run_selftest(url or self.receiver.url, sid, school.secret, db=self.receiver.db)

    def acknowledge(self, key: str, note: str | None = None) -> None:
        """The desk acknowledges an alarm: recorded with this computer's user name
        (the store writes it for every process on the data)."""
        self.alarms.acknowledge(key, desk_user(), note)

    # -- names of schools, lessons and users for the alarms' words (alarms.texts.Names) -----
    def school_name(self, sid: int) -> str | None:
        school = self.config.current().schools.get(sid)
        return school.name if school is not None and school.name else None

    def lesson_name(self, class_id: int) -> str | None:
        state = self.school.lessons.get(class_id)
        return state.schedule.get("class_name") if state is not None else None

    def user_name(self, uid: int) -> str | None:
        name = self.school.names.get(uid)
        if name is None:
            for lesson in self.school.lessons.values():
                person = lesson.participants.get(uid)
                if person is not None and person.nickname:
                    return person.nickname
        return name
