"""`export` of one lesson as a user runs it: the xlsx timeline in the language
--lang asks for, with the window's words; the machine formats stay English."""
from __future__ import annotations

import json
import time

import openpyxl
import pytest

from ..helpers import SECRET, SID, new_push, run_cli, store_directly

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


@pytest.mark.slow
def test_what_export_says_is_in_the_desks_language(lesson, tmp_path):
    """Its complaints, the files it wrote and an empty range, in Chinese with
    --lang zh; in English as they always were."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    def zh(*args: str) -> tuple[int, str, str]:
        out = run_cli("export", *args, "--lang", "zh", data_dir=lesson)
        return out.returncode, out.stdout, out.stderr

    lesson_id = ("--class-id", str(CLASS_ID))
    assert zh(*lesson_id, "--to", "2025-01-02") == (
        2, "", "error: --to 用于批量导出（--from），不能与 --class-id 同时使用\n")
    assert zh(*lesson_id, "--sid", "5", "--school", "5") == (
        2, "", "error: --sid 和 --school 用于批量导出（--from），不能与 --class-id 同时使用\n")
    assert zh(*lesson_id, "--format", "pdf") == (2, "", "error: --format pdf 需要 --out FILE\n")
    assert zh(*lesson_id, "--out", "r.txt") == (
        2, "", "error: 无法从 --out r.txt 判断格式：请指定 --format（json|csv|people-csv|xlsx|pdf）\n")
    assert zh("--from", "2025-01-05", "--to", "2025-01-01") == (2, "", "error: --to 早于 --from\n")
    assert zh(*lesson_id, "--out", str(tmp_path), "--format", "csv") == (
        1, "", f"error: --out {tmp_path} 是文件夹：请给出文件名，例如 {tmp_path / f'lesson-{CLASS_ID}.csv'}\n")
    assert zh("--class-id", "1") == (1, "", f"error: 没有 ClassID 为 1 的课节（数据目录：{lesson}）\n")
    assert zh("--gensee-room", "r1") == (1, "", "error: Gensee 房间 'r1' 从未回调过本接收端\n")

    assert zh(*lesson_id, "--out", str(tmp_path / "课.xlsx")) == (0, f"已写入 {tmp_path / '课.xlsx'}\n", "")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()     # the Fixture School's
    days = ("--from", str(today - timedelta(days=1)), "--to", str(today))      # the lesson, at any hour
    assert zh(*days, "--out", str(tmp_path / "batch"), "--format", "csv") == (
        0, f"已将 1 节课写入 {tmp_path / 'batch'}\n", "")
    assert zh("--from", "2020-01-01", "--to", "2020-01-02") == (0, "", "2020-01-01 至 2020-01-02 之间没有课节\n")
    assert zh("--school", str(SID), *days, "--out", str(tmp_path / "school.xlsx")) == (
        0, f"已写入 {tmp_path / 'school.xlsx'}（无内容）\n", "")

    english = run_cli("export", *lesson_id, "--out", str(tmp_path / "en.csv"), "--lang", "en", data_dir=lesson)
    assert (english.stdout, english.stderr) == (f"wrote {tmp_path / 'en.csv'}\n", "")


def test_contradictory_options_are_bad_arguments_before_a_missing_data_dir(tmp_path):
    """CONTRACT: an extension that contradicts --format is exit 2, one line,
    whatever the data dir; in the language --lang names when no config can."""
    for lang, words in ((None, "is a .json file but --format is csv"), ("zh", "--format")):
        out = run_cli("export", "--class-id", "1", "--format", "csv", "--out", str(tmp_path / "x.json"),
                      *(("--lang", lang) if lang else ()), data_dir=tmp_path / "none")
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert words in out.stderr
    out = run_cli("export", "--class-id", "1", "--out", str(tmp_path / "x.json"), data_dir=tmp_path / "none")
    assert out.returncode == 1 and "no data dir" in out.stderr      # good options: the data dir's fault
