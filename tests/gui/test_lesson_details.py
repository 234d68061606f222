"""The lesson panel shows what End and the after-class messages say (issue 16
item 2): speaking and mic/camera columns once End came, and an "After class"
tab with ratings and comments, selector/responder results, EduDt answers,
replay coverage and a clickable chat archive link."""
from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from gui.models.roster_model import RosterModel
from gui.views.lesson_panel import LessonPanel
from lessons.state import replay

from ..helpers import fixture, fixture_names

CLASS_ID = 508113967
NOW = 1747300000


def lesson(names):
    return replay((NOW, fixture(name)) for name in names).lessons[CLASS_ID]


def test_end_columns_appear_with_end_and_the_after_class_tab_shows_its_sections(qtbot):
    panel = LessonPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    realtime = [n for n in fixture_names() if n.startswith("inclass_")]
    panel.show_lesson(lesson(realtime), "Asia/Shanghai", now=NOW)
    speak = RosterModel.COLUMNS.index("speak_seconds")
    assert panel.roster_view.isColumnHidden(speak)           # no End yet: no empty End columns

    panel.show_lesson(lesson(fixture_names()), "Asia/Shanghai", now=NOW)
    assert not panel.roster_view.isColumnHidden(speak)
    texts = {panel.roster.index(r, speak).data() for r in range(panel.roster.rowCount())}
    assert texts - {"—"}, "End's muteEnd times are shown"

    panel.side.setCurrentWidget(panel.details)
    details: QTextBrowser = panel.details
    text = details.toPlainText()
    assert "Great predictions in the shadow experiment." in text          # a rating comment
    assert "Tomás Reyes" in text and "B,D" in text                        # EduDt answers
    html = details.toHtml()
    assert "https://chat-archive.example.net/classchat/" in html and details.openExternalLinks()


def test_the_details_of_a_lesson_without_after_class_data_say_so(qtbot):
    panel = LessonPanel()
    qtbot.addWidget(panel)
    # No lesson chosen yet: the tab says what it will show (Qt paints the placeholder of an empty document).
    assert panel.details.toPlainText() == "" and "ratings" in panel.details.placeholderText()
    panel.show_lesson(lesson(["inclass_enter.json"]), None, now=NOW)
    panel.side.setCurrentWidget(panel.details)
    assert "yet" in panel.details.toPlainText()
