"""Column widths for the data tables: fit the contents once real rows are
there, but never let one long value (a CPU model, a JSON-ish reason) push the
columns the desk acts on out of sight; the full text is in the tooltip.

A table may name its main text column (`fill_with`): that one takes the width
the others leave, shrinking down to MIN_MAIN_WIDTH before the table scrolls
sideways (a stretched last column of sizes or counts said nothing, and a long
device problem pushed the roster off the screen). It may also name a column
that gives way next (`squeeze`: the roster's names), down to MIN_SQUEEZED_WIDTH
(`squeeze_least`: less for a column whose first words say enough, a device
check's machine "PC · Windo…"); both elide, and their models put the whole text in the tooltip. `least` is how
narrow the main column may get: more where its text is the row's meaning, less
in a narrow pane whose numbers matter more (the worst users' delay, loss and
CPU). With `main_first` the squeezed column gives way as soon as the main one's
text is cut (an alarm's words before its lesson's name), not only at `least`.

A column whose text changes after the fit (an alarm's "5 s ago" becomes "59 min
ago", a room's status) is as wide as the longest text its model lists for it
(`widest`), as the cell draws it.

A column of counts is as wide as its header's words: the room Qt's header keeps
for the sort arrow in every section is given to the sorted one only (twelve
arrows' room was what pushed the roster sideways on a 1280 px screen).

Widths the user drags are the user's: every refit keeps them, and the window
saves them across restarts."""
from __future__ import annotations

import json
from contextlib import contextmanager

from PySide6.QtCore import QAbstractProxyModel, QEvent, QObject, QSize
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionViewItem, QTableView

MAX_COLUMN_WIDTH = 260
MIN_MAIN_WIDTH = 120
MIN_SQUEEZED_WIDTH = 110


class ColumnLayout(QObject):
    """One table's main column and the widths its user chose."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        self.main: int | None = None
        self.squeezed: int | None = None
        self.least = MIN_MAIN_WIDTH
        self.squeeze_least = MIN_SQUEEZED_WIDTH
        self.main_first = False
        self.user: dict[int, int] = {}        # column -> width the user dragged it to
        self.fitted: dict[int, int] = {}      # column -> width its contents want (the last fit)
        self._ours = 0                        # > 0 while we resize: not the user's doing
        self._dragging = False
        header = table.horizontalHeader()
        header.sectionResized.connect(self._resized)
        header.sortIndicatorChanged.connect(self._sorted)
        # Compared by identity in eventFilter: no call into a table that may be half destroyed.
        self._viewport, self._header_viewport = table.viewport(), header.viewport()
        self._header_viewport.installEventFilter(self)
        self._viewport.installEventFilter(self)

    @staticmethod
    def of(table: QTableView) -> "ColumnLayout":
        found = table.findChild(ColumnLayout)
        return found if found is not None else ColumnLayout(table)

    @contextmanager
    def ours(self):
        self._ours += 1
        try:
            yield
        finally:
            self._ours -= 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind == QEvent.Type.Resize:
                self.fill()
        elif watched is not self._header_viewport:
            pass
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._dragging = True          # a drag (or a double-click on a border) resizes for the user
        elif kind == QEvent.Type.MouseButtonRelease:
            self._dragging = False
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        header = self.table.horizontalHeader()
        if self._ours or not self._dragging or (header.stretchLastSection() and column == _last_visible(header)):
            return      # ours, Qt's own, or the stretched last column following the others
        self.user[column] = new
        if column != self.main:
            self.fill()

    def _sorted(self, column: int, _order) -> None:
        """The newly sorted column gets its arrow's room (fit_columns gave it to the sorted one only)."""
        header = self.table.horizontalHeader()
        if column < 0 or column in self.user or column == self.main or header.isSectionHidden(column):
            return
        wanted = header.sectionSizeHint(column)
        if header.sectionSize(column) < wanted:
            self.fitted[column] = max(self.fitted.get(column, 0), wanted)
            with self.ours():
                header.resizeSection(column, wanted)
            self.fill()

    def wanted(self, column: int) -> int:
        """The width `column` has, or would have if nothing squeezed it."""
        width = self.table.horizontalHeader().sectionSize(column)
        return max(width, self.fitted.get(column, 0)) if column == self.squeezed else width

    def fill(self) -> None:
        """The main column takes what the others leave (`least` at least);
        when that is not enough, the squeezed column gives way (`squeeze_least` at least)."""
        main = self.main
        if main is None or main in self.user or self.table.isColumnHidden(main):
            return
        header = self.table.horizontalHeader()
        squeezed = self.squeezed
        if squeezed is not None and (squeezed in self.user or header.isSectionHidden(squeezed)):
            squeezed = None
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c not in (main, squeezed) and not header.isSectionHidden(c))
        room = self.table.viewport().width() - others
        widths = {}
        if squeezed is not None:
            wanted = self.wanted(squeezed)
            # main_first: the main column's whole text (fit_columns' width) before the squeezed one's.
            keep = room - (max(self.least, self.fitted.get(main, 0)) if self.main_first else self.least)
            widths[squeezed] = max(min(wanted, keep), min(wanted, self.squeeze_least))
            room -= widths[squeezed]
        widths[main] = max(self.least, room)
        with self.ours():
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)

    # -- saved across restarts -----------------------------------------------------------------
    def saved(self) -> str:
        return json.dumps({"columns": self.table.horizontalHeader().count(),
                           "widths": {str(c): w for c, w in self.user.items()}})

    def restore(self, text: object) -> None:
        try:
            saved = json.loads(text) if isinstance(text, str) else None
            if not isinstance(saved, dict) or saved.get("columns") != self.table.horizontalHeader().count():
                return            # another version's columns: their widths would land on the wrong ones
            self.user = {int(c): int(w) for c, w in saved["widths"].items() if int(w) > 0}
        except (ValueError, KeyError, TypeError, AttributeError):
            return
        header = self.table.horizontalHeader()
        with self.ours():
            for column, width in self.user.items():
                if column < header.count():
                    header.resizeSection(column, width)
        self.fill()


