"""The alarm center of a desk: lesson and school columns, filters and groups,
the help-request queue, bulk acknowledgement with a note, and the way from an
alarm to its lesson and user."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt

from gui.models.table import ITEM_ROLE

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import new_push
from .test_triage import ANNA, BORIS, BUSY, CARL, QUIET, bad_net, two_lessons


def help_request(class_id: int, uid: int, text: str, now: int) -> dict:
    return new_push("HelpInfo", class_id=class_id, action_time=now,
                    Data={"UID": uid, "Message": text, "UserList": [uid]})


def test_filter_group_help_queue_bulk_acknowledge_and_goto(qapp, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("alarms")
        now = int(time.time())
        await two_lessons(app, now)
        await app.post(bad_net(BORIS, now - 60, BUSY))
        await app.post(bad_net(CARL, now - 50, BUSY))
        await app.post(help_request(QUIET, ANNA, "I cannot hear the teacher", now - 40))
        # Boris's and Carl's trouble is one network alarm of their lesson.
        await app.wait_until(lambda: view.model.rowCount() == 2)
        network = next(a for a in view.model.rows if a.kind == "network")
        assert set(network.params["users"]) == {str(BORIS), str(CARL)}

        lesson, school = view.model.COLUMNS.index("lesson"), view.model.COLUMNS.index("school")
        assert {view.proxy.index(r, lesson).data() for r in range(2)} == {"Busy lesson", "Quiet lesson"}
        assert view.proxy.index(0, school).data() == "Fixture School"
        assert view.proxy.index(0, school).data(Qt.ItemDataRole.ToolTipRole) == "Fixture School (2290417)"

        # Filter by lesson: the lesson list names each with its count.
        busy = view.lesson.findData(BUSY)
        assert view.lesson.itemText(busy) == "Busy lesson ({}) (1)".format(BUSY)
        view.lesson.setCurrentIndex(busy)
        view.lesson.activated.emit(busy)
        assert view.proxy.rowCount() == 1
        view.lesson.setCurrentIndex(0)
        view.lesson.activated.emit(0)
        view.kind.setCurrentIndex(view.kind.findData("help_request"))
        view.kind.activated.emit(view.kind.currentIndex())
        assert view.proxy.rowCount() == 1
        view.kind.setCurrentIndex(0)
        view.kind.activated.emit(0)

        # Group by lesson: each lesson's alarms together.
        view.group.setCurrentIndex(view.group.findData("lesson"))
        view.group.activated.emit(view.group.currentIndex())
        order = [view.proxy.index(r, 0).data(ITEM_ROLE).class_id
                 for r in range(view.proxy.rowCount())]
        assert order == sorted(order, key=str)

        # The help queue: who waits, since when, and nobody took it yet.
        assert view.tabs.tabText(1) == "Help requests (1 waiting)"
        assert view.help_model.index(0, 1).data() == "Anna Li ({})".format(ANNA)
        assert "waiting" in view.help_model.index(0, 0).data()
        assert view.help_model.index(0, 4).data() == "nobody yet"
        view.help_table.selectRow(0)
        view.help_user.click()                                 # Show user: the roster, the person selected
        live = app.window.views["live"]
        assert app.window.stack.currentWidget() is live and live.panel.class_id == QUIET
        assert live.panel.selected_uid() == ANNA
        app.window.show_view("alarms")
        view.take.click()                                      # Take it
        await app.wait_until(lambda: view.tabs.tabText(1) == "Help requests")
        assert view.help_model.index(0, 4).data() != "nobody yet"

        # Bulk: every selected open alarm (the help request is taken already), with one note.
        view.group.setCurrentIndex(0)
        view.group.activated.emit(0)
        view.tabs.setCurrentIndex(0)
        view.table.selectAll()
        assert view.bulk.text() == "Acknowledge 1 selected" and view.bulk.isEnabled()
        view.note.setText("called both, router restarted")
        view.bulk.click()
        await app.wait_until(lambda: all(a.acknowledged for a in view.model.rows))
        assert not view.bulk.isEnabled() and view.note.text() == ""

        # From an alarm to its lesson.
        assert network.ack_note == "called both, router restarted"
        view.select(network.key)
        assert view.details.open_lesson.isVisible() and view.details.show_user.isVisible()
        view.details.open_lesson.click()
        assert app.window.stack.currentWidget() is live and live.panel.class_id == BUSY
    run_gui(qapp, data_dir, scenario)
