"""Pages of storage.inspector results as a table that asks for the next page
when the view scrolls to its end (Qt's canFetchMore/fetchMore)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QBrush

from alarms.model import Severity
from protocol.classin import INT_CMD_NAMES, normalise_cmd
from app.inspector import FLAG_RELEASED, Cursor, InspectedPush, Page
from app.settings import ConfigStore

from ..alarm_texts import SEVERITY_COLOURS, AlarmTexts
from ..formatting import local_time, zone_label
from .labels import cmd_label, school_timezone
from .table import RIGHT, Index, ZonedTableModel, brush

CRITICAL = brush(SEVERITY_COLOURS[Severity.CRITICAL])


class PushesModel(ZonedTableModel):
    """Each push's time is in its own school's zone, as every other view and the
    school's own staff give it: a support engineer compares it with what the
    school reports, so a New York school's push in Shanghai time would mislead.
    The zone is said once, in the header, while all listed rows share it."""
    COLUMNS = ("received_at", "status", "source", "sid", "cmd", "class_id", "uid", "size")
    ZONED = "received_at"
    moreWanted = Signal()          # the view reached the end and another page exists

    def __init__(self, config: ConfigStore, parent=None):
        super().__init__(parent)
        self.config = config
        self.cursor: Cursor | None = None
        self.loading = False
        self._texts = AlarmTexts(None, self)

    def headers(self) -> dict[str, str]:
        return {"received_at": self.tr("Received"), "status": self.tr("Status"), "source": self.tr("Source"),
                "sid": self.tr("SID"), "cmd": self.tr("Cmd"), "class_id": self.tr("ClassID"), "uid": self.tr("UID"),
                "size": self.tr("Size")}

    def zone_of(self, row: InspectedPush) -> str:
        return zone_label(school_timezone(self.config, row.sid), row.received_at)

    def zoned_header(self, zone: str) -> str:
        return self.tr("Received ({})").format(zone)

    def set_page(self, page: Page, append: bool) -> None:
        if append:
            self.append_rows(page.rows)
        else:
            self.set_rows(list(page.rows))
        self.cursor = page.cursor
        self.loading = False
        if append:
            self.count_zones(page.rows)
        else:
            self.recount_zones()

    def status(self, row: InspectedPush) -> str:
        if row.kind == "quarantined":      # the reason in words (the code is ClassIn-speak for nobody)
            if row.resolved_at is not None:
                return self.tr("refused, later accepted ({})").format(self.refusal(row))
            if row.released:
                return self.tr("refused, released ({})").format(self.refusal(row))
            return self.tr("REFUSED ({}, {}×)").format(self.refusal(row), row.attempts)
        parts = [self.tr("stored")]
        if row.flags & FLAG_RELEASED:
            parts.append(self.tr("released"))
        if row.resends:
            parts.append(self.tr("re-sent {}×").format(row.resends))
        return " · ".join(parts)

    def refusal(self, row: InspectedPush) -> str:
        return self._texts.refusal(row.reason_code, row.reason, row.sid, row.size)

    def time(self, row: InspectedPush, unix: float | None) -> str:
        """A time of this push in its school's zone, as every other view gives it."""
        return local_time(unix, school_timezone(self.config, row.sid), with_date=True)

    def answer(self, row: InspectedPush) -> str:
        """The receiver's English reason as the sender got it: it has the details
        (byte positions, the size limit) that the translated sentence leaves out."""
        return self.tr("The sender was told: {}").format(row.reason or "?")

    # -- cells -------------------------------------------------------------------------------
    def text(self, row: InspectedPush, column: str) -> Any:
        if column == "received_at":
            return local_time(row.received_at, school_timezone(self.config, row.sid), with_date=True,
                              zone=self.shared_zone is None)
        if column == "status":
            return self.status(row)
        if column == "cmd":
            cmd = normalise_cmd(row.cmd)
            return cmd_label(cmd) if cmd is not None else "—"
        if column == "size":
            return self.tr("{} B").format(row.size)
        value = getattr(row, column)
        return "—" if value is None else value

    def widest(self, column: str) -> list[str]:
        """Any numeric Cmd with its label, whichever a later page or refresh brings
        (the first page's widest was cut to "67375105 (boa…" by a later board push)."""
        return [cmd_label(cmd) for cmd in INT_CMD_NAMES] if column == "cmd" else []

    def tooltip(self, row: InspectedPush, column: str) -> str | None:
        if column == "received_at":      # whole, zone included, wherever the cell leaves it to the header
            return self.time(row, row.received_at)
        if column == "status" and row.kind == "quarantined":
            return "{}\n{}".format(self.refusal(row), self.answer(row))
        return None

    def foreground(self, row: InspectedPush, column: str) -> QBrush | None:
        if row.kind == "quarantined" and row.resolved_at is None and not row.released:
            return CRITICAL
        return None

    def alignment(self, row: InspectedPush, column: str) -> int | None:
        return RIGHT if column == "size" else None

    # -- Qt -----------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.cursor is not None and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self.moreWanted.emit()
