#!/usr/bin/env python3
"""Two team desks showing one acknowledged alarm: the picture issue 13 asks for.

Starts a throw-away PostgreSQL (tests/pg_support.py: initdb in a temp dir), a
real `serve` on it fed with a simulated school's day over HTTP, and two desk
windows on the team's database (each its own process, as `main.py --db
postgresql://…` opens it, with its own data dir and user name). When a
classroom asks for help, desk "kim" acknowledges the alarm with a note; desk
"lee" sees the acknowledgement arrive through the database; each desk saves
a PNG of its window.

    QT_QPA_PLATFORM=offscreen python tools/two_desks.py [--out DIR] [--lang en|zh_CN|both]

Writes DIR/two-desks-kim[-zh_CN].png and DIR/two-desks-lee[-zh_CN].png (1280x800).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SID, SECRET = 2290417, "two-desks-secret"
SCHOOL = "光明未来学校 Bright Future Academy"
ZONE = "Asia/Shanghai"
NOTES = {"en": "Called his mother: router restarted, audio is fine again",
         "zh_CN": "已联系家长：路由器重启后声音恢复正常"}
HELP_MESSAGES = {"en": "My audio keeps breaking up and the teacher can't hear me",
                 "zh_CN": "我的声音一直断断续续，老师听不到我说话"}
SIZE = (1280, 800)


# -- a desk (its own process) ----------------------------------------------------------------
def desk(args) -> int:
    """One desk window on the team's store; `--role ack` acknowledges the
    help request, `--role watch` waits for someone else's acknowledgement."""
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.core import Monitor
    from gui.app_window import AppWindow
    from gui.bridge import MonitorBridge
    from gui.i18n import install_translator
    from storage.config import ConfigStore
    from storage.dburl import DbUrl

    # The window's own settings (column widths, clock) in the throw-away dir, not the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(args.data_dir) / "qsettings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ClassWatch")
    install_translator(app)
    config = ConfigStore(Path(args.data_dir))
    monitor = Monitor(Path(args.data_dir), config, db=DbUrl.parse(args.db), listen=False)
    window = AppWindow(MonitorBridge(monitor))
    window.resize(*SIZE)

    def help_alarm():
        return next((a for a in monitor.alarms.alarms.values()
                     if a.kind == "help_request" and a.params.get("message") == args.message), None)

    async def until(check, timeout: float = 90.0):
        deadline = time.monotonic() + timeout
        while not (value := check()):
            if time.monotonic() > deadline:
                raise TimeoutError(f"desk {args.name}: gave up waiting")
            await asyncio.sleep(0.1)
        return value

    async def main() -> int:
        window.show()
        await monitor.start()
        print("ready", flush=True)
        try:
            alarm = await until(help_alarm)
            view = window.show_view("alarms")
            if args.role == "ack":
                await asyncio.sleep(1.0)           # the list shows it (changes are applied 4 times a second)
                view.select(alarm.key)
                view.note.setText(args.note)
                view.details.acknowledge.click()
                await until(lambda: alarm.acknowledged)
            else:
                await until(lambda: help_alarm().acknowledged)       # kim's, through the database
                view.select(alarm.key)
            await asyncio.sleep(1.5)              # the views catch up (list, details, banner)
            assert window.grab().save(args.shot), args.shot
            print(f"saved {args.shot}", flush=True)
        finally:
            window.hide()
            await window.shutdown()
            await monitor.stop()
        return 0

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(main())


