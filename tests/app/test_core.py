"""Monitor end to end: a real receiver on loopback, a simulated school pushing
over HTTP, live lesson state and alarms, and a restart on the same data dir."""
from __future__ import annotations

import sqlite3
import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import asdict
from pathlib import Path

import pytest

from lessons.events import NetReport
from lessons.state import LessonState
from lessons.summary import summary
from alarms import store as alarm_store
from app.core import Monitor, is_live
from protocol.classin import CMD_ENTER, CMD_EXIT, as_int
from simulator.school import SchoolDay, generate_day
from storage.config import ConfigStore
from storage.paths import DB_NAME

from ..helpers import SECRET, SID, ServeProcess, fixture_variant, post_push

HISTORY = 900       # the simulated day began this long ago: several lessons are running
ACKED = 1           # ClassIn's errno for "received"; anything else blocks the school's queue


@pytest.fixture
def day() -> SchoolDay:
    # A whole minute keeps the day the same from run to run: the simulator
    # plans lessons on minute boundaries, so any other second shifts them.
    start = (int(time.time()) - HISTORY) // 60 * 60
    return generate_day(SID, SECRET, lessons=3, students=4, seed=7, start=start)


def sent_so_far(day: SchoolDay) -> list[dict]:
    """What ClassIn has sent HISTORY seconds into the day (the rest lies in the
    future). A fixed cut, not the clock, so every run sees the same classrooms."""
    return [p.body for p in day.pushes if p.at <= day.start + HISTORY]


async def started(data_dir: Path) -> Monitor:
    monitor = Monitor(data_dir, ConfigStore(data_dir), port=0)
    await monitor.start()
    return monitor


@pytest.fixture
async def monitor(data_dir) -> AsyncIterator[Monitor]:
    m = await started(data_dir)
    yield m
    await m.stop()


def open_keys(monitor: Monitor) -> set[str]:
    return {a.key for a in monitor.alarms.open_alarms()}


def raised_since(monitor: Monitor, before: set[str]) -> list:
    """Open alarms that were not open in `before` (the simulated day raises its own)."""
    return [a for a in monitor.alarms.open_alarms() if a.key not in before]


async def push_all(http, monitor: Monitor, bodies: list[dict]) -> None:
    for body in bodies:
        status, answer = await post_push(http, monitor.receiver.url, body)
        assert (status, answer["error_info"]["errno"]) == (200, ACKED)


def present_from_pushes(bodies: list[dict]) -> dict[int, set[int]]:
    """Independent of lessons.state: per lesson, the users with at least one
    device (ClientID) whose latest enter/exit push is an enter."""
    last: dict[tuple[int, int, int], tuple[int, bool]] = {}
    for order, body in enumerate(bodies):
        cmd = as_int(body.get("Cmd"))
        if cmd in (CMD_ENTER, CMD_EXIT):
            key = (body["ClassID"], body["UID"], as_int(body.get("ClientID")) or 0)
            when = (body["ActionTime"], order)
            if key not in last or when >= last[key][0]:
                last[key] = (when, cmd == CMD_ENTER)
    present: dict[int, set[int]] = {}
    for (class_id, uid, _), (_, inside) in last.items():
        if inside:
            present.setdefault(class_id, set()).add(uid)
    return present


def present_in(lesson: LessonState) -> set[int]:
    return {uid for uid, p in lesson.participants.items() if p.present(None)}


def snapshot(monitor: Monitor, now: float) -> dict:
    """Everything the live views show, at a fixed `now`."""
    return {
        "live": sorted(lesson.class_id for lesson in monitor.live_lessons(now)),
        "lessons": {cid: summary(lesson, now) for cid, lesson in monitor.school.lessons.items()},
        "names": dict(monitor.school.names),
    }


