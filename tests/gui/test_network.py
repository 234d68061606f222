"""The network charts in the real window, fed over real HTTP (tests/gui_support.py)."""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import new_push
from .test_live import STUDENT, bad_net, enter

OTHER = STUDENT + 1


def net(uid: int, at: int, delay: float) -> dict:
    return new_push("Net", action_time=at, UID=uid, Data=bad_net(at, delay))


def median_points(view) -> int:
    x = view.charts.delay_band.median.xData
    return 0 if x is None else len(x)


def test_history_loads_in_a_thread_and_a_live_net_push_adds_a_point(qapp, data_dir, gui_settings):
    async def scenario(app: GuiApp) -> None:
        now = int(time.time())
        await app.post(enter(STUDENT, now - 1200, name="王小明"))
        await app.post(enter(OTHER, now - 1200, name="Lena Park"))
        for k in range(3):                                    # three 5-minute reports each, stored first
            await app.post(net(STUDENT, now - 900 + 300 * k, 400.0 + k))
            await app.post(net(OTHER, now - 900 + 300 * k, 80.0))
        view = app.window.show_view("network")
        await app.wait_until(lambda: view.loaded.is_set() and len(view.series) == 6,
                             message="the stored reports were not charted")
        assert median_points(view) == 3
        # Worst first: the student with 400 ms comes before the one with 80 ms.
        first = view.users_proxy.index(0, 0)
        assert first.data().startswith("王小明")

        view.users.check_worst(1)
        lines = view.charts.user_lines[STUDENT]
        assert len(lines[1].xData) == 3               # the delay line of that user

        await app.post(net(STUDENT, now + 300, 999.0))       # live: appended, redrawn within a second
        await app.wait_until(lambda: len(lines[1].xData) == 4, message="the live report added no point")
        assert median_points(view) == 4
        assert lines[1].yData[-1] == 999.0

        view.charts.crosshair.move_to(now + 300)
        text = view.charts.readout.text()
        assert "王小明" in text and "999 ms" in text

    run_gui(qapp, data_dir, scenario)


def test_user_list_search_and_check_boxes(qapp, data_dir, gui_settings):
    async def scenario(app: GuiApp) -> None:
        now = int(time.time())
        for i in range(20):
            await app.post(enter(STUDENT + i, now - 600, name="学生{}".format(i)))
            await app.post(net(STUDENT + i, now - 300, 50.0 + 20 * i))
        view = app.window.show_view("network")
        await app.wait_until(lambda: view.loaded.is_set() and view.users.rowCount() == 20)
        view.search.setText("学生1")                          # 学生1, 学生10 … 学生19
        assert view.users_proxy.rowCount() == 11
        index = view.users_proxy.index(0, 0)
        assert view.users_proxy.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        assert view.users.checked == [index.data(Qt.ItemDataRole.UserRole)]
        assert set(view.charts.user_lines) == set(view.users.checked)
        view.users.clear_checks()
        assert view.charts.user_lines == {}

    run_gui(qapp, data_dir, scenario)


def test_lesson_aggregate_of_many_users_is_per_bin_not_per_user():
    from gui.models.net_series import FIELDS, NetSeries

    rng = np.random.default_rng(1)
    rows = [dict(time=1_700_000_000 + int(rng.integers(0, 86_400)), uid=int(rng.integers(1, 1001)),
                 **{f: float(rng.random()) for f in FIELDS}) for _ in range(100_000)]
    series = NetSeries.from_rows(rows)
    started = time.perf_counter()
    agg = series.aggregate()
    assert len(agg.time) <= 289 and agg.users.max() <= 1000
    assert time.perf_counter() - started < 1.0
    i = 10
    in_bin = [r for r in rows if int(r["time"] // 300) == int(agg.time[i] // 300)]
    assert np.isclose(agg.mean["good"][i], np.mean([r["good"] for r in in_bin]))
    assert agg.users[i] == len({r["uid"] for r in in_bin})


def test_the_live_window_follows_the_clock_with_marks_and_worst_users(qapp, data_dir, gui_settings):
    """The x-range of a live lesson's charts advances with time (it froze where the
    lesson was opened); enters and drops are marked; the worst users of all live
    lessons are listed and one click charts them."""
    async def scenario(app: GuiApp) -> None:
        now = int(time.time())
        await app.post(enter(STUDENT, now - 1200, name="王小明"))
        await app.post(enter(OTHER, now - 1200, name="Lena Park"))
        await app.post(new_push(67371111, action_time=now - 700, UID=OTHER, ClientID=0, Identity=1, Reason=56))
        for k in range(3):
            await app.post(net(STUDENT, now - 900 + 300 * k, 400.0 + k))
        view = app.window.show_view("network")
        await app.wait_until(lambda: view.loaded.is_set() and len(view.series) == 3)
        live = app.window.views["live"]             # the timeline says it in words, the code in the tooltip
        live.open_lesson(view.class_id)
        timeline = live.panel.timeline_proxy
        [left] = [r for r in range(timeline.rowCount()) if timeline.index(r, 2).data() == "left"]
        assert timeline.index(left, 3).data() == "network connection broken"
        assert timeline.index(left, 3).data(Qt.ItemDataRole.ToolTipRole) == "network connection broken (56)"
        kinds = {(m.kind, m.time) for m in view.charts.marks}
        assert ("enter", now - 1200) in kinds and ("drop", now - 700) in kinds
        assert any("Lena Park dropped out" in m.text for m in view.charts.marks)

        view._tick(now + 60)
        right = view.charts.quality.viewRange()[0][1]
        view._tick(now + 600)                          # ten minutes on, no report meanwhile
        moved = view.charts.quality.viewRange()[0][1]
        assert moved - right > 500, (right, moved)
        assert view.follow.isChecked()

        view.charts.quality.vb.sigRangeChangedManually.emit([True, False])   # the user pans
        view._tick(now + 900)
        assert view.charts.quality.viewRange()[0][1] == moved and not view.follow.isChecked()
        view.follow.click()                            # back to following
        view._tick(now + 900)
        assert view.charts.quality.viewRange()[0][1] > moved

        view.refresh_worst()
        assert [row.uid for row in view.worst.rows] == [STUDENT]
        view.users.clear_checks()
        view._open_worst(view.worst.index(0, 0))
        await app.wait_until(lambda: view.loaded.is_set() and STUDENT in view.users.checked)
    run_gui(qapp, data_dir, scenario)


def test_charts_follow_a_dark_colour_scheme(qapp):
    """As on Windows in dark mode: the application's palette turns dark."""
    from PySide6.QtGui import QColor, QPalette

    from gui.views.net_charts import NetCharts
    light_palette = qapp.palette()
    dark_palette = QPalette(light_palette)
    dark_palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark_palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    qapp.setPalette(dark_palette)
    try:
        dark = NetCharts()
        assert dark.canvas.backgroundBrush().color().lightness() < 60
    finally:
        qapp.setPalette(light_palette)
    light = NetCharts()
    assert light.canvas.backgroundBrush().color().lightness() > 200
