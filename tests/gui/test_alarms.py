"""Alarm center: a push with a wrong SafeKey raises the stuck-push alarm with
what/since/why/what-to-do; Release lets ClassIn's next re-send through
(errno 1, flagged) and the alarm resolves but stays listed, greyed."""
from __future__ import annotations

import asyncio
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import orjson
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from alarms.model import Alarm
from gui.formatting import PC_ZONE, SCHOOL_ZONE
from protocol.classin import is_ack
from storage.config import ConfigStore

from ..gui_support import GuiApp, gui_settings, pc_zone_set, run_gui  # noqa: F401
from ..helpers import SECRET, SID, new_push, resign
from .test_i18n import chinese  # noqa: F401


async def _send(app: GuiApp, push: dict) -> tuple[int, dict]:
    async with app.session.post(app.url + "/classin", data=orjson.dumps(push)) as resp:
        return resp.status, orjson.loads(await resp.read())


def test_bad_safekey_raises_stuck_push_and_release_clears_it(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.show_view("alarms")
        app.monitor.config.set_verify(SID, "strict")    # refused: the queue blocks
        push = new_push(67371107, secret="not-the-secret", UID=7, Identity=1, ClientID=0)
        for _ in range(2):                       # ClassIn re-sends every 10 s
            status, answer = await _send(app, push)
            assert status == 403 and answer["error_info"]["errno"] == 0
        await app.wait_until(lambda: view.model.rowCount() == 1)
        alarm: Alarm = view.model.rows[0]
        assert alarm.kind == "stuck_push" and alarm.open
        view.select(alarm.key)
        details = view.details
        assert "ClassIn queue blocked" in details.title.text()
        assert "Critical" in details.badge.text()
        detail = details.detail.text()
        assert "67371107" in detail and "508113967" in detail
        assert "2 time(s)" in detail and "wrong SafeKey" in detail
        assert "secret" in details.advice.text()
        assert details.fix_secret.isVisible() and details.release.isEnabled()
        assert "1 open alarm(s)" in view.tray.tooltip
        view.tray.play_sound()                   # no audio device here: must not fail

        details.release.click()
        await app.wait_until(lambda: "Released" in details.feedback.text())
        status, answer = await _send(app, push)
        assert status == 200 and is_ack(orjson.dumps(answer))
        # Release says what became of the re-send, and the row keeps its first sight and count.
        await app.wait_until(lambda: "stored (flagged as released" in details.feedback.text())
        assert "refused 2 time(s)" in details.feedback.text()
        assert alarm.count == 2 and view.model.rows[0] is alarm
        # The view applies alarm changes in batches, a few times a second.
        await app.wait_until(lambda: not alarm.open and "0 open alarm(s)" in view.tray.tooltip
                             and "resolved" in view.model.index(0, view.model.COLUMNS.index("state")).data())
        assert view.model.rowCount() == 1        # resolved alarms stay for the session
        assert "resolved" in view.model.index(0, view.model.COLUMNS.index("state")).data()
        assert not details.release.isEnabled()
        assert "0 open alarm(s)" in view.tray.tooltip

        details.fix_secret.click()               # the shortcut opens the school in Settings
        settings = app.window.views["settings"]
        assert app.window.stack.currentWidget() is settings
        assert settings.sid_edit.text() == str(SID)
    run_gui(qapp, data_dir, scenario)


def test_help_request_needs_acknowledging(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.show_view("alarms")
        await app.post(new_push("HelpInfo", Data={"UID": 7, "Message": "老师，我听不到声音", "UserList": [7]}))
        await app.wait_until(lambda: view.model.rowCount() == 1)
        alarm = view.model.rows[0]
        view.select(alarm.key)
        assert view.model.index(0, view.model.COLUMNS.index("state")).data() == "waiting"
        assert "老师，我听不到声音" in view.details.detail.text()
        view.details.acknowledge.click()
        await app.wait_until(lambda: not view.details.acknowledge.isEnabled())
        assert alarm.acknowledged
    run_gui(qapp, data_dir, scenario)


def test_alarms_are_listed_again_after_a_restart(qapp, data_dir, gui_settings):  # noqa: F811
    ConfigStore(data_dir).set_verify(SID, "strict")
    wrong = new_push(67371107, secret="not-the-secret", UID=7, Identity=1, ClientID=0)

    def row(view, kind: str) -> int:
        return next(n for n, a in enumerate(view.model.rows) if a.kind == kind)

    async def before_the_restart(app: GuiApp):
        view = app.window.show_view("alarms")
        await app.post(new_push("HelpInfo", Data={"UID": 7, "Message": "老师，我听不到声音", "UserList": [7]}))
        assert (await _send(app, wrong))[0] == 403
        await app.wait_until(lambda: view.model.rowCount() == 2)
        view.select(view.model.rows[row(view, "help_request")].key)
        view.details.acknowledge.click()
        await app.post(resign(wrong))                # the secret was fixed: the queue moves on
        await app.wait_until(lambda: not view.model.rows[row(view, "stuck_push")].open)
    run_gui(qapp, data_dir, before_the_restart)

    async def after_the_restart(app: GuiApp):
        view = app.window.show_view("alarms")
        await app.wait_until(lambda: view.model.rowCount() == 2)
        state = view.model.COLUMNS.index("state")
        assert view.model.index(row(view, "help_request"), state).data() == "acknowledged"
        assert "resolved" in view.model.index(row(view, "stuck_push"), state).data()
        # The school's queue blocks again: a new, open row; the resolved one stays as it was.
        again = new_push(67371107, secret="not-the-secret", UID=8, Identity=1, ClientID=0)
        assert (await _send(app, again))[0] == 403
        await app.wait_until(lambda: view.model.rows[row(view, "stuck_push")].open)
        assert view.model.rowCount() == 3
        assert view.model.index(row(view, "stuck_push"), state).data() == "open"
        stuck = [a for a in view.model.rows if a.kind == "stuck_push"]
        assert [a.open for a in stuck] == [True, False] and stuck[0].since > stuck[1].since
    run_gui(qapp, data_dir, after_the_restart)


def test_a_desk_wide_alarm_says_whom_it_hits_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp):
        view = app.window.show_view("alarms")
        await app.post(new_push(67371107, UID=7, Identity=1, ClientID=0, Device=0))   # a lesson starts
        await app.wait_until(lambda: app.monitor.live_lessons())
        app.monitor.alarms.on_tunnel(False, "502", time.time())
        await app.wait_until(lambda: any(a.kind == "tunnel" for a in view.model.rows))
        view.select("tunnel")
        assert "1 节正在上的课受影响" in view.details.title.text()
        assert f"Fixture School（{SID}）：1 节正在上的课受影响：" in view.details.detail.text()
    run_gui(chinese, data_dir, scenario)


OTHER_SID, OTHER_TZ = 1234567, "America/New_York"


def first_seen_zone_scenario(words: dict[str, str]):
    """First seen names its zone once, in the header, while every listed alarm's
    time shares it, as the Inspector's Received does; alarms of schools in two
    zones say each their own; the desk's choice of this PC's clock (UTC here)
    puts them in one zone again."""
    async def scenario(app: GuiApp):
        view = app.window.show_view("alarms")
        since = view.model.COLUMNS.index("since")

        def header() -> str:
            return view.model.headerData(since, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)

        def seen(row: int, role=Qt.ItemDataRole.DisplayRole) -> str:
            return view.model.index(row, since).data(role)

        assert header() == words["header"]                      # no alarm: no zone to name
        await app.post(new_push("HelpInfo", Data={"UID": 7, "Message": "老师，我听不到声音", "UserList": [7]}))
        await app.wait_until(lambda: view.model.rowCount() == 1)
        alarm = view.model.rows[0]
        shanghai = datetime.fromtimestamp(alarm.since, ZoneInfo("Asia/Shanghai"))
        assert header() == words["header (UTC+8)"]              # the Fixture School is in Shanghai
        assert seen(0) in (shanghai.strftime("%H:%M:%S"), shanghai.strftime("%Y-%m-%d %H:%M:%S"))
        assert seen(0, Qt.ItemDataRole.ToolTipRole) == shanghai.strftime("%Y-%m-%d %H:%M:%S UTC+8")

        await app.post(new_push("HelpInfo", sid=OTHER_SID, class_id=508113968,
                                Data={"UID": 8, "Message": "help", "UserList": [8]}))
        await app.wait_until(lambda: view.model.rowCount() == 2)
        assert header() == words["header"]
        zones = sorted(seen(row).rsplit(" ", 1)[1] for row in range(2))
        assert zones[0] == "UTC+8" and zones[1] in ("UTC-5", "UTC-4")    # New York, with or without DST

        app.window.set_zone_mode(PC_ZONE)
        assert header() == words["header (UTC+0)"]
        assert all("UTC" not in seen(row) for row in range(2))
        app.window.set_zone_mode(SCHOOL_ZONE)
        assert header() == words["header"]
    return scenario


def test_first_seen_names_its_zone(qapp, data_dir, gui_settings):  # noqa: F811
    ConfigStore(data_dir).add_school(OTHER_SID, SECRET, "Other School", timezone=OTHER_TZ)
    with pc_zone_set("UTC"):
        run_gui(qapp, data_dir, first_seen_zone_scenario({
            "header": "First seen", "header (UTC+8)": "First seen (UTC+8)", "header (UTC+0)": "First seen (UTC+0)"}))


def test_first_seen_names_its_zone_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    ConfigStore(data_dir).add_school(OTHER_SID, SECRET, "Other School", timezone=OTHER_TZ)
    with pc_zone_set("UTC"):
        run_gui(chinese, data_dir, first_seen_zone_scenario({
            "header": "首次出现", "header (UTC+8)": "首次出现（UTC+8）", "header (UTC+0)": "首次出现（UTC+0）"}))


def last_column_scenario(later: str):
    """"Last" runs on after the columns were fitted: sized for "1 s ago", it cut
    "10 s ago" to "10 s …" a few seconds later (1280x800). It is as wide as an
    hour's "59 min ago" draws in the row's (bold) font."""
    async def scenario(app: GuiApp):
        view = app.window.show_view("alarms")
        await app.post(new_push("HelpInfo", Data={"UID": 7, "Message": "老师，我听不到声音", "UserList": [7]}))
        await app.wait_until(lambda: view.model.rowCount() == 1)
        await asyncio.sleep(0.3)          # the view's refit after the row came
        table, last = view.table, view.model.COLUMNS.index("last")
        index = table.model().index(0, last)
        option = QStyleOptionViewItem()
        table.itemDelegateForIndex(index).initStyleOption(option, index)
        assert option.font.bold()         # an open alarm's row
        option.text = later
        drawn = table.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), table).width()
        assert table.columnWidth(last) >= drawn, (table.columnWidth(last), drawn, index.data())
    return scenario


def test_last_fits_as_it_runs_on(qapp, data_dir, gui_settings):  # noqa: F811
    run_gui(qapp, data_dir, last_column_scenario("59 min ago"))


def test_last_fits_as_it_runs_on_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, last_column_scenario("59 分钟前"))
