"""`python main.py` / `python main.py --demo`: the desktop app on a qasync loop."""
from __future__ import annotations

import asyncio
import logging
import shutil
import sys
import tempfile

from alarms.language import language
from app import heap
from app.errors import UserError
from app.startup import chosen_language, open_context, start_failure
from tunnel.osproc import on_stop_signals

from .console import ICON, display_available, hide_own_console

log = logging.getLogger(__name__)


def run(args) -> int:
    hide_own_console()
    if not display_available():
        raise UserError("no display to open the window on: run `python main.py serve` for the receiver "
                        "alone, or set QT_QPA_PLATFORM=offscreen")
    throwaway = None
    if args.demo and not args.data_dir:
        args.data_dir = throwaway = tempfile.mkdtemp(prefix="classwatch-demo-")
    try:
        return _run(args)
    except Exception as exc:
        # The CLI still prints it (exit 1, or 2 for bad arguments); a desk started
        # from a shortcut has no console, so a window says it too.
        from .crash import show_startup_failure
        show_startup_failure(str(exc))
        raise
    finally:
        if throwaway is not None:
            logging.shutdown()      # the log file lives in it (and Windows keeps open files)
            shutil.rmtree(throwaway, ignore_errors=True)


def _run(args) -> int:
    heap.pace()
    ctx = open_context(args, log_to_stderr=args.debug)

    import qasync
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .app_window import AppWindow
    from .crash import CrashReporter
    from .i18n import install_translator
    from .bridge import MonitorBridge
    from app.core import Monitor

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ClassWatch")
    app.setOrganizationName("ClassWatch")
    app.setWindowIcon(QIcon(str(ICON)))
    app.setQuitOnLastWindowClosed(False)   # closing the window runs our clean shutdown
    spoken = language(install_translator(app, chosen_language(args, ctx.config)))
    crashes = CrashReporter(ctx.data_dir, ctx.mask)
    crashes.install()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    port = args.port if args.port is not None else ctx.config.current().port
    # A team desk (--db postgresql://) shows what the team's `serve` stores; its
    # own receiver runs only when asked for with --port.
    listen = ctx.db.is_sqlite or args.port is not None
    monitor = Monitor(ctx.data_dir, ctx.config, host=args.host, port=port, db=ctx.db, listen=listen,
                      language=spoken)      # the chat robots speak as the window does
    bridge = MonitorBridge(monitor)
    window = AppWindow(bridge, demo=args.demo)

    async def main() -> int:
        closed = asyncio.Event()
        window.closing.connect(closed.set)
        app.aboutToQuit.connect(closed.set)
        # A logout or `kill` quits as the window's Quit does: pushes in flight answered.
        on_stop_signals(asyncio.get_running_loop(), closed.set)
        window.show()
        crashes.last_run_crashed()
        try:
            await monitor.start()
        except Exception as exc:   # port in use, serve runs, damaged file: one line in the window
            line = start_failure(exc, args.host, port)
            if line is None:
                raise
            window.show_startup_error(line)
        # The loaded lesson state lives all day: keep the GC from re-scanning it
        # (full collections over it stalled the UI for ~250 ms under load).
        heap.settle()
        if args.demo and monitor.started:
            monitor.start_demo()
            window.show_view("live")   # not the first-run page: the demo brings its own school
        await closed.wait()
        window.hide()
        await window.shutdown()
        await monitor.stop()
        return 0

    try:
        with loop:
            return loop.run_until_complete(main())
    finally:
        crashes.uninstall()

