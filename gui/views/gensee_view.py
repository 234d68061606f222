"""Gensee rooms beside the ClassIn lessons: every room with its status, users
and abnormal leaves; the selected room's user count over time, attendees and
Q&A; and the VOD / courseware views.

Reads only the core's live GenseeState (desk.gensee, fed on the loop before
genseeCall is emitted). A call only marks the view dirty; a 500 ms timer refreshes, so a
burst of calls costs one refresh. A slower timer refreshes anyway: statuses
change with time alone (a room without 105 closes after an idle time).

For the live dashboard, `LiveRoomsStrip(bridge, open_room)` is a compact
section listing the rooms live right now.
"""
from __future__ import annotations

import time
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSplitter, QStyle,
                               QStyledItemDelegate, QTabWidget, QVBoxLayout, QWidget)

from lessons.gensee_report import known_names
from lessons.gensee_rooms import PAUSED, GenseeState, Room

from ..bridge import MonitorBridge
from ..charts import axis_colour, background, name_zone, set_zone, time_plot
from ..columns import fill_with, fit_columns
from ..formatting import duration
from ..models.gensee_models import (ENDED, AttendeesModel, QaModel, RoomsModel, StatusLabels, VideosModel,
                                    attendee_row, one_line, qa_rows, room_row, safe_time, video_row,
                                    when)
from ..models.labels import school_timezone
from ..models.table import ITEM_ROLE, SORT_ROLE
from .gensee_extras import RollCallModel, RoomExport
from .lesson_panel import table_view
from ..timers import every

REFRESH_MS = 500          # at most this often, and only when a call came
FULL_REFRESH_MS = 15_000  # statuses and "inside now" change with time alone
QA_LIMIT = 500            # newest questions/answers listed (rows grow with wrapped text)
MIN_SPAN_S = 120          # the chart never zooms in below this: Gensee's calls come seconds apart
ATTENDEE_ROWS = 8         # attendees in sight at 1280x800 at least (the chart and Q&A above give way)

USERS_COLOUR = "#1565c0"
LEAVE_COLOUR = "#c62828"
PAUSE_COLOUR = (239, 108, 0, 40)


