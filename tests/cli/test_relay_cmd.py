"""`relay add|list|remove|status|pause|resume|replay` as a user runs them."""
from __future__ import annotations

import json

import pytest

from storage import relay as outbox
from storage.dburl import resolve_db

from ..helpers import SID, cell_edges, run_cli


@pytest.mark.slow
def test_add_list_status_remove(data_dir):
    out = run_cli("relay", "add", "lms", "--sid", str(SID), "--url", "https://lms.example/hook?token=s3cret",
                  "--cmd", "End,Net", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert "from now on" in out.stdout and "s3cret" not in out.stdout
    listed = run_cli("relay", "list", data_dir=data_dir)
    assert "lms" in listed.stdout and "End,Net" in listed.stdout and "token=***" in listed.stdout
    assert "s3cret" not in listed.stdout

    status = run_cli("relay", "status", "--json", data_dir=data_dir)
    row = json.loads(status.stdout)
    assert row == {"name": "lms", "sid": SID, "url": "https://lms.example/hook?token=***",
                   "cmds": ["End", "Net"], "paused": False, "delivered": 0, "pending": 0,
                   "oldest_pending_age": None, "failing_since": None, "last_error": None,
                   "last_delivered_at": None}
    text = run_cli("relay", "status", data_dir=data_dir).stdout
    assert "delivered 0, pending 0" in text

    assert run_cli("relay", "pause", "lms", data_dir=data_dir).returncode == 0
    assert json.loads(run_cli("relay", "status", "--json", data_dir=data_dir).stdout)["paused"] is True
    assert "0 push(es) queued again" in run_cli("relay", "replay", "lms", "--since", "0",
                                                data_dir=data_dir).stdout

    again = run_cli("relay", "add", "lms", "--sid", str(SID), "--url", "http://x/", data_dir=data_dir)
    assert again.returncode == 1 and "exists" in again.stderr
    assert run_cli("relay", "remove", "lms", data_dir=data_dir).returncode == 0
    gone = run_cli("relay", "remove", "lms", data_dir=data_dir)
    assert gone.returncode == 1 and "no relay destination" in gone.stderr
    assert run_cli("relay", "status", "--json", data_dir=data_dir).stdout == ""


@pytest.mark.slow
def test_bad_arguments_are_one_line_exit_2(data_dir):
    for args in (["--url", "ftp://x/"], ["--url", "http:///nohost"], ["--url", "http://x/", "--cmd", ","]):
        out = run_cli("relay", "add", "lms", "--sid", str(SID), *args, data_dir=data_dir)
        assert out.returncode == 2, (args, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


@pytest.mark.slow
def test_list_and_status_speak_chinese_and_line_up(data_dir):
    for name, url in (("教务系统", "https://lms.example/a"), ("crm", "https://crm.example/b")):
        assert run_cli("relay", "add", name, "--sid", str(SID), "--url", url, "--cmd", "End",
                       data_dir=data_dir).returncode == 0
    assert run_cli("relay", "pause", "crm", data_dir=data_dir).returncode == 0

    listed = run_cli("relay", "list", "--lang", "zh", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    assert header.split() == ["名称", "SID", "Cmd", "状态", "URL"]
    assert rows[0].split()[3] == "已暂停" and rows[1].split()[3] == "启用"
    # a CJK character takes two terminal columns: each column starts (SID: ends) at one place on every line
    places = [[end if column == 1 else start for column, (start, end) in enumerate(cell_edges(line))]
              for line in listed.stdout.splitlines()]
    assert len(places[0]) == 5 and places[1:] == [places[0]] * 2, listed.stdout

    status = run_cli("relay", "status", "--lang", "zh", data_dir=data_dir).stdout
    assert f"crm（已暂停）：学校 {SID} -> https://crm.example/b\n" in status
    assert (f"教务系统：学校 {SID} -> https://lms.example/a\n"
            "  已送达 0，待发送 0，最早待发送 -，未失败\n") in status
    english = run_cli("relay", "status", "--lang", "en", data_dir=data_dir).stdout
    assert f"crm (paused): school {SID} -> https://crm.example/b\n" in english


@pytest.mark.slow
def test_a_failing_destinations_time_names_its_zone_in_the_languages_brackets(data_dir):
    assert run_cli("relay", "add", "lms", "--sid", str(SID), "--url", "https://lms.example/a",
                   data_dir=data_dir).returncode == 0
    with outbox.writing(resolve_db(None, data_dir)) as conn:      # what a relay that cannot deliver records
        [dest] = outbox.destinations(conn)
        outbox.failed(conn, dest.id, "HTTP 502", 1747185000.0)   # 2025-05-14 09:10:00 in Shanghai
    chinese = run_cli("relay", "status", "--lang", "zh", data_dir=data_dir).stdout
    assert "失败开始于 2025-05-14 09:10:00（Asia/Shanghai）\n" in chinese, chinese
    english = run_cli("relay", "status", "--lang", "en", data_dir=data_dir).stdout
    assert "failing since 2025-05-14 09:10:00 (Asia/Shanghai)\n" in english, english


@pytest.mark.slow
def test_every_action_answers_in_chinese(data_dir):
    def zh(*args: str) -> str:
        out = run_cli("relay", *args, "--lang", "zh", data_dir=data_dir)
        return out.stdout + out.stderr

    assert zh("add", "lms", "--sid", str(SID), "--url", "https://lms.example/a?token=s3cret") == (
        f"已添加转发目标 lms：学校 {SID} 从现在起存储的每条推送都会转发到 https://lms.example/a?token=***\n")
    assert zh("add", "crm", "--sid", str(SID), "--url", "https://crm.example/b", "--cmd", "End,67371521") == (
        f"已添加转发目标 crm：从现在起存储的 Cmd End,67371521 推送（学校 {SID}）会转发到 https://crm.example/b\n")
    assert zh("add", "lms", "--sid", str(SID), "--url", "https://x.example/") == (
        "error: 名为 'lms' 的转发目标已存在（请先删除）\n")
    assert zh("add", "ftp", "--sid", str(SID), "--url", "ftp://x.example/") == (
        "error: URL 必须以 http:// 或 https:// 开头\n")
    assert zh("add", "nohost", "--sid", str(SID), "--url", "https:///push") == "error: URL 中没有主机名\n"
    assert zh("pause", "lms") == "已暂停转发目标 lms\n"
    assert zh("resume", "lms") == "已恢复转发目标 lms\n"
    assert zh("replay", "lms", "--since", "0") == "转发目标 lms：已重新排队 0 条推送\n"
    assert zh("remove", "lms") == "已删除转发目标 lms（丢弃了 0 条待发送的推送）\n"
    assert zh("remove", "lms") == "error: 没有名为 'lms' 的转发目标（查看：python main.py relay list）\n"
    english = run_cli("relay", "remove", "crm", "--lang", "en", data_dir=data_dir).stdout
    assert english == "relay crm removed (0 pending push(es) dropped)\n"
