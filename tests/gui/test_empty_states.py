"""An empty list says why it is empty, in the desk's language, instead of a blank pane."""
from __future__ import annotations

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import fixture_variant


def test_empty_lists_say_why_and_stop_once_rows_come(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        alarms = app.window.show_view("alarms")
        table = alarms.table
        assert table.model().rowCount() == 0 and "No alarms" in table.empty_text
        said = table.viewport().grab().toImage()
        text, table.empty_text = table.empty_text, ""
        blank = table.viewport().grab().toImage()
        assert said != blank                             # the sentence is painted where rows would be
        table.empty_text = text

        await app.post(fixture_variant("HelpInfo.json"))      # a classroom asks for help: a row comes
        await app.wait_until(lambda: table.model().rowCount() == 1)
        with_row = table.viewport().grab().toImage()
        table.empty_text = ""
        assert table.viewport().grab().toImage() == with_row   # with rows, nothing more is painted
        table.empty_text = text
    run_gui(qapp, data_dir, scenario)
