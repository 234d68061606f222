"""Users of the charted lesson, worst network first, with checkboxes to pick
whose own lines are drawn (the lesson curves always cover everyone)."""
from __future__ import annotations

import math
from typing import Any, Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ..charts import user_colour
from .net_series import UserScore

UID_ROLE = Qt.ItemDataRole.UserRole
MAX_CHECKED = 8     # more lines than this are unreadable; the lesson band shows the rest


class NetUsersModel(QAbstractListModel):
    checkedChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._scores: list[UserScore] = []
        self._names: dict[int, str] = {}
        self.checked: list[int] = []      # in the order they were ticked: colours stay put

    def set_scores(self, scores: list[UserScore], name_of: Callable[[int], str]) -> None:
        """New data (worst first); ticks of users still listed are kept."""
        self.beginResetModel()
        self._scores = scores
        self._names = {s.uid: name_of(s.uid) for s in scores}
        listed = set(self._names)
        self.checked = [uid for uid in self.checked if uid in listed]
        self.endResetModel()

    def check_worst(self, count: int) -> None:
        self.checked = [s.uid for s in self._scores[:min(count, MAX_CHECKED)]]
        self._all_changed()

    def check(self, uid: int) -> None:
        """Tick `uid` (the oldest tick gives way when all are taken)."""
        self.checked = [u for u in self.checked if u != uid][-(MAX_CHECKED - 1):] + [uid]
        self._all_changed()

    def clear_checks(self) -> None:
        self.checked = []
        self._all_changed()

    def name(self, uid: int) -> str:
        return self._names.get(uid, str(uid))

    def _all_changed(self) -> None:
        if self._scores:
            self.dataChanged.emit(self.index(0), self.index(len(self._scores) - 1),
                                  [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole])
        self.checkedChanged.emit()

    # --- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._scores)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        score = self._scores[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            delay = "—" if math.isnan(score.delay_ms) else "{:.0f} ms".format(score.delay_ms)
            return self.tr("{name} · {degraded:.0%} degraded · {delay}").format(
                name=self._names[score.uid], degraded=score.degraded, delay=delay)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if score.uid in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("UID {} · {} report(s) · loss {:.1f} %").format(
                score.uid, score.samples, 0.0 if math.isnan(score.loss_percent) else score.loss_percent)
        if role == Qt.ItemDataRole.DecorationRole and score.uid in self.checked:
            return QColor(user_colour(self.checked.index(score.uid)))
        if role == UID_ROLE:
            return score.uid
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        uid = self._scores[index.row()].uid
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on and uid not in self.checked:
            if len(self.checked) >= MAX_CHECKED:
                return False
            self.checked.append(uid)
        elif not on and uid in self.checked:
            self.checked.remove(uid)
        else:
            return False
        self._all_changed()     # unticking moves later users to other colours
        return True
