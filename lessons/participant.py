"""Everything known about one user in one lesson, and the numbers derived
from it. Live pushes fill the histories; once the End summary is there its
per-user numbers win (classin.md §10.1, monitoring-notes §8)."""
from __future__ import annotations

from protocol import classin as ci

from .diagnostics import DeviceCheck, NetSample
from .end_report import EndUser, Move
from .history import OnOffHistory, Switch, overlap_seconds

PRIMARY_CLIENT = 0


def _history_of(moves: tuple[Move, ...]) -> OnOffHistory:
    history = OnOffHistory()
    for seq, move in enumerate(moves):
        history.add(Switch(move.time, "", seq, move.entered, None))
    return history


class Participant:
    __slots__ = ("uid", "nickname", "_nickname_time", "identity", "device", "_device_time",
                 "presence", "hands", "stage", "mute", "authorize", "max_award_times",
                 "kicks", "net", "check", "end")

    def __init__(self, uid: int) -> None:
        self.uid = uid
        self.nickname: str | None = None
        self._nickname_time = -1
        self.identity: int | None = None
        self.device: int | None = None          # of the primary device's latest entry
        self._device_time = -1
        self.presence: dict[int, OnOffHistory] = {}   # ClientID -> enters (on) / exits (off, info=Reason)
        self.hands = OnOffHistory()
        self.stage = OnOffHistory()
        self.mute = OnOffHistory()
        self.authorize = OnOffHistory()
        self.max_award_times = 0
        self.kicks: list[tuple[int, int, int | None]] = []    # (time, seq, duration) from live pushes
        self.net: NetSample | None = None
        self.check: DeviceCheck | None = None
        self.end: EndUser | None = None

    # --- updates -----------------------------------------------------------------
    def note_nickname(self, nickname: str | None, time: int) -> None:
        if nickname and time >= self._nickname_time:
            self.nickname, self._nickname_time = nickname, time

    def note_device(self, device: int | None, time: int) -> None:
        if device is not None and time >= self._device_time:
            self.device, self._device_time = device, time

    def device_presence(self, client_id: int) -> OnOffHistory:
        history = self.presence.get(client_id)
        if history is None:
            history = self.presence[client_id] = OnOffHistory()
        return history

    # --- attendance ----------------------------------------------------------------
    def histories(self) -> dict[int, OnOffHistory]:
        """Presence per ClientID: End's In/Out lists when End came, else the live pushes."""
        if self.end is None or not self.end.moves:
            return self.presence
        result = {PRIMARY_CLIENT: _history_of(self.end.moves)}
        for deputy in self.end.deputies:
            result[deputy.client_id] = _history_of(deputy.moves)
        return result

    def primary(self) -> OnOffHistory:
        return self.histories().get(PRIMARY_CLIENT) or OnOffHistory()

    def present(self, end_time: int | None) -> bool:
        """In the room now (live) or when the lesson ended: any device counts."""
        devices = self.histories().values()
        if end_time is None:
            return any(h.is_on for h in devices)
        return any(h.on_at(end_time) for h in devices)

    def attended_seconds(self, until: int | None) -> int:
        """inoutEnd Total when End came; else the primary device's stays, an
        open one counted up to `until`. Deputies are the same person: not added."""
        end = self.end
        if end is not None and end.attended_seconds is not None:
            return end.attended_seconds
        live = self.primary().seconds(until)
        if end is None:
            return live
        # In End's other sections but not in its attendance (real summaries do
        # this): never less than the time End says the user spent in the room,
        # on stage and off (UpTotal + DownTotal = inoutEnd Total in ClassIn's example).
        return max(live, (end.stage_up_seconds or 0) + (end.stage_down_seconds or 0))

    def deputies(self) -> int:
        live = sum(1 for client in self.presence if client != PRIMARY_CLIENT)
        return max(live, len(self.end.deputies) if self.end else 0)

    def abnormal_exits(self) -> int:
        return sum(1 for history in self.presence.values() for s in history
                   if not s.on and s.info in ci.ABNORMAL_EXIT_REASONS)

    def last_exit_reason(self) -> int | None:
        last = self.presence.get(PRIMARY_CLIENT)
        exit_ = last.last_off() if last else None
        return exit_.info if exit_ else None

    # --- activity: End's numbers when present, else the live histories ----------------
    def _end_value(self, name: str) -> int | None:
        return getattr(self.end, name) if self.end is not None else None

    def hands_up_count(self) -> int:
        value = self._end_value("hands_up_count")
        return value if value is not None else self.hands.switch_ons()

    def hands_up_seconds(self, until: int | None) -> int:
        value = self._end_value("hands_up_seconds")
        return value if value is not None else self.hands.seconds(until)

    def awards(self) -> int:
        value = self._end_value("awards")
        return value if value is not None else self.max_award_times

    def stage_up_count(self) -> int:
        # Live pushes miss someone who entered already on stage; End counts that as one.
        value = self._end_value("stage_up_count")
        return value if value is not None else self.stage.switch_ons()

    def stage_seconds(self, until: int | None) -> int:
        value = self._end_value("stage_up_seconds")
        if value is not None:
            return value
        primary = self.primary()
        if not primary:     # enters not received (yet): being on stage implies being inside
            return self.stage.seconds(until)
        return overlap_seconds(self.stage.intervals(until), primary.intervals(until))

    def authorize_count(self) -> int:
        value = self._end_value("authorize_count")
        return value if value is not None else self.authorize.switch_ons()

    def authorize_seconds(self, until: int | None) -> int:
        value = self._end_value("authorize_seconds")
        return value if value is not None else self.authorize.seconds(until)

    def kick_count(self) -> int:
        end_kicks = self._end_value("kicks")
        return len(end_kicks) if end_kicks is not None else len(self.kicks)
