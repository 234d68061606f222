"""File › Rebuild lessons and charts: app.rebuild as long work the desk can
watch and stop. It runs in a thread of its own (the window and the receiver
go on), shows "n of N pushes", and Cancel stops it between two batches:
what was replayed stays, the raw pushes are never touched, and the dialog
says so; the backup taken first can be shown in its folder."""
from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget
from qasync import asyncSlot

from app.desk import Desk
from app.rebuild import Rebuilt

# Not the readers' pool (gui.worker): a rebuild of minutes must not hold up History's queries.
_long_work = ThreadPoolExecutor(max_workers=1, thread_name_prefix="classwatch-rebuild")
PROGRESS_WAIT_SECONDS = 2.0       # a busy window delays a batch by at most this, never stops it


class RebuildDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.result_: Rebuilt | None = None
        self._cancel: threading.Event | None = None
        self.setWindowTitle(self.tr("Rebuild lessons and charts"))
        # Room for the wrapped explanation and a three-line outcome: a top-level
        # window does not grow by its labels' height-for-width on its own.
        self.setMinimumSize(600, 240)
        explain = QLabel(self.tr(
            "Recomputes History, the charts and the device checks from the stored raw pushes, with the "
            "thresholds set now: after a ClassWatch update, or when lessons look wrong. A backup of the "
            "database is taken first; pushes keep arriving and being acknowledged meanwhile."))
        explain.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m pushes"))
        self.progress.hide()
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton(self.tr("Rebuild"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.show_backup = QPushButton(self.tr("Show backup in folder"))
        self.buttons.addButton(self.show_backup, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_backup.hide()
        self.start.clicked.connect(self.run)
        self.cancel.clicked.connect(self.reject)
        self.show_backup.clicked.connect(self._show_backup)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.progress)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def reject(self) -> None:
        """Cancel (or Esc, or closing the dialog) stops a running rebuild first."""
        if self._cancel is not None:
            self._cancel.set()
            self.feedback.setText(self.tr("Stopping after the current batch…"))
            self.cancel.setEnabled(False)
            return
        super().reject()

    def _show_backup(self) -> None:
        if self.result_ is not None and self.result_.backup is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result_.backup).parent)))

    @asyncSlot()
    async def run(self) -> None:
        if self.running:
            return
        loop = asyncio.get_running_loop()
        cancel = self._cancel = threading.Event()
        self.start.setEnabled(False)
        self.show_backup.hide()
        self.progress.setRange(0, 0)          # busy until the count is known (the backup comes first)
        self.progress.show()
        self.feedback.setText(self.tr("Taking a backup of the database…"))

        def progressed(done: int, total: int) -> None:
            # Each batch waits (briefly) until the dialog shows it, so a Cancel
            # pressed at "n of N" stops right after that batch, not some later one.
            shown = threading.Event()
            loop.call_soon_threadsafe(self._progressed, done, total, shown)
            shown.wait(PROGRESS_WAIT_SECONDS)
        try:
            self.result_ = done = await loop.run_in_executor(
                _long_work, lambda: self.desk.rebuild(progress=progressed, cancelled=cancel.is_set))
            backup = self.tr(" A backup was kept: {}.").format(done.backup.name) if done.backup else ""
            if done.stopped:
                text = self.tr("Stopped after {} of {} pushes. Lessons and charts of the rest are missing from "
                               "History until a rebuild runs to the end; no push was lost.").format(
                                   done.replayed, done.total)
            else:
                text = self.tr("Rebuilt from {} pushes in {:.0f} s.").format(done.replayed, done.seconds)
            if done.failed:
                text += " " + self.tr("{} push(es) were kept raw but left out (values out of range).").format(
                    len(done.failed))
            self.feedback.setText(text + backup)
            self.show_backup.setVisible(done.backup is not None)
        except Exception as exc:        # a full disk, a store this desk may not change: say so, keep the window
            self.feedback.setText(self.tr("Rebuild failed: {}").format(exc))
        finally:
            self._cancel = None
            self.progress.hide()
            self.start.setEnabled(True)
            self.start.setText(self.tr("Rebuild again"))
            self.cancel.setEnabled(True)
            self.cancel.setText(self.tr("Close"))

    def _progressed(self, done: int, total: int, shown: threading.Event) -> None:
        try:
            if self.progress.maximum() != max(total, done):
                self.progress.setRange(0, max(total, done))       # pushes arriving meanwhile count too
            if self._cancel is not None and not self._cancel.is_set():
                self.feedback.setText(self.tr("Replaying the stored pushes…"))
            self.progress.setValue(done)
        finally:
            shown.set()
