"""Network and CPU charts of one lesson over time, from the Net reports.

History is read with `in_thread` (never on the UI thread); live NetReport
events are appended as they come and redrawn at most once a second."""
from __future__ import annotations

import asyncio
import logging
import time

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from lessons.events import Enter, Event, Exit, NetReport
from protocol.classin import ABNORMAL_EXIT_REASONS
from lessons.state import LessonState
from app.history import lesson_state, lessons_between

from ..bridge import MonitorBridge
from ..columns import fill_with, fit_columns, needed_width
from ..models.labels import exit_reason_label, lesson_title, school_timezone, user_name
from ..models.net_series import NetSeries, load_series
from ..models.net_users_model import MAX_CHECKED, NetUsersModel
from ..models.worst_users_model import WorstUsersModel, worst_users
from ..worker import in_thread
from .lesson_panel import table_view
from .net_charts import Mark, NetCharts
from ..timers import every

log = logging.getLogger(__name__)

REDRAW_MS = 1000
WORST_MS = 5000
WORST_LESSON_WIDTH = 80      # px: "Unit 4: Lig…", the rest in its tooltip
CHARTS_WIDTH = 610           # px: "Network quality, all users ■ good … ■ not reached" in one line
RECENT_SECONDS = 24 * 3600
WORST = 5


