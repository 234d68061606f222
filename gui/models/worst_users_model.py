"""The users in the worst network trouble right now, across every live lesson:
each one's latest 5-minute Net report, worst (most degraded probes) first."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from lessons.state import LessonState

from .labels import lesson_title, user_name
from .table import RIGHT, KeyedTableModel

WORST_LISTED = 20


@dataclass(frozen=True)
class WorstRow:
    class_id: int
    uid: int
    name: str
    lesson: str
    degraded: float        # share of bad + poor + unreached probes
    delay_ms: float | None
    loss_percent: float | None
    cpu_busy: float | None  # share of high + busy CPU samples

    @property
    def key(self) -> tuple[int, int]:
        return (self.class_id, self.uid)


def worst_users(lessons: Iterable[LessonState], limit: int = WORST_LISTED) -> list[WorstRow]:
    rows = []
    for lesson in lessons:
        for p in lesson.participants.values():
            net = p.net
            if net is None or not net.problems or not p.present(None):
                continue
            q, cpu = net.quality, net.cpu
            rows.append(WorstRow(lesson.class_id, p.uid, user_name(lesson, p.uid), lesson_title(lesson),
                                 (q.bad + q.poor + q.not_reach) if q else 0.0, net.avg_delay_ms,
                                 net.loss_percent, (cpu.high + cpu.busy) if cpu else None))
    rows.sort(key=lambda r: (-r.degraded, -(r.delay_ms or 0)))
    return rows[:limit]


class WorstUsersModel(KeyedTableModel):
    COLUMNS = ("name", "lesson", "degraded", "delay_ms", "loss_percent", "cpu_busy")

    def headers(self) -> dict[str, str]:
        return {"name": self.tr("User"), "lesson": self.tr("Lesson"), "degraded": self.tr("Degraded"),
                "delay_ms": self.tr("Delay"), "loss_percent": self.tr("Loss"), "cpu_busy": self.tr("CPU busy")}

    def text(self, row: WorstRow, column: str) -> str:
        value = getattr(row, column)
        if value is None:
            return "—"
        if column in ("degraded", "cpu_busy"):
            return "{:.0%}".format(value)
        if column == "delay_ms":
            return "{:.0f} ms".format(value)
        if column == "loss_percent":
            return "{:.1f} %".format(value)
        return str(value)

    def alignment(self, row: WorstRow, column: str) -> int | None:
        return RIGHT if column not in ("name", "lesson") else None

    def tooltip(self, row: WorstRow, column: str) -> str | None:
        if column == "name":
            return "{}\nUID {}".format(row.name, row.uid)
        # The lesson's column elides in a narrow pane: the whole title here.
        return "{}\nClassID {}".format(row.lesson, row.class_id) if column == "lesson" else None
