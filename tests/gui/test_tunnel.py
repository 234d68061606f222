"""The Tunnel tab in the real window: choose `external` with the receiver's own
URL as the public one, Apply, see it come up, copy the public push URL, send
ClassIn's registration test through it and see it acked and stored; a
differing registered URL shows the loud warning; a missing program shows why
and how to install it, and changes nothing."""
from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from storage.config import ConfigStore
from tunnel import TunnelState, TunnelStatus

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import SECRET, SID
from ..tunnel_support import tunnels
from .test_i18n import chinese  # noqa: F401


def open_tab(app: GuiApp):
    view = app.window.show_view("settings")
    view.tabs.setCurrentWidget(view.tunnel_panel)
    return view, view.tunnel_panel


def choose(panel, key: str) -> None:
    panel.provider.setCurrentIndex(panel.provider.findData(key))


def test_external_tunnel_comes_up_and_the_selftest_is_acked_and_stored(qapp, data_dir, gui_settings,  # noqa: F811
                                                                       tmp_path):
    ConfigStore(data_dir).update(lambda c: c.settings.update({"tunnel_health_interval": 1}))

    async def scenario(app: GuiApp):
        app.monitor.tunnel_options = {"recheck_interval": 0.1, "url_timeout": 2}
        view, panel = open_tab(app)
        assert panel.state_badge.text() == "NO TUNNEL" and not panel.copy_push.isEnabled()
        assert not panel.selftest_button.isEnabled()

        choose(panel, "external")
        assert panel.external_public.isVisible()
        assert not panel.ssh_host.isVisible() and not panel.cf_token.isVisible()
        choose(panel, "ngrok")                                   # tokens are masked until asked
        assert panel.ngrok_token.isVisible() and panel.ngrok_domain.isVisible()
        assert panel.ngrok_token.edit.echoMode() == panel.ngrok_token.edit.EchoMode.Password
        panel.ngrok_token.show_button.click()
        assert panel.ngrok_token.edit.echoMode() == panel.ngrok_token.edit.EchoMode.Normal
        choose(panel, "external")
        panel.external_public.setText(app.url + "/")
        panel.registered.setText(app.url + "/classin")
        panel.apply_button.click()

        await app.wait_until(lambda: panel.state_badge.text() == "UP", timeout=10)
        assert "Up: {} answers".format(app.url) in panel.status_line.text()
        assert not panel.warning.isVisible()
        assert tunnels(app.monitor.receiver) == [app.monitor.tunnel]
        saved = ConfigStore(app.monitor.data_dir).current().settings
        assert (saved["tunnel_provider"], saved["tunnel_public_url"], saved["registered_url"]) == (
            "external", app.url, app.url)
        assert saved["tunnel_health_interval"] == 1              # what the form does not show is kept

        assert panel.public_push.text() == app.url + "/classin"
        token = app.monitor.config.current().gensee_token
        assert panel.public_gensee.text() == "{}/gensee/{}/".format(app.url, token)
        panel.copy_push.click()
        assert QGuiApplication.clipboard().text() == app.url + "/classin"
        view.refresh_urls()                                      # the Schools tab says it is public now
        assert "through the tunnel" in view.push_url_note.text()

        await app.wait_until(panel.selftest_button.isEnabled)
        assert panel.school.currentData() == SID
        panel.selftest_button.click()
        await app.wait_until(lambda: panel.last_selftest is not None, timeout=10)
        result = panel.last_selftest
        assert (result.status, result.acked, result.stored) == (200, True, True)
        summary = panel.selftest_summary.text()
        assert "Answer: HTTP 200 in " in summary and " ms" in summary
        assert "errno 1): yes" in summary and "Stored: yes (found in " in summary
        assert '"errno":1' in panel.selftest_body.toPlainText()

        app.window.status.refresh()                              # the status bar ticks once a second
        await asyncio.sleep(0.05)                                # ... and lays itself out after
        shot = Path(os.environ.get("CLASSWATCH_SCREENSHOTS", tmp_path)) / "tunnel_tab.png"
        assert app.window.grab().save(str(shot)) and shot.stat().st_size > 0

        # The registered URL is another one: the loud warning, and the alarm.
        panel.registered.setText("https://old.school.example/classin")
        panel.apply_button.click()
        await app.wait_until(lambda: panel.warning.isVisible() and panel.state_badge.text() == "UP",
                             timeout=10)
        assert "is not the URL registered at ClassIn (https://old.school.example)" in panel.warning.text()
        assert app.monitor.alarms.alarms["tunnel"].open

        # Back to none: no tunnel left anywhere, the alarm is over.
        choose(panel, "none")
        panel.apply_button.click()
        await app.wait_until(lambda: panel.state_badge.text() == "NO TUNNEL")
        await app.wait_until(lambda: panel.apply_feedback.text() == "Saved: no tunnel.")
        assert app.monitor.tunnel is None and tunnels(app.monitor.receiver) == []
        assert not app.monitor.alarms.alarms["tunnel"].open and not panel.warning.isVisible()
        assert panel.public_push.text() == "" and not panel.selftest_button.isEnabled()
    run_gui(qapp, data_dir, scenario)


