"""Exports from the window (gui/export_job.py): file names that carry the
lesson's day and name and suit Windows; xlsx and pdf that open in their
programs with the progress counted in lessons; a Cancel while the file is
rendered leaves no file at all."""
from __future__ import annotations

from datetime import date

from gui.export_job import file_stem

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import new_push
from .test_i18n import chinese  # noqa: F401

CLASS_ID = 913380001


def test_export_file_names_carry_day_and_lesson_and_suit_windows() -> None:
    day = date(2026, 12, 6)
    assert file_stem("第3讲 函数的单调性", [528821257], day, day) == "2026-12-06_第3讲-函数的单调性_528821257"
    stem = file_stem('a<b>c:d"e/f\\g|h?i*j\tk.. ', [7], day)
    assert stem == "2026-12-06_a-b-c-d-e-f-g-h-i-j-k_7"
    assert not set('<>:"/\\|?*') & set(stem)
    assert file_stem(None, [1, 2, 3], date(2026, 12, 1), day) == "2026-12-01_2026-12-06_3-lessons"
    assert file_stem("x" * 200, [9], day).startswith("2026-12-06_" + "x" * 60 + "_9")


def test_exports_open_in_their_programs_and_a_late_cancel_leaves_no_file(qapp, data_dir, gui_settings,
                                                                         tmp_path):  # noqa: F811
    """xlsx and pdf of two lessons: the bar counts lessons up to N, openpyxl and
    pypdf read the files; Cancel after the last lesson was read (while the
    file is rendered) still leaves nothing, not even a temporary file."""
    from openpyxl import load_workbook
    from pypdf import PdfReader
    folder = tmp_path / "exports"

    async def scenario(app: GuiApp):
        view = app.window.show_view("history")
        for class_id, uid, name in ((CLASS_ID, 501, "张三"), (CLASS_ID + 1, 502, "李小龙")):
            await app.post(new_push(67371107, class_id=class_id, UID=uid, Identity=1, ClientID=0, Device=0,
                                    NickName=name))
        exporter = view.exporter
        seen: list[int] = []
        exporter.progress.valueChanged.connect(lambda value: seen.append(value) if value else None)
        for fmt in ("xlsx", "pdf"):
            seen.clear()
            out = folder / "two.{}".format(fmt)
            exporter.export_to(str(out), [CLASS_ID, CLASS_ID + 1], fmt)
            await app.wait_until(lambda: not exporter.running and out.exists(), timeout=30)
            assert seen == [1, 2] and exporter.progress.maximum() == 2, seen
            assert exporter.progress.text() == "2 of 2 lessons"
            assert exporter.path == str(out) and exporter.open_file.isVisible()
        book = load_workbook(folder / "two.xlsx")
        assert book.sheetnames[0] == "Index" and len(book.sheetnames) == 7
        names = {cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row}
        assert {"张三", "李小龙"} <= names
        text = "".join(page.extract_text() for page in PdfReader(folder / "two.pdf").pages)
        assert "张三" in text and "李小龙" in text and str(CLASS_ID + 1) in text

        late = folder / "late.pdf"
        outcomes: list[str] = []
        exporter.finished.connect(outcomes.append)
        exporter.progress.valueChanged.connect(lambda value: exporter.stop() if value == 2 else None)
        exporter.export_to(str(late), [CLASS_ID, CLASS_ID + 1], "pdf")
        await app.wait_until(lambda: outcomes, timeout=30)
        assert outcomes == [""]
        assert "cancelled" in exporter.feedback.text()
        assert sorted(p.name for p in folder.iterdir()) == ["two.pdf", "two.xlsx"]
    run_gui(qapp, data_dir, scenario)


def test_a_chinese_desk_exports_chinese_reports(chinese, data_dir, gui_settings, tmp_path):  # noqa: F811
    """The language the window speaks (CLASSWATCH_LANG included), not QLocale()'s."""
    from pypdf import PdfReader

    async def scenario(app: GuiApp):
        view = app.window.show_view("history")
        await app.post(new_push(67371107, class_id=CLASS_ID, UID=501, Identity=1, ClientID=0, Device=0,
                                NickName="张三"))
        await app.post(new_push(67371107, class_id=CLASS_ID, UID=502, Identity=1, ClientID=0, Device=4,
                                NickName="李四"))
        outcomes: list[str] = []
        view.exporter.finished.connect(outcomes.append)
        for fmt, name in (("pdf", "zh.pdf"), ("people-csv", "zh.csv"), ("xlsx", "zh.xlsx"), ("json", "zh.json")):
            view.exporter.export_to(str(tmp_path / name), [CLASS_ID], fmt)
            count = len(outcomes) + 1
            await app.wait_until(lambda: len(outcomes) == count, timeout=30)
        text = "".join(page.extract_text() for page in PdfReader(tmp_path / "zh.pdf").pages)
        assert "出勤" in text and "Attendance" not in text
        assert (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").startswith("用户ID,姓名,")
        assert view.exporter.progress.format() == "%v / %m 节课"
        from openpyxl import load_workbook
        details = [row[4].value for row in load_workbook(tmp_path / "zh.xlsx")["时间线"].iter_rows(min_row=2)]
        assert "安卓手机" in details and "Android phone" not in details        # the timeline in the desk's words
        assert "Android phone" in (tmp_path / "zh.json").read_text(encoding="utf-8")   # the machine's stay English
    run_gui(chinese, data_dir, scenario)
