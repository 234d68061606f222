"""The Chinese translation: complete, consistent with its sources, and used by
the real window (CLASSWATCH_LANG=zh_CN, as gui/launch.py installs it)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from gui.i18n import I18N_DIR, install_translator, remove_translators

from .gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from .helpers import new_push

TS = I18N_DIR / "classwatch_zh_CN.ts"
QM = I18N_DIR / "classwatch_zh_CN.qm"
GUI_DIR = Path(__file__).resolve().parent.parent / "gui"
# "{}", "{:.0f}", "{name}", "{degraded:.0%}": str.format fields, in order (they are positional)
FIELD = re.compile(r"\{[^{}]*\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _messages(path: Path = TS):
    """(context, source, numerus, [translations], translation element) for every message."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts = []
            elif numerus:
                texts = [form.text or "" for form in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            yield name, message.findtext("source") or "", numerus, texts, translation


# --- the .ts file ----------------------------------------------------------------------------------
def test_every_message_is_translated():
    messages = list(_messages())
    assert len(messages) > 400
    problems = []
    for context, source, numerus, texts, translation in messages:
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append((context, source, translation.get("type") if translation is not None else "none"))
        elif not texts or not all(t.strip() for t in texts):
            problems.append((context, source, "empty"))
    assert problems == []


def test_placeholders_match_their_source():
    problems = []
    for context, source, numerus, texts, _ in _messages():
        for text in texts:
            if FIELD.findall(text) != FIELD.findall(source):
                problems.append((context, source, text))
            if text.count("%n") != source.count("%n"):
                problems.append((context, source, text))
        if "%n" in source and not numerus:
            problems.append((context, source, "%n outside a numerus message"))
    assert problems == []


def test_compiled_qm_matches_the_ts():
    """The shipped .qm holds exactly what the .ts says (lrelease was run after the last edit)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context, source, numerus, texts, _ in _messages():
        got = translator.translate(context, source, None, 2 if numerus else -1)
        want = texts[0] if texts else ""
        if got != want:
            stale.append((context, source, got, want))
    assert stale == []


def test_ts_covers_every_string_in_gui(tmp_path):
    """lupdate over gui/ finds nothing new: every tr()/translate() string is in the .ts."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "")
    if not lupdate.is_file():
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-extensions", "py", str(GUI_DIR), "-ts", str(copy)],
                   check=True, capture_output=True, timeout=120)
    untranslated = [(context, source) for context, source, _, texts, translation in _messages(copy)
                    if translation is None or translation.get("type") == "unfinished"]
    assert untranslated == [], "run the README's lupdate command and translate these"


# --- the window ----------------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp, monkeypatch):
    """The zh_CN translator on the qapp before the window is built, removed after."""
    monkeypatch.setenv("CLASSWATCH_LANG", "zh_CN")
    assert install_translator(qapp) == "zh_CN"
    yield qapp
    remove_translators(qapp)


def test_window_speaks_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        window = app.window
        titles = [window.nav.item(row).text() for row in range(window.nav.count())]
        assert {"正在上课", "设备检测", "告警", "历史", "设置"} <= set(titles), titles
        assert all(CJK.search(title) for title in titles), titles
        assert "ClassWatch" in window.windowTitle()

        status = window.status      # refreshed every second: the first text predates monitor.start()
        assert status.local.text() in ("接收端：未运行", "接收端：{}/classin".format(app.url))
        await app.wait_until(lambda: status.local.text() == "接收端：{}/classin".format(app.url), timeout=5)
        assert status.public.text() == "公网：无隧道"
        assert status.rate.text() == "近 1 分钟 0 条推送"
        assert status.last.text() == "最近推送：暂无"
        assert status.alarms.text() == "0 条未处理告警"

        await app.post(new_push(67371107, action_time=int(time.time()), UID=41200902, ClientID=0,
                                Identity=1, Device=0))
        await app.wait_until(lambda: status.rate.text() == "近 1 分钟 1 条推送", timeout=5)
        assert re.fullmatch(r"最近推送：\d\d:\d\d:\d\d（\d+ 秒前）", status.last.text()), status.last.text()

    run_gui(chinese, data_dir, scenario)


def test_window_stays_english_without_the_translator(qapp, data_dir, gui_settings):  # noqa: F811
    """The fixture above removes what it installed: later tests see the source texts."""
    async def scenario(app: GuiApp) -> None:
        titles = [app.window.nav.item(row).text() for row in range(app.window.nav.count())]
        assert "Settings" in titles and "Alarms" in titles, titles
        assert app.window.status.last.text() == "Last push: none yet"

    run_gui(qapp, data_dir, scenario)
