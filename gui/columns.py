"""Column widths for the data tables: fit the contents once real rows are
there, but never let one long value (a CPU model, a JSON-ish reason) push the
columns the desk acts on out of sight; the full text is in the tooltip."""
from __future__ import annotations

from PySide6.QtWidgets import QTableView

MAX_COLUMN_WIDTH = 260


def fit_columns(table: QTableView, cap: int = MAX_COLUMN_WIDTH, grow_only: bool = False) -> None:
    """`grow_only`: a refit while the desk works (longer names came) never
    narrows a column, so one the user widened stays so."""
    header = table.horizontalHeader()
    before = [header.sectionSize(column) for column in range(header.count())]
    table.resizeColumnsToContents()
    last = header.count() - 1
    for column in range(header.count()):
        width = min(header.sectionSize(column), cap)
        if grow_only and not (column == last and header.stretchLastSection()):
            width = max(width, before[column])
        # A stretched last column is capped too: it then fills the rest of the
        # view, never more (wider made the whole table scroll sideways).
        header.resizeSection(column, width)
