"""`serve` and `alarms` in the desk's language (config.json's "language",
--lang): the chat robot and the human listing say it in Chinese with the
school's time, labelled; `alarms --json` stays CONTRACT's English machine form."""
from __future__ import annotations

import functools
import json
import time
from dataclasses import asdict

import pytest

from alarms.model import Alarm
from storage.alarms import alarm_row, save_alarms
from storage.config import AlarmChannel, ConfigStore
from storage.db import open_database
from storage.writer import Writer

from ..helpers import SID, ServeProcess, cell_edges, fixture_variant, post_push, run_cli
from ..alarms.channels.test_dispatcher import until

NO_ENV = {"CLASSWATCH_LANG": ""}       # the desk's choice is the config's here


def stored(db, alarms: list[Alarm]) -> None:
    """`alarms` saved as a running desk saves them."""
    open_database(db).close()
    writer = Writer(db)
    writer.start()
    try:
        writer.submit(functools.partial(save_alarms, rows=[alarm_row(asdict(a), []) for a in alarms],
                                        resolved_since=0.0, keep_resolved=10)).result()
    finally:
        writer.stop()


@pytest.mark.slow
async def test_serve_and_alarms_speak_the_configured_language(data_dir, robots, http):
    config = ConfigStore(data_dir)
    config.update(lambda c: c.settings.update(language="zh_CN"))
    config.save_channel(AlarmChannel("team", "wecom", robots.urls()["wecom"]))
    serve = ServeProcess(data_dir, env=NO_ENV)
    try:
        help_push = fixture_variant("HelpInfo.json", action_time=int(time.time()), CourseID=None)
        status, answer = await post_push(http, serve.url, help_push)
        assert (status, answer["error_info"]["errno"]) == (200, 1)
        await until(lambda: robots.of("wecom"))
    finally:
        assert serve.stop() == 0
    text = robots.of("wecom")[0].body["markdown"]["content"]
    assert "求助：" in text and "来自 " in text and "（Asia/Shanghai）" in text and "UTC" not in text, text
    assert "涉及：41200871、41200915" in text, text

    listed = run_cli("alarms", data_dir=data_dir, env=NO_ENV)
    assert listed.returncode == 0, listed.stderr
    title, *detail = listed.stdout.splitlines()
    assert "严重" in title and "求助：" in title
    assert any(line.startswith("    首次 ") and "（Asia/Shanghai）" in line for line in detail), listed.stdout

    english = run_cli("alarms", "--lang", "en", data_dir=data_dir, env=NO_ENV).stdout
    assert "Critical" in english and "Help request: " in english and "(Asia/Shanghai)" in english
    assert "Concerns: 41200871, 41200915" in english

    [record] = [json.loads(line) for line in run_cli("alarms", "--json", data_dir=data_dir, env=NO_ENV).stdout
                .splitlines()]
    assert record["title"].startswith("Help request: ") and record["severity"] == "critical"
    assert "UTC" in record["detail"] and isinstance(record["first_seen"], float)


@pytest.mark.slow
def test_an_unknown_language_is_one_line_exit_2(data_dir):
    out = run_cli("alarms", "--lang", "fr", data_dir=data_dir)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "--lang" in out.stderr


@pytest.mark.slow
def test_the_chinese_listing_lines_up_and_says_when_there_is_nothing(data_dir):
    db = data_dir / "classwatch.db"
    open_database(db).close()
    assert run_cli("alarms", "--lang", "zh", data_dir=data_dir, env=NO_ENV).stderr == "没有未处理告警\n"
    assert run_cli("alarms", "--all", "--lang", "zh", data_dir=data_dir, env=NO_ENV).stderr == "没有告警\n"
    assert run_cli("alarms", data_dir=data_dir, env=NO_ENV).stderr == "no open alarms\n"

    now = time.time()
    alarms = [Alarm(key="help:1", kind="help_request", since=now - 60, last=now - 50, sid=SID, class_id=7, uid=1),
              Alarm(key="device:7", kind="device", since=now - 90, last=now - 30, sid=SID, class_id=7,
                    params={"users": {"2": ["camera: no picture"]}}, acknowledged=True),
              Alarm(key="silence:%d" % SID, kind="silence", since=now - 900, last=now - 600, sid=SID,
                    resolved_at=now - 300)]
    stored(db, alarms)
    listed = run_cli("alarms", "--all", "--lang", "zh", data_dir=data_dir, env=NO_ENV)
    assert listed.returncode == 0, listed.stderr
    titles = [line for line in listed.stdout.splitlines() if not line.startswith("    ")]
    assert [line.split()[0] for line in titles] == ["help:1", "device:7", f"silence:{SID}"]
    # a resolved alarm's state has its time in it: the state column is wide and mixed
    assert "未处理" in titles[0] and "已确认" in titles[1] and "（Asia/Shanghai）" in titles[2], titles
    starts = [[start for start, _ in cell_edges(line)] for line in titles]
    assert len(starts[0]) == 4 and starts[1:] == [starts[0]] * 2, listed.stdout


@pytest.mark.slow
def test_a_cmd_is_named_in_the_listings_language(data_dir):
    now = time.time()
    alarms = [Alarm(key=f"stuck:{SID}", kind="stuck_push", since=now - 60, last=now - 50, sid=SID,
                    reason_code="bad_safekey", params={"cmd": 67371521, "class_id": 7, "status": 403}),
              Alarm(key=f"resent:{SID}", kind="resent", since=now - 90, last=now - 30, sid=SID, count=3,
                    params={"cmd": "67371521"})]
    stored(data_dir / "classwatch.db", alarms)
    chinese = run_cli("alarms", "--lang", "zh", data_dir=data_dir, env=NO_ENV)
    assert chinese.returncode == 0, chinese.stderr
    assert "Cmd 67371521（上下台），ClassID 7" in chinese.stdout, chinese.stdout
    assert "（最近一条：Cmd 67371521（上下台））" in chinese.stdout, chinese.stdout
    assert "stage" not in chinese.stdout
    english = run_cli("alarms", "--lang", "en", data_dir=data_dir, env=NO_ENV).stdout
    assert "Cmd 67371521 (stage), ClassID 7" in english and "(last: Cmd 67371521 (stage))" in english, english


@pytest.mark.slow
def test_ack_answers_in_chinese(data_dir):
    now = time.time()
    stored(data_dir / "classwatch.db",
           [Alarm(key="help:1", kind="help_request", since=now - 60, last=now - 50, sid=SID, class_id=7, uid=1)])

    def zh(*args: str) -> str:
        out = run_cli("alarms", "ack", *args, "--lang", "zh", data_dir=data_dir, env=NO_ENV)
        return out.stdout + out.stderr

    assert zh("help:1", "--by", "小王") == "已确认 help:1（确认人：小王）\n"
    assert zh("help:2", "--by", "小王") == "error: 没有 ID 为 help:2 的告警（`alarms --all` 可列出全部告警）\n"
