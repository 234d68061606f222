"""Alarms headless and shared: `serve` alone raises and resolves them, the
`alarms` command lists them as CONTRACT.md says, and an acknowledgement made by
the CLI is stored, seen by a running core within 2 s and survives restarts.
Real `serve` subprocesses, the real CLI, real SQLite files."""
from __future__ import annotations

import asyncio
import json
import time

import pytest

from ..helpers import SID, ServeProcess, fixture_variant, post_push, run_cli
from .test_center import GOOD_NET
from ..app.test_core import started

pytestmark = pytest.mark.slow

CLASS_ID = 508113967
FIELDS = {"id", "kind", "severity", "state", "sid", "class_id", "uid", "title", "detail", "first_seen",
          "last_seen", "count", "acknowledged_by", "acknowledged_at"}


def alarms_json(data_dir, *extra: str) -> list[dict]:
    out = run_cli("alarms", "--json", *extra, data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def wait_for(check, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


async def post_all(http, url: str, bodies: list[dict]) -> None:
    for body in bodies:
        status, answer = await post_push(http, url, body)
        assert status == 200 and answer["error_info"]["errno"] == 1


async def test_serve_alone_raises_resolves_and_shares_acknowledgements(data_dir, http):
    now = int(time.time())
    serve = ServeProcess(data_dir)
    try:
        await post_all(http, serve.url, [fixture_variant("HelpInfo.json", action_time=now, CourseID=None),
                                         fixture_variant("Net.json", action_time=now, CourseID=None)])
        listed = wait_for(lambda: (r := alarms_json(data_dir)) and len(r) == 2 and r)
        assert [r["kind"] for r in listed] == ["help_request", "network"]     # a person waiting first
        for record in listed:
            assert set(record) == FIELDS
            assert (record["sid"], record["class_id"], record["state"]) == (SID, CLASS_ID, "open")
            assert record["title"] and record["uid"] is not None and record["count"] == 1
        help_id = listed[0]["id"]
        assert listed[0]["severity"] == "critical" and listed[1]["severity"] == "warning"
        assert "41200915" in listed[1]["detail"]    # who has the trouble

        acked = run_cli("alarms", "ack", help_id, "--by", "Mei 梅", "--note", "called the teacher", data_dir=data_dir)
        assert acked.returncode == 0, acked.stderr
        help_record = alarms_json(data_dir)[0]
        assert (help_record["state"], help_record["acknowledged_by"]) == ("acknowledged", "Mei 梅")
        assert now - 5 <= help_record["acknowledged_at"] <= time.time()
        assert "called the teacher" in help_record["detail"]

        # Two good reports in a row: the user's network is fine again, and serve says so alone.
        await post_all(http, serve.url, [
            fixture_variant("Net.json", action_time=now + 300 * n, CourseID=None,
                            data={**GOOD_NET, "reportTime": str(now + 300 * n)}) for n in (1, 2)])
        assert wait_for(lambda: [r["kind"] for r in alarms_json(data_dir)] == ["help_request"])
        resolved = [r for r in alarms_json(data_dir, "--all") if r["kind"] == "network"]
        assert resolved[0]["state"] == "resolved"
    finally:
        assert serve.stop() == 0

    # The acknowledgement survives serve's own last writes and a restart.
    again = ServeProcess(data_dir)
    try:
        time.sleep(1.5)
        (help_record,) = alarms_json(data_dir)
        assert (help_record["id"], help_record["state"], help_record["acknowledged_by"]) == \
            (help_id, "acknowledged", "Mei 梅")
    finally:
        assert again.stop() == 0

    bad = run_cli("alarms", "ack", "no-such-alarm", data_dir=data_dir)
    assert bad.returncode == 1 and len(bad.stderr.splitlines()) == 1 and "Traceback" not in bad.stderr


async def test_an_acknowledgement_by_the_cli_reaches_a_running_core_within_2_s(data_dir, http):
    now = int(time.time())
    monitor = await started(data_dir)
    try:
        changes = []
        monitor.alarms.subscribe(changes.append)
        await post_all(http, monitor.receiver.url,
                       [fixture_variant("HelpInfo.json", action_time=now, CourseID=None)])
        (alarm,) = monitor.alarms.open_alarms()
        await _until(lambda: alarms_json(data_dir))      # written by the core's store
        acked = run_cli("alarms", "ack", alarm.key, "--by", "Tom", "--note", "on it", data_dir=data_dir)
        assert acked.returncode == 0, acked.stderr
        done = time.monotonic()
        await _until(lambda: alarm.acknowledged, timeout=2.0)
        assert time.monotonic() - done <= 2.0
        assert (alarm.acknowledged_by, alarm.ack_note) == ("Tom", "on it")
        assert changes[-1].change == "acknowledged" and changes[-1].record()["acknowledged_by"] == "Tom"
    finally:
        await monitor.stop()


async def _until(check, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)
