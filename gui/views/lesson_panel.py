"""One lesson: a header, the roster and the activity timeline.

Used by the live view (fed live) and reusable by History: build a
LessonState (e.g. `await in_thread(storage.history.lesson_state, class_id)`)
and call `show_lesson(state, timezone)`."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTableView, QTableWidget, QTabWidget, QVBoxLayout, QWidget)

from lessons.state import LessonState

from ..columns import ColumnLayout, fill_with, fit_columns, needed_width
from ..diagnostic import Diagnostic, copy_text
from ..formatting import local_time
from ..models.labels import TIMELINE_KINDS, kind_label, lesson_title
from ..models.roster_model import NameFilter, RosterModel
from ..models.timeline_model import TimelineFilter, TimelineModel
from .lesson_details import LessonDetails


FIT_ROWS = 15                # rows measured (besides the visible ones) when sizing columns
SIDE_BY_SIDE_WIDTH = 1500    # px; below it the timeline goes under the roster


class SaysWhyEmpty:
    """A table (view or widget) that says why it is empty (`empty_text`)
    instead of showing a blank pane."""

    empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(16, 16, -16, -16)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()


class Table(SaysWhyEmpty, QTableView):
    pass


class TableWidget(SaysWhyEmpty, QTableWidget):
    pass


def table_view(model, sortable: bool = True, empty_text: str = "") -> QTableView:
    """A read-only, row-selecting table as every list in these views uses it."""
    view = Table()
    view.empty_text = empty_text
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # Sized once per lesson from a few rows (fit_columns), never ResizeToContents:
    # that re-measures every row on each dataChanged and froze a 500-user lesson.
    header.setResizeContentsPrecision(FIT_ROWS)
    return view



class LessonPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: LessonState | None = None
        self.timezone: str | None = None

        self.header = QLabel(self.tr("Select a lesson to see who is in it."))
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold; padding: 2px 0;")

        self.roster = RosterModel(self)
        self.roster_proxy = NameFilter(self)
        self.roster_proxy.setSourceModel(self.roster)
        self.roster_view = table_view(self.roster_proxy)
        self.roster_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # Names give way after the problems (both elide, the tooltips hold the whole text):
        # every count, sign and number stays in sight on a 1280 px screen.
        fill_with(self.roster_view, RosterModel.COLUMNS.index("device_problems"),
                  squeeze=RosterModel.COLUMNS.index("name"))
        for column in RosterModel.END_ONLY:      # shown once a lesson's End brings them
            self.roster_view.setColumnHidden(RosterModel.COLUMNS.index(column), True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a participant…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.roster_proxy.setFilterFixedString)
        self.count = QLabel()
        self.diagnostic: Diagnostic | None = None     # set by the view that has the desk
        self.copy_button = QPushButton(self.tr("Copy diagnostic"))
        self.copy_button.setToolTip(self.tr("A ticket block for the selected person, or the lesson when "
                                            "nobody is selected (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy_diagnostic)

        self.timeline = TimelineModel(self)
        self.timeline_proxy = TimelineFilter(self)
        self.timeline_proxy.setSourceModel(self.timeline)
        self.timeline_view = table_view(self.timeline_proxy, sortable=False)
        fill_with(self.timeline_view, TimelineModel.COLUMNS.index("detail"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All activity"), None)
        for kind in TIMELINE_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_chosen)

        roster_box = QWidget()
        roster_layout = QVBoxLayout(roster_box)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        self.actions = top = QHBoxLayout()      # a view may add its own buttons here
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.copy_button)
        roster_layout.addLayout(top)
        roster_layout.addWidget(self.roster_view, 1)

        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(self.kind)
        timeline_layout.addWidget(self.timeline_view, 1)

        # After-class results (ratings, quiz, scores, audience, replays, chat archive) beside the timeline.
        self.details = LessonDetails()
        self.side = QTabWidget()
        self.side.addTab(timeline_box, self.tr("Timeline"))
        self.side.addTab(self.details, self.tr("After class"))
        self.side.currentChanged.connect(self._update_details)

        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(roster_box)
        split.addWidget(self.side)
        # The roster has twelve columns, the timeline four: give the roster the room.
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        for table in (self.roster_view, self.timeline_view):    # no lesson yet: as wide as the headers
            fit_columns(table)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when the roster's twelve columns still fit next to the
        timeline, else the timeline goes below the roster."""
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.split.orientation():
            self.split.setOrientation(orientation)
            extent = event.size().width() if wide else event.size().height()
            self.split.setSizes([extent * 3 // 5, extent * 2 // 5])
            self._share_width()

    def _share_width(self) -> None:
        """Side by side: the roster takes what its columns need, the timeline
        (whose details are the longest texts) the rest."""
        if self.split.orientation() != Qt.Orientation.Horizontal or self.state is None:
            return
        needed = needed_width(self.roster_view) + 24
        total = sum(self.split.sizes())
        if total > 0:
            # The timeline keeps a quarter (380 px) at least: its details are what the desk reads there.
            roster = min(needed, total - max(total // 4, 380))
            self.split.setSizes([roster, total - roster])

    @property
    def class_id(self) -> int | None:
        return self.state.class_id if self.state is not None else None

    def show_lesson(self, state: LessonState | None, timezone: str | None, now: float | None = None) -> None:
        self.state, self.timezone = state, timezone
        self.roster_view.setUpdatesEnabled(False)   # one repaint, not one per row
        try:
            self.roster.set_lesson(state, now)
            self.timeline.set_lesson(state, timezone)
            fit_columns(self.roster_view)
            fit_columns(self.timeline_view)
        finally:
            self.roster_view.setUpdatesEnabled(True)
        self._share_width()
        self._update_header()
        self._update_details()

    def refresh(self, uids: set[int] | None = None, now: float | None = None) -> None:
        """New pushes for this lesson: recompute the changed users' rows (None: all)."""
        if self.state is None:
            return
        self.roster.refresh(uids, now)
        self.timeline.refresh()
        self._update_header()
        self._update_details()

    def roll(self, ticks_per_round: int, now: float | None = None) -> None:
        """Called on every refresh tick: a slice of the roster catches up with the clock."""
        if self.state is not None and self.roster.refresh_rolling(ticks_per_round, now):
            # A round done: people who came since the lesson opened may have longer names or texts.
            fit_columns(self.roster_view, grow_only=True)
            fit_columns(self.timeline_view, grow_only=True)
            self._share_width()

    def select_user(self, uid: int) -> bool:
        """Select and show `uid`'s row (the roster's own search is cleared first)."""
        self.search.clear()
        row = self.roster.row_of(uid)
        if row < 0:
            return False
        index = self.roster_proxy.mapFromSource(self.roster.index(row, 0))
        self.roster_view.selectRow(index.row())
        self.roster_view.scrollTo(index)
        self.roster_view.setFocus()
        return True

    def selected_uid(self) -> int | None:
        rows = self.roster_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.roster.row_at(self.roster_proxy.mapToSource(rows[0]).row()).uid

    def diagnostic_text(self) -> str | None:
        if self.state is None or self.diagnostic is None:
            return None
        uid = self.selected_uid()
        return self.diagnostic.user(self.state, uid) if uid is not None else self.diagnostic.lesson(self.state)

    def copy_diagnostic(self) -> None:
        text = self.diagnostic_text()
        if text is not None:
            copy_text(text, self.copy_button)

    def zone_changed(self) -> None:
        self._update_header()

    def _update_details(self) -> None:
        if self.side.currentWidget() is self.details:      # only while shown: it is redrawn whole
            self.details.show_lesson(self.state)

    def _update_header(self) -> None:
        state = self.state
        if state is None:
            self.header.setText(self.tr("Select a lesson to see who is in it."))
            self.count.setText("")
            return
        teacher = state.teacher
        start, end = state.start_time, state.planned_end
        parts = [lesson_title(state)]
        if teacher is not None:
            parts.append(self.tr("teacher {}").format(teacher.name or teacher.uid))
        if start:
            parts.append("{} – {}".format(local_time(start, self.timezone, zone=False), local_time(end, self.timezone)))
        now = time.time()
        if state.summary_missing(now):
            parts.append(self.tr("ended (no summary)"))
        else:
            parts.append(self.tr("ended") if state.status_at(now) == "ended" else self.tr("live"))
        parts.append("ClassID {}".format(state.class_id))
        self.header.setText(" · ".join(parts))
        for column in RosterModel.END_ONLY:     # End's numbers: no empty columns before it comes
            self.roster_view.setColumnHidden(RosterModel.COLUMNS.index(column), state.end is None)
        ColumnLayout.of(self.roster_view).fill()
        inside = sum(1 for p in state.participants.values() if p.present(state.end_time))
        self.count.setText(self.tr("{} inside · {} in the list").format(inside, len(state.participants)))

    def _kind_chosen(self) -> None:
        kind = self.kind.currentData()
        self.timeline_proxy.set_kinds(None if kind is None else {kind})
