"""Settings › Chat alarms: add a signed robot, see it listed masked, send a
test message to the local robot, see a failing delivery, remove it."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

from alarms.channels.dispatcher import DispatchSettings
from storage.config import AlarmChannel

from ..chat_robots import DINGTALK_SECRET, DINGTALK_TOKEN, ChatRobots
from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..alarms.channels.test_dispatcher import FAST, alarm
from .test_empty_states import says_empty
from .test_i18n import chinese  # noqa: F401


def test_chat_alarms_tab_adds_tests_shows_failures_and_removes(qapp, data_dir, gui_settings, tmp_path):  # noqa: F811
    async def scenario(app: GuiApp):
        robots = ChatRobots()
        await robots.start()
        try:
            await _scenario(app, robots, tmp_path)
        finally:
            await robots.stop()
    run_gui(qapp, data_dir, scenario)


async def _scenario(app: GuiApp, robots: ChatRobots, tmp_path: Path) -> None:
    app.monitor.channels.settings = DispatchSettings(**FAST)
    view = app.window.show_view("settings")
    panel = view.channels_panel
    view.tabs.setCurrentWidget(panel)
    assert not panel.save.isEnabled() and not panel.test.isEnabled()
    assert panel.table.rowCount() == 0 and says_empty(panel.table)     # what the table is for, until a robot comes

    panel.name.setText("值班群")
    panel.kind.setCurrentIndex(panel.kind.findData("dingtalk"))
    assert panel.secret.isEnabled()
    panel.url.setText(robots.urls()["dingtalk"])
    panel.secret.setText(DINGTALK_SECRET)
    panel.save.click()
    saved = app.monitor.config.current().channels["值班群"]
    assert (saved.kind, saved.secret, saved.min_severity) == ("dingtalk", DINGTALK_SECRET, "warning")
    assert panel.table.rowCount() == 1 and not says_empty(panel.table)
    shown = " ".join(panel.table.item(0, c).text() for c in range(panel.table.columnCount()))
    assert "access_token=***" in shown and DINGTALK_TOKEN not in shown and DINGTALK_SECRET not in shown
    assert panel.url.text() == "" and panel.secret.text() == ""

    panel.test.click()
    await app.wait_until(lambda: "sent to 值班群" in panel.feedback.text(), timeout=10)
    assert len(robots.of("dingtalk")) == 1

    # Another channel whose robot refuses the signature: its test fails, and so does delivery.
    panel.name.setText("wrong")
    panel.kind.setCurrentIndex(panel.kind.findData("feishu"))
    panel.url.setText(robots.urls()["feishu"])
    panel.secret.setText("not-the-secret")
    panel.severity.setCurrentIndex(panel.severity.findData("critical"))
    panel.save.click()
    panel.test.click()
    await app.wait_until(lambda: "failed" in panel.feedback.text(), timeout=10)
    assert "sign match fail" in panel.feedback.text() and "not-the-secret" not in panel.feedback.text()

    app.monitor.channels.notify("open", alarm("critical", kind="storage", class_id=None, title="Disk full"))
    await app.wait_until(lambda: app.monitor.channels.states()["wrong"].failing_since is not None, timeout=10)
    await app.wait_until(lambda: robots.of("dingtalk", accepted=True)[-1].body["markdown"]["title"]
                         .endswith("Disk full"), timeout=10)
    # The robot records the message before its answer reaches the lane that sent it.
    await app.wait_until(lambda: app.monitor.channels.states()["值班群"].queued == 0, timeout=10)
    panel.refresh()
    rows = {panel.table.item(r, 0).text(): r for r in range(panel.table.rowCount())}
    assert "FAILING since" in panel.table.item(rows["wrong"], 5).text()
    assert panel.table.item(rows["值班群"], 5).text() == "OK"
    await asyncio.sleep(0.05)
    shot = Path(os.environ.get("CLASSWATCH_SCREENSHOTS", tmp_path)) / "chat_alarms_tab.png"
    assert app.window.grab().save(str(shot)) and shot.stat().st_size > 0

    panel.table.selectRow(rows["wrong"])
    assert panel.name.text() == "wrong" and panel.url.placeholderText().startswith("unchanged: ")
    panel.remove.click()
    assert "wrong" not in app.monitor.config.current().channels
    assert panel.table.rowCount() == 1


def test_chat_alarms_tab_speaks_chinese(chinese, data_dir, gui_settings, tmp_path):  # noqa: F811
    async def scenario(app: GuiApp):
        robots = ChatRobots()
        await robots.start()
        try:
            app.monitor.channels.settings = DispatchSettings(**FAST)
            config = app.monitor.config
            config.save_channel(AlarmChannel("值班群", "dingtalk", robots.urls()["dingtalk"], DINGTALK_SECRET))
            config.save_channel(AlarmChannel("飞书告警", "feishu", robots.urls()["feishu"], "wrong-secret", "critical"))
            config.save_channel(AlarmChannel("ops", "slack", robots.urls()["slack"], "", "info"))
            app.monitor.channels.notify("open", alarm("critical", kind="storage", class_id=None, title="Disk full"))
            await app.wait_until(lambda: app.monitor.channels.states()["飞书告警"].failing_since is not None
                                 and app.monitor.channels.states()["值班群"].sent == 1, timeout=10)
            view = app.window.show_view("settings")
            panel = view.channels_panel
            view.tabs.setCurrentWidget(panel)
            panel.refresh()
            assert view.tabs.tabText(view.tabs.currentIndex()) == "群聊告警"
            assert panel.test.text() == "发送测试消息"
            rows = {panel.table.item(r, 0).text(): r for r in range(panel.table.rowCount())}
            assert panel.table.item(rows["值班群"], 1).text() == "钉钉"
            assert panel.table.item(rows["值班群"], 5).text() == "正常"
            assert panel.table.item(rows["飞书告警"], 5).text().startswith("自 ")
            panel.table.selectRow(rows["值班群"])
            await asyncio.sleep(0.05)
            shot = Path(os.environ.get("CLASSWATCH_SCREENSHOTS", tmp_path)) / "chat_alarms_tab_zh_CN.png"
            assert app.window.grab().save(str(shot)) and shot.stat().st_size > 0
        finally:
            await robots.stop()
    run_gui(chinese, data_dir, scenario)
