"""Process handling that differs between Windows and POSIX (Linux, macOS),
kept in one place: how a child gets a process group of its own, how such a
group is ended, and how a console program learns it should stop.

Each choice takes `windows` (default: this platform), so that the Windows
branch runs in the Linux tests wherever it does not need Windows itself.
"""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from typing import Callable

import psutil

IS_WINDOWS = sys.platform == "win32"

# The subprocess module defines these only on Windows; values from the Win32
# process creation flags, so the choice below can be made (and tested) anywhere.
CREATE_NEW_PROCESS_GROUP = 0x00000200
CREATE_NO_WINDOW = 0x08000000


def new_group_options(windows: bool = IS_WINDOWS) -> dict:
    """Popen keyword arguments that start the child in a process group of its own."""
    if windows:
        # A group of its own, so a Ctrl+C in `serve`'s console reaches us, not
        # it (we stop it ourselves); no console window popping up from the app.
        return {"creationflags": CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW}
    # A session (and process group) of its own: end_group() reaches the helpers
    # the program forks too; Ctrl+C in `serve`'s terminal reaches us only.
    return {"start_new_session": True}


def end_group(pid: int, *, hard: bool, windows: bool = IS_WINDOWS) -> None:
    """Ask the program `pid`, started with new_group_options(), and everything
    it started to exit; `hard`: kill them."""
    if windows:
        # No polite signal reaches a console-less child (CTRL_BREAK needs a shared
        # console), and these programs need no clean shutdown: kill the tree.
        # Windows groups cannot be signalled, so the tree is found by parent ids.
        _kill_tree(pid)
        return
    try:
        # The child leads its own session, so its pgid is its pid.
        os.killpg(pid, signal.SIGKILL if hard else signal.SIGTERM)
    except OSError:
        pass  # already gone


def _kill_tree(pid: int) -> None:
    try:
        root = psutil.Process(pid)
        tree = [root, *root.children(recursive=True)]
    except psutil.Error:
        return  # gone, or not ours to look at
    for proc in tree:  # the root first: it cannot start more while its children go
        try:
            proc.kill()
        except psutil.Error:
            pass


def stop_signals(windows: bool = IS_WINDOWS) -> list[signal.Signals]:
    """The signals that tell a console program to stop."""
    # Windows: Ctrl+C is SIGINT, Ctrl+Break is SIGBREAK; SIGTERM exists there,
    # but nothing outside the process can send it.
    names = ("SIGINT", "SIGBREAK") if windows else ("SIGINT", "SIGTERM")
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


def on_stop_signals(loop: asyncio.AbstractEventLoop, callback: Callable[[], None],
                    windows: bool = IS_WINDOWS) -> None:
    """Call `callback` on `loop` when a stop signal arrives (main thread only)."""
    for sig in stop_signals(windows):
        if windows:
            # Windows loops have no add_signal_handler (NotImplementedError). A
            # plain handler runs between bytecodes of the main thread; the
            # Proactor loop wakes up for it (it owns the signal wakeup fd).
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(callback))
        else:
            loop.add_signal_handler(sig, callback)
