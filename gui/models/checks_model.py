"""Device checks (rows of storage.history.device_checks) as a table: problems
first, each device's verdict in words and colour, the problems translated.

The machine (device type, OS, client version, CPU, IP) is one column that gives
way to the problems on a narrow screen, each fact on its own line in its tooltip:
the desk reads what failed first, and which machine only to explain it."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush

from alarms.model import Severity
from protocol.classin import DEVICE_TYPE

from ..alarm_texts import SEVERITY_COLOURS, AlarmTexts
from ..formatting import local_time, recent_time, zone_label
from .labels import device_type_label, listed, school_timezone
from .table import ZonedTableModel, brush

WHITE = brush("white")
CRITICAL = brush(SEVERITY_COLOURS[Severity.CRITICAL])
PROBLEM_BACKGROUND = brush("#ffebee")


class ChecksModel(ZonedTableModel):
    # What the desk acts on first (verdicts, problems); the long hardware strings last.
    COLUMNS = ("status", "user", "uid", "phone", "kind", "time", "microphone", "speaker", "camera",
               "delay_ms", "loss_percent", "problems", "machine")
    DEVICE_COLUMNS = ("microphone", "speaker", "camera")
    MACHINE = ("device_type", "operating_system", "client_version", "cpu", "ip")    # a row's keys, in this order
    ZONED = "time"

    def __init__(self, texts: AlarmTexts, parent=None):
        super().__init__(parent)
        self.texts = texts

    def set_rows(self, rows: list[dict[str, Any]], problems_first: bool = True) -> None:
        if problems_first:
            super().set_rows(sorted(rows, key=lambda r: (not r["has_problem"], -(r["time"] or 0))))
        else:
            super().set_rows(sorted(rows, key=lambda r: -(r["time"] or 0)))
        self.recount_zones()

    def zone_of(self, row: dict[str, Any]) -> str:
        return zone_label(school_timezone(self.texts.desk.config, row.get("sid")), row["time"])

    def zoned_header(self, zone: str) -> str:
        return self.tr("Time ({})").format(zone)

    # -- wording ----------------------------------------------------------------------------
    def headers(self) -> dict[str, str]:
        # "Mic": as narrow as its "PROBLEM", for the problems' room at 1280 px.
        return {
            "status": self.tr("Status"), "user": self.tr("User"), "uid": self.tr("UID"), "phone": self.tr("Phone"),
            "kind": self.tr("Check"), "time": self.tr("Time"), "microphone": self.tr("Mic"),
            "speaker": self.tr("Speaker"), "camera": self.tr("Camera"), "delay_ms": self.tr("Delay"),
            "loss_percent": self.tr("Loss"), "problems": self.tr("Problems"), "machine": self.tr("Machine"),
        }

    def _machine_words(self) -> dict[str, str]:
        return {"device_type": self.tr("Device"), "operating_system": self.tr("OS"),
                "client_version": self.tr("Client"), "cpu": self.tr("CPU"), "ip": self.tr("IP")}

    def _machine(self, row: dict[str, Any]) -> list[tuple[str, str]]:
        """(what, value) of each machine fact the check reported."""
        facts = []
        for key in self.MACHINE:
            value = row.get(key)
            if key == "device_type":
                value = device_type_label(DEVICE_TYPE[value]) if value in DEVICE_TYPE else None
            if value not in (None, ""):
                facts.append((key, str(value)))
        return facts

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
            return recent_time(value, school_timezone(self.texts.desk.config, row.get("sid")),
                               zone=self.shared_zone is None)
        if column in self.DEVICE_COLUMNS:
            return self._verdict(value)
        if column == "machine":
            facts = dict(self._machine(row))
            if facts.get("operating_system", "").startswith(facts.get("device_type", "\0")):
                del facts["device_type"]          # "Windows 11 (23H2)" says "Windows" already
            return " · ".join(facts.values()) or "—"
        if column == "delay_ms":
            return "—" if value is None else self.tr("{} ms").format(round(value))
        if column == "loss_percent":
            return "—" if value is None else "{:g}%".format(value)
        if column == "problems":
            return listed(self.texts.problem(p) for p in (value or "").split("\n") if p)
        return "—" if value in (None, "") else value

    def tooltip(self, row: dict[str, Any], column: str) -> str | None:
        # Capped or giving way: the whole text, one item a line.
        if column == "problems":
            return "\n".join(self.texts.problem(p) for p in (row.get("problems") or "").split("\n") if p) or None
        if column == "machine":
            words = self._machine_words()
            return "\n".join(self.tr("{}: {}").format(words[key], value) for key, value in self._machine(row)) or None
        if column == "time":
            return local_time(row.get("time"), school_timezone(self.texts.desk.config, row.get("sid")), with_date=True)
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
