"""Column widths in the real window: long device problems never push the
roster sideways at 1920 px (the main text column shrinks, elides and keeps the
whole text in its tooltip); a width the desk dragged survives every refit and a
restart; and the window fits a 1280 px screen in both languages."""
from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui.columns import MIN_MAIN_WIDTH, ColumnLayout, fit_columns

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import fixture_variant
from .test_i18n import chinese  # noqa: F401  (a fixture)
from .test_live import CLASS_ID, enter, schedule

USERS = [41300000 + n for n in range(12)]
# Every device failing: the cell shows the first problem, the tooltip all of them.
FAILING = {"MicrophoneArbitrary": 2, "HeadphoneArbitrary": 2, "CameraArbitrary": 2,
           "MicrophoneImpersonal": 2, "HeadphoneImpersonal": 2, "CameraImpersonal": 2}


async def lesson_with_failing_devices(app: GuiApp, now: int) -> None:
    await app.post(schedule(now))
    for n, uid in enumerate(USERS):
        await app.post(enter(uid, now - 600 + n, name="Maximilian-Alexander Hohenzollern-Sigmaringen {}".format(n)))
        await app.post(fixture_variant("Check.json", action_time=now - 300 + n, ClassID=CLASS_ID, UID=uid,
                                       data=FAILING))


def test_long_device_problems_never_scroll_the_roster_sideways_at_1920(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        await lesson_with_failing_devices(app, int(time.time()))
        view.open_lesson(CLASS_ID)
        panel = view.panel
        column = panel.roster.COLUMNS.index("device_problems")
        problems = panel.roster_proxy.index(0, column)
        await app.wait_until(lambda: panel.roster_proxy.rowCount() == len(USERS)
                             and str(problems.data()).startswith("⚠ "))
        tooltip = problems.data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip.count("\n") >= 2, tooltip                  # the whole list, one per line
        roster = panel.roster_view
        await app.wait_until(lambda: roster.horizontalScrollBar().maximum() == 0,
                             message="the roster scrolls sideways at 1920 px")
        header = roster.horizontalHeader()
        assert header.sectionSize(column) >= MIN_MAIN_WIDTH
        # It is the last column on screen and ends at the view's edge: no stretched count column.
        visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        assert visible[-1] == column
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= roster.viewport().width()
    run_gui(qapp, data_dir, scenario, size=(1920, 1080))


def drag_border(table, column: int, by: int) -> None:
    """The desk drags the right border of a column's header, as with the mouse."""
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    viewport = header.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    for step in range(1, 5):
        QTest.mouseMove(viewport, QPoint(x + by * step // 4, y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x + by, y))


def test_a_dragged_column_width_survives_refits_and_a_restart(qapp, data_dir, gui_settings):  # noqa: F811
    name = 0
    dragged = {}

    async def first(app: GuiApp) -> None:
        view = app.window.show_view("live")
        await lesson_with_failing_devices(app, int(time.time()))
        view.open_lesson(CLASS_ID)
        await app.wait_until(lambda: view.panel.roster_proxy.rowCount() == len(USERS))
        roster = view.panel.roster_view
        fitted = roster.columnWidth(name)
        drag_border(roster, name, -60)
        assert roster.columnWidth(name) == fitted - 60
        assert ColumnLayout.of(roster).user == {name: fitted - 60}
        fit_columns(roster)                              # new rows came: the refit keeps the desk's width
        fit_columns(roster, grow_only=True)
        assert roster.columnWidth(name) == fitted - 60
        dragged["width"] = fitted - 60

    async def second(app: GuiApp) -> None:
        view = app.window.show_view("live")
        view.open_lesson(CLASS_ID)
        await app.wait_until(lambda: view.panel.roster_proxy.rowCount() == len(USERS))
        assert view.panel.roster_view.columnWidth(name) == dragged["width"]

    run_gui(qapp, data_dir, first, size=(1920, 1080))
    run_gui(qapp, data_dir, second, size=(1920, 1080))       # closing saved it; the new window restores it


def test_the_english_window_fits_a_1280_px_screen(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        assert app.window.minimumSizeHint().width() <= 1280
    run_gui(qapp, data_dir, scenario)


def test_the_chinese_window_fits_a_1280_px_screen(chinese, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        assert app.window.minimumSizeHint().width() <= 1280
    run_gui(chinese, data_dir, scenario)
