"""The Relay page on the real window: destinations with what they got and what
they still have to get, a failing one said so, pause/resume, retry now,
replay of a time range; in English and Chinese (CLASSWATCH_SCREENSHOTS=DIR
saves a screenshot of each)."""
from __future__ import annotations

import asyncio
import os
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from gui.alarm_texts import AlarmTexts
from storage.config import ConfigStore
from storage.paths import DB_NAME

from ..gui_support import GuiApp, gui_settings, pc_zone_set, run_gui  # noqa: F401
from ..helpers import SECRET, SID, ServeProcess, new_push, post_push, run_cli, store_directly, team_dirs
from ..relay_support import SchoolSystem, free_port
from .test_i18n import chinese  # noqa: F401


def cell(view, name: str, column: str) -> str | None:
    model = view.model
    for row in range(model.rowCount()):
        if model.rows[row].destination.name == name:
            return model.data(model.index(row, model.COLUMNS.index(column)))
    return None


def select(view, name: str) -> None:
    for row in range(view.model.rowCount()):
        if view.model.rows[row].destination.name == name:
            view.table.selectRow(row)


def pick(edit, wall: datetime) -> None:
    """Set a replay picker as the desk would: the wall clock it shows, no zone."""
    edit.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute),
                               edit.timeZone()))


def pick_range(view, tz: str, start: float, end: float) -> None:
    pick(view.replay_from, datetime.fromtimestamp(start, ZoneInfo(tz)))
    pick(view.replay_to, datetime.fromtimestamp(end, ZoneInfo(tz)))


