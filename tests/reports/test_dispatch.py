"""write_report / render_report, the JSON format, the column and label tables."""
from __future__ import annotations

import json

import pytest

from reports import FORMATS, render_report, write_report
from lessons.participant_row import COLUMNS as PARTICIPANT_COLUMNS, Kind
from reports.labels import ZH, Labels

from ..reports_samples import lesson


def test_formats() -> None:
    assert FORMATS == ("json", "csv", "people-csv", "xlsx", "pdf")


def test_json_is_utf8_one_object_or_a_list() -> None:
    one = render_report(lesson(), "json")
    assert "王老师".encode() in one  # ensure_ascii=False
    assert json.loads(one)["class_id"] == 98765432
    many = json.loads(render_report([lesson(1), lesson(2)], "json"))
    assert [item["class_id"] for item in many] == [1, 2]


def test_write_report_writes_the_file_and_leaves_no_temp_file(tmp_path) -> None:
    path = write_report([lesson(1), lesson(2)], "csv", tmp_path / "out" / "day.csv")
    assert path.read_bytes() == render_report([lesson(1), lesson(2)], "csv")
    assert [p.name for p in path.parent.iterdir()] == ["day.csv"]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(lesson(), "docx")
    with pytest.raises(ValueError, match="no lesson"):
        render_report([], "csv")
    with pytest.raises(ValueError, match="language"):
        render_report(lesson(), "csv", lang="fr")


def test_columns_cover_every_participant_key_once() -> None:
    keys = [column.key for column in PARTICIPANT_COLUMNS]
    assert len(keys) == len(set(keys))
    sample_keys = set(lesson()["participants"][0])
    assert sample_keys <= set(keys)
    assert all(isinstance(column.kind, Kind) for column in PARTICIPANT_COLUMNS)


def test_every_column_has_a_chinese_header_and_overrides_win() -> None:
    assert all(column.key in ZH for column in PARTICIPANT_COLUMNS)
    name = next(column for column in PARTICIPANT_COLUMNS if column.key == "name")
    assert name.label(Labels()) == "Name"
    assert name.label(Labels("zh")) == "姓名"
    assert name.label(Labels("zh", {"name": "Nom"})) == "Nom"
    assert name.label(Labels("keys")) == "name"