async def test_simulated_school_gives_live_lessons_with_who_is_inside(monitor, http, day):
    bodies = sent_so_far(day)
    await push_all(http, monitor, bodies)

    expected = present_from_pushes(bodies)
    live = {lesson.class_id: lesson for lesson in monitor.live_lessons()}
    assert set(live) == set(day.truth) and len(live) == 3       # every lesson has begun and none ended
    for class_id, lesson in live.items():
        assert lesson.sid == SID
        assert present_in(lesson) == expected[class_id] and len(expected[class_id]) >= 4
        # Students carry the school's names from the schedule sync, not nicknames.
        students = [row for row in summary(lesson)["participants"] if row["identity"] == 1]
        assert students and all(row["name"] for row in students)
    # The simulated classrooms ask for help and have device/network trouble; the
    # delivery itself was clean (nothing stuck, re-sent or failed).
    open_alarms = monitor.alarms.open_alarms()
    assert {a.kind for a in open_alarms} <= {"help_request", "device", "network"}
    assert {a.params["time"] for a in open_alarms if a.kind == "help_request"} == \
        {b["ActionTime"] for b in bodies if b["Cmd"] == "HelpInfo"} != set()


async def test_held_push_reaches_the_live_lesson_when_the_secret_is_fixed(monitor, http, day):
    await push_all(http, monitor, sent_so_far(day))
    monitor.receiver.promote_check = 0.1
    class_id = next(iter(day.truth))
    help_push = fixture_variant("HelpInfo.json", action_time=int(time.time()), ClassID=class_id,
                                CourseID=None, secret="the-new-secret")
    before = open_keys(monitor)
    status, answer = await post_push(http, monitor.receiver.url, help_push)
    assert status == 200 and answer["error_info"]["errno"] == ACKED
    (held,) = raised_since(monitor, before)
    assert (held.kind, held.sid, held.reason_code) == ("verification", SID, "bad_safekey")
    lesson = monitor.school.lessons[class_id]
    assert help_push["_id"] not in [h.msg_id for h in lesson.help_requests]

    monitor.config.add_school(SID, "the-new-secret")
    deadline = time.monotonic() + 10
    while help_push["_id"] not in [h.msg_id for h in lesson.help_requests]:
        assert time.monotonic() < deadline, "the held push did not reach the lesson within 10 s"
        await asyncio.sleep(0.05)
    assert not monitor.alarms.alarms[f"verification:{SID}"].open
    assert [a.kind for a in raised_since(monitor, before)] == ["help_request"]


async def test_wrong_safekey_raises_stuck_push_and_the_correct_resend_clears_it(monitor, http, day):
    monitor.config.set_verify(SID, "strict")      # the old rule: refuse, and the queue blocks
    await push_all(http, monitor, sent_so_far(day))
    class_id = next(iter(day.truth))
    now = int(time.time())
    help_push = fixture_variant("HelpInfo.json", action_time=now, ClassID=class_id, CourseID=None)
    wrong = fixture_variant("HelpInfo.json", action_time=now, ClassID=class_id, secret="an-old-secret")
    wrong["_id"] = help_push["_id"]                 # the same message, signed with a stale secret

    before = open_keys(monitor)
    for attempt in (1, 2):                          # ClassIn re-sends it every 10 s
        status, answer = await post_push(http, monitor.receiver.url, wrong)
        assert status == 403 and answer["error_info"]["errno"] != ACKED
    (stuck,) = raised_since(monitor, before)
    assert (stuck.kind, stuck.sid, stuck.reason_code, stuck.count) == ("stuck_push", SID, "bad_safekey", 2)
    assert stuck.params["attempts"] == 2 and stuck.params["class_id"] == class_id

    # The secret is fixed at ClassIn: the same message comes correctly signed.
    await push_all(http, monitor, [help_push])
    assert not monitor.alarms.alarms[f"stuck:{SID}"].open
    # ... and what it says reached the lesson and the desk (a help request).
    lesson = monitor.school.lessons[class_id]
    assert [h.msg_id for h in lesson.help_requests][-1] == help_push["_id"]
    assert [(a.kind, a.params["message"]) for a in raised_since(monitor, before)] == \
        [("help_request", help_push["Data"]["Message"])]

    # Our ack got lost: ClassIn sends it again.
    await push_all(http, monitor, [help_push])
    assert [a.kind for a in raised_since(monitor, before)] == ["help_request", "resent"]   # a person first
    assert len([h for h in lesson.help_requests if h.msg_id == help_push["_id"]]) == 1


