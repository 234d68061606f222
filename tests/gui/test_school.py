"""The School view (issue 16 item 3): the school's own messages pushed over
HTTP appear in their tabs, unknown Cmds are counted by name, and the view
exports xlsx through the (non-modal) save dialog."""
from __future__ import annotations

import time

from openpyxl import load_workbook

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import SID, fixture_variant, new_push
from .test_checks import PROBLEMS_IN_CHINESE
from .test_i18n import chinese  # noqa: F401


def test_school_view_lists_each_section_and_exports(qapp, data_dir, gui_settings, tmp_path):  # noqa: F811
    out = tmp_path / "school.xlsx"
    now = int(time.time()) - 60

    async def scenario(app: GuiApp):
        for name in ("HomeworkScore.json", "FileCov.json", "AccountCancellation.json", "UserCheck.json",
                     "setSubAccount.json", "ReplacePhoneNumber.json"):
            await app.post(fixture_variant(name, action_time=now))
        await app.post(new_push("BrandNewCmd", class_id=None, action_time=now))
        view = app.window.show_view("school")
        await app.wait_until(lambda: view.report is not None and view.models["homework_scores"].rowCount() == 1,
                             timeout=10)
        assert view.models["file_conversions"].rowCount() == 1
        assert view.models["account_cancellations"].rowCount() == 1
        assert view.models["device_checks"].rowCount() == 1
        unknown = view.models["unknown_cmds"]
        assert [unknown.index(0, c).data() for c in range(2)] == ["BrandNewCmd", 1]
        # A count where there is something; an empty tab's table says it is empty.
        assert view.tabs.tabText(view.tabs.indexOf(view.tables["homework_scores"])) == "Homework scores (1)"
        assert view.tabs.tabText(view.tabs.indexOf(view.tables["homework_submissions"])) == "Submissions"

        view.format.setCurrentIndex(view.format.findData("xlsx"))
        view.export()
        view.export_dialog.fileSelected.emit(str(out))
        view.export_dialog.close()
        await app.wait_until(lambda: out.exists() and "Exported" in view.feedback.text(), timeout=15)
        book = load_workbook(out)
        assert book["Homework scores"].max_row == 2
    run_gui(qapp, data_dir, scenario)


def device_check_scenario(problem: str, tab: str, device: str):
    """An out-of-class device check with a broken microphone and camera, from an
    Android tablet: its problems (with the language's separator) and device in the
    desk's language, as the Device checks view says them; its tab's count in the
    language's brackets (full-width in Chinese)."""
    async def scenario(app: GuiApp):
        await app.post(fixture_variant("UserCheck.json", action_time=int(time.time()) - 60,
                                       data={"MicrophoneArbitrary": 2, "CameraArbitrary": 2, "DeviceType": 5}))
        view = app.window.show_view("school")
        model = view.models["device_checks"]
        await app.wait_until(lambda: view.report is not None and model.rowCount() == 1, timeout=10)
        assert model.index(0, model.COLUMNS.index("problems")).data() == problem
        assert model.index(0, model.COLUMNS.index("device")).data() == device
        assert view.tabs.tabText(view.tabs.indexOf(view.tables["device_checks"])) == tab
    return scenario


def test_school_device_checks_say_the_problem_in_english(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, device_check_scenario("microphone: chosen device abnormal; camera: chosen device abnormal",
                                                   "Device checks (1)",
                                                   "Android tablet"))


def test_school_device_checks_say_the_problem_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, device_check_scenario(PROBLEMS_IN_CHINESE, "课外设备检测（1）", "安卓平板"))


def school_picker_scenario(text: str):
    """The school picker says "Name (SID)" in the language's brackets (演示学校（990001）)."""
    async def scenario(app: GuiApp):
        view = app.window.show_view("school")
        assert view.school.currentText() == text
    return scenario


def test_school_picker_in_english(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, school_picker_scenario("Fixture School ({})".format(SID)))


def test_school_picker_in_chinese_brackets(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, school_picker_scenario("Fixture School（{}）".format(SID)))


def test_the_chinese_school_export_says_the_problems_in_chinese(chinese, data_dir, gui_settings, tmp_path):  # noqa: F811
    """The workbook the Chinese window writes lists a device check's problems as
    the window does (麦克风：所选设备异常；摄像头：…), not in English with "; "."""
    out = tmp_path / "school.xlsx"

    async def scenario(app: GuiApp):
        await device_check_scenario(PROBLEMS_IN_CHINESE, "课外设备检测（1）", "安卓平板")(app)
        view = app.window.views["school"]
        view.format.setCurrentIndex(view.format.findData("xlsx"))
        view.export()
        view.export_dialog.fileSelected.emit(str(out))
        view.export_dialog.close()
        await app.wait_until(lambda: out.exists() and view.feedback.text().startswith("已导出"), timeout=15,
                             message=view.feedback.text())
        cells = [cell.value for row in load_workbook(out)["课外设备检测"].iter_rows() for cell in row]
        assert PROBLEMS_IN_CHINESE in cells, cells
    run_gui(chinese, data_dir, scenario)
