"""PDF export: CJK text renders and is extractable, long rosters spill onto
pages with the table header repeated, and a missing font is reported clearly."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reports import FontNotFoundError, pdf_fonts, render_report, write_report
from reports.pdf_fonts import ENV_VAR, find_cjk_font

from ..reports_samples import lesson


@pytest.fixture
def fresh_font_search():
    """find_cjk_font caches its answer; tests that change the world clear it."""
    pdf_fonts._find.cache_clear()
    yield
    pdf_fonts._find.cache_clear()


@pytest.fixture
def cjk_font(fresh_font_search, monkeypatch) -> pdf_fonts.FontFile:
    monkeypatch.delenv(ENV_VAR, raising=False)
    try:
        return find_cjk_font()
    except FontNotFoundError as error:
        pytest.skip(f"no CJK font on this machine: {error}")


def _text(pdf: Path, page: int | None = None) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.slow
def test_report_renders_with_chinese_text(cjk_font, tmp_path) -> None:
    pdf = write_report(lesson(), "pdf", tmp_path / "lesson.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")],
                       check=True, capture_output=True)
        assert [p.name for p in tmp_path.glob("page*.png")] == ["page-1.png"]
    text = _text(pdf)
    for expected in ("高一数学 第3讲 Functions & Graphs", "王老师", "张三", "李小龙", "Emily Johnson",
                     "Asia/Shanghai (UTC+08:00)", "2024-05-06 19:00 – 19:45", "赵六 (4001)",
                     "Oliver Smith (4002)", "晨星在线学校", "camera not found"):
        assert expected in text, expected


@pytest.mark.slow
def test_long_roster_repeats_the_table_header(cjk_font, tmp_path) -> None:
    pdf = write_report(lesson(students=90), "pdf", tmp_path / "big.pdf")
    first, second = _text(pdf, 1), _text(pdf, 2)
    assert "Attended" in first and "Attended" in second
    assert "Student 40" in _text(pdf)


@pytest.mark.slow
def test_several_lessons_each_start_a_page(cjk_font, tmp_path) -> None:
    pdf = write_report([lesson(111), lesson(222, timezone="Europe/London")], "pdf", tmp_path / "day.pdf")
    assert "111" in _text(pdf, 1)
    second = _text(pdf, 2)
    assert "222" in second and "Europe/London (UTC+01:00)" in second


@pytest.mark.slow
def test_chinese_labels(cjk_font, tmp_path) -> None:
    text = _text(write_report(lesson(), "pdf", tmp_path / "zh.pdf", lang="zh"))
    assert "出勤" in text and "缺席" in text and "老师" in text


def test_collections_pick_a_simplified_chinese_face(cjk_font) -> None:
    from fontTools.ttLib import TTCollection
    if cjk_font.path.suffix.lower() not in (".ttc", ".otc"):
        pytest.skip(f"{cjk_font.path.name} is not a collection")
    face = TTCollection(str(cjk_font.path), lazy=True).fonts[cjk_font.index]
    assert ord("张") in face.getBestCmap()
    if "Noto" in cjk_font.path.name:
        assert face["name"].getDebugName(1).endswith(" SC")


def test_env_override_is_used(cjk_font, monkeypatch, tmp_path) -> None:
    copy = tmp_path / f"custom{cjk_font.path.suffix}"
    shutil.copyfile(cjk_font.path, copy)
    monkeypatch.setenv(ENV_VAR, str(copy))
    assert find_cjk_font().path == copy


def test_missing_override_is_reported_clearly(fresh_font_search, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nope.ttf"))
    with pytest.raises(FontNotFoundError, match=f"{ENV_VAR}=.*nope.ttf: no such font file"):
        render_report(lesson(), "pdf")
    not_a_font = tmp_path / "fake.ttf"
    not_a_font.write_bytes(b"not a font")
    monkeypatch.setenv(ENV_VAR, str(not_a_font))
    with pytest.raises(FontNotFoundError, match="not a readable font with Chinese characters"):
        find_cjk_font()


def test_no_cjk_font_at_all_is_reported_clearly(fresh_font_search, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(pdf_fonts, "_font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(pdf_fonts, "_fontconfig_fonts", lambda: [])
    with pytest.raises(FontNotFoundError) as caught:
        render_report(lesson(), "pdf")
    message = str(caught.value)
    assert "Chinese" in message and "fonts-noto-cjk" in message and ENV_VAR in message
