"""CSV export: BOM, round trip, typed cells, formula injection, batch modes."""
from __future__ import annotations

import csv
import io

from reports import render_report, write_per_lesson
from lessons.participant_row import COLUMNS as PARTICIPANT_COLUMNS

from ..reports_samples import INJECTIONS, lesson, participant


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_starts_with_bom_and_round_trips_chinese_names() -> None:
    data = render_report(lesson(), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _rows(data)
    names = [row["name"] for row in rows]
    assert {"王老师", "张三", "李小龙", "Emily Johnson"} <= set(names)
    assert len(rows) == len(lesson()["participants"])


def test_header_is_the_contract_columns_first_then_extras() -> None:
    header = next(csv.reader(io.StringIO(render_report(lesson(), "csv").decode("utf-8-sig"))))
    assert header[:12] == ["uid", "name", "identity", "present", "attended_seconds", "first_in",
                           "last_out", "entries", "hands_up", "awards", "stage_up_count", "stage_seconds"]
    assert header == [column.key for column in PARTICIPANT_COLUMNS]


def test_numbers_stay_numbers_and_times_are_iso_in_the_school_zone() -> None:
    rows = {row["uid"]: row for row in _rows(render_report(lesson(), "csv"))}
    teacher = rows["1001"]
    assert teacher["attended_seconds"] == "3180"
    assert teacher["first_in"] == "2024-05-06T18:55:00+08:00"
    assert teacher["last_out"] == ""
    assert teacher["present"] == "true"
    assert teacher["net_quality"] == "0.96"
    assert rows["1004"]["device_problems"] == "camera not found; microphone muted by the system"
    london = _rows(render_report(lesson(timezone="Europe/London"), "csv"))
    assert london[0]["first_in"] == "2024-05-06T11:55:00+01:00"


def test_formula_injection_is_neutralised_but_negative_numbers_are_not() -> None:
    summary = lesson()
    summary["participants"].append(participant(9999, "Minus", abnormal_exits=-3))
    rows = {row["uid"]: row for row in _rows(render_report(summary, "csv"))}
    for offset, text in enumerate(INJECTIONS):
        assert rows[str(2000 + offset)]["name"] == "'" + text
    assert rows["9999"]["abnormal_exits"] == "-3"


def test_human_headers_in_english_and_chinese() -> None:
    english = next(csv.reader(io.StringIO(render_report(lesson(), "csv", lang="en").decode("utf-8-sig"))))
    assert english[:5] == ["UID", "Name", "Identity code", "Present", "Attended (s)"]
    chinese = next(csv.reader(io.StringIO(render_report(lesson(), "csv", lang="zh").decode("utf-8-sig"))))
    assert chinese[:5] == ["用户ID", "姓名", "身份代码", "在教室", "出勤时长（秒）"]
    custom = render_report(lesson(), "csv", lang="en", labels={"name": "Nom"}).decode("utf-8-sig")
    assert custom.splitlines()[0].startswith("UID,Nom,")


def test_batch_in_one_file_puts_class_id_first() -> None:
    first, second = lesson(111), lesson(222, students=20)
    rows = list(csv.reader(io.StringIO(render_report([first, second], "csv").decode("utf-8-sig"))))
    assert rows[0][:2] == ["class_id", "uid"]
    body = rows[1:]
    assert len(body) == len(first["participants"]) + len(second["participants"])
    assert {row[0] for row in body} == {"111", "222"}


def test_batch_one_file_per_lesson(tmp_path) -> None:
    paths = write_per_lesson([lesson(111), lesson(222)], "csv", tmp_path)
    assert [path.name for path in paths] == ["lesson-111.csv", "lesson-222.csv"]
    for path in paths:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert _rows(path.read_bytes())[0]["name"] == "王老师"


def test_the_csv_for_people_reads_right_in_chinese_excel() -> None:
    summary = lesson()
    summary["participants"][3]["device_problems"] = ["camera: no picture"]
    data = render_report(summary, "people-csv", lang="zh")
    assert data.startswith(b"\xef\xbb\xbf")             # Excel on a Chinese Windows reads UTF-8 only with it
    rows = _rows(data)
    header = list(rows[0])
    assert "首次进入（Asia/Shanghai）" in header and "姓名" in header and "备注" in header
    assert "身份代码" not in header and "设备代码" not in header      # no raw codes
    by_uid = {row["用户ID"]: row for row in rows}
    teacher = by_uid["1001"]
    assert teacher["首次进入（Asia/Shanghai）"] == "2024-05-06 18:55"      # the school's wall clock
    assert teacher["出勤时长"] == "0:53" and teacher["在教室"] == "是" and teacher["身份"] == "老师"
    assert teacher["网络质量"] == "96%"
    li = by_uid["1004"]
    assert li["设备问题"] == "摄像头：无画面" and li["在教室"] == "否" and li["备注"].startswith("早退")
    assert by_uid["1003"]["设备"] == "安卓手机"
    assert by_uid["4001"]["姓名"] == "赵六" and by_uid["4001"]["备注"].startswith("缺席")
    assert by_uid["2000"]["姓名"] == "'=cmd|' /C calc'!A0"                 # still never a formula


def test_the_csv_for_people_of_several_lessons_names_each_lesson_and_zone() -> None:
    rows = _rows(render_report([lesson(111), lesson(222, timezone="Europe/London")], "people-csv"))
    assert {row["ClassID"] for row in rows} == {"111", "222"}
    assert {row["Time zone"] for row in rows} == {"Asia/Shanghai", "Europe/London"}
    london = next(row for row in rows if row["ClassID"] == "222" and row["UID"] == "1001")
    assert london["First in"] == "2024-05-06 11:55" and london["Lesson"].startswith("高一数学")


def test_the_machine_csv_is_unchanged_by_the_people_one() -> None:
    rows = _rows(render_report(lesson(), "csv"))
    assert list(rows[0]) == [column.key for column in PARTICIPANT_COLUMNS]
    assert "4001" not in {row["uid"] for row in rows}      # one row per participant (CONTRACT)
