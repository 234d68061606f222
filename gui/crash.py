"""When something goes wrong anyway: an exception nobody caught (a slot, a
thread) or a crash of the interpreter itself. A report goes into the data
dir (secrets masked, readable by the user only) and the desk is told where,
with a button that copies it for a ticket; the app keeps running where it can.

faulthandler writes a native crash (a segfault in Qt) to a file as it dies;
the next start turns that file into a report and says so."""
from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)

NATIVE_LOG = "crash-native.log"     # faulthandler's file, while the app runs
Mask = Callable[[str], str]


def _private(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, 0o600)


def write_report(data_dir: Path, body: str, mask: Mask, suffix: str = "") -> Path:
    """crash-YYYYmmdd-HHMMSS.txt in the data dir: what ran where, then `body`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = Path(data_dir) / "crash-{}{}.txt".format(stamp, suffix)
    header = "ClassWatch crash report {}\nPython {} · {} · Qt platform {}\n\n".format(
        time.strftime("%Y-%m-%d %H:%M:%S %z"), platform.python_version(), platform.platform(),
        QGuiApplication.platformName() if QGuiApplication.instance() else "-")
    path.write_text(mask(header + body), encoding="utf-8")
    _private(path)
    return path


def visible_screen() -> bool:
    """A dialog someone can see (not the offscreen platform of tests and CI)."""
    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def report_dialog(path: Path, text: str, title: str, message: str) -> QMessageBox:
    """Non-modal (shown with show(), never exec(): the loop and the window keep running)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setInformativeText(QCoreApplication.translate("crash", "The report is in {}.").format(path))
    box.setDetailedText(text)
    copy = box.addButton(QCoreApplication.translate("crash", "Copy report"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()       # an action button would close the box; copying should not
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
    folder = box.addButton(QCoreApplication.translate("crash", "Show in folder"), QMessageBox.ButtonRole.ActionRole)
    folder.clicked.disconnect()
    folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setModal(False)
    return box


class CrashReporter:
    def __init__(self, data_dir: Path, mask: Mask) -> None:
        """`mask(text)`: the text without any secret known now (config, database password)."""
        self.data_dir = Path(data_dir)
        self.mask = mask
        self.dialog: QMessageBox | None = None
        self.reports: list[Path] = []
        self._native = None

    def install(self) -> None:
        native = self.data_dir / NATIVE_LOG
        self._native = native.open("a", encoding="utf-8")
        _private(native)
        faulthandler.enable(self._native, all_threads=True)
        sys.excepthook = self.on_exception
        threading.excepthook = lambda args: self.on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__
        if self._native is not None:
            faulthandler.disable()
            self._native.close()
            self._native = None
            native = self.data_dir / NATIVE_LOG
            if native.exists() and native.stat().st_size == 0:
                native.unlink()

    def on_exception(self, exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            path = write_report(self.data_dir, text, self.mask)
        except OSError:
            log.exception("could not write a crash report")
            return
        self.reports.append(path)
        log.error("unexpected error, report in %s", path)
        self.show(path, self.mask(text), QCoreApplication.translate("crash", "ClassWatch hit an unexpected error"),
                  QCoreApplication.translate("crash", "Something went wrong that ClassWatch did not expect. It keeps running; "
                              "pushes are still received and stored. Please send the report to support."))

    def show(self, path: Path, text: str, title: str, message: str) -> None:
        if QApplication.instance() is None or threading.current_thread() is not threading.main_thread():
            return
        if self.dialog is not None and self.dialog.isVisible():
            return           # one at a time: a loop of errors must not bury the window in boxes
        self.dialog = report_dialog(path, text, title, message)
        self.dialog.show()

    def last_run_crashed(self) -> None:
        """faulthandler's file from a run that died: into a report, and tell the desk."""
        native = self.data_dir / NATIVE_LOG
        if not native.exists() or native.stat().st_size == 0:
            return
        text = native.read_text(encoding="utf-8", errors="replace")
        native.unlink()
        path = write_report(self.data_dir, text, self.mask, suffix="-native")
        self.reports.append(path)
        self.show(path, self.mask(text), QCoreApplication.translate("crash", "ClassWatch crashed last time"),
                  QCoreApplication.translate("crash", "The last run of ClassWatch ended in a crash. Pushes acknowledged before it "
                              "were stored. Please send the report to support."))


def startup_failure(message: str) -> QMessageBox:
    """The app could not start (data dir, database, configuration): said in a
    window, not only on a console the desk never sees."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("crash", "ClassWatch could not start"),
                      QCoreApplication.translate("crash", "ClassWatch could not start:\n\n{}").format(message))
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def show_startup_failure(message: str) -> None:
    """Before any event loop runs (exec() is fine here); skipped where nobody can see it."""
    from .i18n import install_translator
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        install_translator(app)
    if visible_screen():
        startup_failure(message).exec()
