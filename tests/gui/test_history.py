"""History: a lesson pushed over HTTP is listed for today, opens with its
participants, and exports to csv through the (non-modal) save dialog."""
from __future__ import annotations

import contextlib
import csv
import time

from PySide6.QtCore import Qt

from ..gui_support import GuiApp, gui_settings, pc_zone_set, run_gui  # noqa: F401
from ..helpers import SID, fixture_variant, new_push
from .test_i18n import chinese  # noqa: F401
from .test_live import schedule

CLASS_ID = 913370001


def test_lists_a_lesson_and_exports_csv(qapp, data_dir, gui_settings, tmp_path):  # noqa: F811
    out = tmp_path / "exports" / "lesson.csv"
    batch = tmp_path / "exports" / "week.csv"

    async def scenario(app: GuiApp):
        view = app.window.show_view("history")
        for class_id, uid, identity in ((CLASS_ID, 501, 3), (CLASS_ID, 502, 1), (CLASS_ID + 1, 503, 1)):
            await app.post(new_push(67371107, class_id=class_id, UID=uid, Identity=identity, ClientID=0,
                                    Device=0, Nickname="user{}".format(uid)))
        await app.wait_until(lambda: view.model.rowCount() == 2, timeout=10)
        view.text.setText(str(CLASS_ID))
        await app.wait_until(lambda: view.model.rowCount() == 1, timeout=10)
        assert view.model.index(0, view.model.COLUMNS.index("class_id")).data() == CLASS_ID
        assert view.model.index(0, view.model.COLUMNS.index("school")).data() == "Fixture School"

        view.table.selectRow(0)
        await app.wait_until(lambda: view.panel.class_id == CLASS_ID)
        assert view.panel.roster.rowCount() == 2

        view.format.setCurrentIndex(view.format.findData("csv"))
        view.export_one.click()
        dialog = view.exporter.dialog
        assert dialog is not None and dialog.isVisible()      # shown with open(): the loop keeps running
        # The name carries the date and the lesson.
        assert dialog.selectedFiles()[0].endswith("_{}.csv".format(CLASS_ID))
        dialog.fileSelected.emit(str(out))       # what choosing a file and Save does
        dialog.close()
        await app.wait_until(lambda: out.exists() and "Exported 1" in view.exporter.feedback.text(), timeout=15)
        assert view.exporter.open_file.isVisible() and view.exporter.show_folder.isVisible()
        view.exporter.ask([CLASS_ID], "pdf", "x")                # the next one opens where this one went
        assert view.exporter.dialog.selectedFiles()[0].startswith(str(out.parent))
        view.exporter.dialog.close()
        rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
        assert {int(r["uid"]) for r in rows} == {501, 502}

        view.text.clear()                        # batch: every listed lesson into one file
        await app.wait_until(lambda: view.model.rowCount() == 2)
        view.export_all.click()
        view.exporter.dialog.fileSelected.emit(str(batch))
        view.exporter.dialog.close()
        await app.wait_until(lambda: batch.exists() and "Exported 2" in view.exporter.feedback.text(), timeout=15)
        rows = list(csv.DictReader(batch.open(encoding="utf-8-sig")))
        assert {(int(r["class_id"]), int(r["uid"])) for r in rows} == {
            (CLASS_ID, 501), (CLASS_ID, 502), (CLASS_ID + 1, 503)}
    run_gui(qapp, data_dir, scenario)