def screenshot(app: GuiApp, name: str) -> None:
    directory = os.environ.get("CLASSWATCH_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        assert app.window.grab().save(str(Path(directory) / name))


async def relay_scenario(app: GuiApp, words: dict[str, str], shot: str) -> None:
    system = SchoolSystem()
    await system.start()
    try:
        relay = app.monitor.relay
        relay.alarm_after = 0.5
        await relay.add("school-lms", SID, system.url + "?token=s3cret")
        await relay.add("crm", SID, f"http://127.0.0.1:{free_port()}/push", ["End", "Net"])
        view = app.window.show_view("relay")
        for i in range(5):
            await app.post(new_push("Net", Data={"n": i}))
        await app.wait_until(lambda: cell(view, "school-lms", "delivered") == "5", timeout=10)
        assert cell(view, "school-lms", "state") == words["up to date"]
        assert "s3cret" not in cell(view, "school-lms", "url")
        await app.wait_until(lambda: cell(view, "crm", "state") == words["failing"], timeout=10)
        assert cell(view, "crm", "pending") == "5"
        assert cell(view, "crm", "name") == words["crm (End,Net)"]
        assert words["cannot connect"] in cell(view, "crm", "last_error")
        assert cell(view, "crm", "failing_since") != "—"
        alarms = app.monitor.alarms.alarms
        await app.wait_until(lambda: "relay:crm" in alarms and alarms["relay:crm"].open, timeout=10)
        text = AlarmTexts(app.monitor).describe(alarms["relay:crm"])
        assert words["alarm"] in text.title and "crm" in text.title
        assert "school-lms" not in alarms
        screenshot(app, shot)

        select(view, "crm")
        assert view.pause.isEnabled()
        view.pause.click()
        await app.wait_until(lambda: cell(view, "crm", "state") == words["paused"])
        assert view.pause.text() == words["resume"]
        view.pause.click()
        await app.wait_until(lambda: cell(view, "crm", "state") != words["paused"])
        view.retry.click()
        assert "crm" in view.result.text()

        select(view, "school-lms")
        pick_range(view, app.monitor.config.current().zone(SID), time.time() - 600, time.time() + 120)
        view.replay.click()
        await app.wait_until(lambda: len(system.received) == 10, timeout=10)
        assert system.received[5:] == system.received[:5]
    finally:
        await system.stop()


def test_relay_page(qapp, data_dir, gui_settings):  # noqa: F811
    words = {"up to date": "Up to date", "failing": "Failing, retrying", "paused": "Paused",
             "resume": "Resume", "cannot connect": "cannot connect",
             "alarm": "is not taking its pushes", "crm (End,Net)": "crm (End,Net)"}
    run_gui(qapp, data_dir, lambda app: relay_scenario(app, words, "relay-en.png"), timeout=60)


def test_relay_page_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    words = {"up to date": "已全部送达", "failing": "失败，重试中", "paused": "已暂停",
             "resume": "恢复", "cannot connect": "无法连接",
             "alarm": "未接收推送", "crm (End,Net)": "crm（End,Net）"}
    run_gui(chinese, data_dir, lambda app: relay_scenario(app, words, "relay-zh_CN.png"), timeout=60)


@pytest.mark.slow
def test_a_team_desk_shows_the_relay_state_the_teams_serve_wrote(qapp, tmp_path, pg_server, gui_settings):  # noqa: F811
    """`main.py --db postgresql://…` on a desk: a real `serve` on the same
    database delivers to a local school system and fails to reach a CRM; the
    desk's page shows both as that process wrote them, and its pause and
    replay reach the serve through the database."""
    store = pg_server.new_database()
    server_dir, desk_dir = team_dirs(tmp_path)

    async def scenario(app: GuiApp) -> None:
        loop = asyncio.get_running_loop()
        system = SchoolSystem()
        await system.start()
        serve = await loop.run_in_executor(None, lambda: ServeProcess(server_dir, "--db", store.url))
        try:
            for name, url, extra in (("school-lms", system.url + "?token=s3cret", ()),
                                     ("crm", f"http://127.0.0.1:{free_port()}/push", ("--cmd", "End,Net"))):
                added = await loop.run_in_executor(None, lambda: run_cli(
                    "relay", "add", name, "--sid", str(SID), "--url", url, *extra, "--db", store.url,
                    data_dir=server_dir))
                assert added.returncode == 0, added.stderr
            view = app.window.show_view("relay")
            assert not view.retry.isVisible()          # the desk delivers nothing itself
            for i in range(5):
                status, _ = await post_push(app.session, serve.url, new_push("Net", Data={"n": i}))
                assert status == 200
            await app.wait_until(lambda: cell(view, "school-lms", "delivered") == "5", timeout=30)
            assert cell(view, "school-lms", "state") == "Up to date"
            assert "s3cret" not in cell(view, "school-lms", "url")
            await app.wait_until(lambda: cell(view, "crm", "state") == "Failing, retrying", timeout=30)
            assert cell(view, "crm", "pending") == "5" and "cannot connect" in cell(view, "crm", "last_error")
            assert cell(view, "crm", "failing_since") != "—"
            assert len(system.received) == 5 and app.monitor.relay.lines == {}
            screenshot(app, "relay-team-desk.png")

            select(view, "crm")
            view.pause.click()
            await app.wait_until(lambda: cell(view, "crm", "state") == "Paused", timeout=10)
            listed = await loop.run_in_executor(None, lambda: run_cli("relay", "list", "--db", store.url,
                                                                      data_dir=server_dir))
            assert [line.split()[3] for line in listed.stdout.splitlines() if line.startswith("crm")] == ["paused"]

            select(view, "school-lms")
            pick_range(view, app.monitor.config.current().zone(SID), time.time() - 600, time.time() + 120)
            view.replay.click()
            await app.wait_until(lambda: len(system.received) == 10, timeout=30)   # the serve sent them again
            await app.wait_until(lambda: cell(view, "school-lms", "delivered") == "10", timeout=30)
        finally:
            await loop.run_in_executor(None, serve.stop)
            await system.stop()

    run_gui(qapp, desk_dir, scenario, db=store, listen=False, timeout=150)


NEW_YORK = "America/New_York"
OTHER_SID = SID + 1


def _new_york(hour: int, minute: int, second: int = 0) -> float:
    return datetime(2026, 11, 20, hour, minute, second, tzinfo=ZoneInfo(NEW_YORK)).timestamp()


@pytest.fixture(params=["Asia/Shanghai", "UTC"])
def pc_zone(request):
    with pc_zone_set(request.param):
        yield


def test_replay_range_is_in_the_schools_zone(qapp, data_dir, gui_settings, pc_zone):  # noqa: F811
    """A school in New York, a PC in Shanghai (or on UTC): 09:00-10:00 picked
    for its destination is 09:00-10:00 in New York (EST, UTC-5), not on this PC."""
    config = ConfigStore(data_dir)
    config.add_school(SID, SECRET, "Fixture School", timezone=NEW_YORK)
    config.add_school(OTHER_SID, SECRET, "Beijing School", timezone="Asia/Shanghai")
    at = {"before": _new_york(8, 59, 30), "first": _new_york(9, 0), "last": _new_york(9, 59, 59),
          "after": _new_york(10, 0)}
    bodies = {name: new_push("Net", action_time=int(t), Data={"n": name}) for name, t in at.items()}
    store_directly(data_dir / DB_NAME, [(at[name], body) for name, body in bodies.items()])

    async def scenario(app: GuiApp) -> None:
        system = SchoolSystem()
        await system.start()
        try:
            await app.monitor.relay.add("school-lms", SID, system.url)
            await app.monitor.relay.add("beijing-crm", OTHER_SID, f"http://127.0.0.1:{free_port()}/push")
            view = app.window.show_view("relay")
            await app.wait_until(lambda: view.model.rowCount() == 2, timeout=10)
            select(view, "school-lms")
            assert view.replay_zone.text() == "(UTC-5)"
            pick(view.replay_from, datetime(2026, 11, 20, 9, 0))
            pick(view.replay_to, datetime(2026, 11, 20, 10, 0))
            assert view.range == (at["first"], at["after"]) == (1795183200, 1795186800)

            # Another school's destination: the same moments, shown on its clock (13 h ahead).
            select(view, "beijing-crm")
            assert view.replay_zone.text() == "(UTC+8)"
            assert view.replay_from.text() == "2026-11-20 22:00" and view.replay_to.text() == "2026-11-20 23:00"
            assert view.range == (at["first"], at["after"])
            select(view, "school-lms")
            assert view.replay_from.text() == "2026-11-20 09:00" and view.replay_to.text() == "2026-11-20 10:00"

            view.replay.click()
            await app.wait_until(lambda: len(system.received) == 2, timeout=10)
            assert [orjson.loads(body)["Data"]["n"] for body in system.received] == ["first", "last"]
            assert view.result.text() == "school-lms: 2 push(es) queued again."
            await asyncio.sleep(0.5)          # nothing more arrives: the pushes outside the range stay
            assert len(system.received) == 2
        finally:
            await system.stop()
    run_gui(qapp, data_dir, scenario, timeout=60)
