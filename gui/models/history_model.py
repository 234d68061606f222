"""Past lessons (rows of storage.history.lessons_between) as a table, times in
each lesson's school time zone."""
from __future__ import annotations

import time

from typing import Any, Callable

from app.settings import ConfigStore
from lessons.state import LessonState, ended_without_summary
from protocol.classin import CLOSE_OVERTIME_SECONDS

from ..formatting import duration, local_time
from .labels import school_timezone
from .table import TableModel


def lesson_start(row: dict[str, Any]) -> int | None:
    return row.get("start_time") or row.get("first_activity") or row.get("planned_start")


class HistoryModel(TableModel):
    COLUMNS = ("start", "school", "class_name", "course_name", "teacher_name", "class_id", "length",
               "participants", "summary")

    def __init__(self, config: ConfigStore, parent=None,
                 live: Callable[[int], LessonState | None] = lambda _class_id: None):
        super().__init__(parent)
        self.config = config
        self.live = live       # a lesson's state while it is live ("—" and "not ended yet" told nothing then)

    def headers(self) -> dict[str, str]:
        return {"start": self.tr("Start"), "school": self.tr("School"), "class_name": self.tr("Lesson"),
                "course_name": self.tr("Course"), "teacher_name": self.tr("Teacher"), "class_id": self.tr("ClassID"),
                "length": self.tr("Length"), "participants": self.tr("People"), "summary": self.tr("Summary")}

    def school_name(self, sid: int | None) -> str:
        school = self.config.current().schools.get(sid) if sid is not None else None
        return (school.name or str(sid)) if school is not None else ("—" if sid is None else str(sid))

    def text(self, row: dict[str, Any], column: str) -> Any:
        if column == "start":
            return local_time(lesson_start(row), school_timezone(self.config, row["sid"]), with_date=True)
        if column == "school":
            return self.school_name(row["sid"])
        if column == "length":
            start, end = lesson_start(row), row.get("end_time") or row.get("last_activity")
            return duration(end - start) if start and end and end >= start else "—"
        if column == "participants" and row.get("participants") is None:
            state = self.live(row["class_id"])
            if state is not None:
                inside = sum(1 for p in state.participants.values() if p.present(None))
                return self.tr("{} inside now").format(inside)
        if column == "summary":
            if row.get("has_end"):
                return self.tr("summary received")
            planned_end = row.get("planned_end")
            close = row.get("close_time") or (planned_end + CLOSE_OVERTIME_SECONDS if planned_end else None)
            if ended_without_summary(close, row.get("last_activity"), time.time()):
                return self.tr("ended, no summary")
            if self.live(row["class_id"]) is not None:
                return self.tr("live now")
            return self.tr("not ended yet")
        value = row.get(column)
        return "—" if value in (None, "") else value
