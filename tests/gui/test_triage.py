"""The triage-first Live page: one search finds a person in any lesson of the
day and opens it with them selected; the lesson in the worst trouble comes
first; a page fed by a blocked or silent queue says it may be stale; the
banner above every view shows what needs a person now."""
from __future__ import annotations

import time

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import SID, fixture_variant, new_push
from .test_i18n import chinese  # noqa: F401  (a fixture)
from .test_live import enter, schedule

QUIET, BUSY = 508113967, 508113968
TEACHER, ANNA, BORIS, CARL = 41200871, 41200902, 41200903, 41200904


def bad_net(uid: int, now: int, class_id: int) -> dict:
    """ClassIn's Net report of a user whose probes are mostly bad: a user in trouble."""
    return fixture_variant("Net.json", action_time=now, ClassID=class_id, UID=uid,
                           data={"reportTime": str(now)})


async def two_lessons(app: GuiApp, now: int) -> None:
    await app.post(schedule(now, QUIET, name="Quiet lesson"))
    await app.post(schedule(now, BUSY, name="Busy lesson"))
    await app.post(enter(TEACHER, now - 200, identity=3, name="Teacher", class_id=QUIET))
    await app.post(enter(ANNA, now - 150, name="Anna Li", class_id=QUIET))
    await app.post(enter(BORIS, now - 120, name="Boris Wang", class_id=BUSY))
    await app.post(enter(CARL, now - 110, name="Carl Zhou", class_id=BUSY))


