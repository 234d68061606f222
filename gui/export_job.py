"""Exporting lessons as long work the desk can watch and stop: the summaries
are read one lesson at a time in a reader thread (progress after each, a
Cancel checked between them), then rendered and written under a temporary
name that becomes the chosen one only when complete (a Cancel meanwhile
leaves no file); afterwards the file can be opened or shown in its folder.
Used by History and the Live page."""
from __future__ import annotations

import asyncio
import re
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget
from qasync import asyncSlot

from app.export import Cancelled, summaries, write_summaries
from app.settings import ConfigStore

from .i18n import report_language
from .models.timeline_model import TimelineModel
from .worker import in_thread

# (format, its file extension, what the picker says); the formats for people first.
FORMATS = (
    ("xlsx", "xlsx", QT_TRANSLATE_NOOP("ExportBar", "Excel workbook (.xlsx)")),
    ("pdf", "pdf", QT_TRANSLATE_NOOP("ExportBar", "PDF report (.pdf)")),
    ("people-csv", "csv", QT_TRANSLATE_NOOP("ExportBar", "CSV for Excel: words, h:mm (.csv)")),
    ("csv", "csv", QT_TRANSLATE_NOOP("ExportBar", "CSV for scripts: raw values (.csv)")),
    ("json", "json", QT_TRANSLATE_NOOP("ExportBar", "JSON for scripts (.json)")),
)
EXTENSION = {fmt: extension for fmt, extension, _ in FORMATS}

# Not in a Windows file name: <>:"/\|?* and control characters; nor a dot or
# space at its end. CJK is fine everywhere.
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
TITLE_CHARACTERS = 60
FOLDER_KEY = "export/folder"


def fill_formats(combo: QComboBox) -> None:
    """The format picker of an export button."""
    for fmt, _, label in FORMATS:
        combo.addItem(QCoreApplication.translate("ExportBar", label), fmt)


def _name_part(text: str) -> str:
    text = _NOT_IN_NAMES.sub(" ", text)
    return "-".join(text.split())[:TITLE_CHARACTERS].rstrip(". -")


def file_stem(title: str | None, class_ids: list[int], first: date | None = None,
              last: date | None = None) -> str:
    """The lesson's date and name in the file name, so a folder of exports
    sorts and reads well and every OS takes it: 2026-12-06_第3讲-函数的单调性_528821257,
    or 2026-12-01_2026-12-06_12-lessons for a batch (`first`..`last`: the
    lessons' days; today when unknown)."""
    first = first or date.today()
    days = [first.isoformat()] + ([last.isoformat()] if last is not None and last != first else [])
    if len(class_ids) == 1:
        return "_".join(part for part in (*days, _name_part(title or ""), str(class_ids[0])) if part)
    return "_".join((*days, "{}-lessons".format(len(class_ids))))


class ExportBar(QWidget):
    """Progress, Cancel, the outcome, and Open file / Show in folder."""
    finished = Signal(str)        # the path written ("" when nothing was)

    def __init__(self, config: ConfigStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.dialog: QFileDialog | None = None
        self.path: str | None = None
        self._cancel: threading.Event | None = None
        # Timeline details as the window words them (translated, codes left out): the reports for people.
        self._details = TimelineModel(self)
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(200)     # "12 of 40 lessons" in full
        self.progress.setMaximumWidth(280)
        self.progress.setFormat(self.tr("%v of %m lessons"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self.stop)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.open_file = QPushButton(self.tr("Open file"))
        self.open_file.clicked.connect(lambda: self._open(self.path))
        self.show_folder = QPushButton(self.tr("Show in folder"))
        self.show_folder.clicked.connect(lambda: self._open(str(Path(self.path).parent)) if self.path else None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.progress, self.cancel):
            layout.addWidget(widget)
        layout.addWidget(self.feedback, 1)
        layout.addWidget(self.open_file)
        layout.addWidget(self.show_folder)
        self._show_state(running=False, written=False)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def _show_state(self, running: bool, written: bool) -> None:
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        self.open_file.setVisible(written)
        self.show_folder.setVisible(written)

    def _open(self, target: str | None) -> None:
        if target:
            QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    def ask(self, class_ids: list[int], fmt: str, title: str | None = None,
            first: date | None = None, last: date | None = None) -> None:
        """The save dialog (open(), never exec(): PITFALLS), then the export.
        `first`/`last`: the lessons' days (the school's), for the file name."""
        extension = EXTENSION[fmt]
        stem = file_stem(title, class_ids, first, last)
        dialog = QFileDialog(self, self.tr("Export {} lesson(s)").format(len(class_ids)))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("{} files (*.{})").format(extension.upper(), extension))
        dialog.setDefaultSuffix(extension)
        folder = QSettings().value(FOLDER_KEY)        # where the desk saved the last one, while it exists
        folder = folder if folder and Path(folder).is_dir() else str(Path.home())
        dialog.selectFile(str(Path(folder) / "{}.{}".format(stem, extension)))
        dialog.fileSelected.connect(lambda path: self._chosen(path, class_ids, fmt))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _chosen(self, path: str, class_ids: list[int], fmt: str) -> None:
        QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
        self.export_to(path, class_ids, fmt)

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.feedback.setText(self.tr("Cancelling…"))

    def _progressed(self, cancel: threading.Event, done: int) -> None:
        # The reader runs ahead of the window: what it read after Cancel is not shown.
        if not cancel.is_set():
            self.progress.setValue(done)

    @asyncSlot(str, list, str)
    async def export_to(self, path: str, class_ids: list[int], fmt: str) -> None:
        if self.running:
            return
        loop = asyncio.get_running_loop()
        cancel = self._cancel = threading.Event()
        self.path = None
        self.progress.setRange(0, len(class_ids))
        self.progress.setValue(0)
        self._show_state(running=True, written=False)
        self.feedback.setText(self.tr("Exporting {} lesson(s)…").format(len(class_ids)))
        # The machine formats keep their keys; the others speak the desk's language.
        lang = None if fmt in ("csv", "json") else report_language()
        detail_text = str if lang is None else self._details.detail_text
        written = ""
        try:
            found = await in_thread(
                summaries, class_ids, self.config.current(), cancelled=cancel.is_set, detail_text=detail_text,
                progress=lambda done: loop.call_soon_threadsafe(self._progressed, cancel, done))
            if found:
                self.feedback.setText(self.tr("Writing {}…").format(path))
                written = await in_thread(write_summaries, found, fmt, path, lang, cancel.is_set)
                self.path = written
                if Path(written) != Path(path):
                    self.feedback.setText(self.tr("{} is open in another program (Excel?): exported {} lesson(s) "
                                                  "to {} instead").format(Path(path).name, len(found), written))
                else:
                    self.feedback.setText(self.tr("Exported {} lesson(s) to {}").format(len(found), written))
            else:
                self.feedback.setText(self.tr("Nothing exported: no stored pushes for these lessons."))
        except Cancelled:
            self.feedback.setText(self.tr("Export cancelled; no file was written."))
        except Exception as exc:     # a full disk or a missing PDF font: say so, keep the window
            self.feedback.setText(self.tr("Export failed: {}").format(exc))
        finally:
            self._cancel = None
            self._show_state(running=False, written=bool(written))
        self.finished.emit(written)
