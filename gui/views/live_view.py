"""Live lessons of every configured school at a glance, and the one opened.

Pushes only mark things dirty; a 500 ms timer applies them, so a burst of
hundreds of pushes per second costs one table update, not hundreds."""
from __future__ import annotations

import time

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from app.search import Found

from lessons.events import Event
from lessons.state import LessonState

from ..bridge import MonitorBridge
from ..columns import fill_with, fit_columns
from ..models.labels import lesson_title, school_timezone
from ..models.live_lessons_model import LiveLessonsModel, LiveRow, PeopleCounts, live_row
from ..models.table import ITEM_ROLE, SORT_ROLE
from .gensee_view import LiveRoomsStrip
from ..diagnostic import Diagnostic
from ..export_job import ExportBar, fill_formats
from ..formatting import shown_date
from .finder import Finder
from .freshness import Freshness
from .lesson_panel import LessonPanel, table_view
from ..timers import every

REFRESH_MS = 500          # at most this often
FULL_REFRESH_MS = 15_000  # the table: lessons stop being live without a push
ROSTER_ROUND = FULL_REFRESH_MS // REFRESH_MS   # ticks for the open roster's rolling refresh


class LiveView(QWidget):
    def __init__(self, bridge: MonitorBridge, window: QWidget) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.desk = bridge.desk
        self._dirty_lessons: set[int] = set()
        self._dirty_users: set[int] | None = set()   # of the open lesson; None = all of them
        self._rows: dict[int, LiveRow] = {}           # cache: recomputed only for dirty lessons
        self._counts = PeopleCounts()                 # their people, recounted only for touched users
        self._alarms_dirty = True

        self.model = LiveLessonsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = table_view(self.proxy)
        # Worst first: open alarms, then users in trouble, then hands up (LiveRow.severity).
        self.table.sortByColumn(self.model.COLUMNS.index("alarms"), Qt.SortOrder.DescendingOrder)
        # Few rows, but a push-driven refresh twice a second: size once new lessons come, not per change.
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        # Five lessons stay in sight when search results, a stale warning and Gensee rooms come above and below.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + header.sizeHint().height() + 4)
        # The spare width goes to the lesson's name, not to a stretched count column.
        fill_with(self.table, self.model.COLUMNS.index("lesson"))
        self.model.rowsInserted.connect(lambda *_: fit_columns(self.table))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._open_index)

        self.finder = Finder(self.desk, self.open_found)
        self.summary = QLabel()
        self.freshness = Freshness(bridge)

        self.panel = LessonPanel(self)
        self.panel.diagnostic = Diagnostic(self.desk, window.alarm_texts, self)
        # Export the open lesson from here too (so far only History could).
        self.format = QComboBox()
        fill_formats(self.format)
        self.export_button = QPushButton(self.tr("Export lesson…"))
        self.export_button.clicked.connect(self.export)
        self.panel.actions.addWidget(self.format)
        self.panel.actions.addWidget(self.export_button)
        self.exporter = ExportBar(self.desk.config)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.finder, 1)
        bar.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignTop)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.freshness)
        top_layout.addWidget(self.table, 1)
        # Gensee rooms live now, beside the ClassIn lessons (hidden when none are live).
        self.gensee_rooms = LiveRoomsStrip(
            bridge, open_room=lambda class_no: window.show_view("gensee").select_room(class_no))
        top_layout.addWidget(self.gensee_rooms)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.panel, 1)
        bottom_layout.addWidget(self.exporter)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)

        bridge.pushApplied.connect(self._on_push)
        bridge.alarmChanged.connect(self._on_alarm)
        self._timer = every(self, REFRESH_MS, self._tick)
        self._full_timer = every(self, FULL_REFRESH_MS, self.refresh_all)
        self.refresh_all()

    def title(self) -> str:
        return self.tr("Live lessons")

    def zone_changed(self) -> None:
        self.model.recount_zones()
        fit_columns(self.table)       # the start cells gained or lost their zone
        self.panel.zone_changed()

    def export(self) -> None:
        """The open lesson, as far as it is stored (a live one: up to now)."""
        state = self.panel.state
        if state is not None:
            start = state.start_time or state.planned_start
            day = shown_date(start, school_timezone(self.desk.config, state.sid)) if start else None
            self.exporter.ask([state.class_id], self.format.currentData(), lesson_title(state), day, day)

    def copy_diagnostic(self) -> None:
        self.panel.copy_diagnostic()

    def find(self) -> None:
        self.finder.edit.setFocus()
        self.finder.edit.selectAll()


    def open_found(self, found: Found) -> None:
        """A search result: its lesson opens (live or earlier today) with the person selected."""
        self.finder.edit.clear()
        row = self.model.row_of(found.class_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.open_lesson(found.class_id)
        if found.uid is not None:
            self.panel.select_user(found.uid)

    # --- feed: mark only ------------------------------------------------------------------
    def _on_push(self, event: Event, lesson: LessonState | None) -> None:
        if lesson is None:
            return
        self._dirty_lessons.add(lesson.class_id)
        uid = getattr(event, "uid", None)
        self._counts.touched(lesson.class_id, uid)
        if lesson.class_id == self.panel.class_id and self._dirty_users is not None:
            if uid is None:       # mute-all, End, extension ...: may touch every row
                self._dirty_users = None
            else:
                self._dirty_users.add(uid)

    def _on_alarm(self, _alarm) -> None:
        self._alarms_dirty = True

    # --- refresh ----------------------------------------------------------------------------
    def refresh_all(self) -> None:
        """Every row of the table; the open roster catches up in slices (_tick)."""
        self._rows.clear()        # the people counts stay: pushes keep them exact (PeopleCounts)
        self._alarms_dirty = True
        self._refresh()

    def _tick(self) -> None:
        if self._dirty_lessons or self._alarms_dirty or self._dirty_users != set():
            self._refresh()
        self.panel.roll(ROSTER_ROUND)
        self.freshness.refresh()

    def _refresh(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        alarms: dict[int, int] = {}
        for alarm in self.desk.open_alarms():
            if alarm.class_id is not None:
                alarms[alarm.class_id] = alarms.get(alarm.class_id, 0) + 1
        config = self.desk.config.current()
        schools = config.schools
        rows = []
        for lesson in self.desk.live_lessons(now):
            cached = self._rows.get(lesson.class_id)
            if cached is None or lesson.class_id in self._dirty_lessons or self._alarms_dirty:
                school = schools.get(lesson.sid) if lesson.sid is not None else None
                name = (school.name or str(school.sid)) if school else str(lesson.sid or "")
                cached = live_row(lesson, name, config.zone(lesson.sid),
                                  alarms.get(lesson.class_id, 0), self._counts)
                self._rows[lesson.class_id] = cached
            rows.append(cached)
        self.model.update(rows)
        if self.panel.class_id is None and rows:
            self.table.selectRow(0)     # nothing open yet: the lesson in the worst trouble, at once
        self.summary.setText(self.tr("%n live lesson(s)", "", len(rows)) if rows
                             else self.tr("No live lesson right now: lessons appear with their first push."))
        users, self._dirty_users = self._dirty_users, set()
        if users != set():
            self.panel.refresh(users, now)
        self._dirty_lessons.clear()
        self._alarms_dirty = False

    # --- opening a lesson ---------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._open_index(indexes[0])

    def _open_index(self, index: QModelIndex) -> None:
        class_id = index.data(ITEM_ROLE)
        if class_id is not None and class_id != self.panel.class_id:
            self.open_lesson(class_id)

    def open_lesson(self, class_id: int) -> None:
        state = self.desk.lesson(class_id)
        timezone = school_timezone(self.desk.config, state.sid) if state is not None else None
        self._dirty_users = set()
        self.panel.show_lesson(state, timezone)
