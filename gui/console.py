"""Where the app can show itself and its errors: a display for Qt, and on
Windows the console window a double-clicked ClassWatch.exe comes with (one
program serves the command line and the desktop, so it is a console program)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "classwatch.png"
_hidden = False


def display_available() -> bool:
    """False on Linux/BSD without X11 or Wayland, where Qt would abort with a fatal message."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def hide_own_console() -> None:
    """Windows: hide the console window when it exists only for us (started from
    the Start menu or Explorer, not from a cmd.exe the user is typing in)."""
    global _hidden
    if sys.platform != "win32":
        return
    import ctypes
    kernel32 = ctypes.windll.kernel32
    window = kernel32.GetConsoleWindow()
    if not window:
        return
    processes = (ctypes.c_uint32 * 2)()
    if kernel32.GetConsoleProcessList(processes, 2) == 1:
        ctypes.windll.user32.ShowWindow(window, 0)   # SW_HIDE
        _hidden = True


def console_hidden() -> bool:
    return _hidden
