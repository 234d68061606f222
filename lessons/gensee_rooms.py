"""Gensee rooms from stored callback calls. Pure Python: no Qt, no HTTP, no database.

    state = replay(calls, policy)      calls: (received_at, payload dict) pairs, any order
    state.feed(received_at, payload)   one more call (the app's live feed, in receive order)

Gensee sends no timestamps: the receive time is the event time. Rooms are
keyed by ClassNo (opaque string). One room may hold several sessions (a
training classroom is reused): 101/102/103/104 after a stop open a new one,
anything else (late 107/110, the 106 that fires with a 105) stays with the
session just ended. Status comes from what was seen, not from the order of
codes that fire together (101+102, 101+102+103): "paused" lasts until the
next 103 or 105, and a session without 105 is closed after an idle time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any, Iterable, NamedTuple

from protocol import gensee as g

# Session.status values
OPEN = "open"            # calls seen, neither created nor started (ClassWatch joined mid-session)
CREATED = "created"      # 102: the first client is in, not started yet
LIVE = "live"
PAUSED = "paused"
STOPPED = "stopped"      # 105
IDLE_CLOSED = "closed"   # no 105 came: closed by IdlePolicy


@dataclass(frozen=True, slots=True)
class IdlePolicy:
    """When a session without 105 counts as over. Gensee itself stops a room 5 min
    after the last client left, so an empty room closes soon; an occupied room
    can be quiet for hours (a lecture with a stable audience sends nothing)."""
    idle_close_s: float = 6 * 3600
    empty_close_s: float = 3 * g.AUTO_STOP_SECONDS

    def expired(self, session: Session, now: float) -> bool:
        quiet = now - session.last_call_at
        empty = bool(session.user_counts) and session.user_counts[-1].value == 0
        return quiet > (self.empty_close_s if empty else self.idle_close_s)


class Sample(NamedTuple):
    time: float
    value: int


@dataclass(slots=True)
class Pause:
    start: float
    end: float | None = None


@dataclass(slots=True)
class Attendee:
    operator: str
    joins: list[float] = field(default_factory=list)            # 101
    leaves: list[float] = field(default_factory=list)           # 107
    abnormal_leaves: list[float] = field(default_factory=list)  # 110: highlight these
    end_pages: list[float] = field(default_factory=list)        # end page opened: also a "left" signal

    @property
    def inside(self) -> bool:
        """Joined after the last leave signal of any kind."""
        last_join = max(self.joins, default=None)
        last_leave = max(self.leaves + self.abnormal_leaves + self.end_pages, default=None)
        return last_join is not None and (last_leave is None or last_join > last_leave)


@dataclass(slots=True)
class Session:
    class_no: str
    policy: IdlePolicy = field(repr=False)
    opened_at: float
    last_call_at: float
    created_at: float | None = None
    started_at: float | None = None
    stopped_at: float | None = None
    idle_closed_at: float | None = None   # set once a later call proved the session over
    pauses: list[Pause] = field(default_factory=list)
    attendees: dict[str, Attendee] = field(default_factory=dict)
    user_counts: list[Sample] = field(default_factory=list)      # totalusernum over time
    recordings: list[float] = field(default_factory=list)        # 106
    abnormal_leaves: list[tuple[float, str | None]] = field(default_factory=list)

    def status(self, now: float) -> str:
        if self.stopped_at is not None:
            return STOPPED
        if self.ended_at(now) is not None:
            return IDLE_CLOSED
        if self.pauses and self.pauses[-1].end is None:
            return PAUSED
        if self.started_at is not None:
            return LIVE
        return CREATED if self.created_at is not None else OPEN

    def ended_at(self, now: float) -> float | None:
        """105's time; without 105, the last call before the idle close (nothing happened after)."""
        if self.stopped_at is not None:
            return self.stopped_at
        if self.idle_closed_at is not None:
            return self.idle_closed_at
        return self.last_call_at if self.policy.expired(self, now) else None

    def present(self, now: float) -> list[str]:
        """Operators inside right now (nobody once the session is over)."""
        if self.ended_at(now) is not None:
            return []
        return sorted(op for op, a in self.attendees.items() if a.inside)

    @property
    def user_count(self) -> int | None:
        return self.user_counts[-1].value if self.user_counts else None

    @property
    def abnormal_leave_count(self) -> int:
        return len(self.abnormal_leaves)

    def _apply(self, t: float, action: int, operator: str | None, total: int | None) -> None:
        self.last_call_at = max(self.last_call_at, t)
        if total is not None:
            self.user_counts.append(Sample(t, total))
        open_pause = self.pauses[-1] if self.pauses and self.pauses[-1].end is None else None
        if action == g.MEETING_CREATED and self.created_at is None:
            self.created_at = t
        elif action == g.STARTED:
            self.started_at = t if self.started_at is None else self.started_at
            if open_pause:
                open_pause.end = t
        elif action == g.PAUSED and open_pause is None:
            self.pauses.append(Pause(t))
        elif action == g.STOPPED and self.stopped_at is None:
            self.stopped_at = t
            if open_pause:
                open_pause.end = t
        elif action == g.RECORDING_PRODUCED:
            self.recordings.append(t)
        elif action == g.ABNORMAL_LEAVE:
            self.abnormal_leaves.append((t, operator))
        if operator is not None and action in (g.USER_JOINED, g.LEFT, g.ABNORMAL_LEAVE):
            who = self.attendees.setdefault(operator, Attendee(operator))
            times = {g.USER_JOINED: who.joins, g.LEFT: who.leaves, g.ABNORMAL_LEAVE: who.abnormal_leaves}
            times[action].append(t)


