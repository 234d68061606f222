"""Past lessons (rows of storage.history.lessons_between) as a table, times in
each lesson's school time zone."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from storage.config import ConfigStore

from ..formatting import duration, local_time
from .labels import school_timezone

Index = QModelIndex | QPersistentModelIndex
LESSON_ROLE = Qt.UserRole + 1


def lesson_start(row: dict[str, Any]) -> int | None:
    return row.get("start_time") or row.get("first_activity") or row.get("planned_start")


class HistoryModel(QAbstractTableModel):
    START, SCHOOL, LESSON, COURSE, TEACHER, CLASS_ID, LENGTH, PEOPLE, SUMMARY = range(9)

    def __init__(self, config: ConfigStore, parent=None):
        super().__init__(parent)
        self.config = config
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def school_name(self, sid: int | None) -> str:
        school = self.config.current().schools.get(sid) if sid is not None else None
        return (school.name or str(sid)) if school is not None else ("—" if sid is None else str(sid))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Start"), self.tr("School"), self.tr("Lesson"), self.tr("Course"),
                    self.tr("Teacher"), self.tr("ClassID"), self.tr("Length"), self.tr("People"),
                    self.tr("Summary"))[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == LESSON_ROLE:
            return row
        if role != Qt.DisplayRole:
            return None
        if column == self.START:
            return local_time(lesson_start(row), school_timezone(self.config, row["sid"]), with_date=True)
        if column == self.SCHOOL:
            return self.school_name(row["sid"])
        if column == self.LENGTH:
            start, end = lesson_start(row), row.get("end_time") or row.get("last_activity")
            return duration(end - start) if start and end and end >= start else "—"
        if column == self.SUMMARY:
            return self.tr("End received") if row.get("has_end") else self.tr("no End yet")
        key = {self.LESSON: "class_name", self.COURSE: "course_name", self.TEACHER: "teacher_name",
               self.CLASS_ID: "class_id", self.PEOPLE: "participants"}[column]
        value = row.get(key)
        return "—" if value in (None, "") else value
