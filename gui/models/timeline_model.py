"""A lesson's activity timeline, newest first, with a filter by kind.

LessonState.timeline is append-only in arrival order; late bursts arrive out
of event order, so new entries are inserted at their sorted place (bisect)
instead of re-sorting and resetting the whole list on every refresh."""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt

from lessons.state import LessonState, TimelineEntry
from lessons.texts import Detail
from lessons.timeline_words import detail_words

from ..alarm_texts import AlarmTexts
from ..formatting import local_time, zone_label
from .labels import kind_label, user_name
from .table import Index, TableModel

RESET_ABOVE = 500     # more new entries than this at once: one reset is cheaper than many inserts


class TimelineModel(TableModel):
    COLUMNS = ("time", "name", "kind", "detail")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._state: LessonState | None = None
        self._timezone: str | None = None
        self.rows: list[TimelineEntry] = []     # ascending; row r shows rows[-1 - r]
        self._seen = 0                          # how many of state.timeline are in rows
        self._problems = AlarmTexts(None, self)   # diagnostics' English problem lines, translated

    def headers(self) -> dict[str, str]:
        return {"time": self.tr("Time"), "name": self.tr("Who"), "kind": self.tr("What"),
                "detail": self.tr("Details")}

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        """The zone once in the header, not on every row; none before a lesson is
        shown (this PC's would be named, not the school's)."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and self.COLUMNS[section] == "time" and self._state is not None):
            return self.tr("Time ({})").format(zone_label(self._timezone))
        return super().headerData(section, orientation, role)

    def row_at(self, row: int) -> TimelineEntry:
        return self.rows[-1 - row]

    def set_lesson(self, state: LessonState | None, timezone: str | None) -> None:
        self.beginResetModel()
        self._state, self._timezone = state, timezone
        self.rows = sorted(state.timeline) if state is not None else []
        self._seen = len(self.rows)
        self.endResetModel()

    def refresh(self) -> None:
        state = self._state
        if state is None or len(state.timeline) == self._seen:
            return
        fresh = sorted(state.timeline[self._seen:])
        self._seen = len(state.timeline)
        if not self.rows or fresh[0] >= self.rows[-1]:
            # The usual case: all newer than what is shown -> one block at the top.
            # (One insert per entry made the filter proxy remap ~4,000 rows each time.)
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()
        elif len(fresh) > RESET_ABOVE:
            self.set_rows(sorted(self.rows + fresh))
        else:                 # late arrivals (a blocked queue's burst): each at its place
            for entry in fresh:
                position = bisect_left(self.rows, entry)
                row = len(self.rows) - position
                self.beginInsertRows(QModelIndex(), row, row)
                self.rows.insert(position, entry)
                self.endInsertRows()

    def kinds(self) -> list[str]:
        return sorted({e.kind for e in self.rows})

    # --- cells ---------------------------------------------------------------------------
    def text(self, entry: TimelineEntry, column: str) -> str:
        if column == "time":
            return local_time(entry.time, self._timezone, zone=False)
        if column == "name":
            return user_name(self._state, entry.uid)
        if column == "kind":
            return kind_label(entry.kind)
        return self.detail_text(entry.detail)

    def tooltip(self, entry: TimelineEntry, column: str) -> str | None:
        # The whole of a cut detail, with ClassIn's codes for whoever asks ClassIn about it.
        if column != "detail":
            return None
        return detail_words(entry.detail, QCoreApplication.translate, self._problems.problem, with_codes=True)

    def detail_text(self, detail: Detail) -> str:
        """In words: "network connection broken", not "network connection broken (56)"."""
        return detail_words(detail, QCoreApplication.translate, self._problems.problem)


class TimelineFilter(QSortFilterProxyModel):
    """Shows the chosen kinds only (None: all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kinds: set[str] | None = None

    def set_kinds(self, kinds: set[str] | None) -> None:
        if hasattr(self, "endFilterChange"):      # Qt >= 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._kinds = kinds
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._kinds = kinds
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._kinds is None:
            return True
        return self.sourceModel().row_at(source_row).kind in self._kinds
