"""What the window may ask the running core and tell it: gui/ holds a Desk,
never the core's parts (receiver, alarm center, lesson state, relay, tunnel,
channels). A view that needs something new asks for it here, so the core's
insides can change without the window noticing."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from alarms.center import AlarmSettings
from alarms.channels.dispatcher import DeliveryState, send_test
from alarms.model import Alarm
from lessons.events import Event
from lessons.gensee_rooms import GenseeState
from lessons.state import LessonState, SchoolState
from storage.relay import DestinationStatus
from storage.config import AlarmChannel, ConfigStore
from tunnel.selftest import SelftestResult
from tunnel.service import TunnelStatus
from tunnel.settings import TunnelSettings

from .core import Monitor
from .rebuild import Rebuilt, rebuild_monitored


class Desk:
    def __init__(self, core: Monitor):
        self._core = core

    # -- where it runs --------------------------------------------------------------------
    @property
    def config(self) -> ConfigStore:
        return self._core.config

    @property
    def data_dir(self) -> Path:
        return self._core.data_dir

    @property
    def started(self) -> bool:
        return self._core.started

    @property
    def listens(self) -> bool:
        """False on a team desk: the team's `serve` receives (and rebuilds the store)."""
        return self._core.listen

    def receiver_url(self) -> str | None:
        """The running receiver's base URL; None while it is not listening."""
        return self._core.receiver.url

    def listen_address(self) -> tuple[str, int]:
        return self._core.host, self._core.port

    def stats(self):
        """The receiver's counters (pushes in the last minute, last push, held pushes per SID)."""
        return self._core.receiver.stats

    def team_link(self) -> tuple[bool, str | None] | None:
        """A team desk's link to the team's store: (connected, why not); None on a desk of its own."""
        team = self._core.team
        return None if team is None else (team.connected, team.reason)

    # -- lessons -------------------------------------------------------------------------------
    @property
    def school(self) -> SchoolState:
        return self._core.school

    @property
    def gensee(self) -> GenseeState:
        return self._core.gensee

    def live_lessons(self, now: float | None = None) -> list[LessonState]:
        return self._core.live_lessons(now)

    def live_lesson(self, class_id: int) -> LessonState | None:
        """The lesson's state if it is live now, else None."""
        return self._core.live_lesson(class_id)

    def lesson(self, class_id: int | None) -> LessonState | None:
        return self._core.school.lessons.get(class_id) if class_id is not None else None

    def user_check(self, uid: int):
        """The user's last device check outside a lesson (lessons.state), or None."""
        return self._core.school.user_checks.get(uid)

    # names for alarms.texts.Names
    def school_name(self, sid: int) -> str | None:
        return self._core.school_name(sid)

    def lesson_name(self, class_id: int) -> str | None:
        return self._core.lesson_name(class_id)

    def user_name(self, uid: int) -> str | None:
        return self._core.user_name(uid)

    def rebuild(self, *, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Rebuilt:
        """In a thread: the store's derived tables anew (app.rebuild)."""
        return rebuild_monitored(self._core, progress=progress, cancelled=cancelled)

    # -- alarms ----------------------------------------------------------------------------------
    def alarms(self) -> list[Alarm]:
        """Every alarm of this session, resolved ones too."""
        return list(self._core.alarms.alarms.values())

    def open_alarms(self) -> list[Alarm]:
        return self._core.alarms.open_alarms()

    def alarm(self, key: str) -> Alarm | None:
        return self._core.alarms.alarms.get(key)

    def last_push_at(self, sid: int) -> float | None:
        return self._core.alarms.last_push_by_sid.get(sid)

    def use_alarm_settings(self, settings: AlarmSettings) -> None:
        self._core.alarms.settings = settings

    def acknowledge(self, key: str, note: str | None = None) -> None:
        self._core.acknowledge(key, note)

    # -- receiving ---------------------------------------------------------------------------------
    async def release(self, qkey: str):
        """Let ClassIn's next re-send of a refused push through (flagged)."""
        return await self._core.receiver.release(qkey)

    async def test_push(self, sid: int, url: str | None = None) -> SelftestResult:
        return await self._core.test_push(sid, url)

    # -- tunnel ------------------------------------------------------------------------------------
    def tunnel_status(self) -> TunnelStatus | None:
        """The current tunnel's status; None without a tunnel."""
        tunnel = self._core.tunnel
        return tunnel.status if tunnel is not None else None

    async def apply_tunnel_settings(self, settings: TunnelSettings) -> None:
        await self._core.apply_tunnel_settings(settings)

    # -- relay -------------------------------------------------------------------------------------
    async def relay_status(self) -> list[DestinationStatus]:
        return await self._core.relay.status()

    def relay_retry_now(self, name: str) -> None:
        self._core.relay.retry_now(name)

    async def relay_set_paused(self, name: str, paused: bool) -> None:
        await self._core.relay.set_paused(name, paused)

    async def relay_replay(self, name: str, start: float, end: float) -> int:
        return await self._core.relay.replay(name, start, end)

    # -- chat channels -----------------------------------------------------------------------------
    def channel_states(self) -> dict[str, DeliveryState]:
        return self._core.channels.states()

    def channel_zone(self) -> str:
        """The zone the channels' messages give times in when no school is named."""
        return self._core.channels.composer.zone(None)

    async def send_test(self, channel: AlarmChannel) -> str | None:
        """A test message in the desk's language; why it failed, or None."""
        return await send_test(channel, self._core.channels.composer)

    # -- what happens -------------------------------------------------------------------------------
    def listen(self, *, pushes: Callable[[Event, LessonState | None], None], receiver: Callable[[Any], None],
               alarms: Callable[[Alarm], None], gensee: Callable[[dict], None],
               tunnel: Callable[[TunnelStatus | None], None]) -> None:
        """Applied pushes, the receiver's events, alarm changes, stored Gensee
        calls and the tunnel's status, as they happen (on the loop)."""
        core = self._core
        core.event_listeners.append(pushes)
        core.receiver.listeners.append(receiver)
        core.alarms.subscribe(lambda event: alarms(event.alarm))
        core.gensee_listeners.append(gensee)
        core.tunnel_listeners.append(tunnel)
