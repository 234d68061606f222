"""Inspector: finds pushes by Cmd and ClassID (and shows refused ones), pretty
prints them, and "Copy as curl" re-sends the identical bytes when run."""
from __future__ import annotations

import asyncio
import shutil
import subprocess

import orjson
import pytest
from aiohttp import web
from PySide6.QtGui import QGuiApplication

from protocol.classin import is_ack

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import SID, new_push


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
