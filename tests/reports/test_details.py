"""The after-class keys reach the exports (issue 16 item 2): the fixture lesson's
ratings, EduDt answers, replay coverage and the chat archive link in xlsx and pdf,
and End's speaking and mic/camera times as participant columns."""
from __future__ import annotations

import io
import json

from openpyxl import load_workbook

from lessons.state import replay
from lessons.summary import summary
from reports import render_report

from ..helpers import fixture, fixture_names

CLASS_ID = 508113967


def fixture_lesson() -> dict:
    s = summary(replay((1747300000, fixture(n)) for n in fixture_names()).lessons[CLASS_ID], now=1747300000)
    s["timezone"] = "Asia/Shanghai"
    return s


def test_json_carries_the_after_class_keys():
    s = json.loads(render_report(fixture_lesson(), "json"))
    assert s["chat_archive_url"].startswith("https://chat-archive.example.net/")
    assert any(r["comment"] == "Great predictions in the shadow experiment." for r in s["ratings"])
    assert s["edu_answers"][0]["questions"][1]["right_answer"] == "B,D"
    assert s["client_replays"] and s["client_replays"][0]["covered_seconds"] == 2790
    assert any(p["speak_seconds"] is not None for p in s["participants"])
    assert {"live", "replay"} <= set(s["web_audience"])


def test_xlsx_has_an_after_class_sheet_with_a_real_link():
    book = load_workbook(io.BytesIO(render_report(fixture_lesson(), "xlsx", lang="zh")))
    sheet = book["课后"]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "聊天记录" in values and "评价" in values
    assert "Great predictions in the shadow experiment." in values
    link = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("https"))
    assert link.hyperlink is not None and link.hyperlink.target == link.value
    headers = [c.value for c in book["出勤"][next(r for r in range(1, 20)
                                                       if book["出勤"].cell(r, 1).value == "用户ID")]]
    assert "可发言时长" in headers and "上台开麦时长" in headers


def test_pdf_prints_the_after_class_sections():
    data = render_report(fixture_lesson(), "pdf")
    assert data.startswith(b"%PDF") and len(data) > 5000
