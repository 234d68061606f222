"""The desk's alarms as a table (those kept from before a restart too): open
ones first (most severe, newest), resolved ones greyed below them so the desk
still sees what happened."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont

from alarms.model import Alarm

from ..alarm_texts import RESOLVED_COLOUR, SEVERITY_COLOURS, AlarmTexts
from ..formatting import ago, local_time
from .table import RIGHT, TableModel, brush


def _order(alarm: Alarm) -> tuple:
    return (not alarm.open, alarm.acknowledged, -int(alarm.severity), -alarm.last)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AlarmsModel(TableModel):
    COLUMNS = ("severity", "title", "state", "since", "last", "count")

    def __init__(self, texts: AlarmTexts, parent=None):
        self.texts = texts
        super().__init__(parent)
        self._bold = _bold()

    def headers(self) -> dict[str, str]:
        return {"severity": self.tr("Severity"), "title": self.tr("Alarm"), "state": self.tr("State"),
                "since": self.tr("Since"), "last": self.tr("Last"), "count": self.tr("Count")}

    # -- feeding ------------------------------------------------------------------------
    def update_alarms(self, alarms: list[Alarm]) -> None:
        """Raised, updated, acknowledged or resolved: one re-sort for a whole batch
        (a few hundred rows at most; busy minutes bring many changes at once). A key
        raised again after it resolved is a new Alarm: it takes the old one's row."""
        by_key = {a.key: a for a in self.rows}
        by_key.update((a.key, a) for a in alarms)
        self.set_rows(sorted(by_key.values(), key=_order))

    def row_of(self, key: str) -> int:
        return next((i for i, a in enumerate(self.rows) if a.key == key), -1)

    # -- hooks ---------------------------------------------------------------------------
    def text(self, alarm: Alarm, column: str) -> Any:
        if column == "severity":
            return self.texts.severity(alarm.severity)
        if column == "title":
            return self.texts.describe(alarm).title
        if column == "state":
            if alarm.open and alarm.kind == "help" and not alarm.acknowledged:
                return self.tr("needs acknowledging")
            return self.texts.state(alarm)
        if column == "since":
            return local_time(alarm.since, self.texts.timezone(alarm))
        if column == "last":
            return ago(alarm.last)
        return alarm.count

    def tooltip(self, alarm: Alarm, column: str) -> str | None:
        if column != "title":
            return None
        text = self.texts.describe(alarm)
        return "{}\n\n{}".format(text.title, text.detail)

    def foreground(self, alarm: Alarm, column: str):
        if not alarm.open:
            return brush(RESOLVED_COLOUR)
        return brush("white") if column == "severity" else None

    def background(self, alarm: Alarm, column: str):
        # Colour AND text: the severity word stays readable for colour-blind users.
        return brush(SEVERITY_COLOURS[alarm.severity]) if column == "severity" and alarm.open else None

    def alignment(self, alarm: Alarm, column: str) -> int | None:
        return RIGHT if column == "count" else None

    def font(self, alarm: Alarm, column: str) -> QFont | None:
        # Unacknowledged open alarms in bold.
        return self._bold if alarm.open and not alarm.acknowledged else None