@dataclass(slots=True)
class Room:
    class_no: str
    sessions: list[Session] = field(default_factory=list)

    @property
    def current(self) -> Session:
        return self.sessions[-1]

    def status(self, now: float) -> str:
        return self.current.status(now)

    @property
    def user_counts(self) -> list[Sample]:
        return [s for session in self.sessions for s in session.user_counts]


@dataclass(slots=True)
class VodView:
    operator: str | None
    started_at: float | None        # None: we saw only the 112
    ended_at: float | None = None   # 112 may come well after the user left (§4)


@dataclass(slots=True)
class Video:
    """One VOD / courseware (its ClassNo). No audience size here: the 111/112
    `totalusernum` counts the whole site (GenseeState.vod_site_viewers)."""
    class_no: str
    views: list[VodView] = field(default_factory=list)

    @property
    def viewers(self) -> set[str | None]:
        return {v.operator for v in self.views}

    def watching(self, now: float, policy: IdlePolicy) -> list[str | None]:
        """Operators whose latest view has no 112 yet (a lost 112 expires with the idle time)."""
        latest: dict[str | None, VodView] = {}
        for view in self.views:
            latest[view.operator] = view
        return [op for op, v in latest.items() if v.ended_at is None and v.started_at is not None
                and now - v.started_at <= policy.idle_close_s]

    def _apply(self, t: float, action: int, operator: str | None) -> None:
        if action == g.VOD_STARTED:
            self.views.append(VodView(operator, t))
            return
        mine = [v for v in self.views if v.operator == operator]
        if mine and mine[-1].ended_at is None:
            mine[-1].ended_at = t
        else:
            self.views.append(VodView(operator, None, t))


@dataclass(frozen=True, slots=True)
class QaEntry:
    received_at: float
    source: str                 # "client" (XML, published/answered only) | "web" (every question)
    kind: str                   # "question" | "answer"
    webcast_id: str | None
    id: str | None
    question_id: str | None     # an answer's question, when nested in it
    uid: str | None
    uname: str | None
    text: str
    time: int | None            # the client's own time attribute (unix seconds), if any


@dataclass(frozen=True, slots=True)
class PageHit:
    """A roll-call page (conf_id = webcastid) or end page (conf_id = confid) opened."""
    received_at: float
    userid: str | None
    conf_id: str | None
    username: str | None = None


@dataclass(frozen=True, slots=True)
class LeaveBurst:
    class_no: str
    start: float
    end: float
    operators: tuple[str | None, ...]

    @property
    def count(self) -> int:
        return len(self.operators)


