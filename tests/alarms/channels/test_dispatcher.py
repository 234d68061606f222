"""The dispatcher against the local robots: who gets what, bursts as one
message, the 20-a-minute limit, retries with backoff, bounded queues, and
secrets kept out of logs and the state file."""
from __future__ import annotations

import asyncio
import itertools
import logging

import pytest

from alarms.channels.dispatcher import STATE_NAME, DispatchSettings, Dispatcher, read_states
from storage.config import AlarmChannel

from ...chat_robots import DINGTALK_SECRET, DINGTALK_TOKEN, FEISHU_HOOK, FEISHU_SECRET, WECOM_KEY

SECRET_PARTS = (DINGTALK_SECRET, DINGTALK_TOKEN, FEISHU_HOOK, FEISHU_SECRET, WECOM_KEY)
_ids = itertools.count(1)


def alarm(severity="warning", kind="network", class_id=508113967, uid=None, sid=2290417, **fields) -> dict:
    ident = next(_ids)
    doc = {"id": ident, "kind": kind, "severity": severity, "state": "open", "sid": sid,
           "class_id": class_id, "uid": uid if uid is not None else 1000 + ident,
           "title": f"{kind} alarm {ident}", "detail": f"detail of {ident}",
           "first_seen": 1764900000.0, "last_seen": 1764900000.0, "count": 1,
           "acknowledged_by": None, "acknowledged_at": None}
    doc.update(fields)
    return doc


FAST = dict(quiet=0.05, critical_quiet=0.05, max_hold=0.3, backoff_first=0.2, backoff_max=1.0,
            timeout=5.0, state_interval=0.05)


def channels(robots, *kinds, min_severity="warning") -> list[AlarmChannel]:
    return [AlarmChannel(name=kind, kind=kind, url=robots.urls()[kind],
                         secret=robots.secrets().get(kind, ""), min_severity=min_severity) for kind in kinds]


@pytest.fixture
async def make(tmp_path):
    made = []

    async def make_(chans, **settings) -> Dispatcher:
        d = Dispatcher(lambda: chans, state_dir=tmp_path, settings=DispatchSettings(**{**FAST, **settings}))
        await d.start()
        made.append(d)
        return d
    yield make_
    for d in made:
        await d.stop()


