"""XLSX export: typed cells, the Timeline and Index sheets, formula injection,
and a real spreadsheet (LibreOffice) opening the file."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports import render_report, write_report

from ..reports_samples import INJECTIONS, lesson


def _book(summaries, **options):
    return load_workbook(io.BytesIO(render_report(summaries, "xlsx", **options)))


def _table(ws: Worksheet, first_header: str = "UID") -> tuple[int, dict[str, int]]:
    """(header row, header text -> column) of the table below the header block."""
    for row in ws.iter_rows():
        if row[0].value == first_header:
            return row[0].row, {cell.value: cell.column for cell in row if cell.value is not None}
    raise AssertionError(f"no table header {first_header!r}")


def _row_of(ws: Worksheet, header_row: int, uid: int) -> int:
    return next(r for r in range(header_row + 1, ws.max_row + 1) if ws.cell(r, 1).value == uid)


def test_attendance_sheet_has_the_header_block_and_typed_cells() -> None:
    wb = _book(lesson())
    assert wb.sheetnames == ["Attendance", "Timeline", "After class"]
    ws = wb["Attendance"]
    block = [[cell.value for cell in row] for row in ws.iter_rows(max_row=5)]
    flat = [value for row in block for value in row if value is not None]
    assert "晨星在线学校 Morning Star Online School" in flat and "王老师" in flat
    assert any("2024-05-06 19:00:00" in str(value) for value in flat)  # planned, in the school zone
    header_row, columns = _table(ws)
    teacher = _row_of(ws, header_row, 1001)
    first_in = ws.cell(teacher, columns["First in"])
    assert first_in.value == datetime(2024, 5, 6, 18, 55)  # naive, Asia/Shanghai wall clock
    assert first_in.is_date and first_in.number_format == "hh:mm:ss"   # the lesson's day is in the block above
    assert ws.cell(teacher, columns["UID"]).data_type == "n"
    assert ws.cell(teacher, columns["Entries"]).value == 1
    assert ws.cell(teacher, columns["Attended"]).value == timedelta(seconds=3180)
    assert ws.cell(teacher, columns["Present"]).value is True
    assert ws.cell(teacher, columns["Network quality"]).number_format == "0%"
    assert ws.cell(teacher, columns["Last out"]).value is None
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")


def test_a_time_past_the_lesson_day_shows_its_date_and_finer_columns_fold_away() -> None:
    summary = lesson()
    summary["participants"][0]["last_out"] = summary["start_time"] + 6 * 3600     # past midnight
    ws = _book(summary)["Attendance"]
    header_row, columns = _table(ws)
    assert "yyyy" in ws.cell(_row_of(ws, header_row, 1001), columns["Last out"]).number_format
    folded = {key for key, dim in ws.column_dimensions.items() if dim.hidden and dim.outlineLevel == 1}
    assert {get_column_letter(columns[name]) for name in ("Identity code", "Device code", "Mic on (all)")} <= folded
    shown = {get_column_letter(columns[name]) for name in ("Name", "Attended", "Device problems", "Notes")}
    assert not shown & folded


def test_long_texts_wrap_and_headings_wrap_rather_than_widen() -> None:
    summary = lesson()
    summary["participants"][3]["device_problems"] = ["camera: disabled or absent", "no camera found",
                                                     "delay 546 ms", "packet loss 18%"]
    ws = _book(summary)["Attendance"]
    header_row, columns = _table(ws)
    problems = ws.cell(_row_of(ws, header_row, 1004), columns["Device problems"])
    assert problems.alignment.wrap_text and ws.row_dimensions[problems.row].height >= 30   # printed whole
    assert ws.column_dimensions[problems.column_letter].width <= 30
    assert ws.column_dimensions[get_column_letter(columns["Mic on (on stage)"])].width < len("Mic on (on stage)")


def test_columns_are_wide_enough_for_chinese_names() -> None:
    summary = lesson()
    summary["participants"][1]["name"] = "欧阳娜娜娜娜娜娜娜娜"  # 10 CJK characters = 20 columns
    ws = _book(summary)["Attendance"]
    assert ws.column_dimensions["B"].width >= 20


def test_timeline_sheet() -> None:
    ws = _book(lesson())["Timeline"]
    assert [cell.value for cell in ws[1]] == ["Time", "UID", "User", "Event", "Detail"]
    assert ws["A2"].value == datetime(2024, 5, 6, 18, 55)
    assert (ws["B2"].value, ws["C2"].value, ws["D2"].value) == (1001, "王老师", "entered")
    assert ws.max_row == 1 + len(lesson()["timeline"])
    assert _book(lesson(), lang="zh")["时间线"]["D2"].value == "进入教室"


def test_formula_injection_cells_stay_strings() -> None:
    data = render_report(lesson(), "xlsx")
    ws = load_workbook(io.BytesIO(data))["Attendance"]
    header_row, _ = _table(ws)
    for offset, text in enumerate(INJECTIONS):
        cell = ws.cell(_row_of(ws, header_row, 2000 + offset), 2)
        assert cell.value == text.replace("\r", "\n")  # XML itself turns CR into LF
        assert cell.data_type == "s"
    dangerous = ws.cell(_row_of(ws, header_row, 2000), 2)
    assert dangerous.quotePrefix  # Excel keeps it text even when the cell is edited
    timeline = load_workbook(io.BytesIO(data))["Timeline"]
    assert [c.data_type for c in timeline["E"] if c.value == '=HYPERLINK("x")'] == ["s"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert all(b"<f>" not in archive.read(name) for name in sheets)


def test_batch_workbook_has_an_index_linking_each_lesson() -> None:
    wb = _book([lesson(111), lesson(222, timezone="Europe/London")])
    assert wb.sheetnames == ["Index", "111 Attendance", "111 Timeline", "111 After class",
                             "222 Attendance", "222 Timeline", "222 After class"]
    index = wb["Index"]
    assert [index["A2"].value, index["A3"].value] == [111, 222]
    assert index["A3"].hyperlink.location == "'222 Attendance'!A1"
    london = wb["222 Attendance"]
    header_row, columns = _table(london)
    assert london.cell(_row_of(london, header_row, 1001), columns["First in"]).value == \
        datetime(2024, 5, 6, 11, 55)


def _soffice() -> str:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found is None:
        pytest.skip("LibreOffice is not installed")
    return found


@pytest.mark.slow
def test_libreoffice_opens_and_prints_the_workbook(tmp_path) -> None:
    source = write_report(lesson(), "xlsx", tmp_path / "lesson.xlsx")
    # A private profile: a LibreOffice already running (or a parallel test)
    # would otherwise swallow the conversion request.
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([_soffice(), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "lesson.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "张三" in text and "Emily Johnson" in text
        assert "=cmd|' /C calc'!A0" in text  # shown as text, not evaluated


def test_every_sheet_prints_landscape_on_the_page_width_with_its_header_row() -> None:
    wb = _book([lesson(111), lesson(222)])
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title
    attendance = wb["111 Attendance"]
    header_row, _ = _table(attendance)
    assert attendance.print_title_rows == f"${header_row}:${header_row}"
    assert attendance.freeze_panes == f"A{header_row + 1}"


def test_absent_students_are_listed_and_a_totals_row_closes_the_table() -> None:
    summary = lesson()
    ws = _book(summary)["Attendance"]
    header_row, columns = _table(ws)
    zhao = _row_of(ws, header_row, 4001)
    assert ws.cell(zhao, columns["Name"]).value == "赵六"
    assert ws.cell(zhao, columns["Present"]).value is False
    assert "absent" in ws.cell(zhao, columns["Notes"]).value
    assert ws.cell(_row_of(ws, header_row, 1004), columns["Notes"]).value.startswith("left early")
    total = _row_of(ws, header_row, "Total")
    assert total == header_row + len(summary["participants"]) + len(summary["absent"]) + 1
    people = summary["participants"]
    assert ws.cell(total, columns["Hands up"]).value == sum(p["hands_up"] for p in people)
    assert ws.cell(total, columns["Attended"]).value == timedelta(seconds=sum(p["attended_seconds"] for p in people))
    assert ws.cell(total, columns["Present"]).value == sum(p["present"] for p in people)
    assert ws.cell(total, columns["Notes"]).value == "Absent: 2"
    assert ws.auto_filter.ref.endswith(str(total - 1))      # sorting leaves the totals last


def test_a_lesson_without_a_roster_says_why_nobody_is_absent() -> None:
    summary = lesson()
    summary.update(absent=[], roster_known=False)
    ws = _book(summary, lang="zh")["出勤"]
    assert any("学生名单" in str(cell.value) for row in ws.iter_rows() for cell in row)


def test_chinese_workbook_says_yes_and_no_in_chinese_and_translates_problems() -> None:
    summary = lesson()
    summary["participants"][3]["device_problems"] = ["camera: no picture", "delay 420 ms"]
    wb = _book(summary, lang="zh")
    assert wb.sheetnames == ["出勤", "时间线", "课后"]
    ws = wb["出勤"]
    header_row, columns = _table(ws, "用户ID")
    li = _row_of(ws, header_row, 1004)
    assert ws.cell(li, columns["在教室"]).number_format == '"是";"是";"否"'
    assert ws.cell(li, columns["设备问题"]).value == "摄像头：无画面；延迟 420 毫秒"
    assert ws.cell(li, columns["备注"]).value == "早退、异常退出 ×2、设备问题"
    assert ws.cell(_row_of(ws, header_row, 1003), columns["设备"]).value == "安卓手机"
    assert ws.cell(_row_of(ws, header_row, "合计"), columns["姓名"]).value == "{} 人".format(len(summary["participants"]))


def test_the_lesson_line_names_the_lesson_in_the_languages_brackets_and_an_unnamed_one_by_its_id() -> None:
    def lesson_cell(summary, lang):
        ws = _book(summary, lang=lang).worksheets[0]
        return next(row[1].value for row in ws.iter_rows(max_row=6) if row[0].value in ("Lesson", "课节"))

    named, unnamed = lesson(111), lesson(111)
    unnamed["class_name"] = None
    assert lesson_cell(named, "zh") == "高一数学 第3讲 Functions & Graphs（课节ID 111）"
    assert lesson_cell(unnamed, "zh") == "课节ID 111"
    assert lesson_cell(unnamed, "en") == "ClassID 111"
