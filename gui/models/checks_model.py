"""Device checks (rows of storage.history.device_checks) as a table: problems
first, each device's verdict in words and colour, the problems translated."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush

from alarms.model import Severity
from protocol.classin import DEVICE_TYPE

from ..alarm_texts import SEVERITY_COLOURS, AlarmTexts
from ..formatting import recent_time
from .labels import device_type_label, listed, school_timezone
from .table import TableModel, brush

WHITE = brush("white")
CRITICAL = brush(SEVERITY_COLOURS[Severity.CRITICAL])
PROBLEM_BACKGROUND = brush("#ffebee")


class ChecksModel(TableModel):
    # What the desk acts on first (verdicts, problems); the long hardware strings last.
    COLUMNS = ("status", "user", "uid", "phone", "kind", "time", "microphone", "speaker", "camera",
               "delay_ms", "loss_percent", "problems", "operating_system", "client_version", "device_type",
               "cpu", "ip")
    DEVICE_COLUMNS = ("microphone", "speaker", "camera")

    def __init__(self, texts: AlarmTexts, parent=None):
        super().__init__(parent)
        self.texts = texts

    def set_rows(self, rows: list[dict[str, Any]], problems_first: bool = True) -> None:
        if problems_first:
            super().set_rows(sorted(rows, key=lambda r: (not r["has_problem"], -(r["time"] or 0))))
        else:
            super().set_rows(sorted(rows, key=lambda r: -(r["time"] or 0)))

    # -- wording ----------------------------------------------------------------------------
    def headers(self) -> dict[str, str]:
        return {
            "status": self.tr("Status"), "user": self.tr("User"), "uid": self.tr("UID"), "phone": self.tr("Phone"),
            "kind": self.tr("Check"), "time": self.tr("Time"), "microphone": self.tr("Microphone"),
            "speaker": self.tr("Speaker"), "camera": self.tr("Camera"), "delay_ms": self.tr("Delay"),
            "loss_percent": self.tr("Loss"), "problems": self.tr("Problems"), "operating_system": self.tr("OS"),
            "client_version": self.tr("Client"), "device_type": self.tr("Device"), "cpu": self.tr("CPU"),
            "ip": self.tr("IP"),
        }

    def _verdict(self, state: str | None) -> str:
        return {"ok": self.tr("OK"), "problem": self.tr("PROBLEM"), "not-tested": self.tr("not tested"),
                "unknown": self.tr("not reported")}.get(state or "unknown", state or "—")

    def _kind(self, kind: str) -> str:
        return self.tr("in class") if kind == "in-class" else self.tr("before class")

    def text(self, row: dict[str, Any], column: str) -> Any:
        value = row.get(column)
        if column == "status":
            return self.tr("⚠ problem") if row["has_problem"] else self.tr("OK")
        if column == "user":
            return row.get("name") or row.get("nickname") or "—"
        if column == "kind":
            return self._kind(row["kind"])
        if column == "time":
            return recent_time(value, school_timezone(self.texts.desk.config, row.get("sid")))
        if column in self.DEVICE_COLUMNS:
            return self._verdict(value)
        if column == "device_type":
            return device_type_label(DEVICE_TYPE[value]) if value in DEVICE_TYPE else "—"
        if column == "delay_ms":
            return "—" if value is None else self.tr("{} ms").format(round(value))
        if column == "loss_percent":
            return "—" if value is None else "{:g}%".format(value)
        if column == "problems":
            return listed(self.texts.problem(p) for p in (value or "").split("\n") if p)
        return "—" if value in (None, "") else value

    def tooltip(self, row: dict[str, Any], column: str) -> str | None:
        if column in ("problems", "cpu", "operating_system"):
            return str(self.text(row, column)).replace("; ", "\n")     # columns are capped: the full text
        return None

    def foreground(self, row: dict[str, Any], column: str) -> QBrush | None:
        if column == "status" and row["has_problem"]:
            return WHITE
        if column in self.DEVICE_COLUMNS and row.get(column) == "problem":
            return CRITICAL
        return None

    def background(self, row: dict[str, Any], column: str) -> QBrush | None:
        if row["has_problem"]:
            return CRITICAL if column == "status" else PROBLEM_BACKGROUND
        return None
