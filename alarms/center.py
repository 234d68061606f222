"""AlarmCenter: raises, updates and resolves alarms from what happens.

Fed on the event loop by the receiver (refused / stored / duplicate / storage
failures), by lesson events (help requests, device checks, network reports),
by the tunnel's state, and by `tick(now)` once in a while for the rules that
depend on time passing (silence, re-sends calming down).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Collection, Iterable

from lessons.events import DeviceCheckReport, Event, Exit, HelpRequest, NetReport
from receiver.events import HeldPromoted, PushDuplicate, PushHeld, PushRefused, PushStored, StorageFailed

from .events import AlarmEvent
from .model import Alarm
from .texts import Names

log = logging.getLogger(__name__)

Subscriber = Callable[[AlarmEvent], None]

# Kinds about one lesson: once it is no longer running they are history.
LESSON_KINDS = ("help_request", "device", "network")
# Kinds about a school's queue or the whole desk: they carry the live lessons they hit
# (params["lessons"]: [sid, class_id] pairs), so the desk knows whom to tell.
SCHOOL_KINDS = ("stuck_push", "silence")
DESK_KINDS = ("tunnel", "storage")
LiveLessons = Callable[[], Iterable[tuple[int | None, int]]]
GOOD_PERIODS = 2    # a user's network counts as good again after this many good 5-minute reports in a row


@dataclass
class AlarmSettings:
    silence_seconds: float = 180.0     # pushes flow all lesson long (Net every 5 min per user, and more)
    resent_quiet_seconds: float = 600.0
    device_alarms: bool = True
    network_alarms: bool = True


class AlarmCenter:
    def __init__(self, settings: AlarmSettings | None = None, names: Names | None = None,
                 live: LiveLessons | None = None):
        """`live()`: (sid, class_id) of each lesson running now."""
        self.settings = settings or AlarmSettings()
        self.names = names      # how subscribers' records name schools, lessons, users
        self.live = live or (lambda: ())
        self.alarms: dict[str, Alarm] = {}
        self._subscribers: list[Subscriber] = []
        self.last_push_by_sid: dict[int, float] = {}

    # -- listening ------------------------------------------------------------------------
    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """`callback(AlarmEvent)` on the event loop after every change (keep it quick:
        hand slow work such as sending to a task). Returns the unsubscribe function."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def _changed(self, alarm: Alarm, change: str) -> None:
        event = AlarmEvent(change, alarm, self.names)
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:   # one broken listener (a view, a channel) must not stop the others
                log.exception("alarm listener failed")

    # -- what other parts of the core raise (relay, storage, verification ...) -------------
    def raise_kind(self, kind: str, subject: Any = None, *, when: float | None = None,
                   sid: int | None = None, class_id: int | None = None, uid: int | None = None,
                   reason_code: str | None = None, **params) -> Alarm:
        """Raise (or count again) the alarm of `kind` about `subject` (a relay
        destination's name, a SID; None when the kind has one alarm only)."""
        return self.raise_(_key(kind, subject), kind, time.time() if when is None else when, sid=sid,
                           class_id=class_id, uid=uid, reason_code=reason_code, params=params)

    def resolve_kind(self, kind: str, subject: Any = None, *, when: float | None = None) -> None:
        self.resolve(_key(kind, subject), time.time() if when is None else when)

    # -- bookkeeping -------------------------------------------------------------------
    def raise_(self, key: str, kind: str, when: float, **fields) -> Alarm:
        alarm = self.alarms.get(key)
        wide = kind in SCHOOL_KINDS or kind in DESK_KINDS
        if alarm is None or not alarm.open:
            if wide:    # counted as it opens, then again at each tick (not at each re-send)
                fields["params"] = {**fields.get("params", {}), "lessons": self._hit(kind, fields.get("sid"))}
            alarm = Alarm(key=key, kind=kind, since=when, last=when, **fields)
            self.alarms[key] = alarm
            change = "opened"
        else:
            alarm.last = when
            alarm.count += 1
            if wide and "params" in fields and "lessons" in alarm.params:
                fields["params"] = {**fields["params"], "lessons": alarm.params["lessons"]}
            for name, value in fields.items():
                setattr(alarm, name, value)
            change = "updated"
        self._changed(alarm, change)
        return alarm

    def _hit(self, kind: str, sid: int | None) -> list[list[int]]:
        """The live lessons an alarm of `kind` about `sid` hits: that school's (none
        for a push without SID), or every school's for the tunnel and storage."""
        if kind in SCHOOL_KINDS and sid is None:
            return []
        return sorted([s, c] for s, c in self.live() if s is not None and (kind in DESK_KINDS or s == sid))

    def _recount_hit(self) -> None:
        for alarm in self.alarms.values():
            if alarm.open and (alarm.kind in SCHOOL_KINDS or alarm.kind in DESK_KINDS):
                hit = self._hit(alarm.kind, alarm.sid)
                if alarm.params.get("lessons") != hit:
                    alarm.params = {**alarm.params, "lessons": hit}
                    self._changed(alarm, "updated")

    def resolve(self, key: str, when: float) -> None:
        alarm = self.alarms.get(key)
        if alarm is not None and alarm.open:
            alarm.resolved_at = when
            self._changed(alarm, "resolved")

    def resolve_where(self, when: float, predicate: Callable[[Alarm], bool]) -> None:
        for alarm in [a for a in self.alarms.values() if a.open and predicate(a)]:
            self.resolve(alarm.key, when)

    def acknowledge(self, key: str, by: str | None = None, note: str | None = None,
                    when: float | None = None, since: float | None = None) -> None:
        """`since`: the episode acknowledged (another process's acknowledgement of
        an alarm resolved and raised anew meanwhile is not this one's)."""
        alarm = self.alarms.get(key)
        if alarm is None or alarm.acknowledged or (since is not None and since != alarm.since):
            return
        alarm.acknowledged = True
        alarm.acknowledged_by, alarm.ack_note = by, note
        alarm.acknowledged_at = time.time() if when is None else when
        self._changed(alarm, "acknowledged")

    def restore(self, alarms: Iterable[Alarm]) -> None:
        """Alarms as they were before a restart (acknowledged or not); one raised
        since this start wins over its old self."""
        for alarm in alarms:
            if alarm.key not in self.alarms:
                self.alarms[alarm.key] = alarm
                self._changed(alarm, "restored")

    def mirror(self, alarm: Alarm) -> None:
        """An alarm as another process keeps it (a team desk shows the team
        receiver's blocked queue, relay and re-sends): taken over whole unless
        nothing changed; this desk's acknowledgement of the same episode stays."""
        mine = self.alarms.get(alarm.key)
        if mine is not None:
            if (mine.since, mine.last, mine.count, mine.resolved_at) == \
                    (alarm.since, alarm.last, alarm.count, alarm.resolved_at):
                return
            if mine.acknowledged and not alarm.acknowledged and mine.since == alarm.since:
                alarm.acknowledged, alarm.acknowledged_by = True, mine.acknowledged_by
                alarm.acknowledged_at, alarm.ack_note = mine.acknowledged_at, mine.ack_note
        self.alarms[alarm.key] = alarm
        self._changed(alarm, "mirrored")

    def open_alarms(self) -> list[Alarm]:
        """Most urgent first: severity (a help request above a network warning), then newest."""
        return sorted((a for a in self.alarms.values() if a.open),
                      key=lambda a: (-a.severity, -a.last))

    # -- receiver ------------------------------------------------------------------------
    def _contact(self, sid: int | None, when: float) -> None:
        """Anything arriving from a school (stored, re-sent, refused) shows the
        path from ClassIn works: a blocked queue re-sending every 10 s is a stuck
        push, not silence."""
        if sid is not None:
            self.last_push_by_sid[sid] = max(when, self.last_push_by_sid.get(sid, when))
            self.resolve(f"silence:{sid}", when)

    def on_receiver_event(self, event) -> None:
        if getattr(event, "source", "classin") != "classin":
            # Gensee has no queue to block and no SID: its refusals are in quarantine,
            # its rooms have their own alarm (gensee_leaves).
            if isinstance(event, PushStored):
                self.resolve("storage", event.received_at)
            elif isinstance(event, StorageFailed):
                self.raise_("storage", "storage", event.received_at, params={"reason": event.reason})
            return
        if isinstance(event, (PushRefused, PushStored, PushDuplicate, PushHeld)):
            self._contact(event.sid, event.received_at)
        if isinstance(event, PushHeld):
            # Acked, so the queue moves; but these pushes count nowhere until the secret is fixed.
            self.resolve(f"stuck:{event.sid}", event.received_at)
            self.raise_(f"verification:{event.sid}", "verification", event.received_at, sid=event.sid,
                        reason_code=event.cause, params={"reason": event.reason, "cmd": event.cmd})
        elif isinstance(event, HeldPromoted):
            if event.remaining == 0:
                self.resolve(f"verification:{event.sid}", event.received_at)
        if isinstance(event, PushRefused):
            self.raise_(f"stuck:{event.sid}", "stuck_push", event.received_at, sid=event.sid,
                        reason_code=event.reason_code,
                        params={"qkey": event.qkey, "cmd": event.cmd, "class_id": event.class_id,
                                "reason": event.reason, "status": event.status,
                                "attempts": event.attempts, "first_seen": event.first_seen,
                                "kept": event.stored_in_quarantine})
        elif isinstance(event, PushStored):
            # The queue moved: whatever blocked it (for this school, or a body
            # without SID) was accepted or released.
            self.resolve(f"stuck:{event.sid}", event.received_at)
            if event.released:  # a released body without a usable SID
                self.resolve("stuck:None", event.received_at)
            self.resolve("storage", event.received_at)
        elif isinstance(event, PushDuplicate):
            self.raise_(f"resent:{event.sid}", "resent", event.received_at, sid=event.sid,
                        params={"cmd": event.cmd})
        elif isinstance(event, StorageFailed):
            self.raise_("storage", "storage", event.received_at, sid=event.sid,
                        params={"reason": event.reason})

    # -- lessons ---------------------------------------------------------------------------
    def on_lesson_event(self, event: Event, live: bool) -> None:
        """`live`: the event's lesson is running now (problems of past lessons are history)."""
        if isinstance(event, HelpRequest):
            key = f"help_request:{event.class_id}:{event.msg_id or event.time}"
            # The same request again (the live lessons' requests are fed again at
            # start) keeps its alarm as the desk left it: acknowledged, resolved.
            if key not in self.alarms:
                self.raise_(key, "help_request", event.received_at, sid=event.sid, class_id=event.class_id,
                            uid=event.uid,
                            params={"message": event.message, "users": list(event.users), "time": event.time})
        elif isinstance(event, DeviceCheckReport) and event.check.kind == "in-class":
            if event.check.has_problem and live and self.settings.device_alarms:
                self._user_trouble("device", event, list(event.check.problems))
            elif not event.check.has_problem:   # the re-check passes
                self._user_fine("device", event.class_id, event.uid, event.received_at)
        elif isinstance(event, NetReport):
            if event.sample.has_problem and live and self.settings.network_alarms:
                self._user_trouble("network", event, list(event.sample.problems),
                                   trouble_at=event.sample.trouble_at)
            elif not event.sample.has_problem:
                self._user_fine("network", event.class_id, event.uid, event.received_at,
                                periods=GOOD_PERIODS)
        elif isinstance(event, Exit):
            for kind in ("device", "network"):    # whoever left has no trouble in this lesson any more
                self._user_fine(kind, event.class_id, event.uid, event.received_at, periods=1)

    def _user_trouble(self, kind: str, event: Event, problems: list[str], **extra) -> None:
        """One alarm per lesson and kind, listing each user in trouble: ten students
        on one bad school Wi-Fi are one thing to look at, not ten."""
        key = f"{kind}:{event.class_id}"
        alarm = self.alarms.get(key)
        users = dict(alarm.params.get("users", {})) if alarm is not None and alarm.open else {}
        good = dict(alarm.params.get("good", {})) if alarm is not None and alarm.open else {}
        users[str(event.uid)] = problems
        good.pop(str(event.uid), None)
        self.raise_(key, kind, event.received_at, sid=event.sid, class_id=event.class_id, uid=event.uid,
                    params={"users": users, "good": good, **extra})

    def _user_fine(self, kind: str, class_id: int | None, uid: int | None, when: float,
                   periods: int = 1) -> None:
        """`uid` reported fine (`periods` times in a row take it off the alarm); the
        alarm resolves when nobody is left on it."""
        alarm = self.alarms.get(f"{kind}:{class_id}")
        if alarm is None or not alarm.open or str(uid) not in alarm.params.get("users", {}):
            return
        good = dict(alarm.params.get("good", {}))
        good[str(uid)] = good.get(str(uid), 0) + 1
        if good[str(uid)] < periods:
            alarm.params = {**alarm.params, "good": good}
            self._changed(alarm, "updated")
            return
        users = dict(alarm.params["users"])
        del users[str(uid)]
        good.pop(str(uid))
        alarm.params = {**alarm.params, "users": users, "good": good}
        if users:
            self._changed(alarm, "updated")
        else:
            self.resolve(alarm.key, when)

    # -- gensee ----------------------------------------------------------------------------
    def on_gensee_rooms(self, now: float, bursts: Iterable, live_rooms: Collection[str]) -> None:
        """Many abnormal leaves (110) in one room within a short window: the
        school's network or Gensee itself, not one student's Wi-Fi. Trouble of a
        live room only: a burst is over with its room's session."""
        self.resolve_where(now, lambda a: a.kind == "gensee_leaves" and a.params.get("class_no") not in live_rooms)
        for burst in bursts:
            if burst.class_no not in live_rooms:
                continue
            key = f"gensee_leaves:{burst.class_no}:{int(burst.start)}"
            if key in self.alarms:  # the same burst is found again at every tick
                continue
            self.raise_(key, "gensee_leaves", burst.end,
                        params={"class_no": burst.class_no, "count": burst.count,
                                "start": burst.start, "end": burst.end,
                                "operators": list(burst.operators)[:20]})

    # -- tunnel -------------------------------------------------------------------------------
    def on_tunnel(self, healthy: bool, reason: str | None, when: float) -> None:
        if healthy:
            self.resolve("tunnel", when)
        else:
            self.raise_("tunnel", "tunnel", when, params={"reason": reason})

    # -- time -------------------------------------------------------------------------------
    def tick(self, now: float, live_sids: Iterable[int], tunnel_reason: str | None = None) -> None:
        """`live_sids`: schools with a lesson running now."""
        for sid in live_sids:
            last = self.last_push_by_sid.get(sid)
            if last is not None and now - last >= self.settings.silence_seconds:
                key = f"silence:{sid}"
                if key not in self.alarms or not self.alarms[key].open:
                    self.raise_(key, "silence", now, sid=sid,
                                params={"last_push_at": last, "tunnel": tunnel_reason})
        quiet = self.settings.resent_quiet_seconds
        self.resolve_where(now, lambda a: a.kind == "resent" and now - a.last >= quiet)
        self._recount_hit()     # lessons start and end while a queue stays blocked

    def lessons_over(self, now: float, live_class_ids: Collection[int]) -> None:
        """Resolve the help requests and device/network problems of lessons no
        longer running (ended while the app was down, too)."""
        self.resolve_where(now, lambda a: a.kind in LESSON_KINDS and a.class_id not in live_class_ids)


def _key(kind: str, subject: Any) -> str:
    return kind if subject is None else f"{kind}:{subject}"
