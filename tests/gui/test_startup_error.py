"""An app started from a shortcut has no console: its start-up error is a message box."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from gui.console import ICON, display_available
from gui.startup_error import show_startup_error, startup_error_box


def test_the_box_says_what_went_wrong(qtbot):
    box = startup_error_box("cannot use data dir D:\\ClassWatch: Permission denied")
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Critical
    assert box.informativeText() == "cannot use data dir D:\\ClassWatch: Permission denied"
    assert "could not start" in box.text()
    assert ICON.is_file()


def test_no_box_where_nobody_can_see_it(qapp, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_available()
    assert show_startup_error("anything") is False    # returns at once: nothing to click away
