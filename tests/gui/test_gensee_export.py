"""The Gensee view shows roll-call answers and exports the selected room's
attendance, Q&A and roll calls (issue 16 item 4), fed over real HTTP."""
from __future__ import annotations

import re

from openpyxl import load_workbook

from ..gensee_support import CONF, gensee_fixture, sequence
from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from .test_empty_states import says_empty
from .test_gensee import gensee


def test_roll_calls_are_listed_and_a_room_exports_to_xlsx(qapp, data_dir, gui_settings, tmp_path):  # noqa: F811
    out = tmp_path / "room.xlsx"

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("gensee")
        for query in sequence("event_sequence_webcast.txt"):
            await gensee(app, "GET", "event", query)
        await app.wait_until(lambda: view.selected == CONF, timeout=10)
        view.sections.setCurrentIndex(2)
        assert view.rollcall_model.rowCount() == 0 and says_empty(view.rollcall_table)   # a room with no call yet
        await gensee(app, "GET", "rollcall", gensee_fixture("rollcall_query.txt"))
        await gensee(app, "POST", "qa", data=gensee_fixture("qa_client_answer_inferred.txt").encode(),
                     headers={"Content-Type": "text/xml"})
        await app.wait_until(lambda: view.rollcall_model.rowCount() == 1 and view.selected == CONF, timeout=10)
        assert "(1)" in view.sections.tabText(2) and not says_empty(view.rollcall_table)
        columns = view.rollcall_model.COLUMNS
        assert view.rollcall_model.index(0, columns.index("userid")).data() == "2718210337"
        # Today's call: its time as the Q&A gives it (no date, the zone in the header), and all of
        # it in sight, not cut to "2026-12-06 …" by a default-width column.
        shown = view.rollcall_model.index(0, columns.index("time")).data()
        assert re.fullmatch(r"\d\d:\d\d:\d\d", shown), shown
        view.sections.setCurrentIndex(2)
        table = view.rollcall_table
        await app.wait_until(lambda: table.isVisible())
        assert table.columnWidth(columns.index("time")) >= table.fontMetrics().horizontalAdvance(shown) + 8

        export = view.room_export
        export.format.setCurrentIndex(export.format.findData("xlsx"))
        export.export()
        export.dialog.fileSelected.emit(str(out))
        export.dialog.close()
        await app.wait_until(lambda: out.exists() and "Exported" in export.feedback.text(), timeout=15)
        book = load_workbook(out)
        assert book.sheetnames == ["Attendance", "Q&A", "Roll calls"]
        assert book["Attendance"].max_row >= 2 and book["Roll calls"]["B2"].value == "2718210337"
        assert book["Q&A"].max_row == 3          # the question and its answer
    run_gui(qapp, data_dir, scenario)
