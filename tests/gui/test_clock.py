"""One clock, labelled: every time says its zone, the desk chooses the
school's zone or this PC's, and History's date filter works in the zone its
rows are shown in -- with "All schools" too, where each row has its own."""
from __future__ import annotations

from datetime import date, datetime, time as dtime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt

from gui.formatting import PC_ZONE, SCHOOL_ZONE, local_time, recent_time
from storage.config import ConfigStore

from ..gui_support import GuiApp, gui_settings, pc_zone_set, run_gui  # noqa: F401
from ..helpers import SECRET, SID, new_push

CLASS_ID = 913370077
SCHOOL_TZ = "Asia/Shanghai"
PC_TZ = "America/Los_Angeles"
# 04:30 on Dec 6 at the school is 12:30 on Dec 5 on this (Californian) PC.
LESSON_AT = int(datetime(2026, 12, 6, 4, 30, tzinfo=ZoneInfo(SCHOOL_TZ)).timestamp())


@pytest.fixture
def pc_zone():
    with pc_zone_set(PC_TZ):
        yield


def test_history_filters_days_in_the_zone_rows_are_shown_in(qapp, data_dir, gui_settings, pc_zone):  # noqa: F811
    ConfigStore(data_dir).add_school(SID, SECRET, "Fixture School", timezone=SCHOOL_TZ)

    async def scenario(app: GuiApp):
        view = app.window.show_view("history")
        start_column = view.model.COLUMNS.index("start")
        await app.post(new_push("Enter", class_id=CLASS_ID, action_time=LESSON_AT, UID=501, Identity=3,
                                ClientID=0, Device=0, Nickname="teacher"))

        def pick(day: date, sid: int | None) -> None:
            view.school.setCurrentIndex(view.school.findData(sid))
            view.date_from.setDate(QDate(day.year, day.month, day.day))
            view.date_to.setDate(QDate(day.year, day.month, day.day))

        async def listed() -> list[str]:
            view.loader.request()
            await app.wait_until(lambda: view.loader.settled == view.loader.requested)
            return [view.model.index(r, start_column).data() for r in range(view.model.rowCount())]

        # The school's zone (the default): the lesson is on Dec 6, for "All schools" too.
        assert app.window.zone_actions.checkedAction().data() == SCHOOL_ZONE
        for sid in (None, SID):
            pick(date(2026, 12, 6), sid)
            assert await listed() == ["2026-12-06 04:30:00 UTC+8"]
            pick(date(2026, 12, 5), sid)
            assert await listed() == []

        # This PC's zone: every time moves to it, and so does the filter.
        app.window.set_zone_mode(PC_ZONE)
        for sid in (None, SID):
            pick(date(2026, 12, 5), sid)
            assert await listed() == ["2026-12-05 12:30:00 UTC-8"]
            pick(date(2026, 12, 6), sid)
            assert await listed() == []
        app.window.set_zone_mode(SCHOOL_ZONE)
    run_gui(qapp, data_dir, scenario)


def test_every_time_says_its_zone(qapp, pc_zone, gui_settings):  # noqa: F811
    assert local_time(LESSON_AT, SCHOOL_TZ) == "04:30:00 UTC+8"
    assert local_time(LESSON_AT) == "12:30:00 UTC-8"                 # no school: this PC's
    assert local_time(LESSON_AT, "Asia/Kolkata", with_date=True) == "2026-12-06 02:00:00 UTC+5:30"
    assert local_time(LESSON_AT, SCHOOL_TZ, zone=False) == "04:30:00"  # the header says it


def test_a_narrow_columns_time_says_what_a_day_away_needs(qapp, pc_zone, gui_settings):  # noqa: F811
    """Today's time alone, another day's day and minute, another year's with its
    year: whole in a narrow column (an elided "2026-12-05 …" hid the time)."""
    shanghai = ZoneInfo(SCHOOL_TZ)
    today = datetime.now(shanghai).date()
    other_day = today - timedelta(days=1) if (today.month, today.day) != (1, 1) else today + timedelta(days=1)

    def at(day: date, clock: str) -> float:
        return datetime.combine(day, dtime.fromisoformat(clock), shanghai).timestamp()
    assert recent_time(at(today, "12:00:05"), SCHOOL_TZ) == "12:00:05 UTC+8"
    assert recent_time(at(other_day, "23:58:10"), SCHOOL_TZ, zone=False) == other_day.strftime("%m-%d 23:58")
    assert recent_time(at(date(today.year - 1, 5, 14), "09:15:22"), SCHOOL_TZ) == \
        f"{today.year - 1}-05-14 09:15 UTC+8"
    assert recent_time(None) == "—"


def test_inspector_and_status_bar_give_the_schools_time(qapp, data_dir, gui_settings, pc_zone):  # noqa: F811
    """Support staff in California look after a school in India: the raw push and
    the status bar's last push read in the school's time, not this PC's."""
    zone = "Asia/Kolkata"                       # neither this PC's zone nor DEFAULT_TIMEZONE
    ConfigStore(data_dir).add_school(SID, SECRET, "Fixture School", timezone=zone)

    def at_school(unix: float, with_date: bool = True, label: str = " UTC+5:30") -> str:
        when = datetime.fromtimestamp(unix, ZoneInfo(zone))
        return when.strftime("%Y-%m-%d %H:%M:%S" if with_date else "%H:%M:%S") + label

    async def scenario(app: GuiApp):
        view = app.window.show_view("inspector")
        await app.post(new_push("Enter", class_id=CLASS_ID, action_time=LESSON_AT, UID=501, Identity=3,
                                ClientID=0, Device=0, Nickname="teacher"))
        await app.wait_until(lambda: view.model.rowCount() == 1)
        received = view.model.rows[0].received_at
        column = view.model.COLUMNS.index("received_at")
        assert view.model.headerData(column, Qt.Orientation.Horizontal) == "Received (UTC+5:30)"
        assert view.model.index(0, column).data() == at_school(received, label="")   # the header says it
        assert view.model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) == at_school(received)
        view.table.selectRow(0)
        assert "received {} ·".format(at_school(received)) in view.heading.text()

        # The status bar spans schools: in the zone of a time of no school, the first
        # school's (the chat robots' too), so here the school's own.
        app.window.status.refresh()
        assert app.window.status.last.text().startswith(
            "Last push: {} (".format(at_school(app.monitor.receiver.stats.last_push_at, with_date=False)))
    run_gui(qapp, data_dir, scenario)
