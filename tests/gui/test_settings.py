"""Settings: a new install opens on the first-run page, which saves a school
and sends a signed Test push that the receiver accepts and stores; the
Schools tab adds, edits, removes (undoably) schools through ConfigStore."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from alarms import config as alarm_config
from storage.config import ConfigStore

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401


@pytest.fixture
def empty_data_dir(tmp_path):
    d = tmp_path / "fresh"
    d.mkdir()
    return d


def test_first_run_saves_school_and_test_push_is_stored(qapp, empty_data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.views["settings"]
        await app.wait_until(lambda: app.window.stack.currentWidget() is view)
        panel = view.first_run
        assert view.stack.currentWidget() is panel
        assert not panel.test.isEnabled()
        panel.form.sid_edit.setText("3300001")
        panel.form.secret_edit.setText("s3cret-from-classin")
        assert panel.form.secret_edit.echoMode() == panel.form.secret_edit.EchoMode.Password
        panel.form.name_edit.setText("新学校")
        panel.save.click()
        assert app.monitor.config.current().schools[3300001].secret == "s3cret-from-classin"

        view.refresh_urls()
        assert panel.url.text() == app.url + "/classin"
        panel.copy.click()
        assert QGuiApplication.clipboard().text() == app.url + "/classin"

        panel.test.click()
        await app.wait_until(lambda: "HTTP" in panel.result.text(), timeout=10)
        assert "HTTP 200" in panel.result.text() and '"errno":1' in panel.result.text()
        assert "stored" in panel.result.text()
        assert app.monitor.receiver.stats.stored == 1

        panel.finish.click()
        assert view.stack.currentWidget() is view.tabs and view.schools.rowCount() == 1
    run_gui(qapp, empty_data_dir, scenario)


def test_schools_tab_adds_edits_removes_and_saves_alarm_settings(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.show_view("settings")
        assert view.stack.currentWidget() is view.tabs
        assert view.schools.rowCount() == 1
        assert view.schools.item(0, 3).text() == "••••••••"          # the secret never shows in the list

        view.new_school.click()
        form = view.school_form
        form.sid_edit.setText("4400002")
        form.secret_edit.setText("first-secret")
        form.name_edit.setText("Second School")
        form.timezone.setCurrentText("Europe/Berlin")
        view.save_school.click()
        assert view.schools.rowCount() == 2
        school = ConfigStore(app.monitor.data_dir).current().schools[4400002]   # on disk
        assert (school.secret, school.name, school.timezone) == ("first-secret", "Second School", "Europe/Berlin")

        view.edit_school(4400002)                     # what the alarm's "Fix secret…" does
        assert form.secret_edit.hasSelectedText() or form.secret_edit.text() == "first-secret"
        form.show_secret.click()
        assert form.secret_edit.echoMode() == form.secret_edit.EchoMode.Normal
        form.secret_edit.setText("fixed-secret")
        view.save_school.click()
        assert app.monitor.config.current().schools[4400002].secret == "fixed-secret"

        view.test_school.click()
        await app.wait_until(lambda: "HTTP 200" in view.school_feedback.text(), timeout=10)

        view.remove_school.click()
        assert 4400002 not in app.monitor.config.current().schools
        view.undo_remove.click()
        assert app.monitor.config.current().schools[4400002].secret == "fixed-secret"

        old = app.monitor.config.current().gensee_token
        assert old in view.gensee_fields["event"].text()
        view.rotate.click()
        assert app.monitor.config.current().gensee_token == old       # armed, not rotated yet
        view.rotate.click()
        new = app.monitor.config.current().gensee_token
        assert new != old and view.gensee_fields["qa-web"].text().endswith("/gensee/{}/qa-web".format(new))

        view.silence.setValue(20)
        view.sound.setChecked(True)
        view.save_alarms.click()
        assert app.monitor.alarms.settings.silence_seconds == 1200
        assert app.monitor.config.current().settings[alarm_config.SOUND] is True
    run_gui(qapp, data_dir, scenario)


def test_schools_show_policy_and_held_count_and_promote_in_one_click(qapp, data_dir, gui_settings):  # noqa: F811
    from ..helpers import SID, new_push

    async def scenario(app: GuiApp):
        app.monitor.receiver.promote_check = 0.1
        view = app.window.show_view("settings")
        view.leave_first_run()
        held = [{k: v for k, v in new_push("Net", UID=i).items() if k != "TimeStamp"} for i in range(3)]
        for push in held:
            await app.post(push)                     # acked although it cannot be verified
        row = next(r for r in range(view.schools.rowCount()) if view.schools.item(r, 0).text() == str(SID))
        await app.wait_until(lambda: view.schools.item(row, 5).text() == "3", message="held count not shown")
        assert view.schools.item(row, 4).text() == view.school_form.policy_name("hold")
        view.edit_school(SID)
        assert view.promote_held.isEnabled()
        assert view.school_form.verify.currentData() == "hold"
        view.promote_held.click()
        await app.wait_until(lambda: view.schools.item(row, 5).text() == "0", timeout=10,
                             message="held pushes not promoted")
        assert not view.promote_held.isEnabled()
        assert app.monitor.receiver.stats.stored == 3
        view.school_form.verify.setCurrentIndex(view.school_form.verify.findData("strict"))
        view.save_school.click()
        assert app.monitor.config.current().schools[SID].verify == "strict"
    run_gui(qapp, data_dir, scenario)