class GenseeState:
    def __init__(self, policy: IdlePolicy | None = None) -> None:
        self.policy = policy or IdlePolicy()
        self.rooms: dict[str, Room] = {}
        self.videos: dict[str, Video] = {}
        self.vod_site_viewers: list[Sample] = []   # site-wide totalusernum of 111/112
        self.rollcalls: list[PageHit] = []
        self.end_pages: list[PageHit] = []
        # A re-sent client question (published, later answered) replaces its older entry.
        self._qa: dict[tuple, tuple[int, QaEntry]] = {}
        self._seq = 0

    # -- input -------------------------------------------------------------------------
    def feed(self, received_at: float, payload: Mapping[str, Any]) -> None:
        if not isinstance(payload, Mapping):
            return
        endpoint = payload.get("endpoint")
        fields = g.params(payload)
        if endpoint in g.CODED_ENDPOINTS:
            # By code, not endpoint: a URL pasted into the wrong setting still works.
            action = g.as_count(g.get(fields, g.ACTION))
            class_no = g.get(fields, g.CLASS_NO)
            if class_no is None or action is None:
                return
            operator = g.user_id(g.get(fields, g.OPERATOR))
            total = g.as_count(g.get(fields, g.TOTAL_USERS))
            if action in g.ROOM_ACTIONS:
                self._session_for(class_no, received_at, action)._apply(received_at, action, operator, total)
            elif action in g.VOD_ACTIONS:
                self.videos.setdefault(class_no, Video(class_no))._apply(received_at, action, operator)
                if total is not None:
                    self.vod_site_viewers.append(Sample(received_at, total))
        elif endpoint == "qa":
            self._client_qa(received_at, payload.get("body"))
        elif endpoint == "qa-web":
            self._add_qa(("web", self._seq), QaEntry(
                received_at, "web", "question", g.get(fields, g.WEBCAST_ID), None, None,
                g.get(fields, g.USER_ID), g.get(fields, g.NAME), g.get(fields, g.QUESTION) or "", None))
        elif endpoint == "rollcall":
            self.rollcalls.append(PageHit(received_at, g.get(fields, g.USER_ID), g.get(fields, g.WEBCAST_ID)))
        elif endpoint == "end":
            hit = PageHit(received_at, g.get(fields, g.USER_ID), g.get(fields, g.CONF_ID),
                          g.get(fields, g.USERNAME))
            self.end_pages.append(hit)
            self._end_page_left(hit)

    def _session_for(self, class_no: str, t: float, action: int) -> Session:
        room = self.rooms.setdefault(class_no, Room(class_no))
        if room.sessions:
            current = room.current
            # Freeze an idle close now: a late call must not bring the session back to life.
            ended = current.ended_at(t)
            if ended is not None and current.stopped_at is None:
                current.idle_closed_at = ended
            if ended is None or action not in g.SESSION_OPENING_ACTIONS:
                return current
        room.sessions.append(Session(class_no, self.policy, opened_at=t, last_call_at=t))
        return room.current

    def _end_page_left(self, hit: PageHit) -> None:
        room = self.rooms.get(hit.conf_id or "")
        who = room.current.attendees.get(hit.userid or "") if room else None
        if who is not None:
            who.end_pages.append(hit.received_at)

    def _client_qa(self, received_at: float, body: Any) -> None:
        try:
            doc = g.parse_qa_xml(body if isinstance(body, str) else "")
        except g.XmlRefused:
            return
        for item in doc.items:
            key = ("client", item.kind, item.id) if item.id else ("client", self._seq)
            self._add_qa(key, QaEntry(received_at, "client", item.kind, doc.webcast_id, item.id,
                                      item.question_id, item.uid, item.uname, item.text, item.time))

    def _add_qa(self, key: tuple, entry: QaEntry) -> None:
        self._seq += 1
        self._qa[key] = (self._seq, entry)

    # -- views -------------------------------------------------------------------------
    def qa_feed(self, webcast_id: str | None = None) -> list[QaEntry]:
        """Questions and answers, newest first; optionally of one live."""
        entries = sorted(self._qa.values(), key=lambda se: (se[1].received_at, se[0]), reverse=True)
        return [e for _, e in entries if webcast_id is None or e.webcast_id == webcast_id]

    def live_now(self, now: float) -> list[Room]:
        """Rooms whose current session is live or paused."""
        return [r for r in self.rooms.values() if r.status(now) in (LIVE, PAUSED)]

    def bulk_abnormal_leaves(self, window_s: float, threshold: int) -> list[LeaveBurst]:
        """Runs of at least `threshold` abnormal leaves (110) in one room within
        `window_s` seconds: a network outage at a school rather than one student's
        Wi-Fi. Each burst is as long as possible; bursts never overlap."""
        bursts = []
        for room in self.rooms.values():
            leaves = sorted((x for s in room.sessions for x in s.abnormal_leaves), key=lambda x: x[0])
            i = 0
            while i < len(leaves):
                j = i
                while j + 1 < len(leaves) and leaves[j + 1][0] - leaves[i][0] <= window_s:
                    j += 1
                if j - i + 1 >= threshold:
                    run = leaves[i:j + 1]
                    operators = tuple(op for _, op in run)
                    bursts.append(LeaveBurst(room.class_no, run[0][0], run[-1][0], operators))
                    i = j + 1
                else:
                    i += 1
        return sorted(bursts, key=lambda b: b.start)


def replay(calls: Iterable[tuple[float, Mapping[str, Any]]], policy: IdlePolicy | None = None) -> GenseeState:
    """State from stored calls; sorted by receive time first (stable for equal times)."""
    state = GenseeState(policy)
    for received_at, payload in sorted(calls, key=lambda c: c[0]):
        state.feed(received_at, payload)
    return state