def test_a_missing_program_is_explained_and_changes_nothing(qapp, data_dir, gui_settings,  # noqa: F811
                                                            tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))                     # no cloudflared anywhere

    async def scenario(app: GuiApp):
        _view, panel = open_tab(app)
        choose(panel, "cloudflared-quick")
        assert panel.cf_quick_binary.isVisible() and not panel.external_public.isVisible()
        assert "changes at every start" in panel.provider_note.text()

        missing = tmp_path / "nowhere" / "cloudflared"
        panel.cf_quick_binary.setText(str(missing))
        panel.apply_button.click()
        await app.wait_until(lambda: panel.apply_feedback.text().startswith("Not applied"))
        assert "{} (the configured cloudflared) is not an executable file".format(missing) \
            in panel.apply_feedback.text()

        panel.cf_quick_binary.clear()
        panel.apply_button.click()
        await app.wait_until(lambda: "not installed" in panel.apply_feedback.text())
        text = panel.apply_feedback.text()
        assert "cloudflared is not installed (not found on PATH). Install it: " in text
        assert "in the Program field" in text and "--tunnel-binary" not in text

        choose(panel, "cloudflared-named")                     # a named tunnel without its token
        panel.apply_button.click()
        await app.wait_until(lambda: "needs its token" in panel.apply_feedback.text())

        assert app.monitor.tunnel is None and tunnels(app.monitor.receiver) == []
        assert "tunnel_provider" not in ConfigStore(app.monitor.data_dir).current().settings
        assert panel.state_badge.text() == "NO TUNNEL"
    run_gui(qapp, data_dir, scenario)


def test_a_saved_setup_is_shown_and_a_program_gone_since_shows_down(qapp, data_dir, gui_settings,  # noqa: F811
                                                                    tmp_path):
    gone = tmp_path / "uninstalled" / "cloudflared"
    ConfigStore(data_dir).update(lambda c: c.settings.update({
        "tunnel_provider": "cloudflared", "tunnel_token": "eyJ-secret-token", "tunnel_binary": str(gone),
        "tunnel_public_url": "https://push.school.example", "registered_url": "https://push.school.example"}))

    async def scenario(app: GuiApp):
        _view, panel = open_tab(app)
        assert panel.choice() == "cloudflared-named" and panel.cf_token.isVisible()
        assert panel.cf_token.text() == "eyJ-secret-token"
        assert panel.cf_token.edit.echoMode() == panel.cf_token.edit.EchoMode.Password
        assert panel.cf_public.text() == "https://push.school.example"
        assert panel.cf_named_binary.text() == str(gone)
        assert panel.registered.text() == "https://push.school.example/classin"
        assert not panel.ssh_host.isVisible() and not panel.ngrok_domain.isVisible()

        # The Monitor made this tunnel at start: it cannot run, and says why.
        await app.wait_until(lambda: panel.state_badge.text() == "DOWN")
        assert "is not an executable file" in panel.status_line.text()
        assert "Fix the setup and apply again" in panel.status_line.text()
        assert "eyJ-secret-token" not in panel.status_line.text()
        assert app.monitor.alarms.alarms["tunnel"].open

        # A program that died: the restart countdown, in words and in red.
        died = TunnelStatus(TunnelState.DOWN, "ssh", reason="ssh exited with code 255", retry_in=8,
                            since=time.time() - 3)
        word, colour, line = panel._describe(died)
        assert (word, line) == ("DOWN", "Down: ssh exited with code 255. Restarting in 5 s.")
        assert colour == "#c62828"
    run_gui(qapp, data_dir, scenario)



LONG_SID, LONG_NAME = 9000001, "北京示范学校 Beijing Demonstration School"


async def whole_school_name(app: GuiApp) -> None:
    """The self-test's school box shows the chosen school's name whole at 1280×800
    (a Chinese one was cut to "990001 演示学校 Demo Scho"), inside the panel."""
    _view, panel = open_tab(app)
    combo, text = panel.school, "{} {}".format(LONG_SID, LONG_NAME)
    await app.wait_until(lambda: combo.findData(LONG_SID) >= 0, message="the school never appeared")
    combo.setCurrentIndex(combo.findData(LONG_SID))
    assert combo.currentText() == text
    await asyncio.sleep(0.05)            # the layout settles on the new size hint
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    assert field.width() >= combo.fontMetrics().horizontalAdvance(text), (field.width(), text)
    assert combo.mapTo(panel, QPoint(combo.width(), 0)).x() <= panel.width()


def test_the_selftest_school_box_shows_the_whole_name(qapp, data_dir, gui_settings):  # noqa: F811
    ConfigStore(data_dir).add_school(LONG_SID, SECRET, LONG_NAME)
    run_gui(qapp, data_dir, whole_school_name)


def test_the_selftest_school_box_shows_the_whole_name_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    ConfigStore(data_dir).add_school(LONG_SID, SECRET, LONG_NAME)
    run_gui(chinese, data_dir, whole_school_name)
