"""Failures are visible: an uncaught exception writes a report into the data
dir (secrets masked) and offers to copy it; a native crash is turned into a
report at the next start; a start-up failure has a window of its own."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import QGuiApplication

from gui.crash import NATIVE_LOG, CrashReporter, startup_failure
from storage.logs import mask_secrets

from ..helpers import ROOT

SECRET = "s3cr3t-value-for-the-test"


def reporter(data_dir) -> CrashReporter:
    return CrashReporter(data_dir, lambda text: mask_secrets(text, [SECRET]))


def test_an_uncaught_exception_writes_a_masked_report_and_offers_to_copy_it(qapp, tmp_path):
    crashes = reporter(tmp_path)
    try:
        raise RuntimeError("the database said no to " + SECRET)
    except RuntimeError as exc:
        crashes.on_exception(type(exc), exc, exc.__traceback__)
    [path] = crashes.reports
    text = path.read_text(encoding="utf-8")
    assert path.parent == tmp_path and path.name.startswith("crash-")
    assert "RuntimeError: the database said no to ***" in text and SECRET not in text
    assert "test_an_uncaught_exception" in text                     # the traceback itself
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    dialog = crashes.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert str(path) in dialog.informativeText()
    copy = next(b for b in dialog.buttons() if b.text() == "Copy report")
    copy.click()
    assert "RuntimeError" in QGuiApplication.clipboard().text() and dialog.isVisible()
    try:                                          # a second one while the box is open: a report, no new box
        raise ValueError("again")
    except ValueError as exc:
        crashes.on_exception(type(exc), exc, exc.__traceback__)
    assert len(crashes.reports) == 2 and crashes.dialog is dialog
    dialog.close()


@pytest.mark.slow
def test_a_native_crash_becomes_a_report_at_the_next_start(qapp, tmp_path):
    """A real segfault in a real process: faulthandler's file survives it."""
    script = textwrap.dedent(f"""
        import faulthandler, sys
        sys.path.insert(0, {str(ROOT)!r})
        from gui.crash import CrashReporter
        CrashReporter({str(tmp_path)!r}, lambda text: text).install()
        faulthandler._sigsegv()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode != 0
    assert (tmp_path / NATIVE_LOG).stat().st_size > 0
    crashes = reporter(tmp_path)
    crashes.last_run_crashed()
    [path] = crashes.reports
    assert "Segmentation fault" in path.read_text(encoding="utf-8")
    assert not (tmp_path / NATIVE_LOG).exists()
    assert crashes.dialog is not None and "crashed last time" in crashes.dialog.windowTitle()
    crashes.dialog.close()


def test_a_start_up_failure_has_its_own_window(qapp):
    box = startup_failure("database is locked")
    assert box.windowTitle() == "ClassWatch could not start"
    assert "database is locked" in box.text()
