"""The Gensee view in the real window, fed by real Gensee calls over HTTP
(tests/gui_support.py; the call shapes are tests/fixtures/gensee/*).

Set CLASSWATCH_SCREENSHOTS=<dir> to save the window (1280×800) at the key moments."""
from __future__ import annotations

import os
import re
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from gui.formatting import PC_ZONE, SCHOOL_ZONE
from gui.models.gensee_models import AttendeesModel, QaModel, RoomsModel, VideosModel

from ..gensee_support import CLIENT, CONF, ORGANIZER, VIDEO, WEB, gensee_fixture, sequence
from ..gui_support import GuiApp, gui_settings, pc_zone_set, run_gui  # noqa: F401  (gui_settings is a fixture)
from .test_empty_states import says_empty
from .test_i18n import chinese  # noqa: F401

WEB_QUESTION = "老师，影子为什么下午更长？"
WEB_NAME = "陈小雨"


async def gensee(app: GuiApp, method: str, endpoint: str, query: str = "", **kw) -> None:
    token = app.monitor.config.current().gensee_token
    url = "{}/gensee/{}/{}".format(app.url, token, endpoint) + ("?" + query if query else "")
    async with app.session.request(method, url, **kw) as resp:
        assert resp.status == 200, await resp.text()


def cell(view, proxy, model, row: int, column: str) -> str:
    return proxy.index(row, model.COLUMNS.index(column)).data()


def room_cell(view, column: str) -> str | None:
    if view.rooms_proxy.rowCount() != 1:
        return None
    return cell(view, view.rooms_proxy, view.rooms, 0, column)


def attendee(view, uid: str) -> dict[str, str] | None:
    proxy = view.attendees_proxy
    for row in range(proxy.rowCount()):
        if cell(view, proxy, view.attendees, row, "key") == uid:
            return {c: cell(view, proxy, view.attendees, row, c) for c in AttendeesModel.COLUMNS}
    return None


def qa_column(view, column: str) -> list[str]:
    return [cell(view, view.qa_proxy, view.qa, r, column) for r in range(view.qa_proxy.rowCount())]


