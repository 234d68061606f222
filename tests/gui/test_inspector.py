"""Inspector: finds pushes by Cmd and ClassID (and shows refused ones), pretty
prints them, and "Copy as curl" re-sends the identical bytes when run."""
from __future__ import annotations

import asyncio
import shutil
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import orjson
import pytest
from aiohttp import web
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.formatting import PC_ZONE, SCHOOL_ZONE
from protocol.classin import is_ack
from storage.config import ConfigStore
from storage.paths import DB_NAME

from ..gui_support import GuiApp, gui_settings, pc_zone_set, run_gui  # noqa: F401
from ..helpers import SECRET, SID, new_push, store_directly
from .test_i18n import chinese  # noqa: F401


async def _run_shell(command: str) -> subprocess.CompletedProcess:
    # In a thread: the receiver answering the command runs on this very loop.
    return await asyncio.get_running_loop().run_in_executor(
        None, lambda: subprocess.run(["bash", "-c", command], capture_output=True, timeout=20))


async def _capture_server() -> tuple[web.AppRunner, str, list[bytes]]:
    received: list[bytes] = []

    async def handle(request: web.Request) -> web.Response:
        received.append(await request.read())
        return web.json_response({"ok": True})
    app = web.Application()
    app.router.add_post("/classin", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}", received


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_find_by_cmd_and_class_id_and_resend_with_curl(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.show_view("inspector")
        target = new_push("HelpInfo", class_id=777001,
                          Data={"UID": 9, "Message": "老师，我听不到 'sound' \\ \"quoted\"", "UserList": [9]})
        raw = orjson.dumps(target)
        await app.post(target)
        await app.post(new_push("HelpInfo", class_id=777002, Data={"UID": 9, "Message": "other lesson"}))
        await app.post(new_push("Net", class_id=777001, UID=9, Data={}))
        app.monitor.config.set_verify(SID, "strict")
        refused = new_push("Net", class_id=777001, secret="wrong", UID=9, Data={})
        async with app.session.post(app.url + "/classin", data=orjson.dumps(refused)) as resp:
            assert resp.status == 403

        await app.wait_until(lambda: view.model.rowCount() == 4, timeout=10)
        assert view.model.rows[0].kind == "quarantined"      # newest first, refused ones included

        view.cmd.setEditText("HelpInfo")
        view.class_id.setText("777001")
        await app.wait_until(lambda: view.model.rowCount() == 1 and view.model.rows[0].class_id == 777001)
        view.table.selectRow(0)
        assert view.selected().body == raw
        pretty = view.body.toPlainText()
        assert "\n  " in pretty and "老师，我听不到" in pretty       # indented, CJK unescaped

        view.copy_curl.click()
        command = QGuiApplication.clipboard().text()
        assert command == view.curl_text() and command.startswith("printf")

        runner, capture_url, received = await _capture_server()
        try:
            done = await _run_shell(command.replace(app.url, capture_url))
            assert done.returncode == 0, done.stderr
            assert received == [raw]                          # byte for byte
        finally:
            await runner.cleanup()

        done = await _run_shell(command)                      # and the real receiver takes it
        assert done.returncode == 0 and is_ack(done.stdout), done
        assert app.monitor.receiver.stats.duplicates == 1

        view.refused_only.setChecked(True)
        view.cmd.setEditText("")
        view.class_id.clear()
        await app.wait_until(lambda: view.model.rowCount() == 1 and view.model.rows[0].kind == "quarantined")
        view.table.selectRow(0)
        assert "wrong SafeKey" in view.heading.text()
        assert "Invoke-RestMethod" in view.powershell_text()
    run_gui(qapp, data_dir, scenario)


async def test_search_pages_newest_first_with_refused_pushes_merged(receiver, http):
    from storage.inspector import PushFilter, search

    receiver.config.set_verify(SID, "strict")
    sent = []
    for i in range(7):
        push = new_push("Net", class_id=888000 + i % 2, UID=100 + i, Data={"n": i})
        async with http.post(receiver.url + "/classin", data=orjson.dumps(push)) as resp:
            assert resp.status == 200
        sent.append(push["_id"])
        if i == 3:
            refused = new_push("Net", class_id=888000, secret="wrong", UID=999, Data={})
            async with http.post(receiver.url + "/classin", data=orjson.dumps(refused)) as resp:
                assert resp.status == 403

    seen, before = [], None
    while True:
        page = search(PushFilter(), before, limit=3)
        seen += page.rows
        if page.cursor is None:
            break
        before = page.cursor
    stored = [orjson.loads(r.body)["_id"] for r in seen if r.kind == "stored"]
    assert stored == list(reversed(sent))                     # every push once, newest first
    assert [r.uid for r in seen if r.kind == "quarantined"] == [999]
    position = [r.kind for r in seen].index("quarantined")
    assert position == 3                                      # between the pushes around it

    assert {r.class_id for r in search(PushFilter(class_id=888001)).rows} == {888001}
    assert [r.uid for r in search(PushFilter(uid=104)).rows] == [104]
    assert [r.uid for r in search(PushFilter(uid=999)).rows] == [999]
    assert [r.uid for r in search(PushFilter(text='"n":5')).rows] == [105]
    assert [r.kind for r in search(PushFilter(quarantined_only=True)).rows] == ["quarantined"]


NEW_YORK_SID = SID + 1


def _received_column(view) -> tuple[str, list[str], list[str]]:
    """The time column as the desk sees it: header, cells, tooltips."""
    model, column = view.model, view.model.COLUMNS.index("received_at")
    cells = [model.index(row, column) for row in range(model.rowCount())]
    return (model.headerData(column, Qt.Orientation.Horizontal),
            [index.data() for index in cells], [index.data(Qt.ItemDataRole.ToolTipRole) for index in cells])


def zone_once_scenario(words: dict[str, str]):
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("inspector")
        await app.wait_until(lambda: view.model.rowCount() == 3)
        # Schools of two zones listed together: each row says its own, the header none.
        assert _received_column(view) == (
            words["header"],
            ["2026-11-20 10:00:00 UTC-5", "2026-11-20 09:30:00 UTC+8", "2026-11-20 09:00:05 UTC+8"],
            ["2026-11-20 10:00:00 UTC-5", "2026-11-20 09:30:00 UTC+8", "2026-11-20 09:00:05 UTC+8"])

        # One school's pushes: its zone once, in the header; the rows bare, the tooltip and detail whole.
        view.class_id.setText("777001")
        await app.wait_until(lambda: view.model.rowCount() == 2)
        assert _received_column(view) == (
            words["header (UTC+8)"], ["2026-11-20 09:30:00", "2026-11-20 09:00:05"],
            ["2026-11-20 09:30:00 UTC+8", "2026-11-20 09:00:05 UTC+8"])
        view.table.selectRow(0)
        assert "2026-11-20 09:30:00 UTC+8" in view.heading.text()

        # This PC's clock (UTC here): every row in one zone again, whichever school.
        view.class_id.clear()
        await app.wait_until(lambda: view.model.rowCount() == 3)
        app.window.set_zone_mode(PC_ZONE)
        try:
            assert _received_column(view)[:2] == (
                words["header (UTC+0)"], ["2026-11-20 15:00:00", "2026-11-20 01:30:00", "2026-11-20 01:00:05"])
        finally:
            app.window.set_zone_mode(SCHOOL_ZONE)
        assert _received_column(view)[0] == words["header"]
    return scenario


def _two_zones(data_dir) -> None:
    """Two pushes of a Beijing school and one of a New York school, stored at known times."""
    ConfigStore(data_dir).add_school(NEW_YORK_SID, SECRET, "New York School", timezone="America/New_York")
    beijing, new_york = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")
    pushes = [(datetime(2026, 11, 20, 9, 0, 5, tzinfo=beijing), SID, 777001),
              (datetime(2026, 11, 20, 9, 30, tzinfo=beijing), SID, 777001),
              (datetime(2026, 11, 20, 10, 0, tzinfo=new_york), NEW_YORK_SID, 777002)]
    store_directly(data_dir / DB_NAME, [(at.timestamp(), new_push("Net", sid=sid, class_id=class_id,
                                                                   action_time=int(at.timestamp()), Data={}))
                                        for at, sid, class_id in pushes])


def test_the_time_column_says_its_zone_once(qapp, data_dir, gui_settings):  # noqa: F811
    _two_zones(data_dir)
    words = {"header": "Received", "header (UTC+8)": "Received (UTC+8)", "header (UTC+0)": "Received (UTC+0)"}
    with pc_zone_set("UTC"):
        run_gui(qapp, data_dir, zone_once_scenario(words))


def test_the_time_column_says_its_zone_once_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    _two_zones(data_dir)
    words = {"header": "接收时间", "header (UTC+8)": "接收时间（UTC+8）", "header (UTC+0)": "接收时间（UTC+0）"}
    with pc_zone_set("UTC"):
        run_gui(chinese, data_dir, zone_once_scenario(words))
