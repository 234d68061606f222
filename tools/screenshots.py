#!/usr/bin/env python3
"""Screenshots of every view (and every tab in it) of the running `--demo`
window, in each language and window size, for a person to look at.

    .venv/bin/python tools/screenshots.py OUT_DIR [--langs en,zh_CN] [--sizes 1280x800,1920x1080]
                                          [--settle 55] [--views live,alarms] [--dark]

Each language runs in its own process (a translator is chosen once per
QApplication), on a throw-away data dir and QSettings, with the demo school
pushing over real HTTP as `main.py --demo` does. The shots are taken `--settle`
seconds in: by then the demo's stale secret has blocked the queue (stuck-push
alarm, stale-data line), so the busy state is what is seen. Files are named
LANG[-dark]-WxH-NN-VIEW[-tabN].png. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--langs", default="en,zh_CN")
    parser.add_argument("--sizes", default="1280x800,1920x1080")
    parser.add_argument("--settle", type=float, default=55.0, help="seconds of demo before the first shot")
    parser.add_argument("--views", default="", help="only these view keys, e.g. live,alarms (default: all)")
    parser.add_argument("--dark", action="store_true", help="a dark palette, as a dark OS scheme gives")
    parser.add_argument("--one", help=argparse.SUPPRESS)      # the child process: this language only
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        return shoot(args)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    failed = 0
    for lang in args.langs.split(","):
        command = [sys.executable, __file__, str(args.out), "--one", lang, "--sizes", args.sizes,
                   "--settle", str(args.settle), "--views", args.views] + (["--dark"] if args.dark else [])
        failed |= subprocess.call(command, env=dict(env, CLASSWATCH_LANG=lang))
    return failed


def shoot(args) -> int:
    sys.path.insert(0, str(ROOT))
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTabWidget

    from app.core import Monitor
    from gui.app_window import AppWindow
    from gui.bridge import MonitorBridge
    from gui.i18n import install_translator
    from storage.config import ConfigStore

    tmp = Path(tempfile.mkdtemp(prefix="classwatch-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    app = QApplication([])
    app.setApplicationName("ClassWatch")
    app.setOrganizationName("ClassWatch")
    app.setQuitOnLastWindowClosed(False)   # as gui/launch.py: the clean shutdown runs after close()
    if args.dark:
        dark_palette(app)
    install_translator(app)
    (tmp / "data").mkdir()
    prefix = args.one + ("-dark" if args.dark else "")
    saved: list[Path] = []

    async def grab(window, name: str) -> None:
        await asyncio.sleep(0.4)          # coalesced refreshes and charts catch up
        path = args.out / "{}-{}.png".format(prefix, name)
        window.grab().save(str(path))
        saved.append(path)

    async def run() -> None:
        data = tmp / "data"
        monitor = Monitor(data, ConfigStore(data), host="127.0.0.1", port=0)
        window = AppWindow(MonitorBridge(monitor), demo=True)
        window.show()
        await monitor.start()
        monitor.start_demo()
        window.show_view("live")
        await asyncio.sleep(args.settle)
        try:
            for width, height in map(parse_size, args.sizes.split(",")):
                window.resize(width, height)
                for n, key in enumerate(window.views):
                    if args.views and key not in args.views.split(","):
                        continue
                    view = window.show_view(key)
                    name = "{}x{}-{:02d}-{}".format(width, height, n + 1, key)
                    await grab(window, name)
                    for t, tabs in enumerate(w for w in view.findChildren(QTabWidget) if w.isVisible()):
                        first = tabs.currentIndex()
                        for index in range(tabs.count()):
                            if index != first and tabs.isTabEnabled(index):
                                tabs.setCurrentIndex(index)
                                await grab(window, "{}-tabs{}-{}".format(name, t, index))
                        tabs.setCurrentIndex(first)
                window.show_view("live")
        finally:
            window.close()
            try:       # the shots are saved: a slow stop must not hold the next language back
                await asyncio.wait_for(stop(window, monitor), 60)
            except asyncio.TimeoutError:
                print("the window did not stop within 60 s", file=sys.stderr)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run())
    for path in saved:
        print(path)
    return 0


async def stop(window, monitor) -> None:
    await window.shutdown()
    await monitor.stop()


def dark_palette(app) -> None:
    """What a dark OS scheme hands the window: Fusion with dark colours."""
    from PySide6.QtGui import QColor, QPalette
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"), (QPalette.ColorRole.AlternateBase, "#26272b"),
                         (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.Button, "#2d2e31"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Highlight, "#8ab4f8"),
                         (QPalette.ColorRole.HighlightedText, "#202124"), (QPalette.ColorRole.ToolTipBase, "#303134"),
                         (QPalette.ColorRole.ToolTipText, "#e8eaed"), (QPalette.ColorRole.Link, "#8ab4f8"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6")):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    app.setPalette(palette)


if __name__ == "__main__":
    sys.exit(main())
