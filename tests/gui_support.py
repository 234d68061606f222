"""The real window on a real qasync loop, fed by real HTTP: the pattern for GUI tests.

Why this shape: pytest-asyncio runs `async def` tests on a plain asyncio loop,
which never pumps Qt events, and the app itself runs on qasync. So GUI tests
are plain (sync) pytest-qt tests that hand an async *scenario* to `run_gui`,
which builds a fresh `qasync.QEventLoop` on pytest-qt's `qapp`, starts the
Monitor (receiver on port 0, tmp data dir), the MonitorBridge and the
AppWindow, runs the scenario with a timeout, then shuts everything down and
closes the loop. Inside the scenario Qt timers, signals and aiohttp all run on
the one loop exactly as in `gui/launch.py`; wait for the UI with
`await app.wait_until(predicate)` (never `qtbot.wait*`: that spins a nested
Qt loop inside a running qasync task).

    from .gui_support import GuiApp, run_gui
    from .helpers import new_push

    def test_enter_shows(qapp, data_dir, gui_settings):
        async def scenario(app: GuiApp):
            view = app.window.show_view("live")
            await app.post(new_push(67371107, UID=1, ClientID=0, Identity=1, Device=0))
            await app.wait_until(lambda: view.model.rowCount() == 1)
        run_gui(qapp, data_dir, scenario)

`gui_settings` (a fixture defined here: import it into the test module,
`from .gui_support import gui_settings  # noqa: F401`) points QSettings at a
tmp directory so the window's saved geometry/view never leaks between tests
or from a developer's real settings.
"""
from __future__ import annotations

import asyncio
import gc
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable

import aiohttp
import orjson
import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from gui.app_window import AppWindow
from gui.bridge import MonitorBridge
from gui.formatting import day_bounds, shown_date
from app.core import Monitor
from protocol.classin import is_ack
from storage.config import DEFAULT_TIMEZONE, ConfigStore


@dataclass
class GuiApp:
    """What a scenario gets: the running window and a way to push into it."""
    window: AppWindow
    bridge: MonitorBridge
    monitor: Monitor
    url: str                       # base URL of the embedded receiver
    session: aiohttp.ClientSession

    async def post(self, push: dict) -> None:
        """POST one signed push to /classin and insist on ClassIn's ack."""
        async with self.session.post(self.url + "/classin", data=orjson.dumps(push)) as resp:
            body = await resp.read()
            assert resp.status == 200 and is_ack(body), body

    async def post_many(self, pushes: list[dict], concurrency: int = 16) -> None:
        queue = list(reversed(pushes))

        async def worker() -> None:
            while queue:
                await self.post(queue.pop())
        await asyncio.gather(*(worker() for _ in range(concurrency)))

    async def wait_until(self, predicate: Callable[[], Any], timeout: float = 5.0,
                         message: str = "") -> Any:
        """Let the loop (Qt events included) run until predicate() is truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(message or f"timed out after {timeout} s waiting for {predicate}")
            await asyncio.sleep(0.02)


@pytest.fixture
def gui_settings(tmp_path: Path) -> Path:
    """QSettings() in the window -> an ini file under a tmp directory."""
    directory = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(directory))
    return directory


@contextmanager
def pc_zone_set(name: str):
    """This PC's zone is `name` (TZ) while the block runs: times of no school and
    PC-zone mode depend on it, so a test proves they do not leak into a school's."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield name
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


SCENARIO_TIMEOUT = 30.0      # s: run_gui's, unless a test gives its own


def now_of_today(back: int, tz: str = DEFAULT_TIMEZONE) -> int:
    """A "now" for a scenario whose pushes go up to `back` s before it, all of
    them of today where times of a school in `tz` are shown. The window dates a
    time of another day (a wider column), so a test that took the clock as it came
    saw dates just after the school's midnight (16:00 UTC for Shanghai) and failed.
    In its first `back` s of the day this "now" is ahead of the clock; in the last
    seconds before midnight, that a scenario may run into, the day is waited out:
    the window reads the clock again whenever it paints."""
    while True:
        clock = time.time()
        today = shown_date(clock, tz)
        start, end = day_bounds(today, today, tz)
        if end - clock > SCENARIO_TIMEOUT:
            return int(max(clock, start + back))
        time.sleep(end - clock + 1)


def run_gui(qapp, data_dir: Path, scenario: Callable[[GuiApp], Awaitable[Any]], *,
            timeout: float = SCENARIO_TIMEOUT, size: tuple[int, int] = (1280, 800), db=None, listen: bool = True) -> Any:
    """Run `scenario(app)` against the full window on a fresh qasync loop
    (`db`, `listen`: a team desk on that store, as `main.py --db URL` opens it)."""
    # As in gui/launch.py: closing the window must not quit the app (and end the
    # loop) before the clean shutdown after it has run.
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            return loop.run_until_complete(asyncio.wait_for(_session(data_dir, scenario, size, db, listen),
                                                            timeout))
    finally:
        asyncio.set_event_loop(None)
        # The closed loop and the deleted window sit in reference cycles; if the GC
        # collected them later from a reader thread, a QObject destructor would run
        # off its thread and leave a timer behind that crashes a later test's loop
        # (QTimerInfoList::activateTimers, seen with gdb). Collect here, on the main
        # thread, once this frame no longer holds the loop (qasync's timer and
        # thread workers are QObjects: a PDF rendered in a reader thread of the next
        # test allocated enough to collect them there, and crashed).
        del loop
        gc.collect()


async def _session(data_dir: Path, scenario: Callable[[GuiApp], Awaitable[Any]],
                   size: tuple[int, int], db=None, listen: bool = True) -> Any:
    monitor = Monitor(data_dir, ConfigStore(data_dir), host="127.0.0.1", port=0, db=db, listen=listen)
    bridge = MonitorBridge(monitor)
    window = AppWindow(bridge)
    window.resize(*size)
    window.show()
    try:
        url = await monitor.start()
        async with aiohttp.ClientSession() as session:
            return await scenario(GuiApp(window, bridge, monitor, url, session))
    finally:
        window.close()
        await window.shutdown()
        await monitor.stop()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
