"""Gensee rooms, attendees, Q&A and VOD views as table rows.

Rows are plain frozen values computed from lessons.gensee_rooms.GenseeState;
each model's `update()` diffs them by key, so selection and scroll position
survive the view's refreshes (at most every 500 ms, never per call).

Everything a Gensee call carries is untrusted text: it is only ever shown as
plain text (DisplayRole), single-line and capped, with the full text (capped
too) in the tooltip. Gensee sends no time zone and no timestamps: times are
receive times, and with no school to take a zone from they are shown in the
desk's (each model's `zone()`: the first school's, as the chat robots give
them), labelled, as the room's exports give them too.
"""
from __future__ import annotations

from dataclasses import dataclass
import html
from typing import Any, Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from lessons.gensee_rooms import (CREATED, IDLE_CLOSED, LIVE, OPEN, PAUSED, STOPPED, Attendee,
                                  IdlePolicy, QaEntry, Room, Video)

from ..formatting import local_time, recent_time, zone_label
from .labels import named
from .table import CENTRE, KeyedTableModel, brush

CELL_CAP = 200        # characters shown in a cell (one line)
TIP_CAP = 2000        # characters shown in a tooltip

DARK = brush("#212121")
MUTED = brush("#757575")
GREEN = brush("#2e7d32")
ALERT_BG = brush("#f8d7da")
ALERT_FG = brush("#b71c1c")

# status -> (background, foreground, sign); the sign keeps the meaning without colour
STATUS_STYLE = {
    LIVE: ("#2e7d32", "white", "●"),
    PAUSED: ("#ef6c00", "white", "‖"),
    CREATED: ("#1565c0", "white", "○"),
    OPEN: ("#cfd8dc", "#212121", "◌"),
    STOPPED: ("#e0e0e0", "#616161", "■"),
    IDLE_CLOSED: ("#e0e0e0", "#616161", "□"),
}
# Live rooms first, then the ones about to be, then the ended ones.
STATUS_RANK = {LIVE: 5, PAUSED: 4, CREATED: 3, OPEN: 2, STOPPED: 1, IDLE_CLOSED: 0}
ENDED = (STOPPED, IDLE_CLOSED)


def one_line(text: str | None, cap: int = CELL_CAP) -> str:
    """Untrusted text for a table cell: no line breaks or control characters, capped."""
    if not text:
        return ""
    flat = "".join(ch if ch.isprintable() else " " for ch in text.replace("\r\n", " ").replace("\n", " "))
    flat = " ".join(flat.split())
    return flat if len(flat) <= cap else flat[:cap - 1] + "…"


def capped(text: str | None, cap: int = TIP_CAP) -> str:
    if not text:
        return ""
    return text if len(text) <= cap else text[:cap - 1] + "…"


def plain_tip(text: str | None, cap: int = TIP_CAP) -> str:
    """Untrusted text as a tooltip: Qt renders a tooltip that looks like HTML as
    HTML, so it is escaped inside an explicit rich-text tooltip (which also wraps)."""
    if not text:
        return ""
    return "<qt>{}</qt>".format(html.escape(capped(text, cap)).replace("\n", "<br>"))


def safe_time(unix: float | None, tz: str, with_date: bool = False) -> str:
    """local_time for a time from the outside (the client Q&A's `time`): any number
    may come, and one out of range must not break the table."""
    try:
        return local_time(unix, tz, with_date=with_date)
    except (OverflowError, ValueError, OSError):
        return str(unix)[:20]


def when(unix: float | None, tz: str, zone: bool = True) -> str:
    """The time alone today, with the date otherwise (today where it is shown);
    `zone`: followed by its zone, unless the column header says it."""
    try:
        return recent_time(unix, tz, zone=zone)
    except (OverflowError, ValueError, OSError):
        return str(unix)[:20]


class ZoneInHeaders:
    """A table's times all in one zone, `zone()`, asked for at each paint (the
    desk's schools and its choice of clock may change while it is open): the
    zone is named once, in the headers of the TIMES columns (首次进入（UTC+8）),
    and their cells are plain times (`time_cell`); tooltips name it (`when`)."""
    TIMES: tuple[str, ...] = ()
    COLUMNS: tuple[str, ...]
    zone: Callable[[], str]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        text = super().headerData(section, orientation, role)
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and self.COLUMNS[section] in self.TIMES):
            return named(text, zone_label(self.zone()))
        return text

    def time_cell(self, unix: float | None) -> str:
        return when(unix, self.zone(), zone=False)

    def when(self, unix: float | None) -> str:
        return when(unix, self.zone())


