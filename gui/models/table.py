"""The Qt plumbing every data table shares: rows, columns with translated
headers, and a data() that hands each role to a hook of the model.

Views sort and filter through a QSortFilterProxyModel: SORT_ROLE gives it a
comparable key per cell (proxy.setSortRole), and ITEM_ROLE gives a view the
row behind a selected index, mapped back through the proxy like any role."""
from __future__ import annotations

from functools import cache
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# role -> the hook that answers it, where a model overrides that hook
_HOOKS = {
    Qt.ItemDataRole.DisplayRole: "text",
    SORT_ROLE: "sort_key",
    Qt.ItemDataRole.ToolTipRole: "tooltip",
    Qt.ItemDataRole.ForegroundRole: "foreground",
    Qt.ItemDataRole.BackgroundRole: "background",
    Qt.ItemDataRole.TextAlignmentRole: "alignment",
    Qt.ItemDataRole.FontRole: "font",
}


@cache
def brush(colour: str) -> QBrush:
    """One brush per colour: data() is asked for it on every paint of every cell."""
    return QBrush(QColor(colour))


class TableModel(QAbstractTableModel):
    """Row r of the table is row_at(r); column c is COLUMNS[c]. Subclasses give
    headers() and override the hooks they need; each hook gets (row, column name)."""
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        headers = self.headers()
        self._headers = tuple(headers[column] for column in self.COLUMNS)
        # Qt asks data() for a dozen roles per cell on every paint and column fit: a role
        # the model does not answer costs a dict miss, not a Python call returning None.
        cls = type(self)
        self._hooks = {int(role): getattr(cls, name) for role, name in _HOOKS.items()
                       if getattr(cls, name) is not getattr(TableModel, name)}
        self._hooks[int(ITEM_ROLE)] = cls.item

    def headers(self) -> dict[str, str]:
        """Translated header per column; called once, when the model is built."""
        raise NotImplementedError

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    # --- the hooks: the value of their role for one cell, None for nothing ---------------
    def text(self, row: Any, column: str) -> Any:
        return None

    def sort_key(self, row: Any, column: str) -> Any:
        return None

    def tooltip(self, row: Any, column: str) -> str | None:
        return None

    def foreground(self, row: Any, column: str) -> QBrush | None:
        return None

    def background(self, row: Any, column: str) -> QBrush | None:
        return None

    def alignment(self, row: Any, column: str) -> int | None:
        return None

    def font(self, row: Any, column: str) -> QFont | None:
        return None

    def item(self, row: Any, column: str) -> Any:
        """What ITEM_ROLE gives a view for any cell of the row."""
        return row

    def widest(self, column: str) -> list[str]:
        """Texts a column may show later than its first fit (sizing); none by default."""
        return []

    # --- changes ----------------------------------------------------------------------------
    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # --- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hook = self._hooks.get(role)
        if hook is None or not index.isValid():
            return None
        return hook(self, self.row_at(index.row()), self.COLUMNS[index.column()])


class ZonedTableModel(TableModel):
    """A table whose time column says its zone once, in its header, while all
    listed rows share it (the usual morning: schools of one region); only when
    they do not (schools of several zones, or one list across a DST change)
    does each row say its own. Subclasses give ZONED, zone_of() and
    zoned_header(), show their time cells without the zone while shared_zone is
    set, and count the rows they list (count_zones, recount_zones)."""
    ZONED = ""                  # the time column

    def __init__(self, parent=None) -> None:
        self.shared_zone: str | None = None     # the zone label all rows share; None: they differ (or none)
        self._zones: set[str] = set()           # the zone labels of the listed rows
        super().__init__(parent)

    def zone_of(self, row: Any) -> str:
        """The zone label ("UTC+8") of this row's time where it is shown."""
        raise NotImplementedError

    def zoned_header(self, zone: str) -> str:
        """The time column's header naming `zone`."""
        raise NotImplementedError

    def count_zones(self, rows: Iterable[Any]) -> None:
        """`rows` were added to the listed ones."""
        self._zones.update(self.zone_of(row) for row in rows)
        shared = next(iter(self._zones)) if len(self._zones) == 1 else None
        if shared != self.shared_zone:       # the header and every time cell change
            self.shared_zone = shared
            column = self.COLUMNS.index(self.ZONED)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
            if self.rows:
                self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def recount_zones(self) -> None:
        """A new list, or the desk chose another clock: every row's zone may have changed."""
        self._zones.clear()
        self.count_zones(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and self.shared_zone is not None and self.COLUMNS[section] == self.ZONED):
            return self.zoned_header(self.shared_zone)
        return super().headerData(section, orientation, role)


class KeyedTableModel(TableModel):
    """Rows are frozen values with a `key`; update() diffs a fresh list against
    them so selection and scroll position survive the view's refreshes. The
    proxy sorts; ITEM_ROLE gives the key."""

    def update(self, rows: Iterable[Any]) -> None:
        """Changed rows emit dataChanged, vanished rows are removed, new ones appended."""
        wanted = {row.key: row for row in rows}
        for i in range(len(self.rows) - 1, -1, -1):
            if self.rows[i].key not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()
        for i, old in enumerate(self.rows):
            new = wanted.pop(old.key)
            if new != old:
                self.rows[i] = new
                self.row_changed(i)
        self.append_rows(list(wanted.values()))

    def row_of(self, key: Any) -> int:
        return next((i for i, row in enumerate(self.rows) if row.key == key), -1)

    def item(self, row: Any, column: str) -> Any:
        return row.key

    def text(self, row: Any, column: str) -> Any:
        value = getattr(row, column)
        return "—" if value is None else str(value)

    def sort_key(self, row: Any, column: str) -> Any:
        value = getattr(row, column)
        return -1 if value is None else value
