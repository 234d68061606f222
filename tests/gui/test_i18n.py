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

import orjson
import pytest
from PySide6.QtCore import QTranslator

from gui.i18n import I18N_DIR, install_translator, remove_translators
from lessons.state import replay
from lessons.texts import Text
from simulator.school import generate_day

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401  (gui_settings is a fixture)
from ..helpers import SECRET, SID, fixture, fixture_names, fixture_variant, new_push
from .test_live import STUDENT, TEACHER, bad_net, enter, more_problems_scenario, schedule

TS = I18N_DIR / "classwatch_zh_CN.ts"
QM = I18N_DIR / "classwatch_zh_CN.qm"
ROOT = Path(__file__).resolve().parents[2]
# lessons/, alarms/ and cli/ mark their templates with a Qt-free QT_TRANSLATE_NOOP
SOURCE_DIRS = (ROOT / "gui", ROOT / "protocol", ROOT / "lessons", ROOT / "alarms", ROOT / "cli", ROOT / "relay")
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


@pytest.mark.slow
def test_ts_covers_every_string_in_the_sources(tmp_path):
    """lupdate over the README's folders finds nothing new: every marked string is in the .ts."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "")
    if not lupdate.is_file():
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-extensions", "py", *map(str, SOURCE_DIRS),
                    "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    untranslated = [(context, source) for context, source, _, texts, translation in _messages(copy)
                    if translation is None or translation.get("type") == "unfinished"]
    assert untranslated == [], "run the README's lupdate command and translate these"


def test_every_timeline_template_is_in_the_ts():
    """A template lessons/ writes without QT_TRANSLATE_NOOP would stay English in the GUI."""
    day = generate_day(SID, SECRET, lessons=3, students=7, seed=11, start=1772413200)
    school = replay([(1.0, fixture(name)) for name in fixture_names()] + [(1.0, p.body) for p in day.pushes])
    templates: set[str] = set()

    def collect(detail) -> None:
        if isinstance(detail, Text):
            if detail.template.strip("{}; "):          # not a bare listing of problems
                templates.add((detail.context or "Timeline", detail.template))
            for arg in detail.args:
                collect(arg)
    for lesson in school.lessons.values():
        for entry in lesson.timeline:
            collect(entry.detail)
    known = {(context, source) for context, source, *_ in _messages()}
    assert len(templates) > 25
    assert templates - known == set()


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
        assert re.fullmatch(r"最近推送：\d\d:\d\d:\d\d UTC[+-][\d:]+（\d+ 秒前）", status.last.text()), status.last.text()

        relay = app.window.show_view("relay")    # the replay range's zone, in full-width brackets
        assert relay.replay_zone.text() == "（UTC+8）"

    run_gui(chinese, data_dir, scenario)


def test_timeline_details_and_refusal_reasons_speak_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await app.post(schedule(now))
        await app.post(enter(TEACHER, now - 200, identity=3, name="Carmen"))
        await app.post(new_push(67371107, action_time=now - 100, UID=STUDENT, ClientID=1, Identity=1, Device=4))
        await app.post(new_push(67371111, action_time=now - 60, UID=STUDENT, ClientID=1, Reason=56))
        await app.post(fixture_variant("LiveDetail.json", action_time=now - 30))
        await app.wait_until(lambda: view.proxy.rowCount() == 1)
        view.table.selectRow(0)
        timeline = view.panel.timeline_proxy
        await app.wait_until(lambda: timeline.rowCount() == 5, message="the timeline never showed 5 entries")
        rows = [(timeline.index(r, 2).data(), timeline.index(r, 3).data()) for r in range(timeline.rowCount())]
        assert rows == [("录制", "云录制已开始（Classroom, FHD(1920*1080)）"),     # newest first
                        ("离开教室", "网络连接中断，第 2 台设备"),     # in words; the code is in the tooltip
                        ("进入教室", "安卓手机，第 2 台设备"), ("进入教室", "PC"), ("其他", "课节已添加")]

        app.monitor.config.set_verify(SID, "strict")
        refused = new_push(67371107, secret="not-the-secret", UID=STUDENT, Identity=1, ClientID=0)
        async with app.session.post(app.url + "/classin", data=orjson.dumps(refused)) as resp:
            assert resp.status == 403
        inspector = app.window.show_view("inspector")
        await app.wait_until(lambda: inspector.model.rowCount() and inspector.model.rows[0].kind == "quarantined",
                             timeout=10)
        inspector.table.selectRow(0)
        heading = inspector.heading.text()
        assert "原因：SafeKey 无法用该学校的密钥校验通过" in heading, heading
        assert "返回给发送方的原因：wrong SafeKey" in heading, heading   # the English as ClassIn got it

        alarms = app.window.show_view("alarms")
        await app.wait_until(lambda: alarms.model.rowCount() == 1)
        detail = alarms.texts.describe(alarms.model.rows[0]).detail
        assert "原因：SafeKey 无法用该学校的密钥校验通过" in detail, detail
        assert "我们向 ClassIn 返回了 HTTP 403（回复原文：wrong SafeKey" in detail, detail   # quoted as sent
        assert "被拒收的推送：Cmd 67371107（进入教室），ClassID" in detail, detail

    run_gui(chinese, data_dir, scenario)


def test_a_cmd_in_the_timeline_is_named_in_chinese(chinese, data_dir, gui_settings):  # noqa: F811
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await app.post(enter(STUDENT, now - 60))
        await app.post(new_push(67371521, action_time=now))        # a stage push naming nobody
        await app.wait_until(lambda: view.proxy.rowCount() == 1)
        view.table.selectRow(0)
        timeline = view.panel.timeline_proxy
        await app.wait_until(lambda: timeline.rowCount() == 2)
        assert timeline.index(0, 3).data() == "67371521（上下台） 缺少可用的用户或操作"

    run_gui(chinese, data_dir, scenario)


def test_window_stays_english_without_the_translator(qapp, data_dir, gui_settings):  # noqa: F811
    """The fixture above removes what it installed: later tests see the source texts."""
    async def scenario(app: GuiApp) -> None:
        titles = [app.window.nav.item(row).text() for row in range(app.window.nav.count())]
        assert "Settings" in titles and "Alarms" in titles, titles
        assert app.window.status.last.text() == "Last push: none yet"

    run_gui(qapp, data_dir, scenario)


def test_more_device_problems_are_counted_in_chinese_brackets(chinese, data_dir, gui_settings):  # noqa: F811
    run_gui(chinese, data_dir, more_problems_scenario("（+1）"))


def test_a_network_report_lists_its_problems_with_the_chinese_separator(chinese, data_dir, gui_settings):  # noqa: F811
    """"76% 的网络探测质量下降；丢包 12%；延迟 301 ms", not "…; 丢包 12%; …"."""
    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await app.post(enter(STUDENT, now - 60))
        await app.post(new_push("Net", action_time=now, UID=STUDENT, Data=bad_net(now)))
        await app.wait_until(lambda: view.proxy.rowCount() == 1)
        view.table.selectRow(0)
        timeline = view.panel.timeline_proxy
        await app.wait_until(lambda: timeline.rowCount() == 2)
        detail = timeline.index(0, 3).data()          # newest first: the report
        assert len(detail.split("；")) >= 3 and "; " not in detail, detail
        assert detail.startswith("69% 的网络探测质量下降；丢包 25%；延迟 412 ms"), detail

    run_gui(chinese, data_dir, scenario)


def test_the_late_tooltip_and_the_diagnostic_use_the_chinese_separator(chinese, data_dir, gui_settings):  # noqa: F811
    """The roster's "迟到；早退" and Copy diagnostic's problem lists ("丢包 25%；延迟 412 ms"), not "; "."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    async def scenario(app: GuiApp) -> None:
        view = app.window.show_view("live")
        now = int(time.time())
        await app.post(schedule(now))
        await app.post(enter(STUDENT, now - 120))         # the lesson began at now - 300: late
        await app.post(new_push("Net", action_time=now - 60, UID=STUDENT, Data=bad_net(now - 60)))
        await app.post(new_push(67371111, action_time=now - 30, UID=STUDENT, ClientID=0, Reason=56))  # and gone
        await app.wait_until(lambda: view.proxy.rowCount() == 1)
        view.table.selectRow(0)
        roster = view.panel.roster_proxy
        present = view.panel.roster.COLUMNS.index("present")
        await app.wait_until(lambda: roster.rowCount() == 1 and roster.index(0, present).data(
            Qt.ItemDataRole.ToolTipRole) == "迟到；早退", message="the late/left-early tooltip")

        assert view.panel.select_user(STUDENT)
        app.window.copy_diagnostic()
        text = QGuiApplication.clipboard().text()
        network = [line for line in text.splitlines() if "of probes" not in line and "丢包 25%" in line]
        assert len(network) >= 2, text                     # the network line, and the report in the timeline
        assert all("丢包 25%；延迟 412 ms" in line for line in network) and "; " not in text, text

    run_gui(chinese, data_dir, scenario)
