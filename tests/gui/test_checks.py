"""Device checks view: a failing in-class check is flagged, problems first,
and selecting the user shows their check history."""
from __future__ import annotations

from PySide6.QtCore import Qt

from gui.models.checks_model import ChecksModel

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import fixture, fixture_variant, resign
from .test_i18n import chinese  # noqa: F401  (a fixture)


def test_failing_check_is_flagged_first_with_history(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.show_view("checks")
        await app.post(resign(fixture("UserCheck.json")))       # same user, all fine before class
        await app.post(resign(fixture("Check.json")))           # CameraImpersonal 2 in class
        await app.wait_until(lambda: view.model.rowCount() == 2, timeout=10)
        column = ChecksModel.COLUMNS.index
        first = view.model.index(0, column("status"))
        assert "problem" in first.data()
        assert view.model.index(0, column("kind")).data() == "in class"
        assert view.model.index(0, column("camera")).data() == "PROBLEM"
        assert "camera: no picture" in view.model.index(0, column("problems")).data()
        # The machine in one column that gives way, each fact on its own line in the tooltip.
        machine = view.model.index(0, column("machine"))
        assert machine.data() == "Windows 11 (23H2) · 5.3.1.204 · AMD Ryzen 5 5600U with Radeon Graphics · 203.0.113.*"
        assert machine.data(Qt.ItemDataRole.ToolTipRole).split("\n")[:2] == ["Device: Windows",
                                                                              "OS: Windows 11 (23H2)"]
        assert view.table.horizontalHeader().model().headerData(column("time"), Qt.Orientation.Horizontal) \
            == "Time (UTC+8)"
        assert view.model.index(0, column("delay_ms")).data() == "38 ms"
        assert view.model.index(1, column("status")).data() == "OK"

        view.filter.setCurrentIndex(view.filter.findData("problems"))
        await app.wait_until(lambda: view.model.rowCount() == 1)
        view.search.setText("41200902")
        await app.wait_until(lambda: view.model.rowCount() == 1 and not view.latest_loader.busy)
        view.search.setText("no such user")
        await app.wait_until(lambda: view.model.rowCount() == 0)
        view.search.clear()
        view.filter.setCurrentIndex(view.filter.findData("all"))
        await app.wait_until(lambda: view.model.rowCount() == 2)

        view.table.selectRow(1)
        await app.wait_until(lambda: view.history_model.rowCount() == 2)
        assert "41200902" in view.history_title.text()
    run_gui(qapp, data_dir, scenario)


PROBLEMS_IN_CHINESE = "麦克风：所选设备异常；摄像头：所选设备异常"


def test_the_device_is_named_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    """An Android tablet's check says 安卓平板, as the roster does, not "Android pad";
    its problems are listed with the Chinese separator (；)."""
    async def scenario(app: GuiApp):
        view = app.window.show_view("checks")
        await app.post(fixture_variant("UserCheck.json", data={"DeviceType": 5, "MicrophoneArbitrary": 2,
                                                               "CameraArbitrary": 2}))
        await app.wait_until(lambda: view.model.rowCount() == 1, timeout=10)
        column = ChecksModel.COLUMNS.index
        assert view.model.index(0, column("machine")).data().startswith("安卓平板 · Windows 11 (23H2) · ")
        assert view.model.index(0, column("machine")).data(Qt.ItemDataRole.ToolTipRole).startswith(
            "设备：安卓平板\n操作系统：Windows 11 (23H2)\n")
        assert view.model.index(0, column("problems")).data() == PROBLEMS_IN_CHINESE
        # Its tooltip a problem a line (it was the whole list: "; " is no Chinese separator).
        assert view.model.index(0, column("problems")).data(Qt.ItemDataRole.ToolTipRole) == \
            PROBLEMS_IN_CHINESE.replace("；", "\n")
    run_gui(chinese, data_dir, scenario)
