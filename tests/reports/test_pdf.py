"""PDF export: CJK text renders and is extractable, long rosters spill onto
pages with the table header repeated, and a missing font is reported clearly."""
from __future__ import annotations

import re
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


def _chinese_only(summary: dict) -> dict:
    """The sample with its own data in Chinese, so any Latin word left in the
    PDF can only be ours; device problems are diagnostics' real lines."""
    summary.update(school_name="晨星在线学校", class_name="高一数学 第3讲 函数", course_name="高一数学")
    for row in summary["participants"]:
        row["name"] = "学生{}".format(row["uid"])
    summary["participants"][3]["device_problems"] = [
        "camera: no picture", "no microphone found", "delay 420 ms", "packet loss 12%",
        "device plugged/unplugged during the lesson"]
    summary["participants"][2]["network_problems"] = [
        "35% of network probes degraded", "media over TCP (UDP blocked?)", "trouble starts at: home network"]
    summary["absent"] = [{"uid": 4001, "name": "赵六"}]
    return summary


def _our_english_words() -> set[str]:
    """Every Latin word of the report's own wording: labels, column headers,
    and the problem lines lessons.diagnostics writes."""
    from lessons import diagnostics
    from lessons.participant_row import COLUMNS
    from reports.labels import EN
    texts = list(EN.values()) + [column.header for column in COLUMNS]
    source = Path(diagnostics.__file__).read_text(encoding="utf-8")
    texts += re.findall(r'problems\.append\(f?"([^"]+)"', source)
    texts += re.findall(r'DeviceState\("\w+", "([^"]+)"\)', source)
    texts += re.findall(r'state\("\w+", "([^"]+)"\)', source)          # what a broken device lacks
    proper = {"ClassIn", "ClassWatch", "TCP", "UDP", "CPU", "UTC", "EDU", "Gensee", "ms", "PC"}
    return {word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text)} - proper


def test_a_chinese_pdf_has_no_english_left(cjk_font, tmp_path) -> None:
    pdf = write_report(_chinese_only(lesson()), "pdf", tmp_path / "zh.pdf", lang="zh")
    text = _text(pdf)
    ours = _our_english_words()
    assert {"Attendance", "camera", "picture", "delay", "probes", "Page", "absent"} <= ours  # the check can fail
    left = sorted(set(re.findall(r"[A-Za-z]{2,}", text)) & ours)
    assert not left, f"English left in the Chinese PDF: {left}\n{text}"
    for translated in ("摄像头：无画面", "未找到麦克风", "延迟 420 毫秒", "丢包 12%", "课中有设备插拔",
                       "缺席（1）", "赵六（4001）", "第 1/1 页", "生成时间"):
        assert translated in text, translated
    # Chinese punctuation, as the window writes it (lessons.timeline_words): a problem list,
    # "Name (ID)", a count, the zone's offset, "label: value" and the notes' flags.
    unwrapped = re.sub(r"\s", "", text)        # the notes column wraps
    for punctuated in ("设备问题：学生1004：摄像头：无画面；未找到麦克风；延迟420毫秒", "出勤（11）",
                       "Asia/Shanghai（UTC+08:00）", "早退、"):
        assert punctuated in unwrapped, punctuated
    assert not re.search(r"[(;]|, ", text), text


def test_a_lesson_without_a_roster_says_why_nobody_is_listed_absent(cjk_font, tmp_path) -> None:
    summary = lesson()
    summary.update(absent=[], roster_known=False)
    assert "no class roster" in _text(write_report(summary, "pdf", tmp_path / "en.pdf"))
    assert "学生名单" in _text(write_report(summary, "pdf", tmp_path / "zh.pdf", lang="zh"))
