"""`export` of one lesson as a user runs it: the xlsx timeline in the language
--lang asks for, with the window's words; the machine formats stay English."""
from __future__ import annotations

import json
import time

import openpyxl
import pytest

from ..helpers import SECRET, new_push, run_cli, store_directly

CLASS_ID = 508113967
STUDENT = 41200902


@pytest.fixture
def lesson(data_dir):
    now = int(time.time())
    store_directly(data_dir / "classwatch.db", [
        (now - 100, new_push(67371107, class_id=CLASS_ID, action_time=now - 100, UID=STUDENT, NickName="王小明",
                             ClientID=1, Identity=1, Device=4)),
        (now - 60, new_push(67371111, class_id=CLASS_ID, action_time=now - 60, UID=STUDENT, ClientID=1,
                            Reason=56))])
    return data_dir


def timeline(path) -> list[tuple]:
    """(kind, detail) of each row of the workbook's timeline sheet, below its headers."""
    workbook = openpyxl.load_workbook(path)
    [sheet] = [ws for ws in workbook.worksheets if ws.title in ("Timeline", "时间线")]
    return [(row[3], row[4]) for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.mark.slow
def test_the_xlsx_timeline_speaks_chinese_as_the_windows_export_does(lesson, tmp_path):
    out = run_cli("export", "--class-id", str(CLASS_ID), "--lang", "zh", "--out", str(tmp_path / "zh.xlsx"),
                  data_dir=lesson)
    assert out.returncode == 0, out.stderr
    # the words tests/gui/test_i18n.py reads in the window's timeline
    assert timeline(tmp_path / "zh.xlsx") == [("进入教室", "安卓手机，第 2 台设备"),
                                              ("离开教室", "网络连接中断，第 2 台设备")]

    out = run_cli("export", "--class-id", str(CLASS_ID), "--out", str(tmp_path / "en.xlsx"), data_dir=lesson)
    assert out.returncode == 0, out.stderr
    assert [detail for _, detail in timeline(tmp_path / "en.xlsx")] == [
        "Android phone, device #2", "network connection broken, device #2"]

    machine = json.loads(run_cli("export", "--class-id", str(CLASS_ID), "--lang", "zh", data_dir=lesson).stdout)
    assert [item["detail"] for item in machine["timeline"]] == [
        "Android phone, device #2", "network connection broken (56), device #2"]    # ClassIn's code kept


@pytest.mark.slow
def test_a_batch_of_every_school_takes_each_schools_own_days(data_dir, tmp_path):
    """Shanghai's 09:00 on 2 March and New York's 22:00 on 2 March (Shanghai's
    11:00 on the 3rd) are both lessons of 2 March, each on its school's calendar."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from storage.config import ConfigStore

    from ..helpers import SID

    new_york = 3300001
    ConfigStore(data_dir).add_school(new_york, "new-york-secret", "NY School", "America/New_York")
    lessons = {CLASS_ID: (SID, datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))),
               CLASS_ID + 1: (new_york, datetime(2026, 3, 2, 22, 0, tzinfo=ZoneInfo("America/New_York")))}
    store_directly(data_dir / "classwatch.db", [
        (start.timestamp(), new_push(67371107, sid=sid, secret="new-york-secret" if sid == new_york else SECRET,
                                     class_id=class_id, action_time=int(start.timestamp()), UID=STUDENT,
                                     NickName="王小明", ClientID=1, Identity=1, Device=4))
        for class_id, (sid, start) in lessons.items()])

    def batch(day: str, *sid: str) -> list[str]:
        out_dir = tmp_path / f"{day}{''.join(sid)}"
        extra = ("--sid", *sid) if sid else ()
        out = run_cli("export", "--from", day, "--to", day, *extra, "--format", "json", "--out", str(out_dir),
                      data_dir=data_dir)
        assert out.returncode == 0, out.stderr
        return sorted(p.name for p in out_dir.iterdir()) if out_dir.exists() else []

    assert batch("2026-03-02") == [f"lesson-{CLASS_ID}.json", f"lesson-{CLASS_ID + 1}.json"]
    assert batch("2026-03-03") == []
    assert batch("2026-03-02", str(new_york)) == [f"lesson-{CLASS_ID + 1}.json"]
    summary = json.loads((tmp_path / "2026-03-02" / f"lesson-{CLASS_ID + 1}.json").read_text(encoding="utf-8"))
    assert summary["timezone"] == "America/New_York"
