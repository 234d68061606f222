"""The live view in the real window, fed over real HTTP (tests/gui_support.py)."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import SID, fixture_variant, new_push

CLASS_ID = 508113967
OTHER_CLASS, OTHER_SID, OTHER_SECRET = 508113968, SID + 1, "other-school-secret"
TEACHER, STUDENT = 41200871, 41200902


def schedule(now: int, class_id: int = CLASS_ID, name: str = "第3讲：函数的单调性", **school) -> dict:
    """`school`: another school's sid and secret (new_push's)."""
    return new_push("eeoClassInfoChange", class_id=class_id, action_time=now - 3600, CourseID=31877204, **school,
                    opType=1, opData={"classId": class_id, "courseId": 31877204, "className": name,
                                      "courseName": "高一数学（2班）", "beginTime": now - 300,
                                      "endTime": now + 2400, "seatNum": 7,
                                      "teacherInfo": {"teacherName": "Carmen Ortega", "teacherUid": TEACHER}})


def enter(uid: int, now: int, identity: int = 1, name: str = "王小明", class_id: int = CLASS_ID, **school) -> dict:
    return new_push(67371107, class_id=class_id, action_time=now, UID=uid, NickName=name, ClientID=0,
                    Identity=identity, Device=0, **school)


def hands(uid: int, now: int, up: bool = True) -> dict:
    return new_push(67375105, action_time=now, SourceUID=uid, TargetUID=0, Color=f"hands up{uid}", Handsup=up)


def cell(view, row: int, column: str) -> str:
    model = view.proxy
    return model.index(row, view.model.COLUMNS.index(column)).data()


def roster_cell(panel, uid: int, column: str) -> str | None:
    proxy = panel.roster_proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("\nUID {}".format(uid)):
            return proxy.index(row, panel.roster.COLUMNS.index(column)).data()
    return None


def test_student_entering_and_raising_a_hand_shows_in_table_roster_and_timeline(qapp, data_dir, gui_settings):
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await app.post(schedule(now))
        await app.post(enter(TEACHER, now - 200, identity=3, name="Carmen"))
        await app.wait_until(lambda: view.proxy.rowCount() == 1, message="the live table never showed the lesson")
        assert cell(view, 0, "lesson") == "第3讲：函数的单调性"
        assert cell(view, 0, "teacher") == "Carmen Ortega"
        assert cell(view, 0, "school") == "Fixture School"
        assert cell(view, 0, "present") == "0 / —"

        view.table.selectRow(0)                       # opening a lesson = selecting its row
        await app.wait_until(lambda: view.panel.class_id == CLASS_ID)

        await app.post(enter(STUDENT, now - 100))
        await app.wait_until(lambda: roster_cell(view.panel, STUDENT, "present") is not None,
                             message="the entering student never reached the roster")
        assert roster_cell(view.panel, STUDENT, "name") == "王小明"
        assert roster_cell(view.panel, STUDENT, "identity_label") == "student"
        assert roster_cell(view.panel, STUDENT, "present").startswith("●")
        await app.wait_until(lambda: cell(view, 0, "present") == "1 / —")

        await app.post(hands(STUDENT, now - 50))
        await app.wait_until(lambda: "up now" in (roster_cell(view.panel, STUDENT, "hands_up") or ""),
                             message="the raised hand never showed")
        await app.wait_until(lambda: cell(view, 0, "hands_up") == "▲ 1 up")

        timeline = view.panel.timeline_proxy
        assert timeline.index(0, 2).data() == "hand up"       # newest first
        assert timeline.index(0, 1).data() == "王小明"
        view.panel.kind.setCurrentIndex(view.panel.kind.findData("enter"))
        assert {timeline.index(r, 2).data() for r in range(timeline.rowCount())} == {"entered"}
        assert timeline.rowCount() == 2

    run_gui(qapp, data_dir, scenario)


def test_times_are_shown_in_the_school_zone(qapp, data_dir, gui_settings):
    from storage.config import ConfigStore

    ConfigStore(data_dir).add_school(SID, "fixture-secret", "Fixture School", timezone="America/New_York")

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await app.post(schedule(now))
        await app.post(enter(TEACHER, now, identity=3))
        await app.wait_until(lambda: view.proxy.rowCount() == 1)
        from datetime import datetime
        from zoneinfo import ZoneInfo
        moment = datetime.fromtimestamp(now - 300, ZoneInfo("America/New_York"))
        zone = "UTC{}".format(int(moment.utcoffset().total_seconds() // 3600))
        # One school's lessons: the zone once, in the header, and plain times.
        start = view.model.COLUMNS.index("start")
        assert view.proxy.headerData(start, Qt.Orientation.Horizontal) == f"Start ({zone})"
        assert cell(view, 0, "start") == moment.strftime("%H:%M:%S")
        # A lesson of a school in another zone: each start says its own.
        await app.post(schedule(now, class_id=OTHER_CLASS, name="Unit 4", sid=OTHER_SID, secret=OTHER_SECRET))
        await app.post(enter(TEACHER, now, identity=3, class_id=OTHER_CLASS, sid=OTHER_SID, secret=OTHER_SECRET))
        await app.wait_until(lambda: view.proxy.rowCount() == 2)
        assert view.proxy.headerData(start, Qt.Orientation.Horizontal) == "Start"
        shanghai = datetime.fromtimestamp(now - 300, ZoneInfo("Asia/Shanghai")).strftime("%H:%M:%S UTC+8")
        assert sorted(cell(view, row, "start") for row in range(2)) == sorted(
            [f"{moment.strftime('%H:%M:%S')} {zone}", shanghai])

    ConfigStore(data_dir).add_school(OTHER_SID, OTHER_SECRET, "Other School", timezone="Asia/Shanghai")
    run_gui(qapp, data_dir, scenario)


def test_a_burst_of_pushes_is_coalesced_into_few_refreshes(qapp, data_dir, gui_settings, monkeypatch):
    from gui.views import live_view

    refreshes = []
    original = live_view.LiveView._refresh

    def counting(self, now=None):
        refreshes.append(time.monotonic())
        original(self, now)
    monkeypatch.setattr(live_view.LiveView, "_refresh", counting)

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        refreshes.clear()
        started = time.monotonic()
        await app.post_many([enter(STUDENT + i, now, name="学生{}".format(i)) for i in range(150)])
        await app.wait_until(lambda: view.proxy.rowCount() == 1 and cell(view, 0, "present") == "150 / —",
                             timeout=10)
        elapsed = time.monotonic() - started
        # One refresh per 500 ms tick at most (+1 for the tick in flight), not one per push.
        assert len(refreshes) <= elapsed / 0.5 + 2, (len(refreshes), elapsed)

    run_gui(qapp, data_dir, scenario)


async def student_in_an_open_lesson(app: GuiApp, now: int):
    """The Live view with the student's lesson open."""
    view = app.window.show_view("live")
    await app.post(enter(STUDENT, now - 60))
    await app.wait_until(lambda: view.proxy.rowCount() == 1)
    view.table.selectRow(0)
    return view


