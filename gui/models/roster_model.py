"""The roster of one lesson: one row per user who entered (or was reported).

Rows are lessons.summary's participant rows, so the numbers match the
exports. A refresh recomputes only the users that changed since the last
one (a 1,000-user lesson must not be re-summarised twice a second).

The model sorts itself (one Python sort on precomputed keys): letting
QSortFilterProxyModel sort calls data() n·log n times across the
Python/C++ boundary, which alone took ~70 ms for a 450-user lesson."""
from __future__ import annotations

import time
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

from lessons.participant import Participant
# The per-user row and columns of the lesson summary: the same numbers and headers as the export.
from lessons.participant_row import COLUMN, ParticipantRow, participant_row
from lessons.state import LessonState
from lessons.summary import counted_until

from ..alarm_texts import AlarmTexts
from ..formatting import duration
from .labels import device_label, identity_label, listed
from .table import TableModel, brush

WARN_BG = brush("#fff3cd")
BAD_BG = brush("#f8d7da")
HAND_BG = brush("#d1e7ff")
DARK_TEXT = brush("#212121")    # readable on the tints in dark themes too

Row = ParticipantRow


def _summary_window(state: LessonState, now: float) -> tuple[int, int | None, int | None]:
    """(until, end_time, start) exactly as lessons.summary.summary() takes them."""
    return counted_until(state, now), state.end_time_at(now), state.start_time