async def test_device_problem_in_a_live_lesson_raises_and_a_good_check_clears(monitor, http, day):
    await push_all(http, monitor, sent_so_far(day))
    class_id, uid = next(iter(day.truth)), 41200902
    now = int(time.time())
    bad = fixture_variant("Check.json", action_time=now, ClassID=class_id, UID=uid, data={"addTime": now})
    good = fixture_variant("Check.json", action_time=now + 1, ClassID=class_id, UID=uid,
                           data={"addTime": now + 1, "CameraImpersonal": 1})
    before = open_keys(monitor)
    await push_all(http, monitor, [bad])
    (alarm,) = raised_since(monitor, before)
    assert (alarm.kind, alarm.class_id, alarm.uid) == ("device", class_id, uid)
    await push_all(http, monitor, [good])
    assert open_keys(monitor) == before


async def test_restart_loads_recent_lessons_back_into_the_same_live_state(data_dir, http, day):
    first = await started(data_dir)
    try:
        await push_all(http, first, sent_so_far(day))
        now = time.time()
        before = snapshot(first, now)
        last_push = first.alarms.last_push_by_sid[SID]
        open_before = open_keys(first)
    finally:
        await first.stop()

    second = await started(data_dir)
    try:
        assert snapshot(second, now) == before
        assert len(before["live"]) == 3
        # Silence counts from the last push before the restart, so a tunnel that
        # died while we were down still raises the alarm.
        assert second.alarms.last_push_by_sid[SID] == last_push
        # The live lessons' help requests and device trouble are back, waiting for the desk.
        assert "help_request" in {a.kind for a in second.alarms.open_alarms()}
        assert open_keys(second) == open_before
        second.tick(last_push + second.alarms.settings.silence_seconds + 1)
        assert [a.kind for a in raised_since(second, open_before)] == ["silence"]
    finally:
        await second.stop()


async def test_an_old_lesson_arriving_late_is_loaded_but_not_live(data_dir, http):
    """A blocked queue can deliver a lesson of two days ago only now: it is
    history (not live, so no device/network alarms) yet recent by receive time."""
    old = generate_day(SID, SECRET, lessons=1, students=2, seed=3, start=int(time.time()) - 2 * 86400)
    monitor = await started(data_dir)
    try:
        await push_all(http, monitor, [p.body for p in old.pushes])
        (lesson,) = monitor.school.lessons.values()
        assert not is_live(lesson, time.time()) and monitor.live_lessons() == []
    finally:
        await monitor.stop()
    # Received just now, so a restart loads it back (recency is by receive time).
    again = await started(data_dir)
    try:
        assert set(again.school.lessons) == set(old.truth)
        assert again.live_lessons() == []
    finally:
        await again.stop()


# -- alarms across a restart ---------------------------------------------------------------
OTHER_SID = 7_000_001   # a school nobody set up: its pushes are refused


def alarms_of(monitor: Monitor) -> dict[str, dict]:
    return {key: asdict(alarm) for key, alarm in monitor.alarms.alarms.items()}


def kept_rows(data_dir: Path) -> list[tuple]:
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        return conn.execute("SELECT * FROM alarm ORDER BY key").fetchall()
    finally:
        conn.close()


def camera_check(now: int, uid: int, works: bool, **fields) -> dict:
    data = {"addTime": now, **({"CameraImpersonal": 1} if works else {})}
    return fixture_variant("Check.json", action_time=now, UID=uid, data=data, **fields)


async def test_alarms_come_back_after_a_restart_as_the_desk_left_them(data_dir, http):
    now = int(time.time())
    first = await started(data_dir)
    try:
        # A live lesson asks for help twice; a camera fails and works again.
        helps = [fixture_variant("HelpInfo.json", action_time=now + n, CourseID=None) for n in range(2)]
        await push_all(http, first, [*helps, camera_check(now, 41200902, False), camera_check(now + 1, 41200902, True)])
        for _ in range(2):   # ClassIn re-sends the refused push: one alarm, counted twice
            status, _ = await post_push(http, first.receiver.url,
                                        fixture_variant("HelpInfo.json", action_time=now, SID=OTHER_SID))
            assert status == 403
        first_help = min((a for a in first.alarms.alarms.values() if a.kind == "help_request"), key=lambda a: a.since)
        first.alarms.acknowledge(first_help.key)
        first.alarms.acknowledge(f"stuck:{OTHER_SID}")
        before = alarms_of(first)
    finally:
        await first.stop()
    assert sorted(a["kind"] for a in before.values()) == ["device", "help_request", "help_request", "stuck_push"]
    assert before[f"stuck:{OTHER_SID}"]["count"] == 2 and before[first_help.key]["acknowledged"]
    assert SECRET not in repr(kept_rows(data_dir))

    second = await started(data_dir)
    try:
        # Open ones still open since they were first raised, acknowledged or not; the resolved one listed.
        assert alarms_of(second) == before
    finally:
        await second.stop()