# -- the scene -----------------------------------------------------------------------------------
def scene(lang: str, out: Path) -> list[Path]:
    from storage.config import ConfigStore
    from tests.pg_support import PgServer, why_unavailable

    reason = why_unavailable()
    if reason:
        raise SystemExit(f"cannot start PostgreSQL here: {reason}")
    suffix = "" if lang == "en" else f"-{lang}"
    shots = {name: out / f"two-desks-{name}{suffix}.png" for name in ("kim", "lee")}
    server = PgServer().start()
    procs: list[subprocess.Popen] = []
    try:
        db = server.new_database()
        tmp = Path(tempfile.mkdtemp(prefix="classwatch-two-desks-"))
        dirs = {name: tmp / name for name in ("serve", "kim", "lee")}
        for d in dirs.values():
            d.mkdir()
            ConfigStore(d).add_school(SID, SECRET, SCHOOL, ZONE)
        env = dict(os.environ, PYTHONPATH=str(ROOT), CLASSWATCH_LANG=lang,
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        serve = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", "--port", "0", "--data-dir",
                                  str(dirs["serve"]), "--db", db.url], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, env=env)
        procs.append(serve)
        url = None
        for line in serve.stdout:
            if m := re.match(r"listening on (http://\S+)", line):
                url = m.group(1)
                break
        if url is None:
            raise SystemExit("serve did not start")
        desks = {}
        for name, role in (("kim", "ack"), ("lee", "watch")):
            desks[name] = subprocess.Popen(
                [sys.executable, __file__, "--desk", name, "--role", role, "--db", db.url,
                 "--data-dir", str(dirs[name]), "--shot", str(shots[name]), "--note", NOTES[lang],
                 "--message", HELP_MESSAGES[lang]],
                stdout=subprocess.PIPE, text=True, env=dict(env, USER=name, LOGNAME=name, USERNAME=name))
            procs.append(desks[name])
        for name, proc in desks.items():
            if proc.stdout.readline().strip() != "ready":
                raise SystemExit(f"desk {name} did not start")
        done = threading.Event()
        feeder = threading.Thread(target=asyncio.run, args=(_feed(url, lang, done),))
        feeder.start()
        try:
            for name, proc in desks.items():
                try:
                    proc.wait(180)
                except subprocess.TimeoutExpired:
                    raise SystemExit(f"desk {name} did not finish within 3 minutes") from None
                if proc.returncode != 0:
                    raise SystemExit(f"desk {name} failed ({proc.returncode})")
        finally:
            done.set()
            feeder.join(30)
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
                proc.wait(30)
        server.destroy()
    return list(shots.values())


async def _feed(url: str, lang: str, done: threading.Event) -> None:
    """A school's day (the lessons started minutes ago) and then, from a
    student in a running lesson, a help request; the day goes on meanwhile."""
    import aiohttp

    from protocol.classin import sign
    from simulator.delivery import deliver
    from simulator.school import generate_day

    now = int(time.time())
    day = generate_day(SID, SECRET, lessons=3, students=8, seed=13, start=now - 600)
    stop = asyncio.Event()
    feeding = asyncio.create_task(deliver(day.pushes, url + "/classin", SECRET, speed=1.0, start=day.start,
                                          stop_event=stop))
    await asyncio.sleep(8)          # the history is in; the desks show the lessons
    asker, users = _in_class(day.pushes, now)
    body = {"SID": SID, "ClassID": asker["ClassID"], "CourseID": asker.get("CourseID"), "Cmd": "HelpInfo",
            "ActionTime": int(time.time()), "TimeStamp": int(time.time()) + 600,
            "_id": f"{int(time.time()):08x}{os.urandom(8).hex()}",
            "Data": {"UID": asker["UID"], "Message": HELP_MESSAGES[lang], "UserList": users}}
    async with aiohttp.ClientSession() as http:
        async with http.post(url + "/classin", json=sign(body, SECRET)) as resp:
            assert resp.status == 200, resp.status
    while not done.is_set():        # the day goes on until the desks have their pictures
        await asyncio.sleep(0.2)
    stop.set()
    await feeding


def _in_class(pushes, now: int) -> tuple[dict, list[int]]:
    """A student in a lesson that runs well past `now` (its enter push), and who is in that lesson."""
    from protocol.classin import CMD_ENTER, CMD_EXIT
    last: dict[int, int] = {}
    for push in pushes:
        if "ClassID" in push.body:     # (not the school's schedule sync)
            last[push.body["ClassID"]] = max(push.at, last.get(push.body["ClassID"], push.at))
    inside: dict[tuple[int, int], dict] = {}
    for push in pushes:
        body = push.body
        if push.at > now:
            break
        if body.get("Cmd") == CMD_ENTER:
            inside[body["ClassID"], body["UID"]] = body
        elif body.get("Cmd") == CMD_EXIT:
            inside.pop((body["ClassID"], body["UID"]), None)
    students = [body for (class_id, _), body in inside.items()
                if body.get("Identity") == 1 and last[class_id] > now + 900]
    asker = students[-1]
    return asker, sorted(uid for class_id, uid in inside if class_id == asker["ClassID"])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=Path("shots"), help="where the PNGs go (default ./shots)")
    p.add_argument("--lang", choices=("en", "zh_CN", "both"), default="both")
    # A desk process (started by the scene)
    p.add_argument("--desk", dest="name", help=argparse.SUPPRESS)
    for hidden in ("--role", "--db", "--data-dir", "--shot", "--note", "--message"):
        p.add_argument(hidden, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.name:
        return desk(args)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in (("en", "zh_CN") if args.lang == "both" else (args.lang,)):
        for shot in scene(lang, args.out):
            print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
