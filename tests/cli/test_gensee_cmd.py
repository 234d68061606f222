"""`python main.py gensee ...` and `events` for Gensee calls, as real subprocesses."""
from __future__ import annotations

import json

import pytest

from storage.config import ConfigStore

from ..gensee_support import CONF, call, gensee_fixture
from ..helpers import run_cli

ENDPOINTS = ("event", "vod", "qa", "qa-web", "rollcall", "end", "cobrowse")


@pytest.mark.slow
async def test_events_prints_gensee_calls_parsed_and_refusals_with_reason(receiver, http, data_dir):
    await call(http, receiver, "GET", "event", gensee_fixture("event_110_abnormal_leave.txt"))
    await call(http, receiver, "POST", "qa", data=gensee_fixture("qa_client_question.txt").encode())
    await call(http, receiver, "GET", "event", f"ClassNo={CONF}")          # refused: no Action
    lines = [json.loads(x) for x in run_cli("events", data_dir=data_dir).stdout.splitlines()]
    assert [(e["source"], e["payload"]["endpoint"]) for e in lines] == [("gensee", "event"), ("gensee", "qa")]
    assert lines[0]["payload"]["query"]["Action"] == "110"
    assert lines[1]["payload"]["body"] == gensee_fixture("qa_client_question.txt")
    by_cmd = run_cli("events", "--cmd", "event:110", data_dir=data_dir).stdout.splitlines()
    assert [json.loads(x)["payload"]["query"]["Operator"] for x in by_cmd] == ["2718210337"]
    (refused,) = [json.loads(x) for x in run_cli("events", "--quarantined", data_dir=data_dir).stdout.splitlines()]
    assert refused["source"] == "gensee" and refused["reason_code"] == "missing_param"
    assert refused["payload"]["query"] == {"ClassNo": CONF}


@pytest.mark.slow
def test_url_and_rotate(tmp_path):
    token = ConfigStore(tmp_path).current().gensee_token
    out = run_cli("gensee", "url", "--port", "9100", data_dir=tmp_path)
    assert out.returncode == 0
    assert f"gensee callbacks: http://127.0.0.1:9100/gensee/{token}/" in out.stdout
    for endpoint in ENDPOINTS:
        assert f"http://127.0.0.1:9100/gensee/{token}/{endpoint} " in out.stdout
    assert "public" in out.stdout                     # a local address is flagged as such

    out = run_cli("gensee", "rotate", "--public-url", "https://cw.example.net/", data_dir=tmp_path)
    new = ConfigStore(tmp_path).current().gensee_token
    assert out.returncode == 0 and new != token and token not in out.stdout
    assert "stop working" in out.stdout and f"https://cw.example.net/gensee/{new}/event" in out.stdout


@pytest.mark.slow
def test_cobrowse_set_list_remove(tmp_path):
    good, bad = tmp_path / "rooms.json", tmp_path / "bad.json"
    good.write_text('[{"name": "课堂测验", "url": "https://quiz.example.org/7"}]', encoding="utf-8")
    bad.write_text("{not json", encoding="utf-8")
    assert run_cli("gensee", "cobrowse", "set", "room1", "--json", str(good), data_dir=tmp_path).returncode == 0
    assert ConfigStore(tmp_path).current().settings["gensee_cobrowse"] == {"room1": good.read_text("utf-8")}
    out = run_cli("gensee", "cobrowse", "set", "room2", "--json", str(bad), data_dir=tmp_path)
    assert out.returncode == 2 and "not valid JSON" in out.stderr
    assert "room1" in run_cli("gensee", "cobrowse", "list", data_dir=tmp_path).stdout
    assert run_cli("gensee", "cobrowse", "remove", "room1", data_dir=tmp_path).returncode == 0
    assert ConfigStore(tmp_path).current().settings["gensee_cobrowse"] == {}