class NetworkView(QWidget):
    def __init__(self, bridge: MonitorBridge, window: QWidget) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.desk = bridge.desk
        self.class_id: int | None = None
        self.series = NetSeries.empty()
        self._state: LessonState | None = None   # for names; the live one when the lesson is in memory
        self._dirty = False
        self._new_users = False
        self._task: asyncio.Task | None = None
        self._arrived_while_loading: list[NetReport] = []
        self._check_after_load: int | None = None
        self.window_ = window
        self.loaded = asyncio.Event()            # set after each completed load (tests wait on it)

        self.lesson = QComboBox()
        self.lesson.setMinimumContentsLength(30)
        self.lesson.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lesson.activated.connect(self._choose)
        self.range = QComboBox()
        for label, seconds in ((self.tr("Whole lesson"), None), (self.tr("Last hour"), 3600),
                               (self.tr("Last 3 hours"), 3 * 3600), (self.tr("Last 24 hours"), 24 * 3600)):
            self.range.addItem(label, seconds)
        self.range.activated.connect(self._choose)
        self.reload = QPushButton(self.tr("Refresh lessons"))
        self.reload.clicked.connect(self.refresh_lessons)
        self.follow = QPushButton(self.tr("Follow live"))
        self.follow.setCheckable(True)
        self.follow.setChecked(True)
        self.follow.setToolTip(self.tr("Keep the time axis ending now; panning or zooming a chart stops it."))
        self.follow.clicked.connect(self._follow_clicked)
        self.status = QLabel()

        self.users = NetUsersModel(self)
        self.users.checkedChanged.connect(self._checked_changed)
        self.users_proxy = QSortFilterProxyModel(self)
        self.users_proxy.setSourceModel(self.users)
        self.users_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.user_list = QListView()
        self.user_list.setModel(self.users_proxy)
        self.user_list.setUniformItemSizes(True)     # 1,000 users: no per-row size queries
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a user…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.users_proxy.setFilterFixedString)
        worst = QPushButton(self.tr("Worst {}").format(WORST))
        worst.setToolTip(self.tr("Draw the {} users with the most degraded network").format(WORST))
        worst.clicked.connect(lambda: self.users.check_worst(WORST))
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.users.clear_checks)

        self.charts = NetCharts(self)

        lesson_users = QWidget()
        side_layout = QVBoxLayout(lesson_users)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Users, worst network first (tick up to {})").format(MAX_CHECKED)))
        side_layout.addWidget(self.search)
        side_layout.addWidget(self.user_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(worst)
        buttons.addWidget(clear)
        side_layout.addLayout(buttons)
        # Across every live lesson: who is worst off now; a click charts them.
        self.worst = WorstUsersModel(self)
        self.worst_table = table_view(self.worst, sortable=False)
        # Delay, loss and CPU are why a user is listed: the lesson's name elides first, then a long
        # user's name (both whole in their tooltips).
        fill_with(self.worst_table, WorstUsersModel.COLUMNS.index("lesson"), least=WORST_LESSON_WIDTH,
                  squeeze=WorstUsersModel.COLUMNS.index("name"))
        self.worst_table.doubleClicked.connect(self._open_worst)
        self.worst_table.clicked.connect(self._open_worst)
        side = QTabWidget()
        side.addTab(lesson_users, self.tr("This lesson"))
        side.addTab(self.worst_table, self.tr("Worst users now"))
        self.side = side
        side.currentChanged.connect(lambda _index: self._widen_side())

        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side)
        split.addWidget(self.charts)
        # The side list grows a little with the window (at 1920 px its lesson column was cut).
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([360, 900])
        self._split_dragged = False           # then the desk's widths stand: no more widening
        split.splitterMoved.connect(self._split_moved)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Lesson")))
        bar.addWidget(self.lesson, 1)
        bar.addWidget(QLabel(self.tr("Time range")))
        bar.addWidget(self.range)
        bar.addWidget(self.follow)
        bar.addWidget(self.reload)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        bridge.pushApplied.connect(self._on_push)
        bridge.alarmChanged.connect(self._on_alarm)
        self._marks_dirty = False
        self._timer = every(self, REDRAW_MS, self._tick)
        self._worst_timer = every(self, WORST_MS, self.refresh_worst)
        self._shown_once = False

    def title(self) -> str:
        return self.tr("Network & CPU")

    def zone_changed(self) -> None:
        self.charts.zone_changed()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._widen_side()       # a smaller window took the side's room by the stretch factors

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:          # the lesson list needs the receiver's database: load when seen
            self._shown_once = True
            self.refresh_lessons()
        self.refresh_worst()

    # --- lessons -----------------------------------------------------------------------------------
    def refresh_lessons(self) -> None:
        self._start(self._refresh_lessons())

    async def _refresh_lessons(self) -> None:
        # Longest-running first: it has the most reports to show when the view opens.
        live = sorted(self.desk.live_lessons(), key=lambda s: s.start_time or 0)
        recent = await in_thread(lessons_between, time.time() - RECENT_SECONDS) if self.desk.started else []
        current = self.class_id
        self.lesson.clear()
        seen = set()
        for state in live:
            self.lesson.addItem(self.tr("● live · {}").format(lesson_title(state)), state.class_id)
            seen.add(state.class_id)
        for row in recent:
            if row["class_id"] not in seen:
                name = row.get("class_name") or row.get("course_name") or str(row["class_id"])
                self.lesson.addItem(name, row["class_id"])
                seen.add(row["class_id"])
        if not seen:
            self.status.setText(self.tr("No lesson with network reports yet."))
            return
        index = self.lesson.findData(current) if current is not None else 0
        self.lesson.setCurrentIndex(max(index, 0))
        if self.lesson.currentData() != self.class_id:
            await self._load(self.lesson.currentData())

    def show_lesson(self, class_id: int, check: int | None = None) -> None:
        """Chart `class_id` (other views call this to jump here), with user `check`'s own line."""
        self._check_after_load = check
        if self.lesson.findData(class_id) < 0:
            state = self.desk.lesson(class_id)
            self.lesson.addItem(lesson_title(state) if state else str(class_id), class_id)
        self.lesson.setCurrentIndex(self.lesson.findData(class_id))
        self._choose()

    def _choose(self, *_args) -> None:
        class_id = self.lesson.currentData()
        if class_id is not None:
            self._start(self._load(class_id))

    def _start(self, coro) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = asyncio.ensure_future(self._guard(coro))

    async def _guard(self, coro) -> None:
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except Exception:      # a failed read must not kill the view; say so and keep going
            log.exception("network view: loading failed")
            self.status.setText(self.tr("Could not read the network reports (see the log)."))

    async def _load(self, class_id: int) -> None:
        self.loaded.clear()
        if class_id != self.class_id:
            self._arrived_while_loading = []
        self.class_id = class_id
        self.status.setText(self.tr("Loading…"))
        seconds = self.range.currentData()
        since = time.time() - seconds if seconds else None
        state = self.desk.lesson(class_id)
        series = await in_thread(load_series, class_id, since)
        if state is None:                 # an older lesson: its names come from a replay
            state = await in_thread(lesson_state, class_id, self.desk.config.current())
        if class_id != self.class_id:
            return
        self.series, self._state = series, state
        self._dirty = self._new_users = False
        arrived, self._arrived_while_loading = self._arrived_while_loading, []
        for event in arrived:
            if event.class_id == class_id and not series.contains(event.uid, event.sample.time):
                series.append(event.uid, event.sample)
        timezone = school_timezone(self.desk.config, state.sid) if state is not None else None
        self.users.set_scores(series.scores(), self._name)
        self.charts.set_series(series, timezone, self._names())
        self.charts.follow_live(self.range.currentData())
        self.charts.set_marks(self.marks())
        check, self._check_after_load = self._check_after_load, None
        if check is not None and check not in self.users.checked:
            self.users.check(check)
        self._update_status()
        self.loaded.set()

    # --- live --------------------------------------------------------------------------------------
    def _on_push(self, event: Event, lesson: LessonState | None) -> None:
        if isinstance(event, (Enter, Exit)) and event.class_id == self.class_id and event.class_id is not None:
            self._marks_dirty = True
        if not isinstance(event, NetReport) or event.uid is None:
            return
        if lesson is not None and self._shown_once and self.lesson.findData(lesson.class_id) < 0:
            # A lesson that started reporting since the list was read: offer it, don't switch.
            self.lesson.addItem(self.tr("● live · {}").format(lesson_title(lesson)), lesson.class_id)
        if event.class_id != self.class_id:
            return
        if lesson is not None:
            self._state = lesson
        self._marks_dirty = True
        if not self.loaded.is_set():
            # The read in flight may or may not include it: settle after the load.
            self._arrived_while_loading.append(event)
            return
        self._append(event)

    def _append(self, event: NetReport) -> None:
        self._new_users |= not self.series.has_user(event.uid)
        self.series.append(event.uid, event.sample)
        self._dirty = True

    def _tick(self, now: float | None = None) -> None:
        """Every second: new data drawn, marks redone, and a live lesson's time
        axis moved on with the clock."""
        self._redraw_if_dirty()
        if self._marks_dirty:
            self._marks_dirty = False
            self.charts.set_marks(self.marks())
        if self.isVisible() or now is not None:
            live = {lesson.class_id for lesson in self.desk.live_lessons()}
            if self.class_id in live:
                self.charts.follow_clock(time.time() if now is None else now)
            self.follow.setChecked(self.charts.following)

    def _follow_clicked(self, on: bool) -> None:
        if on:
            self.charts.follow_live(self.range.currentData())
            self._tick()
        else:
            self.charts.following = False

    def _on_alarm(self, alarm) -> None:
        if alarm.class_id is not None and alarm.class_id == self.class_id:
            self._marks_dirty = True

    def marks(self) -> list[Mark]:
        """Enters, exits and drops of this lesson's users, and its alarms, for the time axis."""
        state = self._state
        marks: list[Mark] = []
        if state is None:
            return marks
        for uid, p in state.participants.items():
            name = self._name(uid)
            for history in p.histories().values():
                for switch in history:
                    if switch.on:
                        marks.append(Mark(switch.time, "enter", self.tr("{} entered").format(name)))
                    elif switch.info in ABNORMAL_EXIT_REASONS:
                        marks.append(Mark(switch.time, "drop", self.tr("{} dropped out ({})").format(
                            name, exit_reason_label(switch.info))))
                    else:
                        marks.append(Mark(switch.time, "exit", self.tr("{} left").format(name)))
        texts = self.window_.alarm_texts if hasattr(self.window_, "alarm_texts") else None
        for alarm in self.desk.alarms():
            if alarm.class_id == state.class_id:
                title = texts.describe(alarm).title if texts is not None else alarm.kind
                marks.append(Mark(alarm.since, "alarm", title))
        return marks

    def refresh_worst(self) -> None:
        if self.isVisible():
            self.worst.update(worst_users(self.desk.live_lessons()))
            fit_columns(self.worst_table)      # a dozen rows: the numbers fit, the lesson takes the rest
            self._widen_side()

    def _split_moved(self, _pos: int, _index: int) -> None:
        self._split_dragged = True

    def _widen_side(self) -> None:
        """While the worst users are shown, the side grows to show their every
        number (at 1280 px its stretch share left Delay, Loss and CPU behind a
        sideways scroll), the charts keeping more than half of the width, and
        CHARTS_WIDTH (their legends in one line). Not for the lesson's user list:
        it needs no more, and the charts keep the room (at 1920 px they lost a quarter)."""
        sizes = self.split.sizes()
        total = sum(sizes)
        if self._split_dragged or total <= 0 or self.side.currentWidget() is not self.worst_table:
            return
        # The tab's frame measured on the page shown: a page never shown has no geometry yet.
        needed = needed_width(self.worst_table) + self.side.width() - self.side.currentWidget().width()
        side = min(needed, total - max(total * 11 // 20, CHARTS_WIDTH))
        if side > sizes[0]:
            self.split.setSizes([side, total - side])

    def _open_worst(self, index) -> None:
        row = self.worst.rows[index.row()]
        self.show_lesson(row.class_id, check=row.uid)

    def _redraw_if_dirty(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        if self._new_users:
            self._new_users = False
            self.users.set_scores(self.series.scores(), self._name)
        self.charts.redraw()
        self._update_status()

    def _checked_changed(self) -> None:
        self.charts.set_checked(self.users.checked, self._names())

    # --- helpers -------------------------------------------------------------------------------------
    def _name(self, uid: int) -> str:
        return user_name(self._state, uid) if self._state is not None else str(uid)

    def _names(self) -> dict[int, str]:
        return {uid: self._name(uid) for uid in self.users.checked}

    def _update_status(self) -> None:
        users = self.users.rowCount()
        self.status.setText(self.tr("{} network report(s) from {} user(s); lesson curves cover everyone, "
                                    "ticked users get their own line.").format(len(self.series), users))

    async def shutdown(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