class GenseeModel(ZoneInHeaders, KeyedTableModel):
    """A Gensee table: its times in `zone()`."""

    def __init__(self, zone: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone


# --- rooms -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoomRow:
    key: str                    # ClassNo
    status: str
    live_since: float | None    # 103 of the current session, while live or paused
    started_at: float | None
    ended_at: float | None
    users: int | None           # last totalusernum
    joins: int
    inside: int                 # attendees inside now (by 101/107/110/end page)
    abnormal_leaves: int
    recordings: int
    last_call: float
    sessions: int


def room_row(room: Room, now: float) -> RoomRow:
    """The room's current session (a training classroom is reused: earlier sessions
    are counted in `sessions` only)."""
    session = room.current
    status = session.status(now)
    return RoomRow(
        key=room.class_no, status=status,
        live_since=session.started_at if status in (LIVE, PAUSED) else None,
        started_at=session.started_at, ended_at=session.ended_at(now), users=session.user_count,
        joins=sum(len(a.joins) for a in session.attendees.values()), inside=len(session.present(now)),
        abnormal_leaves=session.abnormal_leave_count, recordings=len(session.recordings),
        last_call=session.last_call_at, sessions=len(room.sessions))


class StatusLabels(QObject):
    """Translated status words; shared by the rooms model and the view's header."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = {LIVE: self.tr("live"), PAUSED: self.tr("paused"), CREATED: self.tr("created"),
                      OPEN: self.tr("open"), STOPPED: self.tr("stopped"), IDLE_CLOSED: self.tr("closed (idle)")}
        self.explanations = {
            LIVE: self.tr("Started (103) and not stopped."),
            PAUSED: self.tr("Paused (104) until the next start (103) or stop (105)."),
            CREATED: self.tr("The first client is in (102); the live has not started yet."),
            OPEN: self.tr("Calls arrived but no create or start: ClassWatch joined mid-session."),
            STOPPED: self.tr("Stopped (105)."),
            IDLE_CLOSED: self.tr("No stop (105) arrived: closed after a quiet period."),
        }

    def text(self, status: str) -> str:
        return "{} {}".format(STATUS_STYLE[status][2], self.words.get(status, status))


class RoomsModel(GenseeModel):
    COLUMNS = ("key", "status", "live_since", "users", "joins", "abnormal_leaves", "recordings", "last_call")
    TIMES = ("live_since", "last_call")

    def __init__(self, zone: Callable[[], str], parent=None) -> None:
        super().__init__(zone, parent)
        self.labels = StatusLabels(self)

    def headers(self) -> dict[str, str]:
        return {
            "key": self.tr("ClassNo"), "status": self.tr("Status"), "live_since": self.tr("Live since"),
            "users": self.tr("Users now"), "joins": self.tr("Joins"),
            "abnormal_leaves": self.tr("Abnormal leaves"), "recordings": self.tr("Recordings"),
            "last_call": self.tr("Last call"),
        }

    def text(self, row: RoomRow, column: str) -> str:
        if column == "key":
            return one_line(row.key, 64)
        if column == "status":
            return self.labels.text(row.status)
        if column in self.TIMES:
            return self.time_cell(getattr(row, column))
        if column == "users":       # nobody is in an ended room, whatever its last call said
            return "—" if row.users is None or row.status in ENDED else str(row.users)
        if column == "abnormal_leaves":
            return "⚠ {}".format(row.abnormal_leaves) if row.abnormal_leaves else "0"
        return str(getattr(row, column))

    def widest(self, column: str) -> list[str]:
        """Every text a column can show, for sizing it once (the status changes later)."""
        return [self.labels.text(status) for status in STATUS_STYLE] if column == "status" else []

    def sort_key(self, row: RoomRow, column: str) -> Any:
        if column == "status":      # live first, then by the latest call
            return STATUS_RANK.get(row.status, 0) * 1e11 + row.last_call
        return super().sort_key(row, column)

    def background(self, row: RoomRow, column: str) -> QBrush | None:
        if column == "status":
            return brush(STATUS_STYLE[row.status][0])
        if column == "abnormal_leaves" and row.abnormal_leaves:
            return ALERT_BG
        return None

    def foreground(self, row: RoomRow, column: str) -> QBrush | None:
        if column == "status":
            return brush(STATUS_STYLE[row.status][1])
        if column == "abnormal_leaves" and row.abnormal_leaves:
            return ALERT_FG
        if row.status in ENDED:
            return MUTED
        return None

    def tooltip(self, row: RoomRow, column: str) -> str | None:
        if column == "key":
            return plain_tip(row.key, 200)
        if column == "status":
            lines = [self.labels.explanations.get(row.status, "")]
            if row.started_at is not None:
                lines.append(self.tr("Started: {}").format(self.when(row.started_at)))
            if row.ended_at is not None:
                lines.append(self.tr("Ended: {}").format(self.when(row.ended_at)))
            if row.sessions > 1:
                lines.append(self.tr("Session {} of this room (the figures are this session's).").format(
                    row.sessions))
            return "\n".join(lines)
        if column == "users":
            if row.status in ENDED:
                return self.tr("The session is over; its last call reported totalusernum {}.").format(
                    "—" if row.users is None else row.users)
            return self.tr("totalusernum of the latest call: everyone in the meeting, as Gensee counts them. "
                           "{} user(s) inside by ClassWatch's own join/leave count.").format(row.inside)
        if column == "abnormal_leaves":
            return self.tr("Leaves with code 110: network break, crash, freeze or a player closed abnormally.")
        if column == "last_call":
            return self.tr("Gensee sends no times: this is when ClassWatch received the call.")
        return None

    def alignment(self, row: RoomRow, column: str) -> int | None:
        return CENTRE if column not in ("key", "status") else None


# --- attendees of one session ---------------------------------------------------------------
@dataclass(frozen=True)
class AttendeeRow:
    key: str                 # Operator (user ID)
    name: str | None
    inside: bool
    session_over: bool
    last_leave_kind: str | None    # "left" | "abnormal" | "end_page" | None
    joins: int
    leaves: int
    abnormal_leaves: int
    first_join: float | None
    last_seen: float | None        # the latest join or leave of any kind


def attendee_row(attendee: Attendee, name: str | None, session_over: bool) -> AttendeeRow:
    kinds = ([(t, "left") for t in attendee.leaves] + [(t, "abnormal") for t in attendee.abnormal_leaves]
             + [(t, "end_page") for t in attendee.end_pages])
    last_leave = max(kinds, default=None)
    times = attendee.joins + [t for t, _ in kinds]
    return AttendeeRow(
        key=attendee.operator, name=name, inside=attendee.inside and not session_over, session_over=session_over,
        last_leave_kind=last_leave[1] if last_leave else None, joins=len(attendee.joins),
        leaves=len(attendee.leaves), abnormal_leaves=len(attendee.abnormal_leaves),
        first_join=min(attendee.joins, default=None), last_seen=max(times, default=None))


class AttendeesModel(GenseeModel):
    COLUMNS = ("key", "name", "inside", "abnormal_leaves", "joins", "leaves", "first_join", "last_seen")
    TIMES = ("first_join", "last_seen")

    def headers(self) -> dict[str, str]:
        return {
            "key": self.tr("User ID"), "name": self.tr("Name"), "inside": self.tr("Inside now"),
            "joins": self.tr("Joins"), "leaves": self.tr("Leaves"), "abnormal_leaves": self.tr("Abnormal"),
            "first_join": self.tr("First joined"), "last_seen": self.tr("Last seen"),
        }

    def text(self, row: AttendeeRow, column: str) -> str:
        if column == "key":
            return one_line(row.key, 64)
        if column == "name":
            return one_line(row.name, 64) or "—"
        if column == "inside":
            if row.inside:
                return self.tr("● inside")
            if row.session_over and row.last_leave_kind is None:
                return self.tr("stayed to the end")
            return {"abnormal": self.tr("⚠ dropped out"), "left": self.tr("left"),
                    "end_page": self.tr("left (end page)")}.get(row.last_leave_kind or "", "—")
        if column in self.TIMES:
            return self.time_cell(getattr(row, column))
        if column == "abnormal_leaves":
            return "⚠ {}".format(row.abnormal_leaves) if row.abnormal_leaves else "0"
        return str(getattr(row, column))

    def widest(self, column: str) -> list[str]:
        if column != "inside":
            return []
        return [self.tr("● inside"), self.tr("stayed to the end"), self.tr("⚠ dropped out"), self.tr("left"),
                self.tr("left (end page)")]

    def sort_key(self, row: AttendeeRow, column: str) -> Any:
        if column == "inside":
            return 2 if row.inside else (1 if row.last_leave_kind == "abnormal" else 0)
        if column == "name":
            return row.name or ""
        return super().sort_key(row, column)

    def _alert(self, row: AttendeeRow, column: str) -> bool:
        """Abnormal leaves are highlighted, and so is "inside now" of a user who dropped out."""
        if column == "abnormal_leaves":
            return row.abnormal_leaves > 0
        return column == "inside" and not row.inside and row.last_leave_kind == "abnormal"

    def background(self, row: AttendeeRow, column: str) -> QBrush | None:
        return ALERT_BG if self._alert(row, column) else None

    def foreground(self, row: AttendeeRow, column: str) -> QBrush | None:
        if self._alert(row, column):
            return ALERT_FG
        if column == "inside" and row.inside:
            return GREEN
        return None

    def tooltip(self, row: AttendeeRow, column: str) -> str | None:
        if column == "name":
            return self.tr("Gensee status calls carry no names: names come from Q&A and end pages.")
        if column == "inside":
            return self.tr("By this session's joins (101) and leaves (107, 110, end page).")
        return None

    def alignment(self, row: AttendeeRow, column: str) -> int | None:
        return CENTRE if column not in ("key", "name") else None


# --- Q&A ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QaRow:
    key: tuple
    received_at: float
    order: int                 # position in qa_feed (0 = newest)
    source: str                # "client" | "web"
    kind: str                  # "question" | "answer"
    uid: str | None
    uname: str | None
    text: str
    time: int | None           # the client's own time attribute
    webcast_id: str | None


def qa_rows(entries: Sequence[QaEntry]) -> list[QaRow]:
    """Rows of state.qa_feed() (newest first); keys stay stable as entries are added."""
    rows, seen = [], set()
    for order, e in enumerate(entries):
        base = (e.source, e.kind, e.id) if e.id else (e.source, e.kind, e.received_at, e.uid, e.text)
        key, n = base, 1
        while key in seen:           # the same web question posted twice: two rows
            key, n = base + (n,), n + 1
        seen.add(key)
        rows.append(QaRow(key=key, received_at=e.received_at, order=order, source=e.source, kind=e.kind,
                          uid=e.uid, uname=e.uname, text=e.text, time=e.time, webcast_id=e.webcast_id))
    return rows


class QaModel(GenseeModel):
    COLUMNS = ("time", "uname", "uid", "kind", "text", "source")
    TIMES = ("time",)

    def headers(self) -> dict[str, str]:
        return {"time": self.tr("Time"), "kind": self.tr("Type"), "uname": self.tr("Name"),
                "uid": self.tr("User ID"), "text": self.tr("Text"), "source": self.tr("From")}

    def text(self, row: QaRow, column: str) -> str:
        if column == "time":
            return self.time_cell(row.time if row.time is not None else row.received_at)
        if column == "kind":
            return self.tr("Q") if row.kind == "question" else self.tr("↳ A")
        if column == "source":
            return self.tr("client") if row.source == "client" else self.tr("web")
        if column == "text":
            return one_line(row.text) or "—"
        return one_line(getattr(row, column), 64) or "—"

    def widest(self, column: str) -> list[str]:
        """Sized once, from the first rows: a later client question's 客户端 wrapped
        to two lines in a column sized for 网页."""
        if column == "source":
            return [self.tr("client"), self.tr("web")]
        if column == "kind":
            return [self.tr("Q"), self.tr("↳ A")]
        return []

    def sort_key(self, row: QaRow, column: str) -> Any:
        if column == "time":           # the feed's order: newest received first
            return -row.order
        value = getattr(row, column)
        return "" if value is None else value

    def background(self, row: QaRow, column: str) -> QBrush | None:
        return brush("#e8f5e9") if row.kind == "answer" else None

    def foreground(self, row: QaRow, column: str) -> QBrush | None:
        return DARK if row.kind == "answer" else None

    def tooltip(self, row: QaRow, column: str) -> str | None:
        if column == "text":
            return plain_tip(row.text)
        if column in ("uname", "uid"):
            return plain_tip(getattr(row, column), 200)
        if column == "time":
            lines = [self.tr("Received: {}").format(safe_time(row.received_at, self.zone(), with_date=True))]
            if row.time is not None:
                lines.append(self.tr("Client time: {}").format(safe_time(row.time, self.zone(), with_date=True)))
            return "\n".join(lines)
        if column == "source":
            return (self.tr("Client Q&A: only published or answered questions are sent.")
                    if row.source == "client" else self.tr("Web Q&A: every question a web user submits."))
        return None

    def alignment(self, row: QaRow, column: str) -> int | None:
        return CENTRE if column in ("kind", "source") else None


# --- VOD / courseware -----------------------------------------------------------------------------
@dataclass(frozen=True)
class VideoRow:
    key: str                     # the VOD's ClassNo
    viewers: int                 # distinct users
    views: int
    watching: int                # latest view of a user without 112
    first_started: float | None
    last_ended: float | None
    last_activity: float | None
    detail: tuple[tuple[str | None, float | None, float | None], ...]   # (viewer, started, ended), newest first


def video_row(video: Video, now: float, policy: IdlePolicy) -> VideoRow:
    starts = [v.started_at for v in video.views if v.started_at is not None]
    ends = [v.ended_at for v in video.views if v.ended_at is not None]
    detail = tuple((v.operator, v.started_at, v.ended_at) for v in reversed(video.views))
    return VideoRow(key=video.class_no, viewers=len({v.operator for v in video.views if v.operator}),
                    views=len(video.views), watching=len(video.watching(now, policy)),
                    first_started=min(starts, default=None), last_ended=max(ends, default=None),
                    last_activity=max(starts + ends, default=None), detail=detail)


class VideosModel(GenseeModel):
    # No audience size per video: the 111/112 totalusernum counts the whole site (§4).
    COLUMNS = ("key", "viewers", "views", "watching", "first_started", "last_ended")
    TIMES = ("first_started", "last_ended")
    DETAIL_CAP = 30

    def headers(self) -> dict[str, str]:
        return {"key": self.tr("VOD (ClassNo)"), "viewers": self.tr("Viewers"),
                "views": self.tr("Views"), "watching": self.tr("Watching now"),
                "first_started": self.tr("First started"), "last_ended": self.tr("Last ended")}

    def text(self, row: VideoRow, column: str) -> str:
        if column == "key":
            return one_line(row.key, 64)
        if column in self.TIMES:
            return self.time_cell(getattr(row, column))
        return str(getattr(row, column))

    def foreground(self, row: VideoRow, column: str) -> QBrush | None:
        return GREEN if column == "watching" and row.watching else None

    def tooltip(self, row: VideoRow, column: str) -> str | None:
        if column == "last_ended":
            return self.tr("112 can come up to a minute or more after the viewer stopped.")
        if column not in ("key", "viewers", "views"):
            return None
        lines = []
        for viewer, started, ended in row.detail[:self.DETAIL_CAP]:
            lines.append(self.tr("{}: {} – {}").format(
                one_line(viewer, 64) or self.tr("unknown user"),
                self.when(started) if started is not None else self.tr("start not seen"),
                self.when(ended) if ended is not None else self.tr("not ended")))
        if len(row.detail) > self.DETAIL_CAP:
            lines.append(self.tr("… and {} more").format(len(row.detail) - self.DETAIL_CAP))
        return plain_tip("\n".join(lines))     # viewer IDs come from the outside

    def alignment(self, row: VideoRow, column: str) -> int | None:
        return CENTRE if column != "key" else None
