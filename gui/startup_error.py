"""An error that stops the app from starting, shown in a message box: the app
is usually started from a shortcut, where nobody sees the console's line."""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .console import ICON, console_hidden, display_available

HEADLESS_PLATFORMS = ("offscreen", "minimal")


def show_startup_error(message: str) -> bool:
    """Shows `message` and waits for OK; False when there is nowhere to show it
    or the terminal already shows the error line."""
    if not _has_screen() or _seen_on_terminal():
        return False
    app = QApplication.instance()
    if app is None:         # the error came before the app's own start
        from .i18n import install_translator
        app = QApplication(sys.argv[:1])
        install_translator(app)
    app.setWindowIcon(QIcon(str(ICON)))
    box = startup_error_box(message)
    box.exec()
    return True


def startup_error_box(message: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Critical, "ClassWatch",
                      QCoreApplication.translate("StartupError", "ClassWatch could not start."))
    box.setInformativeText(message)
    return box


def _has_screen() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    return platform not in HEADLESS_PLATFORMS and display_available()


def _seen_on_terminal() -> bool:
    stream = sys.stderr
    return stream is not None and not console_hidden() and stream.isatty()