async def until(condition, timeout=20.0):
    """Waits for something that must happen (no claim about how fast)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.02)


async def settle(d: Dispatcher):
    await until(lambda: all(s.queued == 0 for s in d.states().values()))
    await asyncio.sleep(0.3)   # anything wrongly sent late would arrive now


async def test_open_at_or_above_min_severity_and_critical_resolves_reach_every_robot(robots, make):
    d = await make(channels(robots, "wecom", "dingtalk", "feishu", "slack", "webhook"))
    d.notify("open", alarm("info", kind="gensee_leaves", class_id=None))
    d.notify("open", alarm("warning", kind="help", title="学生求助：听不到老师"))
    d.notify("resolve", alarm("warning", kind="network", class_id=77))
    stuck = alarm("critical", kind="stuck_push", class_id=None, uid=None, title="Push queue blocked")
    d.notify("open", stuck)
    await settle(d)
    d.notify("resolve", dict(stuck, state="resolved"))
    await settle(d)
    for kind in ("wecom", "dingtalk", "feishu", "slack", "webhook"):
        got = robots.of(kind)
        assert len(got) == 3 and not robots.of(kind, accepted=False), kind
    texts = [r.body["text"] for r in robots.of("slack")]
    assert all(t.endswith("\n— ClassWatch") for t in texts)     # a robot guarded by a keyword takes them
    assert any("学生求助：听不到老师" in t for t in texts)
    assert any("Push queue blocked" in t and "Critical" in t for t in texts)
    assert any("Resolved" in t and "Push queue blocked" in t for t in texts)
    hooks = [r.body for r in robots.of("webhook")]
    assert {h["kind"] for h in hooks} == {"help", "stuck_push"}
    assert [h["event"] for h in hooks if h["kind"] == "stuck_push"] == ["open", "resolve"]


async def test_min_severity_critical_gets_only_critical(robots, make):
    d = await make(channels(robots, "slack", min_severity="critical"))
    d.notify("open", alarm("warning"))
    d.notify("open", alarm("critical", kind="storage", class_id=None, title="Disk full"))
    await settle(d)
    [got] = robots.of("slack")
    assert "Disk full" in got.body["text"]


async def test_ten_warnings_of_one_lesson_in_a_minute_are_one_message_with_the_count(robots, make):
    d = await make(channels(robots, "dingtalk", "webhook"), quiet=0.5, max_hold=60)
    for _ in range(10):
        d.notify("open", alarm("warning", class_id=4242))
    d.notify("open", alarm("warning", class_id=5555))   # another lesson: its own message
    await settle(d)
    messages = robots.of("dingtalk")
    assert len(messages) == 2
    lesson = next(m for m in messages if "4242" in m.body["markdown"]["title"])
    assert "10 alarms in lesson 4242" in lesson.body["markdown"]["title"]
    assert "and 5 more" in lesson.body["markdown"]["text"]
    hook = next(h.body for h in robots.of("webhook") if h.body["class_id"] == 4242)
    assert hook["alarm_count"] == 10 and len(hook["alarms"]) == 5


async def test_at_most_20_messages_a_minute_the_rest_summarised_in_one(robots, make):
    d = await make(channels(robots, "feishu"))
    for lesson in range(30):
        d.notify("open", alarm("warning", class_id=lesson))
    await until(lambda: len(robots.of("feishu")) == 20)
    await until(lambda: d.states()["feishu"].queued == 0)
    texts = [r.body["content"]["text"] for r in robots.of("feishu")]
    assert all("more alarms" not in t for t in texts[:19])
    assert "11 more alarms (at most 20 messages a minute)" in texts[19]
    # The window is full: another alarm waits (queued) instead of going out.
    d.notify("open", alarm("warning", class_id=99))
    await asyncio.sleep(0.5)
    assert len(robots.received) == 20
    assert d.states()["feishu"].queued == 1


async def test_a_failing_robot_is_retried_with_backoff_until_it_recovers(robots, make, tmp_path):
    robots.fail["wecom"] = 3
    d = await make(channels(robots, "wecom"), backoff_first=0.2, backoff_max=10)
    d.notify("open", alarm("critical", kind="tunnel", class_id=None, title="Tunnel down"))
    await until(lambda: len(robots.of("wecom", accepted=False)) >= 2)
    state = d.states()["wecom"]
    assert state.failing_since is not None and state.queued == 1
    assert state.last_error == "robot error 45009: api freq out of limit"
    await until(lambda: d.states()["wecom"].failing_since is None)
    attempts = [r.at for r in robots.of("wecom", accepted=None)]
    assert len(attempts) == 4 and len(robots.of("wecom")) == 1
    gaps = [b - a for a, b in zip(attempts, attempts[1:])]
    assert gaps[0] >= 0.2 * 0.9 and gaps[1] >= 0.4 * 0.9 and gaps[2] >= 0.8 * 0.9   # doubling
    state = d.states()["wecom"]
    assert state.sent == 1 and state.last_sent is not None and state.queued == 0
    await until(lambda: (read_states(tmp_path)[1].get("wecom") or state).sent == 1
                and read_states(tmp_path)[1]["wecom"].failing_since is None)


async def test_what_waited_while_a_robot_failed_goes_out_as_one_message(robots, make):
    robots.fail["slack"] = 2
    d = await make(channels(robots, "slack"), backoff_first=0.3)
    d.notify("open", alarm("warning", class_id=1))
    await until(lambda: robots.of("slack", accepted=False))
    for lesson in (2, 3, 4):
        d.notify("open", alarm("warning", class_id=lesson))
    await settle(d)
    taken = robots.of("slack")
    assert len(taken) == 1
    assert "4 alarms while this chat could not be reached" in taken[0].body["text"]


async def test_a_robot_that_never_answers_holds_a_bounded_queue(robots, make):
    robots.hanging.add("webhook")
    d = await make(channels(robots, "webhook"), max_queued=50, timeout=30)
    for lesson in range(2000):
        d.notify("open", alarm("warning", class_id=lesson))
    await asyncio.sleep(0.2)
    state = d.states()["webhook"]
    assert state.queued <= 50
    assert state.dropped >= 1950


async def test_secrets_stay_out_of_logs_state_and_errors(robots, make, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    wrong = channels(robots, "dingtalk", "feishu")
    for c in wrong:
        c.secret = c.secret[::-1]        # the robots refuse these signatures
    d = await make(wrong + channels(robots, "wecom"))
    robots.fail["wecom"] = 1
    d.notify("open", alarm("critical", kind="storage", class_id=None))
    await until(lambda: len(robots.received) >= 3 and all(s.last_error for s in d.states().values()))
    await until(lambda: (tmp_path / STATE_NAME).exists())
    await asyncio.sleep(0.1)
    state_text = (tmp_path / STATE_NAME).read_text()
    errors = " ".join(s.last_error for s in d.states().values())
    assert "sign not match" in errors and "within one hour" in errors
    # (The test robots' own access log prints their URLs: that is the robot's log, not ours.)
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name != "aiohttp.access")
    for secret in (*SECRET_PARTS, DINGTALK_SECRET[::-1], FEISHU_SECRET[::-1]):
        assert secret not in ours
        assert secret not in state_text
        assert secret not in errors
    assert "not delivered" in ours


async def test_channels_added_and_removed_while_running(robots, make):
    live: list[AlarmChannel] = []
    d = await make(live)
    d.notify("open", alarm("warning"))
    assert d.states() == {}
    live.extend(channels(robots, "slack"))
    d.notify("open", alarm("warning", class_id=1))
    await settle(d)
    assert len(robots.of("slack")) == 1
    live.clear()
    d.notify("open", alarm("warning", class_id=2))
    await asyncio.sleep(0.3)
    assert len(robots.of("slack")) == 1 and d.states() == {}


async def test_what_still_waits_goes_out_when_the_dispatcher_stops(robots, tmp_path):
    d = Dispatcher(lambda: channels(robots, "slack", "webhook"), state_dir=tmp_path,
                   settings=DispatchSettings(**{**FAST, "quiet": 600, "critical_quiet": 600, "max_hold": 600}))
    await d.start()
    d.notify("open", alarm("critical", kind="tunnel", class_id=None, title="Tunnel down"))
    await asyncio.sleep(0.2)
    assert robots.received == [] and d.states()["slack"].queued == 1
    await d.stop()
    assert "Tunnel down" in robots.of("slack")[0].body["text"]
    assert robots.of("webhook")[0].body["kind"] == "tunnel"
    _, states = read_states(tmp_path)
    assert states["slack"].queued == 0 and states["slack"].sent == 1


async def test_robots_get_the_desks_language_and_the_schools_time_the_webhook_the_record(robots, tmp_path):
    from alarms.center import AlarmCenter, AlarmSettings
    from alarms.language import Wording

    from ..test_center import T0, stored
    from ..test_texts import Names
    SID = 2290417
    d = Dispatcher(lambda: channels(robots, "wecom", "dingtalk", "feishu", "webhook"), state_dir=tmp_path,
                   settings=DispatchSettings(**FAST), where=lambda sid: ("Sunny School", "Asia/Shanghai"),
                   wording=Wording("zh_CN"))
    center = AlarmCenter(AlarmSettings(silence_seconds=180), names=Names(), live=lambda: [(SID, 1)])
    center.subscribe(d.on_alarm_event)
    await d.start()
    try:
        center.on_receiver_event(stored(T0, sid=SID))
        center.tick(T0 + 180, [SID])
        await until(lambda: all(robots.of(kind) for kind in ("wecom", "dingtalk", "feishu", "webhook")))
    finally:
        await d.stop()
    wecom = robots.of("wecom")[0].body["markdown"]["content"]
    feishu = robots.of("feishu")[0].body["content"]["text"]
    dingtalk = robots.of("dingtalk")[0].body["markdown"]
    for text in (wecom, feishu, dingtalk["text"]):
        assert "[警告]" in text and "已 3 分钟没有推送 — 1 节正在上的课受影响" in text, text
        assert "1 节正在上的课受影响：Maths 7A（1）" in text
        assert "开始于 2025-05-14 09:13:00（Asia/Shanghai）" in text and "UTC" not in text
        assert "学校 Sunny School（2290417）" in text
    assert "节正在上的课受影响" in dingtalk["title"]
    hook = robots.of("webhook")[0].body
    assert hook["title"] == "Sunny School (2290417): no push for 3 min — 1 live lesson(s) affected"   # the record
    assert "UTC" in hook["detail"] and "said" not in hook and all("said" not in a for a in hook["alarms"])
    assert "已 3 分钟没有推送" in hook["text"]
