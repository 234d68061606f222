"""The school's own messages get a home (issue 16 item 3): homework, tests and
answer sheets per course and student, file conversions, accounts closed,
sub-accounts, phone replacements, device checks outside class, and unknown
Cmds counted by name — from a real SQLite file, as a report, xlsx and csv,
and through `export --school`."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from lessons.school_report import SECTIONS, school_report
from reports.school_export import render_school
from storage.db import open_database
from storage.paths import DB_NAME
from storage.school import school_report_between

from ..helpers import SID, fixture, run_cli, store_directly

NAMES = ["HomeworkSubmit.json", "HomeworkScore.json", "ExamScore.json", "AnswerSheetScore.json", "FileCov.json",
         "AccountCancellation.json", "setSubAccount.json", "ReplacePhoneNumber.json", "UserCheck.json"]
START, END = 1746000000, 1748000000          # May 2025, around every fixture


def pushes() -> list[tuple[float, dict]]:
    bodies = [fixture(name) for name in NAMES]
    future = {"SID": SID, "Cmd": "SomethingNew", "ActionTime": 1747300000, "_id": "6823a000aaaabbbbccccdd01"}
    bodies += [future, {**future, "_id": "6823a000aaaabbbbccccdd02"}]
    regrade = fixture("ExamScore.json")     # a re-grade replaces the earlier score
    regrade["_id"], regrade["ActionTime"] = "6823a000aaaabbbbccccdd03", regrade["ActionTime"] + 60
    regrade["Data"]["StudentScoringRate"] = 1.0
    bodies.append(regrade)
    return [(float(b["ActionTime"]) + 1, b) for b in bodies]


def test_every_section_gets_its_rows_and_unknown_cmds_are_counted():
    counts = {"SomethingNew": 2, "67371107": 5, "ExamScore": 2}
    report = school_report(pushes(), counts, START, END)
    assert all(report[s.key] for s in SECTIONS), {k: len(v) for k, v in report.items()}
    assert report["unknown_cmds"] == [{"cmd": "SomethingNew", "count": 2}]
    exams = [r for r in report["exam_scores"] if r["kind"] == "test"]
    assert len(exams) == 1 and exams[0]["rate"] == 1.0 and exams[0]["class_id"] == 508113967
    assert {r["kind"] for r in report["exam_scores"]} == {"test", "answer sheet"}
    assert report["account_cancellations"][0]["uid"] == 41207790
    assert school_report(pushes(), {}, END, END + 1)["homework_scores"] == []     # outside the range


def test_from_a_database_file_to_xlsx_and_csv(tmp_path):
    db = tmp_path / DB_NAME
    store_directly(db, pushes())
    open_database(db)
    report = school_report_between(SID, START, END)
    assert report["unknown_cmds"] == [{"cmd": "SomethingNew", "count": 2}]
    book = load_workbook(io.BytesIO(render_school(report, "xlsx", "Asia/Shanghai")))
    assert len(book.sheetnames) == len(SECTIONS)
    assert book["Homework scores"]["A1"].value == "Time"
    rows = list(csv.DictReader(io.StringIO(render_school(report, "csv", "Asia/Shanghai").decode("utf-8-sig"))))
    assert {r["section"] for r in rows} == {s.key for s in SECTIONS}


@pytest.mark.slow
def test_export_school_cli(tmp_path):
    store_directly(tmp_path / DB_NAME, pushes())
    out = tmp_path / "school.xlsx"
    result = run_cli("export", "--school", str(SID), "--from", "2025-05-01", "--to", "2025-05-31",
                     "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load_workbook(out)["Unknown messages"]["A2"].value == "SomethingNew"
    csv_out = tmp_path / "school.csv"
    result = run_cli("export", "--school", str(SID), "--from", "2025-05-01", "--to", "2025-05-31",
                     "--format", "csv", "--out", str(csv_out), data_dir=tmp_path)
    assert result.returncode == 0 and csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    bad = run_cli("export", "--school", str(SID), "--from", "2025-05-01", "--out", str(tmp_path / "x.pdf"),
                  data_dir=tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