def test_a_long_export_shows_progress_and_can_be_cancelled(qapp, data_dir, gui_settings, tmp_path):  # noqa: F811
    out = tmp_path / "big.csv"

    async def scenario(app: GuiApp):
        view = app.window.show_view("history")
        await app.post(new_push(67371107, class_id=CLASS_ID, UID=501, Identity=1, ClientID=0, Device=0))
        exporter = view.exporter
        seen = []

        def progressed(value: int) -> None:
            if not value:                          # the bar's reset as the export starts
                return
            seen.append((value, exporter.progress.isVisible(), exporter.cancel.isVisible(),
                         exporter.progress.maximum()))
            if value == 1:
                exporter.cancel.click()           # the desk changes its mind at the first lesson
        exporter.progress.valueChanged.connect(progressed)
        # Many lessons: most have nothing stored, each still costs a read.
        exporter.export_to(str(out), [CLASS_ID] + list(range(1, 400)), "csv")
        await app.wait_until(lambda: seen and not exporter.running, timeout=20)
        assert seen[0] == (1, True, True, 400)          # progress shown while it ran, with Cancel
        assert "cancelled" in exporter.feedback.text()
        assert not out.exists() and not exporter.open_file.isVisible()
        assert [value for value, *_ in seen] == [1]     # the bar stops where the desk cancelled
    run_gui(qapp, data_dir, scenario)



def timeline_zone_scenario(words: dict[str, str]):
    """Before a lesson is chosen the timeline's time column names no zone (this
    PC's, UTC here, is not the school's); the chosen lesson's says its school's,
    with the desk's language's brackets."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("history")
        timeline = view.panel.timeline_view.model()

        def time_header() -> str:
            return timeline.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)

        assert time_header() == words["time"]
        await app.post(new_push(67371107, class_id=CLASS_ID, UID=501, Identity=1, ClientID=0, Device=0,
                                Nickname="user501"))
        await app.wait_until(lambda: view.model.rowCount() == 1, timeout=10)
        view.table.selectRow(0)
        await app.wait_until(lambda: view.panel.class_id == CLASS_ID)
        assert time_header() == words["time (UTC+8)"]       # the Fixture School is in Shanghai
    return scenario


def test_the_timeline_names_the_school_zone_not_the_pc_one(qapp, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(qapp, data_dir, timeline_zone_scenario({"time": "Time", "time (UTC+8)": "Time (UTC+8)"}))


def test_the_timeline_zone_in_chinese_brackets(chinese, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(chinese, data_dir, timeline_zone_scenario({"time": "时间", "time (UTC+8)": "时间（UTC+8）"}))


def summary_scenario(words: dict[str, str]):
    """The Summary column says in plain words whether the lesson's summary came,
    not in the name of the push that brings it ("no End yet", "End received")."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("history")
        now = int(time.time())
        await app.post(schedule(now + 300, class_id=CLASS_ID))              # planned to begin now
        await app.post(schedule(now - 2 * 3600, class_id=CLASS_ID + 1))     # over for an hour, no End
        await app.post(schedule(now - 3600, class_id=CLASS_ID + 2))
        await app.post(fixture_variant("End.json", action_time=now - 60, ClassID=CLASS_ID + 2,
                                       StartTime=now - 3600, CloseTime=now - 60, RealCloseTime=now - 60))
        column = view.model.COLUMNS.index("summary")

        def said() -> dict[int, str]:
            return {view.model.rows[row]["class_id"] - CLASS_ID: view.model.index(row, column).data()
                    for row in range(view.model.rowCount())}
        expected = {0: words["not ended"], 1: words["no summary"], 2: words["summary"]}
        with contextlib.suppress(AssertionError):       # the assert below says what it said instead
            await app.wait_until(lambda: said() == expected, timeout=10)
        assert said() == expected
    return scenario


def test_the_summary_column_says_it_in_plain_words(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, summary_scenario(
        {"not ended": "not ended yet", "no summary": "ended, no summary", "summary": "summary received"}))


def test_the_summary_column_says_it_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, summary_scenario(
        {"not ended": "尚未结束", "no summary": "已结束，无课后汇总", "summary": "已收到"}))


def test_the_school_picker_in_chinese_brackets(chinese, data_dir, gui_settings):  # noqa: F811
    """After All schools, "Name (SID)" in the language's brackets (演示学校（990001）)."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("history")
        assert [view.school.itemText(n) for n in range(view.school.count())] == [
            "全部学校", "Fixture School（{}）".format(SID)]
    run_gui(chinese, data_dir, scenario)
