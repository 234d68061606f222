"""The network thresholds the user sets decide what is a problem everywhere:
the live lesson, the export, History's derived rows and `rebuild` all say
the same under custom thresholds (and differ from what the defaults say)."""
from __future__ import annotations

import json
import time

import pytest

from lessons.diagnostics import DELAY_MS, thresholds_from
from lessons.events import parse
from lessons.summary import summary
from storage.config import ConfigStore
from storage.db import open_database
from storage.history import net_samples
from storage.paths import DB_NAME

from ..helpers import fixture_variant, post_push, run_cli
from ..alarms.test_center import GOOD_NET
from ..app.test_core import started

pytestmark = pytest.mark.slow

CLASS_ID = 508113967
TOMAS = 41200915


def network_problems(lesson_summary: dict) -> dict[int, list[str]]:
    return {row["uid"]: row["network_problems"] for row in lesson_summary["participants"]
            if row["network_problems"]}


def stored_problems(data_dir) -> list[str]:
    db = open_database(data_dir / DB_NAME)
    try:
        return [row["problems"] for row in net_samples(class_id=CLASS_ID)]
    finally:
        db.close()


async def test_live_equals_export_history_and_rebuild_under_custom_thresholds(data_dir, http):
    now = int(time.time())
    # A report every default would call fine (41.5 ms delay) is a problem for a desk that set 30 ms.
    net = fixture_variant("Net.json", action_time=now, CourseID=None, data={**GOOD_NET, "reportTime": str(now)})
    assert not parse(net, now).sample.has_problem
    ConfigStore(data_dir).update(lambda c: c.settings.update({DELAY_MS: 30}))
    assert parse(net, now, thresholds_from({DELAY_MS: 30})).sample.has_problem

    monitor = await started(data_dir)
    try:
        for body in (fixture_variant("inclass_enter.json", action_time=now - 60, CourseID=None), net):
            status, answer = await post_push(http, monitor.receiver.url, body)
            assert status == 200 and answer["error_info"]["errno"] == 1
        live = network_problems(summary(monitor.school.lessons[CLASS_ID], now + 60))
    finally:
        await monitor.stop()
    assert live and any("delay" in p for p in live[TOMAS])

    out = run_cli("export", "--class-id", str(CLASS_ID), data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert network_problems(json.loads(out.stdout)) == live

    derived = stored_problems(data_dir)
    assert derived and all("delay" in problems for problems in derived)
    rebuilt = run_cli("rebuild", data_dir=data_dir)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert stored_problems(data_dir) == derived