def screenshot(app: GuiApp, name: str) -> None:
    directory = os.environ.get("CLASSWATCH_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        assert app.window.grab().save(str(Path(directory) / name))


def test_webcast_room_attendees_chart_and_chinese_questions(qapp, data_dir, gui_settings):  # noqa: F811
    from gui.views.gensee_view import LiveRoomsStrip

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        strip = LiveRoomsStrip(app.bridge, open_room=lambda c: app.window.show_view("gensee").select_room(c))
        calls = sequence("event_sequence_webcast.txt")
        assert "Action=105" in calls[-1]
        for query in calls[:-1]:                  # everything up to the stop: the live is on
            await gensee(app, "GET", "event", query)
        await app.wait_until(lambda: room_cell(view, "recordings") == "1",
                             message="the room never appeared with its recording")
        assert room_cell(view, "key") == CONF
        assert room_cell(view, "status") == "● live"
        assert room_cell(view, "users") == "1"                 # totalusernum of the latest call
        assert room_cell(view, "joins") == "3"
        assert room_cell(view, "abnormal_leaves") == "⚠ 1"
        assert room_cell(view, "live_since") != "—"
        status_index = view.rooms_proxy.index(0, RoomsModel.COLUMNS.index("status"))
        assert status_index.data(0x0008).color().name() == "#2e7d32"     # BackgroundRole: green

        # the only room is selected by itself: attendees and the users-over-time chart
        await app.wait_until(lambda: view.selected == CONF and view.attendees.rowCount() == 3)
        assert attendee(view, WEB)["inside"] == "⚠ dropped out"
        assert attendee(view, WEB)["abnormal_leaves"] == "⚠ 1"
        assert attendee(view, CLIENT)["inside"] == "left"
        assert attendee(view, ORGANIZER)["inside"] == "● inside"
        assert "1 inside now" in view.attendees_caption.text()
        x, y = view.chart.curve.getData()
        assert list(y[:8]) == [1, 1, 2, 2, 3, 2, 1, 1] and x[-1] >= x[-2]
        assert len(view.chart.leaves.data) == 1 and view.chart.leaves.data[0]["y"] == 2
        assert "1 room(s) live now" in view.summary.text()
        assert view.title() == "Gensee rooms (1 live)"
        assert app.window.nav.item(app.window.stack.indexOf(view)).text() == "Gensee rooms (1 live)"
        await app.wait_until(lambda: strip.model.rowCount() == 1 and "live now: 1" in strip.caption.text())

        # Q&A: a client question (XML) then a web question (form, Chinese); newest first
        await gensee(app, "POST", "qa", data=gensee_fixture("qa_client_question.txt").encode(),
                     headers={"Content-Type": "text/xml"})
        await gensee(app, "POST", "qa-web", data=gensee_fixture("qa_web_form.txt").encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        await app.wait_until(lambda: view.qa_proxy.rowCount() == 2, message="the Q&A feed never showed both")
        assert qa_column(view, "text")[0] == WEB_QUESTION
        assert qa_column(view, "uname") == [WEB_NAME, "Lena P"]
        assert qa_column(view, "uid") == [WEB, CLIENT]
        assert qa_column(view, "source") == ["web", "client"]
        assert qa_column(view, "kind") == ["Q", "Q"]
        # the client's own time attribute is shown for its question; Gensee names no school: in the
        # first school's zone (the fixture's Shanghai; CI's PC runs in UTC), named in the column header
        client_time = datetime.fromtimestamp(1747185322, ZoneInfo("Asia/Shanghai"))
        assert qa_column(view, "time")[1] == client_time.strftime("%Y-%m-%d %H:%M")
        await app.wait_until(lambda: attendee(view, WEB)["name"] == WEB_NAME)   # named by the Q&A
        screenshot(app, "gensee_live.png")

        await gensee(app, "GET", "event", calls[-1])
        await app.wait_until(lambda: room_cell(view, "status") == "■ stopped", message="105 never stopped it")
        await app.wait_until(lambda: "no room live" in view.summary.text())
        assert attendee(view, ORGANIZER)["inside"] == "stayed to the end"
        assert view.title() == "Gensee rooms"
        await app.wait_until(lambda: strip.model.rowCount() == 0)
        screenshot(app, "gensee_stopped.png")
        strip.deleteLater()

    run_gui(qapp, data_dir, scenario)


def users_chart_zone_scenario(words: dict[str, str]):
    """The users chart's time axis says whose clock its ticks follow, as the ClassIn
    network charts do: the first school's (Shanghai; this PC's is UTC here), then
    this PC's once the desk chooses it."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        for query in sequence("event_sequence_webcast.txt")[:3]:
            await gensee(app, "GET", "event", query)
        await app.wait_until(lambda: view.selected == CONF and len(view.chart.curve.getData()[0]))
        axis = view.chart.plot.getAxis("bottom")
        assert axis.labelText == words["time (UTC+8)"]
        app.window.set_zone_mode(PC_ZONE)
        await app.wait_until(lambda: axis.labelText == words["time (UTC+0)"], message=axis.labelText)
        app.window.set_zone_mode(SCHOOL_ZONE)
    return scenario


def test_the_users_chart_names_its_zone(qapp, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(qapp, data_dir, users_chart_zone_scenario({"time (UTC+8)": "time (UTC+8)",
                                                           "time (UTC+0)": "time (UTC+0)"}))


def test_the_users_chart_names_its_zone_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(chinese, data_dir, users_chart_zone_scenario({"time (UTC+8)": "时间（UTC+8）",
                                                              "time (UTC+0)": "时间（UTC+0）"}))


def attendee_times_zone_scenario(words: dict[str, str]):
    """An attendee's times name their zone once, in their column headers, and the cells
    are plain times: the first school's zone (Shanghai; this PC's is UTC here), then
    this PC's once the desk chooses it."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        for query in sequence("event_sequence_webcast.txt")[:-1]:
            await gensee(app, "GET", "event", query)
        await app.wait_until(lambda: view.selected == CONF and view.attendees.rowCount() == 3)

        def header(column: str) -> str:
            return view.attendees_proxy.headerData(AttendeesModel.COLUMNS.index(column), Qt.Orientation.Horizontal)

        assert [header("first_join"), header("last_seen")] == [words["first (UTC+8)"], words["last (UTC+8)"]]
        times = [attendee(view, uid)[column] for uid in (WEB, CLIENT, ORGANIZER)
                 for column in ("first_join", "last_seen")]
        assert all(re.fullmatch(r"(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d", t) for t in times), times
        app.window.set_zone_mode(PC_ZONE)
        assert header("first_join") == words["first (UTC+0)"]
        app.window.set_zone_mode(SCHOOL_ZONE)
    return scenario


def test_attendee_times_name_their_zone_in_the_header(qapp, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(qapp, data_dir, attendee_times_zone_scenario({
            "first (UTC+8)": "First joined (UTC+8)", "last (UTC+8)": "Last seen (UTC+8)",
            "first (UTC+0)": "First joined (UTC+0)"}))


def test_attendee_times_name_their_zone_in_the_header_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(chinese, data_dir, attendee_times_zone_scenario({
            "first (UTC+8)": "首次进入（UTC+8）", "last (UTC+8)": "最后活动（UTC+8）",
            "first (UTC+0)": "首次进入（UTC+0）"}))


def every_tables_times_scenario(zone: str):
    """Every Gensee table (rooms, attendees, VOD views, Q&A, roll calls) names
    its times' zone once, in their headers, and shows plain times in the cells:
    "UTC+8" on every row of a column was noise a desk reads past."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        for query in sequence("event_sequence_webcast.txt")[:-1]:
            await gensee(app, "GET", "event", query)
        await gensee(app, "GET", "vod", gensee_fixture("vod_111_start.txt"))
        await gensee(app, "GET", "vod", gensee_fixture("vod_112_end.txt"))
        await gensee(app, "POST", "qa-web", data=gensee_fixture("qa_web_form.txt").encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        await gensee(app, "GET", "rollcall", gensee_fixture("rollcall_query.txt"))
        tables = [(view.rooms_proxy, view.rooms), (view.attendees_proxy, view.attendees),
                  (view.videos_proxy, view.videos), (view.qa_proxy, view.qa),
                  (view.rollcall_model, view.rollcall_model)]
        await app.wait_until(lambda: all(proxy.rowCount() for proxy, _ in tables), timeout=10)
        for proxy, model in tables:
            for column in model.TIMES:
                number = model.COLUMNS.index(column)
                assert proxy.headerData(number, Qt.Orientation.Horizontal).endswith(zone), (model, column)
                for row in range(proxy.rowCount()):
                    shown = proxy.index(row, number).data()
                    assert re.fullmatch(r"(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d|—", shown), (model, column, shown)
        assert {type(model).__name__ for _, model in tables if model.TIMES} == {
            "RoomsModel", "AttendeesModel", "VideosModel", "QaModel", "RollCallModel"}
    return scenario


def test_every_gensee_table_names_its_zone_in_the_header(qapp, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(qapp, data_dir, every_tables_times_scenario("(UTC+8)"))


def test_every_gensee_table_names_its_zone_in_the_header_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    with pc_zone_set("UTC"):
        run_gui(chinese, data_dir, every_tables_times_scenario("（UTC+8）"))


def test_vod_views_count_viewers_not_the_site_wide_total(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        await gensee(app, "GET", "vod", gensee_fixture("vod_111_start.txt"))
        await app.wait_until(lambda: view.videos.rowCount() == 1)
        row = {c: cell(view, view.videos_proxy, view.videos, 0, c) for c in VideosModel.COLUMNS}
        assert row["key"] == VIDEO and row["viewers"] == "1" and row["watching"] == "1"
        assert row["last_ended"] == "—"
        await gensee(app, "GET", "vod", gensee_fixture("vod_112_end.txt"))
        await app.wait_until(lambda: cell(view, view.videos_proxy, view.videos, 0, "watching") == "0")
        row = {c: cell(view, view.videos_proxy, view.videos, 0, c) for c in VideosModel.COLUMNS}
        assert row["viewers"] == "1" and row["views"] == "1" and row["last_ended"] != "—"
        assert "4" not in row.values() and "3" not in row.values()     # totalusernum is the site's
        assert "Site-wide VOD viewers: 3" in view.site_viewers.text()
        assert view.rooms.rowCount() == 0 and view.rooms_empty.isVisible()
        assert view.sections.tabText(1) == "VOD views (1)"

    run_gui(qapp, data_dir, scenario)


def test_a_later_client_question_keeps_its_source_on_one_line(chinese, data_dir, gui_settings):  # noqa: F811
    """The Q&A columns are sized once, from the first rows: a web question's 网页
    first, then a client question's 客户端 must still fit (it wrapped in two)."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        await gensee(app, "POST", "qa-web", data=gensee_fixture("qa_web_form.txt").encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        await app.wait_until(lambda: view.qa_proxy.rowCount() == 1 and view.qa_table.property("sized"))
        await gensee(app, "POST", "qa", data=gensee_fixture("qa_client_question.txt").encode(),
                     headers={"Content-Type": "text/xml"})
        await app.wait_until(lambda: view.qa_proxy.rowCount() == 2)
        assert sorted(qa_column(view, "source")) == ["客户端", "网页"]
        table, column = view.qa_table, QaModel.COLUMNS.index("source")
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)     # 客户端 whole, as Qt sizes it

    run_gui(chinese, data_dir, scenario)


def test_a_burst_of_calls_is_coalesced_into_few_refreshes(qapp, data_dir, gui_settings, monkeypatch):  # noqa: F811
    import asyncio

    from gui.views import gensee_view

    refreshes = []
    original = gensee_view.GenseeView.refresh

    def counting(self, now=None):
        refreshes.append(time.monotonic())
        original(self, now)
    monkeypatch.setattr(gensee_view.GenseeView, "refresh", counting)

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        await asyncio.sleep(0.6)
        refreshes.clear()
        started = time.monotonic()
        queries = ["ClassNo={}&Operator={}&Action=101&Affected={}&totalusernum={}".format(CONF, 9000 + i, 9000 + i,
                                                                                          i + 1)
                   for i in range(120)]
        queue = list(reversed(queries))

        async def worker() -> None:
            while queue:
                await gensee(app, "GET", "event", queue.pop())
        await asyncio.gather(*(worker() for _ in range(16)))
        await app.wait_until(lambda: room_cell(view, "joins") == "120" and view.attendees.rowCount() == 120,
                             timeout=10)
        elapsed = time.monotonic() - started
        assert len(refreshes) <= elapsed / 0.5 + 3, (len(refreshes), elapsed)
        assert "⚠" not in room_cell(view, "abnormal_leaves")
        assert len(qa_column(view, "text")) == 0 and QaModel.COLUMNS[0] == "time"

    run_gui(qapp, data_dir, scenario)


def test_hostile_question_text_and_time_stay_plain_text(qapp):
    """Q&A comes from anyone on the internet: markup is shown as text (cell and
    tooltip), line breaks and control characters are flattened, an absurd client
    time does not break the table."""
    from PySide6.QtCore import Qt

    from gui.models.gensee_models import qa_rows
    from lessons.gensee_rooms import GenseeState

    state = GenseeState()
    body = ('<?xml version="1.0" encoding="utf-8"?><webcast id="{}"><question id="q1" time="99999999999999999999" '
            'uid="7" uname="&lt;b&gt;x&lt;/b&gt;">&lt;img src="http://evil/x.png"&gt;第一行\n第二行\u202e'
            '</question></webcast>').format(CONF)
    state.feed(time.time(), {"endpoint": "qa", "body": body})
    model = QaModel(lambda: "Asia/Shanghai")
    model.update(qa_rows(state.qa_feed(CONF)))
    assert model.rowCount() == 1
    text = model.index(0, QaModel.COLUMNS.index("text"))
    assert text.data() == '<img src="http://evil/x.png">第一行 第二行'
    assert "&lt;img" in text.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, QaModel.COLUMNS.index("uname")).data() == "<b>x</b>"
    assert model.index(0, QaModel.COLUMNS.index("time")).data()            # some text, no exception
    assert model.index(0, QaModel.COLUMNS.index("time")).data(Qt.ItemDataRole.ToolTipRole)


def empty_qa_scenario(words: str):
    """A room's Q&A pane before any question says what fills it and where its
    callbacks are set up, not a blank pane under "0 question(s)"; the first
    question takes its place."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        for query in sequence("event_sequence_webcast.txt")[:3]:
            await gensee(app, "GET", "event", query)
        await app.wait_until(lambda: view.selected == CONF)
        table = view.qa_table
        assert table.model().rowCount() == 0 and table.empty_text.startswith(words), table.empty_text
        assert says_empty(table)
        await gensee(app, "POST", "qa", data=gensee_fixture("qa_client_question.txt").encode(),
                     headers={"Content-Type": "text/xml"})
        await app.wait_until(lambda: table.model().rowCount() == 1)
        assert not says_empty(table)
    return scenario


def test_an_empty_qa_pane_says_what_fills_it(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, empty_qa_scenario("No question yet: questions and answers come with Gensee's qa"))


def test_an_empty_qa_pane_says_what_fills_it_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, empty_qa_scenario("还没有提问："))
