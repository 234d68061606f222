"""Column widths in the real window: long device problems never push the
roster sideways at 1920 px (the main text column shrinks, elides and keeps the
whole text in its tooltip), nor a busy lesson with long names at 1280 px in
either language (the names give way too); a width the desk dragged survives
every refit and a restart; and the window fits a 1280 px screen in both languages."""
from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui.columns import MIN_MAIN_WIDTH, MIN_SQUEEZED_WIDTH, ColumnLayout, fit_columns

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import fixture_variant, new_push
from .test_i18n import chinese  # noqa: F401  (a fixture)
from .test_live import CLASS_ID, bad_net, enter, hands, schedule

USERS = [41300000 + n for n in range(12)]
# Every device failing: the cell shows the first problem, the tooltip all of them.
FAILING = {"MicrophoneArbitrary": 2, "HeadphoneArbitrary": 2, "CameraArbitrary": 2,
           "MicrophoneImpersonal": 2, "HeadphoneImpersonal": 2, "CameraImpersonal": 2}


def long_name(n: int) -> str:
    return "Maximilian-Alexander Hohenzollern-Sigmaringen {}".format(n)


async def lesson_with_failing_devices(app: GuiApp, now: int) -> None:
    await app.post(schedule(now))
    for n, uid in enumerate(USERS):
        await app.post(enter(uid, now - 600 + n, name=long_name(n)))
        await app.post(fixture_variant("Check.json", action_time=now - 300 + n, ClassID=CLASS_ID, UID=uid,
                                       data=FAILING))


async def busy_lesson(app: GuiApp, now: int) -> None:
    """Every roster column at its widest at once: on stage, a hand up, bad network,
    a drop-out back in, long names and failing devices."""
    await lesson_with_failing_devices(app, now)
    await app.post(new_push(67371521, class_id=CLASS_ID, action_time=now - 100, SourceUID=USERS[0],
                            TargetUID=USERS[0], Operation=1))
    await app.post(hands(USERS[1], now - 90))
    await app.post(new_push("Net", class_id=CLASS_ID, action_time=now - 80, UID=USERS[2], Data=bad_net(now - 80)))
    await app.post(new_push(67371111, class_id=CLASS_ID, action_time=now - 70, UID=USERS[3], Identity=1,
                            ClientID=0, Reason=3))                       # 3: an abnormal exit
    await app.post(enter(USERS[3], now - 60, name=long_name(3)))


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


async def _roster_fits_at_1280(app: GuiApp) -> None:
    view = app.window.show_view("live")
    await busy_lesson(app, int(time.time()))
    view.open_lesson(CLASS_ID)
    panel = view.panel
    roster, model = panel.roster_view, panel.roster
    await app.wait_until(lambda: panel.roster_proxy.rowCount() == len(USERS))
    column = {key: n for n, key in enumerate(model.COLUMNS)}
    texts = {key: [panel.roster_proxy.index(r, n).data() for r in range(len(USERS))] for key, n in column.items()}
    # Each wide state is really in the roster, so each column is measured at its widest.
    assert any(t.startswith("▲") for t in texts["stage_seconds"]) and any(t.startswith("▲") for t in texts["hands_up"])
    assert any(t.startswith("⚠") for t in texts["net_quality"]) and any("⚠" in t for t in texts["present"])
    header = roster.horizontalHeader()
    await app.wait_until(lambda: roster.horizontalScrollBar().maximum() == 0
                         and header.length() <= roster.viewport().width(),
                         message="the roster scrolls sideways at 1280 px: {} px of columns in {} px".format(
                             header.length(), roster.viewport().width()))
    # Nothing hidden: every count, sign and number is whole; only the names and the
    # problems elide, and those hold the whole text in their tooltips.
    elastic = (column["name"], column["device_problems"])
    for n in range(header.count()):
        if not header.isSectionHidden(n) and n not in elastic:
            assert header.sectionSize(n) >= roster.sizeHintForColumn(n), model.COLUMNS[n]
    assert header.sectionSize(column["name"]) >= MIN_SQUEEZED_WIDTH
    assert header.sectionSize(column["device_problems"]) >= MIN_MAIN_WIDTH
    name = panel.roster_proxy.index(0, column["name"])
    assert name.data(Qt.ItemDataRole.ToolTipRole).startswith(name.data() + "\nUID ")
    problems = panel.roster_proxy.index(0, column["device_problems"]).data(Qt.ItemDataRole.ToolTipRole)
    assert problems.count("\n") >= 2
    # Only the sorted column keeps room for the arrow: sorting by another gives it that room.
    roster.sortByColumn(column["awards"], Qt.SortOrder.DescendingOrder)
    assert header.sectionSize(column["awards"]) >= header.sectionSizeHint(column["awards"])
    await app.wait_until(lambda: header.length() <= roster.viewport().width(),
                         message="sorting by another column made the roster scroll sideways")


def test_a_busy_roster_fits_a_1280_px_window_in_english(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, _roster_fits_at_1280, size=(1280, 800))


def test_a_busy_roster_fits_a_1280_px_window_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, _roster_fits_at_1280, size=(1280, 800))
