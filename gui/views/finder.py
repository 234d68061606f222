"""The Live page's search: a person (name, nickname, UID, phone) or a lesson,
across the live lessons and the day's earlier ones; choosing a result opens
the lesson with that person selected."""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.desk import Desk
from app.search import Found, find

from ..formatting import day_bounds, local_time, shown_date
from ..models.labels import school_timezone
from ..timers import coalescing

VISIBLE_RESULTS = 8


def start_of_today(zones: list[str | None], now: float) -> float:
    """The earliest midnight of "today" where the schools' times are shown."""
    return min(day_bounds(shown_date(now, tz), shown_date(now, tz), tz)[0] for tz in [None, *zones])


class Finder(QWidget):
    def __init__(self, desk: Desk, open_found: Callable[[Found], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.open_found = open_found
        self.found: list[Found] = []
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find a student or teacher (name, UID, phone) or a lesson…"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.results.hide()
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self._timer = coalescing(self, 150, self.search)     # one search per typing pause
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self._open_first)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.edit.clear()
                return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.edit.text().strip()

    def search(self) -> None:
        live = {lesson.class_id for lesson in self.desk.live_lessons()}
        now = time.time()
        zones = [school.timezone for school in self.desk.config.current().schools.values()]
        self.found = find(self.desk.school, self.text(), live, start_of_today(zones, now))
        self.results.clear()
        for found in self.found:
            item = QListWidgetItem(self._describe(found))
            item.setData(Qt.ItemDataRole.UserRole, found)
            self.results.addItem(item)
        if self.text() and not self.found:
            self.results.addItem(self.tr("Nobody and no lesson of today matches “{}”.").format(self.text()))
        rows = min(max(self.results.count(), 1), VISIBLE_RESULTS)
        self.results.setFixedHeight(rows * (self.results.fontMetrics().height() + 6) + 4)
        self.results.setVisible(bool(self.text()))

    def _describe(self, found: Found) -> str:
        lesson = self.desk.lesson(found.class_id)
        title = (lesson.schedule.get("class_name") if lesson is not None else None) or str(found.class_id)
        tz = school_timezone(self.desk.config, lesson.sid) if lesson is not None else None
        when = self.tr("live now") if found.live else self.tr("earlier today, {}").format(
            local_time(found.start, tz)) if found.start else self.tr("earlier today")
        if found.uid is None:
            return self.tr("Lesson {} · ClassID {} · {}").format(title, found.class_id, when)
        return self.tr("{} · UID {} · in {} · {}").format(found.name, found.uid, title, when)

    def _open_first(self) -> None:
        self._timer.stop()
        self.search()
        if self.found:
            self.open_found(self.found[0])

    def _activated(self, item: QListWidgetItem) -> None:
        found = item.data(Qt.ItemDataRole.UserRole)
        if found is not None:
            self.open_found(found)
