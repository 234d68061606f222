"""School: a school's own messages over a date range — homework submissions
and scores, tests and answer sheets per course and student, file
conversions, accounts closed, sub-accounts, phone numbers replaced, device
checks outside class — and the Cmds not understood yet, counted by name.
One tab per section of lessons.school_report; export to xlsx or csv.

Reads run in a reader thread (Loader); the save dialog is opened with open()
(PITFALLS.md: no exec() under qasync)."""
from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)
from qasync import asyncSlot

from lessons.participant_row import Kind
from lessons.school_report import SCHOOL_CMDS, SECTIONS, Section
from app.settings import DEFAULT_TIMEZONE
from app.history import school_report_between

from ..alarm_texts import AlarmTexts
from ..bridge import MonitorBridge
from ..columns import fit_columns
from ..formatting import day_bounds, duration, local_time, shown_date
from ..i18n import report_language
from ..loader import Loader
from ..models.labels import device_type_label, fill_schools, listed, school_timezone
from ..models.table import TableModel
from ..worker import in_thread
from .lesson_panel import table_view

DEFAULT_DAYS = 30
FORMATS = ("xlsx", "csv")


class SectionModel(TableModel):
    """The rows of one report section; columns from lessons.school_report."""

    def __init__(self, section: Section, parent=None) -> None:
        self.section = section
        self.COLUMNS = tuple(c.key for c in section.columns)
        self._kinds = {c.key: c.kind for c in section.columns}
        self.timezone: str | None = None
        super().__init__(parent)
        # The report's English words for kinds, results and states, in the window's language.
        self._words = {"test": self.tr("test"), "answer sheet": self.tr("answer sheet"),
                       "converted": self.tr("converted"), "failed": self.tr("failed"),
                       "graded": self.tr("graded"), "returned": self.tr("returned")}
        self._problems = AlarmTexts(None, self)   # a device check's English problem lines, as Device checks says them

    def headers(self) -> dict[str, str]:
        return {c.key: QCoreApplication.translate("SchoolColumn", c.header) for c in self.section.columns}

    def set_rows(self, rows: list[dict[str, Any]], timezone: str | None) -> None:
        self.beginResetModel()
        self.rows, self.timezone = rows, timezone
        self.endResetModel()

    def text(self, row: dict[str, Any], column: str) -> Any:
        value = row.get(column)
        if value is None or value == "":
            return "—"
        kind = self._kinds[column]
        if kind is Kind.TIME:
            return local_time(value, self.timezone, with_date=True)
        if kind is Kind.BOOL:
            return self.tr("yes") if value else self.tr("no")
        if kind is Kind.PERCENT:
            return "{:.0%}".format(value)
        if kind is Kind.DURATION:
            return duration(value)
        if column == "device":      # a device check's device type, as Device checks names it
            return device_type_label(value)
        if isinstance(value, list):
            words = self._problems.problem if column == "problems" else str
            return listed(map(words, value)) or "—"
        return self._words.get(value, value) if isinstance(value, str) else value


def report_labels() -> dict[str, str]:
    """The exports' sheet titles and headers in the window's language."""
    labels = {}
    for section in SECTIONS:
        labels[section.key] = QCoreApplication.translate("SchoolSection", section.title)
        for c in section.columns:
            labels[f"{section.key}.{c.key}"] = QCoreApplication.translate("SchoolColumn", c.header)
    return labels


def write_school_export(report: dict, fmt: str, timezone: str, path: str, lang: str, labels: dict[str, str]) -> None:
    from reports.school_export import render_school     # openpyxl loads only when someone exports
    Path(path).write_bytes(render_school(report, fmt, timezone, lang=lang, labels=labels))


