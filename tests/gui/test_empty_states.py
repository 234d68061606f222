"""An empty list says why it is empty, in the desk's language, instead of a blank pane."""
from __future__ import annotations

import asyncio
import time
from pathlib import Path

from storage import relay as outbox
from storage.dburl import resolve_db

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import SID, fixture_variant
from .test_i18n import chinese  # noqa: F401

ADD_COMMAND = "python main.py relay add NAME --sid SID --url URL"


def says_empty(table) -> bool:
    """Whether the table paints its empty_text where rows would be: the same
    table grabbed without that text looks different."""
    text = table.empty_text
    said = table.viewport().grab().toImage()
    table.empty_text = ""
    try:
        return table.viewport().grab().toImage() != said
    finally:
        table.empty_text = text


def test_empty_lists_say_why_and_stop_once_rows_come(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        alarms = app.window.show_view("alarms")
        table = alarms.table
        assert table.model().rowCount() == 0 and "No alarms" in table.empty_text
        assert says_empty(table)

        await app.post(fixture_variant("HelpInfo.json"))      # a classroom asks for help: a row comes
        await app.wait_until(lambda: table.model().rowCount() == 1)
        assert not says_empty(table)                          # with rows, nothing more is painted
    run_gui(qapp, data_dir, scenario)


async def relay_scenario(app: GuiApp, data_dir: Path, words: dict[str, str]) -> None:
    """No destination: the table says what relaying is and the command that adds
    one, in place of the caption; one added as `relay add` stores it, the rows
    and the caption are back; the last one removed, the empty state again."""
    view = app.window.show_view("relay")
    await app.wait_until(lambda: not view.caption.isVisible(), message="the first read never came")
    what, how = view.table.empty_text.split("\n")
    assert what.startswith(words["none"]) and words["one url"] in what, what
    assert how == words["add"].format(ADD_COMMAND)
    assert says_empty(view.table)

    db = resolve_db(None, data_dir)       # where `relay add` and `relay remove` write, as they do
    loop = asyncio.get_running_loop()

    def add() -> None:
        with outbox.writing(db) as conn:
            outbox.add_destination(conn, "school-lms", SID, "http://127.0.0.1:9/push", None, time.time())

    def remove() -> None:
        with outbox.writing(db) as conn:
            assert outbox.remove_destination(conn, "school-lms") == 0

    await loop.run_in_executor(None, add)
    await app.wait_until(lambda: view.model.rowCount() == 1, message="the destination never showed")
    assert view.caption.isVisible() and not says_empty(view.table)
    assert view.caption.text().split("\n")[-1] == how      # the command on a line of its own, there too

    await loop.run_in_executor(None, remove)
    await app.wait_until(lambda: view.model.rowCount() == 0, message="the destination never went")
    await app.wait_until(lambda: not view.caption.isVisible())
    assert says_empty(view.table)


def test_relay_without_destinations_says_what_it_is_for(qapp, data_dir, gui_settings):  # noqa: F811
    words = {"none": "No relay destination yet.", "one url": "one push URL per school",
             "add": "Add one with: {}"}
    run_gui(qapp, data_dir, lambda app: relay_scenario(app, data_dir, words))


def test_relay_without_destinations_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    words = {"none": "还没有转发目标。", "one url": "每所学校只能设置一个推送地址",
             "add": "添加方法：{}"}
    run_gui(chinese, data_dir, lambda app: relay_scenario(app, data_dir, words))


def test_chat_robots_table_says_what_it_is_for_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("settings")
        view.tabs.setCurrentWidget(view.channels_panel)
        table = view.channels_panel.table
        assert table.rowCount() == 0 and table.empty_text.startswith("还没有聊天机器人")
        assert "企业微信" in table.empty_text and says_empty(table)
    run_gui(chinese, data_dir, scenario)