def _last_visible(header: QHeaderView) -> int:
    for visual in range(header.count() - 1, -1, -1):
        column = header.logicalIndex(visual)
        if not header.isSectionHidden(column):
            return column
    return -1


def fill_with(table: QTableView, column: int, squeeze: int | None = None, least: int = MIN_MAIN_WIDTH,
              main_first: bool = False, squeeze_least: int = MIN_SQUEEZED_WIDTH) -> None:
    """Make `column` the table's main text column, and `squeeze` the one that
    gives way after it, or before it with `main_first` (see the module's docstring)."""
    layout = ColumnLayout.of(table)
    layout.main, layout.squeezed, layout.least, layout.main_first = column, squeeze, least, main_first
    layout.squeeze_least = squeeze_least
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)


def needed_width(table: QTableView) -> int:
    """The table's width with every column as its contents want it (the main
    one too, up to MAX_COLUMN_WIDTH, `least` at least) and a vertical scroll bar: what a splitter
    gives it before anything elides."""
    header = table.horizontalHeader()
    layout = ColumnLayout.of(table)
    main = layout.main
    needed = sum(layout.wanted(c) for c in range(header.count()) if c != main and not header.isSectionHidden(c))
    if main is not None and not header.isSectionHidden(main):
        # fill() never makes it narrower than `least`, however short its texts ("stored").
        needed += max(min(max(table.sizeHintForColumn(main), header.sectionSizeHint(main)), MAX_COLUMN_WIDTH),
                      layout.least)
    return needed + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()


def _header_widths(header: QHeaderView) -> list[int]:
    """Each section's width for its words; the sorted one's with its arrow."""
    with_arrow = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
    shown = header.isSortIndicatorShown()
    header.setSortIndicatorShown(False)
    try:
        widths = [header.sectionSizeHint(column) for column in range(header.count())]
    finally:
        header.setSortIndicatorShown(shown)
    if 0 <= with_arrow < len(widths):
        widths[with_arrow] = header.sectionSizeHint(with_arrow)
    return widths


def _later_width(table: QTableView, column: int) -> int:
    """The widest text the model says `column` may show after this fit, drawn
    as its first cell is (its font: an open alarm's row is bold)."""
    model = table.model()
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    texts = model.widest(model.COLUMNS[column]) if hasattr(model, "widest") else []
    if not texts or table.model().rowCount() == 0:
        return 0
    # As sizeHintForColumn measures a cell: the view's options, then the delegate's.
    option, first = QStyleOptionViewItem(), table.model().index(0, column)
    table.initViewItemOption(option)
    table.itemDelegateForIndex(first).initStyleOption(option, first)
    widths = []
    for text in texts:
        option.text = text
        widths.append(table.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(),
                                                     table).width())
    return max(widths) + (1 if table.showGrid() else 0)     # sizeHintForColumn's room for the grid line


def fit_columns(table: QTableView, cap: int = MAX_COLUMN_WIDTH, grow_only: bool = False) -> None:
    """`grow_only`: a refit while the desk works (longer names came) never
    narrows a column, so one the user widened stays so."""
    layout = ColumnLayout.of(table)
    header = table.horizontalHeader()
    before = [header.sectionSize(column) for column in range(header.count())]
    last = header.count() - 1
    words = _header_widths(header)
    with layout.ours():
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            if column in layout.user:
                width = layout.user[column]
            else:
                # As resizeColumnsToContents, without an arrow's room in every header.
                natural = max(table.sizeHintForColumn(column), words[column], _later_width(table, column))
                width = min(natural, cap)
                if grow_only and not (column == last and header.stretchLastSection()):
                    width = max(width, before[column])
                # fill() cuts the main and the squeezed column only where room is short:
                # on a wide screen both show their whole text (a device check's problems,
                # then its machine, at 1920 px), not the cap's.
                layout.fitted[column] = max(width, natural) if column in (layout.main, layout.squeezed) else width
            # A stretched last column is capped too: it then fills the rest of the
            # view, never more (wider made the whole table scroll sideways).
            header.resizeSection(column, width)
    layout.fill()