class SchoolView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.config = bridge.desk.config
        self.school = QComboBox()
        self.school.setMinimumContentsLength(16)
        self.school.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # "Today" where the school is: in Shanghai it may already be tomorrow on this PC.
        now = time.time()
        today = QDate(max([shown_date(now, s.timezone) for s in self.config.current().schools.values()]
                          + [shown_date(now)]))
        self.date_from = QDateEdit(today.addDays(-DEFAULT_DAYS + 1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(fmt.upper(), fmt)
        self.export_button = QPushButton(self.tr("Export…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)

        self.tabs = QTabWidget()
        self.models: dict[str, SectionModel] = {}
        self.tables = {}
        for section in SECTIONS:
            model = SectionModel(section, self)
            table = table_view(model, empty_text=self.tr("Nothing of this kind from the school in these days."))
            table.horizontalHeader().setStretchLastSection(True)
            self.models[section.key], self.tables[section.key] = model, table
            self.tabs.addTab(table, QCoreApplication.translate("SchoolSection", section.title))

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("School")))
        filters.addWidget(self.school, 1)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        # Export beside the counts, not in the filter row: the view must fit 1280 px with the navigation.
        counts = QHBoxLayout()
        counts.addWidget(self.summary, 1)
        counts.addWidget(QLabel(self.tr("Format")))
        counts.addWidget(self.format)
        counts.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(counts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.feedback)

        self.report: dict[str, list[dict[str, Any]]] | None = None
        self.export_dialog: QFileDialog | None = None
        self.loader = Loader(self._query, parent=self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(lambda reason: self.summary.setText(self.tr("Could not read: {}").format(reason)))
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged, self.school.currentIndexChanged):
            signal.connect(self.loader.request)
        self.export_button.clicked.connect(self.export)
        bridge.pushApplied.connect(self._on_push)
        self._fill_schools()

    def title(self) -> str:
        return self.tr("School")

    async def shutdown(self) -> None:
        await self.loader.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fill_schools()
        self.loader.request()

    def _on_push(self, event: Any, lesson: Any) -> None:
        # The school's own messages (no lesson, or an LMS score) change the report.
        if self.isVisible() and (lesson is None or event.cmd in SCHOOL_CMDS):
            self.loader.request()

    def refresh(self) -> None:
        self.loader.request()

    def zone_changed(self) -> None:
        self.loader.request()

    def _fill_schools(self) -> None:
        fill_schools(self.school, self.config)
        self.export_button.setEnabled(self.school.count() > 0)

    def timezone(self) -> str | None:
        sid = self.school.currentData()
        return school_timezone(self.config, sid) if sid is not None else None

    def _query(self):
        sid = self.school.currentData()
        if sid is None:
            return lambda: None
        start, end = day_bounds(self.date_from.date().toPython(), self.date_to.date().toPython(), self.timezone())
        return functools.partial(school_report_between, sid, start, end)

    def _loaded(self, report: dict[str, list[dict[str, Any]]] | None) -> None:
        self.report = report
        if report is None:
            self.summary.setText(self.tr("Add a school in Settings to see its messages here."))
            return
        zone = self.timezone()
        counts = []
        for index, section in enumerate(SECTIONS):
            rows = report.get(section.key) or []
            counts.append(len(rows))
            self.models[section.key].set_rows(rows, zone)
            fit_columns(self.tables[section.key])
            title = QCoreApplication.translate("SchoolSection", section.title)
            # The brackets are the language's: "Tests (3)", 测验与答题卡（3）. Only the tabs with something
            # have a count: with nine full-width ones the Chinese tabs no longer fitted at 1280 px.
            self.tabs.setTabText(index, self.tr("{} ({})").format(title, len(rows)) if rows else title)
        if not counts[self.tabs.currentIndex()] and any(counts):
            # An empty tab says nothing: show the first that has something (the desk's own pick stays).
            self.tabs.setCurrentIndex(next(i for i, n in enumerate(counts) if n))
        unknown = sum(row["count"] for row in report.get("unknown_cmds") or [])
        total = sum(len(report.get(s.key) or []) for s in SECTIONS if s.key != "unknown_cmds")
        self.summary.setText(self.tr("{} message(s) of the school in these days; {} push(es) of Cmds not "
                                     "understood yet. Times in {}.").format(total, unknown, self.timezone() or "—"))

    # -- export --------------------------------------------------------------------------------------
    def export(self) -> None:
        sid = self.school.currentData()
        if sid is None or self.report is None:
            return
        fmt = self.format.currentData()
        dialog = QFileDialog(self, self.tr("Export the school's messages"))
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setNameFilter(self.tr("{} files (*.{})").format(fmt.upper(), fmt))
        dialog.setDefaultSuffix(fmt)
        stem = "school-{}-{}-{}".format(sid, self.date_from.date().toString("yyyyMMdd"),
                                        self.date_to.date().toString("yyyyMMdd"))
        dialog.selectFile(str(Path.home() / "{}.{}".format(stem, fmt)))
        dialog.fileSelected.connect(lambda path: self.export_to(path, fmt))
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.open()

    @asyncSlot(str, str)
    async def export_to(self, path: str, fmt: str) -> None:
        if self.report is None:
            return
        zh = report_language() == "zh"
        try:
            await in_thread(write_school_export, self.report, fmt, self.timezone() or DEFAULT_TIMEZONE, path,
                            "zh" if zh else "en", report_labels() if zh else {})
        except Exception as exc:     # a full disk, a locked file: say so, keep the window
            self.feedback.setText(self.tr("Export failed: {}").format(exc))
            return
        self.feedback.setText(self.tr("Exported to {}").format(path))