@pytest.mark.slow
async def test_alarms_whose_cause_went_away_while_the_app_was_down_resolve_at_restart(data_dir, http):
    now = int(time.time())
    right = fixture_variant("Net.json", action_time=now, CourseID=None)
    wrong = fixture_variant("Net.json", action_time=now, CourseID=None, secret="an-old-secret")
    wrong["_id"] = right["_id"]                    # the same message, signed with a stale secret
    ConfigStore(data_dir).set_verify(SID, "strict")
    first = await started(data_dir)
    try:
        help_push = fixture_variant("HelpInfo.json", action_time=now, CourseID=None)
        await push_all(http, first, [help_push])
        status, _ = await post_push(http, first.receiver.url, wrong)
        assert status == 403
        (help_alarm,) = [a for a in first.alarms.open_alarms() if a.kind == "help_request"]
        first.alarms.acknowledge(help_alarm.key)
        assert first.alarms.alarms[f"stuck:{SID}"].open
    finally:
        await first.stop()

    # Meanwhile `serve` took ClassIn's re-send (the secret was fixed) and the lesson ended.
    serve = ServeProcess(data_dir)
    try:
        before_resend = time.time()
        for body in (right, fixture_variant("End.json", action_time=now + 60)):
            status, answer = await post_push(http, serve.url, body)
            assert (status, answer["error_info"]["errno"]) == (200, ACKED)
        after_resend = time.time()
    finally:
        assert serve.stop() == 0
    restarted_at = time.time()
    second = await started(data_dir)
    try:
        assert second.alarms.open_alarms() == []
        assert before_resend <= second.alarms.alarms[f"stuck:{SID}"].resolved_at <= after_resend
        help_after = second.alarms.alarms[help_alarm.key]
        assert help_after.acknowledged and help_after.since == help_alarm.since
        assert help_after.resolved_at >= restarted_at
    finally:
        await second.stop()
    # kept resolved (serve, running the same core, also saw the bad network report of that lesson)
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        kept = dict(conn.execute("SELECT kind, resolved_at FROM alarm").fetchall())
    finally:
        conn.close()
    assert sorted(kept) == ["help_request", "network", "stuck_push"] and None not in kept.values()


async def test_resolved_alarms_older_than_a_week_or_beyond_the_newest_kept_are_dropped(data_dir, http,
                                                                                        monkeypatch):
    now = int(time.time())
    first = await started(data_dir)
    try:
        # Cameras in three lessons fail and work again, one after the other: three resolved alarms.
        for n, uid in enumerate((41200902, 41200915, 41200871)):
            await push_all(http, first, [camera_check(now + 2 * n, uid, False, ClassID=508113967 + n),
                                         camera_check(now + 2 * n + 1, uid, True, ClassID=508113967 + n)])
        keys = [a.key for a in sorted(first.alarms.alarms.values(), key=lambda a: a.resolved_at)]
    finally:
        await first.stop()
    assert len(keys) == 3 and first.alarms.open_alarms() == []

    conn = sqlite3.connect(data_dir / DB_NAME)
    with conn:   # the first one resolved a week and a day ago
        conn.execute("UPDATE alarm SET resolved_at = resolved_at - ? WHERE key = ?",
                     (alarm_store.KEEP_RESOLVED_SECONDS + 86400, keys[0]))
    conn.close()
    second = await started(data_dir)
    await second.stop()
    assert sorted(second.alarms.alarms) == sorted(keys[1:])
    assert [row[0] for row in kept_rows(data_dir)] == sorted(keys[1:])

    monkeypatch.setattr(alarm_store, "KEEP_RESOLVED", 1)
    third = await started(data_dir)
    await third.stop()
    assert list(third.alarms.alarms) == keys[2:]
    assert [row[0] for row in kept_rows(data_dir)] == keys[2:]