class RosterModel(TableModel):
    # Keys of lessons.participant_row's column table; the End-only ones stay empty until End comes.
    COLUMNS = ("name", "identity_label", "device_label", "present", "entries", "attended_seconds", "hands_up",
               "stage_seconds", "mute_count", "awards", "net_quality", "device_problems",
               "speak_seconds", "microphone_seconds", "camera_seconds")
    END_ONLY = ("speak_seconds", "microphone_seconds", "camera_seconds")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._problems = AlarmTexts(None, self)   # diagnostics' English problem lines, translated
        self._state: LessonState | None = None
        self._index: dict[int, int] = {}      # uid -> row
        self._cells: dict[int, _Cells] = {}   # uid -> texts, brushes, sort keys of its row
        self._sort_column, self._sort_order = 0, Qt.SortOrder.AscendingOrder
        self._cursor = 0      # next row of the rolling refresh

    def headers(self) -> dict[str, str]:
        return {key: QCoreApplication.translate("ParticipantColumn", COLUMN[key].header) for key in self.COLUMNS}

    # --- updates ------------------------------------------------------------------------
    def set_lesson(self, state: LessonState | None, now: float | None = None) -> None:
        self.beginResetModel()
        self._state = state
        self.rows, self._index, self._cells = [], {}, {}
        if state is not None:
            window = _summary_window(state, time.time() if now is None else now)
            self.rows = [self._row(state, p, window) for p in state.participants.values()]
            self._sort_rows()
        self._cursor = 0
        self.endResetModel()

    def refresh(self, uids: set[int] | None = None, now: float | None = None) -> None:
        """Recompute the rows of `uids` in place (None: everyone, then re-sort).
        Rows don't jump on every push; refresh_rolling re-sorts now and then."""
        state = self._state
        if state is None:
            return
        window = _summary_window(state, time.time() if now is None else now)
        targets = state.participants.keys() if uids is None else uids
        new = [uid for uid in targets if uid not in self._index and uid in state.participants]
        for uid in targets:
            i = self._index.get(uid)
            if i is None:
                continue
            row = self._row(state, state.participants[uid], window)
            if row != self.rows[i]:
                self.rows[i] = row
                self.row_changed(i)
        if new:
            self._index.update((uid, len(self.rows) + n) for n, uid in enumerate(new))
            self.append_rows([self._row(state, state.participants[uid], window) for uid in new])
        if uids is None:
            self.sort(self._sort_column, self._sort_order)

    def refresh_rolling(self, ticks_per_round: int, now: float | None = None) -> bool:
        """Recompute the next 1/ticks_per_round of the rows (attended time runs
        on without pushes) and re-sort after each full round. Spread over ticks:
        all 500 rows at once was a 100 ms+ stall every 15 s."""
        if self._state is None or not self.rows:
            return False
        count = -(-len(self.rows) // ticks_per_round)
        uids = {row.uid for row in self.rows[self._cursor:self._cursor + count]}
        self._cursor += count
        self.refresh(uids, now)
        if self._cursor >= len(self.rows):
            self._cursor = 0
            self.sort(self._sort_column, self._sort_order)
            return True
        return False

    def row_of(self, uid: int) -> int:
        return self._index.get(uid, -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        uids = [self.rows[i.row()].uid for i in persistent]
        self._sort_rows()
        self.changePersistentIndexList(persistent, [self.index(self._index[uid], i.column())
                                                    for uid, i in zip(uids, persistent)])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column = self.COLUMNS[self._sort_column]
        cells = self._cells
        self.rows.sort(key=lambda row: cells[row.uid].sort[column],
                       reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._index = {row.uid: i for i, row in enumerate(self.rows)}

    def _row(self, state: LessonState, p: Participant, window: tuple[int, int | None, int | None]) -> Row:
        row = participant_row(state, p, *window)
        if not row.name:
            row.name = str(p.uid)
        # Texts, brushes and sort keys once per change: Qt asks data() for every
        # cell and role on each paint and column fit, across the Python boundary.
        self._cells[p.uid] = _Cells(_sort_keys(row), {column: self._cell_text(row, column) for column in self.COLUMNS},
                                    {column: _background(row, column) for column in self.COLUMNS})
        return row

    # --- cells: precomputed by _row ------------------------------------------------------
    def text(self, row: Row, column: str) -> str:
        return self._cells[row.uid].text[column]

    def background(self, row: Row, column: str) -> QBrush | None:
        return self._cells[row.uid].brush[column]

    def foreground(self, row: Row, column: str) -> QBrush | None:
        return DARK_TEXT if self._cells[row.uid].brush[column] is not None else None

    def _cell_text(self, row: Row, column: str) -> str:
        if column == "name":
            return row.name
        if column == "identity_label":
            return identity_label(row.identity)
        if column == "device_label":
            text = device_label(row.device)
            return text + (" +{}".format(row.deputies) if row.deputies else "")
        if column == "present":
            text = self.tr("● in") if row.present else self.tr("○ out")
            if row.abnormal_exits:
                text += " ⚠ " + self.tr("%n drop(s)", "", row.abnormal_exits)
            return text
        if column == "entries":
            return str(row.entries)
        if column == "attended_seconds":
            return duration(row.attended_seconds)
        if column == "hands_up":
            # No emoji (✋ rendered as a box with the CJK fonts): a sign and words.
            count = "{}×".format(row.hands_up) if row.hands_up else "0"
            return self.tr("▲ up now · {}").format(count) if row.hand_up else count
        if column == "stage_seconds":
            if not row.stage_up_count and not row.on_stage:
                return "—"
            text = "{}× · {}".format(row.stage_up_count, duration(row.stage_seconds))
            # Under the "On stage" header the sign says it: the words were what pushed
            # the device problems behind a sideways scroll at 1280 px (tooltip: in full).
            return self.tr("▲ now · {}").format(text) if row.on_stage else text
        if column == "mute_count":
            return self.tr("muted") if row.muted else (str(row.mute_count) + "×" if row.mute_count else "")
        if column == "awards":
            return str(row.awards)
        if column == "net_quality":
            quality = row.net_quality
            text = "{:.0%} ".format(quality) + self.tr("usable") if quality is not None else "—"
            return "⚠ " + text if row.network_problems else text
        if column == "device_problems":
            problems = row.device_problems
            if problems:     # the first problem in words, how many more in the language's brackets; all in the tooltip
                first = "⚠ " + self._problems.problem(problems[0])
                return self.tr("{} (+{})").format(first, len(problems) - 1) if len(problems) > 1 else first
            return self.tr("OK") if row.checked else "—"
        if column in self.END_ONLY:
            seconds = getattr(row, column)
            return duration(seconds) if seconds is not None else "—"
        return ""

    def tooltip(self, row: Row, column: str) -> str | None:
        if column == "name":     # the whole name: a narrow window elides it
            return "{}\nUID {}".format(row.name, row.uid)
        if column == "net_quality" and row.network_problems:
            return "\n".join(map(self._problems.problem, row.network_problems))
        if column == "device_problems" and row.device_problems:
            return "\n".join(map(self._problems.problem, row.device_problems))
        if column == "stage_seconds" and (row.stage_up_count or row.on_stage):
            times = self.tr("%n time(s) on stage, {} in all", "", row.stage_up_count).format(
                duration(row.stage_seconds))
            return self.tr("On stage now") + "\n" + times if row.on_stage else times
        if column == "present" and (row.late or row.left_early):
            return listed(t for t, flag in ((self.tr("late"), row.late),
                                            (self.tr("left early"), row.left_early)) if flag)
        return None


class _Cells(NamedTuple):
    sort: dict[str, Any]
    text: dict[str, str]
    brush: dict[str, QBrush | None]


def _background(row: Row, column: str) -> QBrush | None:
    if column == "net_quality" and row.network_problems:
        return BAD_BG if (row.net_quality or 0) < 0.5 else WARN_BG
    if column == "device_problems" and row.device_problems:
        return BAD_BG
    if column == "present" and row.abnormal_exits:
        return WARN_BG
    if column == "hands_up" and row.hand_up:
        return HAND_BG
    return None


def _sort_keys(row: Row) -> dict[str, Any]:
    """Comparable keys per column, computed once per row change."""
    return {
        "name": (row.name or "").casefold(), "identity_label": row.identity or 0,
        "device_label": row.device if row.device is not None else -1,
        "present": (row.present, -row.abnormal_exits), "entries": row.entries,
        "attended_seconds": row.attended_seconds, "hands_up": (row.hand_up, row.hands_up),
        "stage_seconds": (row.on_stage, row.stage_seconds), "mute_count": (row.muted, row.mute_count),
        "awards": row.awards,
        # Worst first when sorted ascending: no data sorts after real numbers.
        "net_quality": row.net_quality if row.net_quality is not None else 2.0,
        "device_problems": -len(row.device_problems),
        **{column: getattr(row, column) if getattr(row, column) is not None else -1
           for column in RosterModel.END_ONLY},
    }


class NameFilter(QSortFilterProxyModel):
    """Filters by name; sorting is handed to RosterModel.sort (see the module doc)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