def _proxy(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    return proxy


class KeepColours(QStyledItemDelegate):
    """Cells with their own background (status, abnormal leaves) keep it when their
    row is selected: the selected room is always shown, so its colours must stay."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            option.state &= ~QStyle.StateFlag.State_Selected


def gensee_zone(desk) -> Callable[[], str]:
    """Gensee calls name no school: their times are shown in the zone of a time
    of no school (the first school's), as the room's exports give them."""
    return lambda: school_timezone(desk.config, None)


def _caption(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)     # room IDs and names are untrusted text
    label.setStyleSheet("font-weight: bold; padding: 2px 0;")
    return label


class UsersChart(QWidget):
    """totalusernum of one room over time as a step plot (it holds until the next
    call), abnormal leaves as red marks, pauses shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground(background())
        self.plot = time_plot(self.tr("Users in the room (totalusernum)"), self.tr("users"))
        self.canvas.addItem(self.plot, row=0, col=0)
        # A burst of calls within a second would otherwise give a time axis of milliseconds.
        self.plot.setLimits(minXRange=MIN_SPAN_S / 4)
        # One sample per call: few enough to draw all. Auto "peak" downsampling drew nothing
        # when every call fell into one pixel (a burst of calls, a long time range).
        self.plot.setDownsampling(auto=False)
        # The fill is a curve of its own: a filled step curve closes its area with lines
        # down to 0 at both ends, which read as "everybody left" at the right edge.
        self.fill = self.plot.plot(stepMode="right", pen=None, fillLevel=0, fillBrush=pg.mkBrush(21, 101, 192, 45))
        self.curve = self.plot.plot(stepMode="right", pen=pg.mkPen(USERS_COLOUR, width=2))
        self.leaves = pg.ScatterPlotItem(symbol="x", size=11, pen=pg.mkPen(LEAVE_COLOUR, width=2),
                                         brush=pg.mkBrush(LEAVE_COLOUR))
        self.plot.addItem(self.leaves)
        self.pauses: list[pg.LinearRegionItem] = []
        legend = self.plot.addLegend(offset=(40, 1), labelTextColor=axis_colour(), colCount=3,
                                     brush=pg.mkBrush(255, 255, 255, 200))
        legend.addItem(self.curve, self.tr("users"))
        legend.addItem(self.leaves, self.tr("abnormal leave (110)"))
        self.class_no: str | None = None
        self.follow = True       # the x range follows the data until the user pans or zooms
        self.plot.getViewBox().sigRangeChangedManually.connect(self._stop_following)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def show_room(self, room: Room | None, now: float, tz: str) -> None:
        set_zone(self.plot, tz, now)
        name_zone(self.plot, tz, now)
        new_room = room is None or room.class_no != self.class_no
        self.class_no = room.class_no if room is not None else None
        xs: list[float] = []
        ys: list[float] = []
        marks: list[tuple[float, float]] = []
        for pause in self.pauses:
            self.plot.removeItem(pause)
        self.pauses = []
        for session in (room.sessions if room is not None else []):
            if not session.user_counts:
                continue
            for sample in session.user_counts:
                xs.append(sample.time)
                ys.append(sample.value)
            ended = session.ended_at(now)
            xs.append(ended if ended is not None else max(now, xs[-1]))   # the last value holds until now
            ys.append(ys[-1])
            if ended is not None:            # an ended session has nobody in it
                xs.append(ended)
                ys.append(0)
            samples = session.user_counts
            times = np.array([s.time for s in samples])
            for t, _op in session.abnormal_leaves:
                i = max(0, int(np.searchsorted(times, t, side="right")) - 1)
                marks.append((t, samples[i].value))
            for pause in session.pauses:
                end = pause.end if pause.end is not None else (ended if ended is not None else now)
                region = pg.LinearRegionItem((pause.start, end), movable=False, brush=pg.mkBrush(*PAUSE_COLOUR),
                                             pen=pg.mkPen(None))
                region.setZValue(-20)
                self.plot.addItem(region, ignoreBounds=True)
                self.pauses.append(region)
        x = np.array(xs, dtype=float)
        y = np.array(ys, dtype=float)
        self.curve.setData(x, y)
        self.fill.setData(x, y)
        self.leaves.setData([m[0] for m in marks], [m[1] for m in marks])
        top = max(1.0, float(y.max()) if len(y) else 1.0)
        step = max(1, int(np.ceil(top / 5)))
        self.plot.getAxis("left").setTickSpacing(step, step)
        self.plot.setYRange(-0.04 * top - 0.1, top * 1.25 + 0.2, padding=0)   # room above for the legend row
        if new_room:
            self.follow = True
        if self.follow and len(x):
            hi = float(x[-1])
            lo = min(float(x[0]), hi - MIN_SPAN_S)     # a short history ends at the right edge
            self.plot.setXRange(lo, hi, padding=0.02)

    def _stop_following(self, *_args: object) -> None:
        self.follow = False



def _stacked(header: QWidget, body: QWidget) -> QWidget:
    """A caption over a table that takes the rest of the height, without margins."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(header)
    layout.addWidget(body, 1)
    return box

class GenseeView(QWidget):
    def __init__(self, bridge: MonitorBridge, window: QWidget) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.desk = bridge.desk
        self.window_ = window
        self._dirty = True
        self.selected: str | None = None
        self.live_count = 0
        self.labels = StatusLabels(self)
        self.zone = gensee_zone(self.desk)

        # header: how many rooms are live (the live dashboard's number too), filter
        self.summary = _caption()
        self.summary.setStyleSheet("font-weight: bold; font-size: 14px; padding: 2px 0;")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by ClassNo…"))
        self.filter.setClearButtonEnabled(True)

        # rooms
        self.rooms = RoomsModel(self.zone, self)
        self.rooms_proxy = _proxy(self.rooms, self)
        self.rooms_proxy.setFilterKeyColumn(0)
        self.rooms_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.rooms_proxy.setFilterFixedString)
        self.rooms_table = table_view(self.rooms_proxy)
        self.keep_colours = KeepColours(self)
        self.rooms_table.setItemDelegate(self.keep_colours)
        self.rooms_table.sortByColumn(RoomsModel.COLUMNS.index("status"), Qt.SortOrder.DescendingOrder)
        self.rooms_table.horizontalHeader().setStretchLastSection(True)
        self.rooms.rowsInserted.connect(lambda *_: fit_columns(self.rooms_table))
        self.rooms_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.rooms_empty = QLabel(self.tr("No Gensee room yet: rooms appear with their first status call. "
                                          "The callback URLs are in Settings → Gensee."))
        self.rooms_empty.setWordWrap(True)
        self.rooms_empty.setStyleSheet("color: #616161; padding: 4px;")

        # VOD / courseware
        self.videos = VideosModel(self.zone, self)
        self.videos_proxy = _proxy(self.videos, self)
        self.videos_table = table_view(self.videos_proxy)
        self.videos_table.sortByColumn(VideosModel.COLUMNS.index("first_started"), Qt.SortOrder.DescendingOrder)
        self.videos_table.horizontalHeader().setStretchLastSection(True)
        self.videos.rowsInserted.connect(lambda *_: fit_columns(self.videos_table))
        self.site_viewers = QLabel()
        self.site_viewers.setWordWrap(True)
        self.site_viewers.setTextFormat(Qt.TextFormat.PlainText)

        # selected room: header, chart, attendees, Q&A
        self.room_header = _caption(self.tr("Select a room to see its users, attendees and questions."))
        self.room_header.setWordWrap(True)
        self.chart = UsersChart(self)
        self.attendees = AttendeesModel(self.zone, self)
        self.attendees_proxy = _proxy(self.attendees, self)
        self.attendees_table = table_view(self.attendees_proxy)
        self.attendees_table.setItemDelegate(self.keep_colours)
        self.attendees_table.sortByColumn(AttendeesModel.COLUMNS.index("inside"), Qt.SortOrder.DescendingOrder)
        # The name (a web viewer's free text) takes the rest and elides; IDs, states, counts and times stay whole.
        fill_with(self.attendees_table, AttendeesModel.COLUMNS.index("name"))
        table = self.attendees_table
        table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * ATTENDEE_ROWS
                               + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth())
        self.attendees_caption = _caption()
        self.qa = QaModel(self.zone, self)
        self.qa_proxy = _proxy(self.qa, self)
        self.qa_table = table_view(self.qa_proxy, empty_text=self.tr(
            "No question yet: questions and answers come with Gensee's qa and qa-web callbacks "
            "(their URLs are in Settings → Gensee)."))
        self.qa_table.sortByColumn(QaModel.COLUMNS.index("time"), Qt.SortOrder.DescendingOrder)
        # Questions are read, not scanned: the text column takes the width and wraps (rows are capped).
        self.qa_table.setWordWrap(True)
        self.qa_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.qa_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._stretch_qa_text()
        self.qa_caption = _caption()
        self.qa_all = QCheckBox(self.tr("All rooms"))
        self.qa_all.setToolTip(self.tr("Show the questions of every live, not only of the selected room "
                                       "(web questions may come without a live ID)."))
        self.qa_all.toggled.connect(self._mark_dirty)

        # roll-call answers; the selected room's export (gensee_extras)
        self.rollcall_model = RollCallModel(self.zone, self)
        self.rollcall_table = table_view(self.rollcall_model, sortable=False,
                                         empty_text=self.tr("No roll call in this room yet."))
        self.rollcall_table.horizontalHeader().setStretchLastSection(True)
        # Calls come and the model resets: the time column is sized to its times (it was cut to "2026-12-06 …").
        self.rollcall_model.modelReset.connect(lambda: fit_columns(self.rollcall_table))
        self.room_export = RoomExport(lambda: self.desk.gensee, lambda: self.selected, self.zone, self)

        self._build_layout()

        bridge.genseeCall.connect(self._on_call)
        self._timer = every(self, REFRESH_MS, self._refresh_if_dirty)
        self._full_timer = every(self, FULL_REFRESH_MS, self._mark_dirty)
        self.refresh()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.filter)
        self.filter.setMinimumWidth(240)

        rooms_box = _stacked(self.rooms_empty, self.rooms_table)
        vod_box = _stacked(self.site_viewers, self.videos_table)
        self.sections = QTabWidget()
        self.sections.addTab(rooms_box, self.tr("Rooms"))
        self.sections.addTab(vod_box, self.tr("VOD views"))
        self.sections.addTab(self.rollcall_table, self.tr("Roll calls"))

        attendees_box = _stacked(self.attendees_caption, self.attendees_table)
        qa_head = QWidget()
        head_layout = QHBoxLayout(qa_head)
        head_layout.setContentsMargins(0, 0, 0, 0)
        head_layout.addWidget(self.qa_caption, 1)
        head_layout.addWidget(self.qa_all)
        qa_box = _stacked(qa_head, self.qa_table)
        # Above, the chart beside the Q&A feed (its text needs the width); below, the attendees across
        # the whole width: beside the Q&A their eight columns scrolled sideways at 1280 px, under the
        # chart four rows showed.
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.chart)
        top.addWidget(qa_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setSizes([9_000, 12_000])     # proportions, not the children's size hints
        detail_split = QSplitter(Qt.Orientation.Vertical)
        detail_split.addWidget(top)
        detail_split.addWidget(attendees_box)
        detail_split.setChildrenCollapsible(False)
        detail_split.setStretchFactor(0, 1)
        detail_split.setStretchFactor(1, 1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.room_header)
        detail_layout.addWidget(self.room_export)
        detail_layout.addWidget(detail_split, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.sections)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([10_000, 30_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def _stretch_qa_text(self) -> None:
        header = self.qa_table.horizontalHeader()
        header.setSectionResizeMode(QaModel.COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)

    def title(self) -> str:
        if self.live_count:
            return self.tr("Gensee rooms ({} live)").format(self.live_count)
        return self.tr("Gensee rooms")

    # --- feed: mark only ---------------------------------------------------------------------
    def _on_call(self, _payload: object) -> None:
        self._dirty = True

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def zone_changed(self) -> None:
        """The tables follow at paint time; the chart's axis and its zone at the next refresh."""
        self._mark_dirty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._dirty = True
        self._refresh_if_dirty()

    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()

    # --- refresh -------------------------------------------------------------------------------
    def refresh(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        self._dirty = False
        state: GenseeState = self.desk.gensee
        live = state.live_now(now)
        self.live_count = len(live)
        self._update_title(live, now)
        if not self.isVisible():
            return           # hidden: only the count; showEvent refreshes the rest
        self.rooms.update(room_row(room, now) for room in state.rooms.values())
        self.rooms_empty.setVisible(not state.rooms)
        self.videos.update(video_row(video, now, state.policy) for video in state.videos.values())
        self._update_site_viewers(state)
        self.sections.setTabText(0, self.tr("Rooms ({})").format(len(state.rooms)))
        self.sections.setTabText(1, self.tr("VOD views ({})").format(len(state.videos)))
        self.rollcall_model.update(state)
        self.sections.setTabText(2, self.tr("Roll calls ({})").format(len(state.rollcalls)))
        if self.selected is None and self.rooms_proxy.rowCount():
            self.rooms_table.selectRow(0)     # selecting calls show_room
        else:
            self.show_room(self.selected, now)

    def _update_title(self, live: list[Room], now: float) -> None:
        if live:
            paused = sum(1 for r in live if r.status(now) == PAUSED)
            users = sum(r.current.user_count or 0 for r in live)
            text = self.tr("Gensee: {} room(s) live now · {} user(s)").format(len(live), users)
            if paused:
                text += self.tr(" · {} paused").format(paused)
        else:
            text = self.tr("Gensee: no room live right now")
        self.summary.setText(text)
        # The navigation entry carries the count too, so it is seen from every view.
        nav, stack = getattr(self.window_, "nav", None), getattr(self.window_, "stack", None)
        if nav is not None and stack is not None:
            item = nav.item(stack.indexOf(self))
            if item is not None and item.text() != self.title():
                item.setText(self.title())

    def _update_site_viewers(self, state: GenseeState) -> None:
        samples = state.vod_site_viewers
        if samples:
            last = samples[-1]
            self.site_viewers.setText(self.tr(
                "Site-wide VOD viewers: {} at {}. Gensee counts everyone watching any video of the site, so "
                "no per-video audience is shown; viewers per video are counted from the start/end calls "
                "(111/112).").format(last.value, when(last.time, self.zone())))
        else:
            self.site_viewers.setText(self.tr("No VOD or courseware view yet (calls 111/112)."))

    # --- the selected room ---------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.select_room(indexes[0].data(ITEM_ROLE))

    def select_room(self, class_no: str) -> None:
        """Show this room (also used by the live dashboard's strip)."""
        self.selected = class_no
        for row in range(self.rooms_proxy.rowCount()):
            index = self.rooms_proxy.index(row, 0)
            if index.data(ITEM_ROLE) == class_no:
                if not self.rooms_table.selectionModel().isRowSelected(row, QModelIndex()):
                    self.rooms_table.selectRow(row)
                break
        self.sections.setCurrentIndex(0)
        self.show_room(class_no)

    def show_room(self, class_no: str | None, now: float | None = None) -> None:
        now = time.time() if now is None else now
        state = self.desk.gensee
        room = state.rooms.get(class_no) if class_no is not None else None
        if class_no != self.chart.class_no:      # another room: its IDs and names size the columns
            self.attendees_table.setProperty("sized", False)
        self.chart.show_room(room, now, self.zone())
        names = known_names(state)
        if room is None:
            self.room_header.setText(self.tr("Select a room to see its users, attendees and questions."))
            self.attendees.update([])
        else:
            session = room.current
            over = session.ended_at(now) is not None
            self.attendees.update(attendee_row(a, names.get(a.operator), over)
                                  for a in session.attendees.values())
            self.room_header.setText(self._room_text(room, now))
            if self.attendees.rowCount() and not self.attendees_table.property("sized"):
                fit_columns(self.attendees_table)
                self.attendees_table.setProperty("sized", True)
        inside = sum(1 for r in self.attendees.rows if r.inside)
        dropped = sum(1 for r in self.attendees.rows if r.abnormal_leaves)
        self.attendees_caption.setText(self.tr("Attendees: {} · {} inside now · {} with abnormal leaves").format(
            self.attendees.rowCount(), inside, dropped))
        all_rooms = self.qa_all.isChecked() or room is None
        feed = state.qa_feed(None if all_rooms else room.class_no)
        self.qa.update(qa_rows(feed[:QA_LIMIT]))
        if self.qa.rowCount() and not self.qa_table.property("sized"):
            fit_columns(self.qa_table)
            self._stretch_qa_text()
            self.qa_table.setProperty("sized", True)
        questions = sum(1 for e in feed if e.kind == "question")
        if len(feed) > QA_LIMIT:
            self.qa_caption.setToolTip(self.tr("The newest {} of {} are listed.").format(QA_LIMIT, len(feed)))
        self.qa_caption.setText(
            (self.tr("Q&A of all rooms: {} question(s), {} answer(s), newest first") if all_rooms
             else self.tr("Q&A: {} question(s), {} answer(s), newest first")).format(
                questions, len(feed) - questions))

    def _room_text(self, room: Room, now: float) -> str:
        session, tz = room.current, self.zone()
        status = session.status(now)
        parts = [self.tr("Room {}").format(one_line(room.class_no, 64)), self.labels.text(status)]
        if session.started_at is not None:
            if status in ENDED:
                ended = session.ended_at(now)
                parts.append(self.tr("{} – {} ({})").format(when(session.started_at, tz), when(ended, tz),
                                                          duration((ended or now) - session.started_at)))
            else:
                parts.append(self.tr("live since {} ({})").format(when(session.started_at, tz),
                                                                  duration(now - session.started_at)))
        if session.user_count is not None and status not in ENDED:
            parts.append(self.tr("{} user(s) now").format(session.user_count))
        if session.abnormal_leave_count:
            parts.append(self.tr("⚠ {} abnormal leave(s)").format(session.abnormal_leave_count))
        if session.recordings:
            parts.append(self.tr("{} recording(s), last at {}").format(len(session.recordings),
                                                                      safe_time(session.recordings[-1], tz)))
        if len(room.sessions) > 1:
            parts.append(self.tr("{} sessions in this room, the latest shown").format(len(room.sessions)))
        return " · ".join(parts)


class LiveRoomsStrip(QWidget):
    """A compact "Gensee rooms live now" section for the live dashboard: one line
    per live room (ClassNo, status, users, abnormal leaves, live since);
    double-click calls `open_room(class_no)` (e.g. show the Gensee view on it).
    Only the caption while no room is live."""

    def __init__(self, bridge: MonitorBridge, open_room: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = bridge.desk
        self.open_room = open_room
        self._dirty = True
        self.caption = _caption()
        self.model = RoomsModel(gensee_zone(self.desk), self)
        self.proxy = _proxy(self.model, self)
        self.table = table_view(self.proxy)
        self.keep_colours = KeepColours(self)
        self.table.setItemDelegate(self.keep_colours)
        for column in ("joins", "recordings", "last_call"):
            self.table.hideColumn(RoomsModel.COLUMNS.index(column))
        self.table.sortByColumn(RoomsModel.COLUMNS.index("status"), Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 4)
        self.table.doubleClicked.connect(self._open)
        self.model.rowsInserted.connect(lambda *_: fit_columns(self.table))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        bridge.genseeCall.connect(self._mark)
        self._timer = every(self, REFRESH_MS, self._refresh_if_dirty)
        self._full_timer = every(self, FULL_REFRESH_MS, self._mark)
        self.refresh()

    def _mark(self, *_args: object) -> None:
        self._dirty = True

    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        self._dirty = False
        live = self.desk.gensee.live_now(now)
        self.model.update(room_row(room, now) for room in live)
        self.caption.setText(self.tr("Gensee rooms live now: {}").format(len(live)) if live
                             else self.tr("Gensee: no room live right now"))
        self.table.setVisible(bool(live))

    def _open(self, index: QModelIndex) -> None:
        class_no = index.data(ITEM_ROLE)
        if class_no is not None and self.open_room is not None:
            self.open_room(class_no)


__all__ = ["GenseeView", "LiveRoomsStrip", "UsersChart"]
