"""Column widths for the data tables: fit the contents once real rows are
there, but never let one long value (a CPU model, a JSON-ish reason) push the
columns the desk acts on out of sight; the full text is in the tooltip."""
from __future__ import annotations

from PySide6.QtWidgets import QTableView

MAX_COLUMN_WIDTH = 260


def fit_columns(table: QTableView, cap: int = MAX_COLUMN_WIDTH) -> None:
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    last = header.count() - 1
    for column in range(header.count()):
        if column != last or not header.stretchLastSection():
            header.resizeSection(column, min(header.sectionSize(column), cap))