async def test_a_view_told_of_a_push_finds_its_derived_rows(monitor, http):
    """The window's views read History, charts and checks when told of a push
    (event_listeners): by then its derived rows are committed, although they
    follow the ack in a transaction of their own."""
    found: list[tuple[int, int]] = []

    def view(event, _lesson) -> None:
        if isinstance(event, NetReport):
            conn = sqlite3.connect(monitor.receiver.db_path)
            try:
                count = conn.execute("SELECT COUNT(*) FROM net_sample WHERE uid = ? AND time = ?",
                                     (event.uid, event.time)).fetchone()[0]
            finally:
                conn.close()
            found.append((event.time, count))

    monitor.event_listeners.append(view)
    now = int(time.time())
    sent = [fixture_variant("Net.json", action_time=now + i, data={"reportTime": now + i}) for i in range(20)]
    await asyncio.gather(*(post_push(http, monitor.receiver.url, body) for body in sent))
    for _ in range(500):
        if len(found) == len(sent):
            break
        await asyncio.sleep(0.01)
    assert sorted(found) == [(now + i, 1) for i in range(20)]


async def test_the_fold_waits_while_the_core_holds_the_write_turn_then_goes_on(monitor, http):
    """A split `serve`'s core gives way to its own derived-row transaction
    holding the store's write turn (it needs the GIL between its statements,
    and the receiving process waits for the turn): nothing is folded in
    meanwhile, and everything right after."""
    holding = {"turn": True}
    monitor.gives_way = lambda: holding["turn"]
    told: list = []
    monitor.event_listeners.append(lambda event, _lesson: told.append(event))
    entered = fixture_variant("inclass_enter.json", action_time=int(time.time()))
    await push_all(http, monitor, [entered])
    await asyncio.sleep(0.3)
    assert told == [] and entered["ClassID"] not in monitor.school.lessons
    holding["turn"] = False
    for _ in range(500):
        if told:
            break
        await asyncio.sleep(0.01)
    assert [event.uid for event in told] == [entered["UID"]]
    assert entered["UID"] in monitor.school.lessons[entered["ClassID"]].participants


async def test_a_split_serves_core_parses_each_push_once_for_its_state_and_rows(data_dir, http, projection_parses):
    """A split `serve` in one process: a storing receiver, and a core Monitor
    following its store. The fold parses each push and hands the event to the
    derived rows, which go no further than the fold while running
    (Writer.parsed_through): the rows follow, and none of them parses again."""
    from receiver.app import Receiver
    from ..helpers import new_push
    config = ConfigStore(data_dir)
    store = Receiver(data_dir, config=config, role="store")
    url = await store.start("127.0.0.1", 0)
    core = Monitor(data_dir, config, receiver=Receiver(data_dir, config=config, role="core", url=url))
    await core.start()
    try:
        nets = [new_push("Net", Data={"good": 280, "normal": 15, "bad": 5, "total": 300}, UID=7000 + i)
                for i in range(20)]
        for body in nets:
            status, answer = await post_push(http, url, body)
            assert (status, answer["error_info"]["errno"]) == (200, ACKED)
        db = sqlite3.connect(data_dir / DB_NAME)
        try:
            for _ in range(500):
                if db.execute("SELECT COUNT(*) FROM net_sample").fetchone()[0] == len(nets):
                    break
                await asyncio.sleep(0.02)
            last = db.execute("SELECT MAX(id) FROM push").fetchone()[0]
            assert db.execute("SELECT COUNT(*) FROM net_sample").fetchone()[0] == len(nets)
        finally:
            db.close()
        assert core.receiver.writer.parsed_through == last
        assert set(range(7000, 7020)) <= set(core.school.lessons[nets[0]["ClassID"]].participants)
        assert projection_parses == []
    finally:
        await core.stop()
        await store.stop()
