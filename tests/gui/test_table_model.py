"""gui/models/table.py: the roles a model answers, and KeyedTableModel's diffing
update that keeps the view's selection and scroll position."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from gui.models.table import CENTRE, ITEM_ROLE, SORT_ROLE, KeyedTableModel


@dataclass(frozen=True)
class Row:
    key: str
    count: int | None


class Counts(KeyedTableModel):
    COLUMNS = ("key", "count")

    def headers(self) -> dict[str, str]:
        return {"key": "Key", "count": "Count"}

    def alignment(self, row: Row, column: str) -> int | None:
        return CENTRE if column == "count" else None


def test_roles_come_from_the_hooks_a_model_overrides(qapp):
    model = Counts()
    model.update([Row("a", 3), Row("b", None)])
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.headerData(1, Qt.Orientation.Vertical) is None
    count, missing = model.index(0, 1), model.index(1, 1)
    assert (count.data(), missing.data()) == ("3", "—")
    assert (count.data(SORT_ROLE), missing.data(SORT_ROLE)) == (3, -1)
    assert count.data(ITEM_ROLE) == "a"
    assert count.data(Qt.ItemDataRole.TextAlignmentRole) == CENTRE
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert count.data(Qt.ItemDataRole.ToolTipRole) is None          # not overridden: not answered
    assert count.data(Qt.ItemDataRole.BackgroundRole) is None


def test_update_changes_removes_and_appends_in_place(qapp):
    model = Counts()
    model.update([Row("a", 1), Row("b", 2), Row("c", 3)])
    signals: list[tuple] = []
    model.dataChanged.connect(lambda top, bottom, _roles: signals.append(
        ("changed", top.row(), top.column(), bottom.row(), bottom.column())))
    model.rowsRemoved.connect(lambda _parent, first, last: signals.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _parent, first, last: signals.append(("inserted", first, last)))

    model.update([Row("c", 30), Row("a", 1), Row("d", 4), Row("e", 5)])
    assert signals == [("removed", 1, 1), ("changed", 1, 0, 1, 1), ("inserted", 2, 3)]
    assert [r.key for r in model.rows] == ["a", "c", "d", "e"]

    signals.clear()
    model.update(list(model.rows))
    assert signals == []