def test_search_finds_a_student_in_another_lesson_and_opens_it(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await two_lessons(app, now)
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        view.open_lesson(QUIET)
        assert view.panel.class_id == QUIET

        app.window.find()                                    # Ctrl+F lands in the search box
        assert view.finder.edit.hasFocus() or not app.window.isActiveWindow()
        view.finder.edit.setText("boris")
        await app.wait_until(lambda: view.finder.results.isVisible() and view.finder.found)
        found = view.finder.found[0]
        assert (found.class_id, found.uid, found.matched, found.live) == (BUSY, BORIS, "name", True)
        assert "Boris Wang" in view.finder.results.item(0).text()
        assert "Busy lesson" in view.finder.results.item(0).text()
        assert view.proxy.rowCount() == 2          # searching a person never empties the lesson list

        view.finder.results.itemActivated.emit(view.finder.results.item(0))
        assert view.panel.class_id == BUSY                    # the other lesson opened ...
        selected = view.panel.roster_view.selectionModel().selectedRows()
        assert [i.data(view.panel.roster.COLUMNS.index("name")) for i in selected] == ["Boris Wang"]
        assert view.finder.edit.text() == "" and view.proxy.rowCount() == 2   # ... and the list is whole

        view.finder.edit.setText(str(CARL))                   # by UID
        await app.wait_until(lambda: view.finder.found and view.finder.found[0].uid == CARL)
        assert view.finder.found[0].matched == "uid"
        view.finder.edit.setText("nobody-like-this")
        await app.wait_until(lambda: not view.finder.found and view.finder.results.count() == 1)
        assert "Nobody" in view.finder.results.item(0).text()
    run_gui(qapp, data_dir, scenario)


def test_the_lesson_in_trouble_comes_first(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await two_lessons(app, now)
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        await app.post(bad_net(BORIS, now - 60, BUSY))
        lesson_column = view.model.COLUMNS.index("lesson")
        await app.wait_until(lambda: view.proxy.index(0, lesson_column).data() == "Busy lesson",
                             message="the lesson with a user in trouble did not move to the top")
        assert view.proxy.index(0, view.model.COLUMNS.index("trouble")).data() != "0"
    run_gui(qapp, data_dir, scenario)


def test_stale_indicator_appears_when_pushes_stop_or_the_queue_blocks(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await two_lessons(app, now)
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        view.freshness.refresh()
        assert view.freshness.isHidden()                      # pushes just came: current

        view.freshness.refresh(time.time() + 95)              # 95 s later, nothing more came
        assert view.freshness.isVisible()
        assert "Fixture School: data may be stale — no push for 9" in view.freshness.text()

        view.freshness.refresh()
        assert view.freshness.isHidden()
        app.monitor.config.set_verify(SID, "strict")          # refused: the queue blocks
        refused = new_push(67371107, secret="not-the-secret", class_id=BUSY, UID=9, Identity=1, ClientID=0)
        async with app.session.post(app.url + "/classin", json=refused) as resp:
            assert resp.status == 403
        # The live page says it within a tick, without anyone opening the alarms.
        await app.wait_until(lambda: view.freshness.isVisible(), timeout=3)
        assert "queue is blocked" in view.freshness.text()
        # ... and the banner above every view names the blocked queue.
        await app.wait_until(lambda: app.window.alarm_banner.isVisible())
        assert "ClassIn queue blocked" in app.window.alarm_banner.text.text()
        app.window.show_view("history")
        assert app.window.alarm_banner.isVisible()
        app.window.alarm_banner.show_button.click()
        assert app.window.stack.currentWidget() is app.window.views["alarms"]
    run_gui(qapp, data_dir, scenario)


def test_copy_diagnostic_for_a_user_a_lesson_and_an_alarm(qapp, data_dir, gui_settings):  # noqa: F811
    from PySide6.QtGui import QGuiApplication

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await two_lessons(app, now)
        await app.post(bad_net(BORIS, now - 60, BUSY))
        await app.post(fixture_variant("Check.json", action_time=now - 50, ClassID=BUSY, UID=BORIS))
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        view.open_lesson(BUSY)
        view.panel.roster_view.clearSelection()
        app.window.copy_diagnostic()                           # Ctrl+Shift+C, nobody selected: the lesson
        lesson = QGuiApplication.clipboard().text()
        assert "Lesson: Busy lesson (ClassID {})".format(BUSY) in lesson
        assert "Boris Wang (UID {})".format(BORIS) in lesson and "packet loss" in lesson
        assert "Timeline (last" in lesson and "entered" in lesson

        assert view.panel.select_user(BORIS)
        app.window.copy_diagnostic()
        user = QGuiApplication.clipboard().text()
        assert "User: Boris Wang (UID {}) · student".format(BORIS) in user
        assert "Device check in class" in user and "ClassIn " in user     # OS and app version line
        assert "of probes degraded" in user and "trouble starts at" in user
        assert view.panel.copy_button.text() == "Copied ✓"

        alarms = app.window.show_view("alarms")
        await app.wait_until(lambda: any(a.uid == BORIS for a in alarms.model.rows))
        alarms.select(next(a for a in alarms.model.rows if a.uid == BORIS).key)
        app.window.copy_diagnostic()
        ticket = QGuiApplication.clipboard().text()
        assert ticket.splitlines()[1].startswith("Alarm: ") and "What to do: " in ticket
        assert "User: Boris Wang" in ticket
    run_gui(qapp, data_dir, scenario)


def test_export_the_open_lesson_from_the_live_page(qapp, data_dir, gui_settings, tmp_path):  # noqa: F811
    import csv
    out = tmp_path / "live.csv"

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await two_lessons(app, now)
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        view.open_lesson(BUSY)
        view.format.setCurrentIndex(view.format.findData("csv"))
        app.window.export_current()                       # Ctrl+E on the Live page
        dialog = view.exporter.dialog
        assert dialog.selectedFiles()[0].endswith("_Busy-lesson_{}.csv".format(BUSY))
        dialog.fileSelected.emit(str(out))
        dialog.close()
        await app.wait_until(lambda: out.exists() and not view.exporter.running, timeout=15)
        rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
        assert {int(r["uid"]) for r in rows} >= {BORIS, CARL}
        assert view.exporter.show_folder.isVisible()
    run_gui(qapp, data_dir, scenario)


def navigation_counts_scenario(words: dict[str, str]):
    """The navigation's counts and the alarm filters' in the language's brackets
    (full-width in Chinese: 告警（1）), the school's SID in its filter too."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await two_lessons(app, now)
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        await app.wait_until(lambda: app.window.nav.item(0).text() == words["live (2)"])
        assert not app.window.nav.item(0).icon().isNull()
        await app.post(bad_net(BORIS, now - 60, BUSY))
        await app.wait_until(lambda: app.window.windowTitle().startswith("(1) ClassWatch"))
        alarms_row = list(app.window.views).index("alarms")
        assert app.window.nav.item(alarms_row).text() == words["alarms (1)"]
        alarms = app.window.show_view("alarms")
        await app.wait_until(lambda: alarms.school.count() == 2)
        assert alarms.school.itemText(1) == words["school (1)"]
    return scenario


def test_navigation_counts_and_title(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, navigation_counts_scenario(
        {"live (2)": "Live lessons (2)", "alarms (1)": "Alarms (1)",
         "school (1)": "Fixture School ({}) (1)".format(SID)}))


def test_navigation_counts_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, navigation_counts_scenario(
        {"live (2)": "正在上课（2）", "alarms (1)": "告警（1）",
         "school (1)": "Fixture School（{}）（1）".format(SID)}))