def test_trouble_and_alarms_are_marked_with_a_sign_not_colour_alone(qapp, data_dir, gui_settings):
    async def scenario(app: GuiApp) -> None:
        now = int(time.time())
        view = await student_in_an_open_lesson(app, now)
        await app.post(new_push("Net", action_time=now, UID=STUDENT, Data=bad_net(now)))
        await app.wait_until(lambda: cell(view, 0, "trouble") == "⚠ 1")
        await app.wait_until(lambda: (roster_cell(view.panel, STUDENT, "net_quality") or "").startswith("⚠"))
        index = view.proxy.index(0, view.model.COLUMNS.index("trouble"))
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None

    run_gui(qapp, data_dir, scenario)


def bad_net(now: int, delay: float = 412.0) -> dict:
    return {"socket": "UDP", "reportTime": str(now), "mediaDuration": 300, "good": 41, "normal": 52,
            "bad": 88, "poor": 71, "notReach": 48, "total": 300, "avgDelay": str(delay), "loss": 37,
            "udpTotalPkts": 150, "cpuLow": 121, "cpuMedium": 88, "cpuHigh": 61, "cpuBusy": 30, "cpuTotal": 300}


def more_problems_scenario(more: str):
    """A check with two problems: the first in words, how many more in the
    language's brackets (⚠ …（+1） in Chinese: test_i18n)."""
    async def scenario(app: GuiApp) -> None:
        now = int(time.time())
        view = await student_in_an_open_lesson(app, now)
        await app.wait_until(lambda: view.panel.class_id == CLASS_ID)
        await app.post(fixture_variant("Check.json", action_time=now, ClassID=CLASS_ID, UID=STUDENT,
                                       data={"MicrophoneArbitrary": 2}))
        await app.wait_until(lambda: (roster_cell(view.panel, STUDENT, "device_problems") or "").startswith("⚠"))
        assert roster_cell(view.panel, STUDENT, "device_problems").endswith(more)
    return scenario


def test_more_device_problems_are_counted(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, more_problems_scenario(" (+1)"))
