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
