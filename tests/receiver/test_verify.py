"""The verification policy (CONTRACT.md "Verifying pushes without blocking a
school's queue"): hold by default, promotion on a secret change, trust,
strict, off, the held cap, both spellings. Real HTTP, real SQLite files."""
from __future__ import annotations

import asyncio
import sqlite3
import time

import orjson
import pytest

from alarms.center import AlarmCenter
from protocol.classin import safekey
from receiver.app import Receiver
from receiver.events import HeldPromoted, PushHeld, PushStored
from storage.config import ConfigStore
from storage.db import open_database
from storage.models import FLAG_RELEASED
from storage.queries import iter_pushes, iter_quarantine, quarantine_event

from ..helpers import SECRET, SID, fixture, new_push, projected, run_cli

NEW_SECRET = "the-corrected-secret"


def rows(receiver, sql, *args):
    conn = sqlite3.connect(receiver.db_path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


async def post(http, receiver, body):
    data = orjson.dumps(body) if isinstance(body, dict) else body
    async with http.post(receiver.url + "/classin", data=data) as resp:
        return resp.status, orjson.loads(await resp.read())["error_info"]["errno"]


async def eventually(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "not within the time allowed"
        await asyncio.sleep(0.05)


@pytest.fixture
async def fast(data_dir):
    """A receiver that looks for secret changes often (the contract allows 10 s)."""
    r = Receiver(data_dir)
    r.promote_check = 0.1
    await r.start("127.0.0.1", 0)
    yield r
    await r.stop()


async def test_a_push_that_does_not_verify_is_acked_held_and_counted_nowhere(fast, http):
    events, alarms = [], AlarmCenter()
    fast.listeners += [events.append, alarms.on_receiver_event]
    no_ts = {k: v for k, v in fixture("HelpInfo.json").items() if k not in ("TimeStamp", "SafeKey")}
    wrong = new_push("Net", secret="not-the-secret")
    for push in (no_ts, wrong, wrong):           # the last: a re-send (our ack got lost)
        assert await post(http, fast, push) == (200, 1)
    assert rows(fast, "SELECT COUNT(*) FROM push") == [(0,)]
    assert rows(fast, "SELECT reason_code, attempts FROM quarantine ORDER BY id") == [("held", 1), ("held", 2)]
    assert rows(fast, "SELECT COUNT(*) FROM lesson_index") == [(0,)]
    held = [e for e in events if isinstance(e, PushHeld)]
    assert [e.cause for e in held] == ["no_timestamp", "bad_safekey", "bad_safekey"]
    assert not any(isinstance(e, PushStored) for e in events)
    alarm = alarms.alarms[f"verification:{SID}"]
    assert alarm.open and alarm.kind == "verification" and alarm.sid == SID
    assert not any(a.kind == "stuck_push" for a in alarms.open_alarms())
    db = open_database(fast.db_path)
    try:
        listed = [quarantine_event(r) for r in iter_quarantine()]
    finally:
        db.close()
    assert [e["reason_code"] for e in listed] == ["held", "held"]
    assert listed[1]["payload"] == wrong


async def test_both_spellings_of_safekey_and_timestamp_verify(fast, http):
    ts = 1747029807
    push = {"SID": SID, "Cmd": "Net", "ClassID": 1, "_id": "lower-1", "timeStamp": ts,
            "safeKey": safekey(SECRET, ts)}
    mixed = {"SID": SID, "Cmd": "Net", "ClassID": 1, "_id": "mixed-1", "TimeStamp": ts,
             "safeKey": safekey(SECRET, ts)}
    for p in (push, mixed):
        assert await post(http, fast, p) == (200, 1)
    assert rows(fast, "SELECT COUNT(*) FROM push") == [(2,)]
    assert rows(fast, "SELECT COUNT(*) FROM quarantine") == [(0,)]


async def test_held_pushes_are_promoted_in_order_when_the_secret_is_fixed(fast, http):
    events = []
    fast.listeners.append(events.append)
    now = int(time.time())
    pushes = [new_push("Net", secret=NEW_SECRET, class_id=77, action_time=now - 60 + i, UID=100 + i)
              for i in range(5)]
    other = new_push("Net", secret="yet-another", class_id=77, action_time=now)
    for push in pushes[:3] + [other] + pushes[3:]:
        assert await post(http, fast, push) == (200, 1)
        await asyncio.sleep(0.01)
    first_seen = [r[0] for r in rows(fast, "SELECT first_seen FROM quarantine ORDER BY first_seen")]
    assert rows(fast, "SELECT COUNT(*) FROM push") == [(0,)]
    assert fast.stats.held[SID] == 6

    changed_at = time.monotonic()
    ConfigStore(fast.data_dir).add_school(SID, NEW_SECRET)     # `school add` on the existing SID
    await eventually(lambda: rows(fast, "SELECT COUNT(*) FROM push") == [(5,)])
    assert time.monotonic() - changed_at < 10
    stored = rows(fast, "SELECT received_at, payload, flags FROM push ORDER BY id")
    assert [orjson.loads(p) for _, p, _ in stored] == pushes
    assert [r for r, _, _ in stored] == [t for i, t in enumerate(first_seen) if i != 3]
    assert {f for _, _, f in stored} == {0}
    # derived rows follow: History and exports see them
    await projected(fast)
    assert rows(fast, "SELECT COUNT(*) FROM net_sample WHERE class_id = 77") == [(5,)]
    assert rows(fast, "SELECT class_id FROM lesson_index") == [(77,)]
    told = [e for e in events if isinstance(e, PushStored)]
    assert [e.payload for e in told] == pushes and [e.received_at for e in told] == [r for r, _, _ in stored]
    promoted = [e for e in events if isinstance(e, HeldPromoted)]
    assert promoted[-1].promoted == 5 and promoted[-1].remaining == 1
    # the one signed with another secret is still held, and listed
    assert rows(fast, "SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL") == [(1,)]
    # a re-send of a promoted push is a duplicate, not a second row
    assert await post(http, fast, pushes[0]) == (200, 1)
    assert rows(fast, "SELECT COUNT(*) FROM push") == [(5,)]


async def test_trust_promotes_held_pushes_without_verification(fast, http):
    no_ts = [{k: v for k, v in new_push("Net", UID=i).items() if k not in ("TimeStamp", "SafeKey")}
             for i in range(3)]
    for push in no_ts:
        assert await post(http, fast, push) == (200, 1)
    fast.config.trust_held(SID, time.time())
    await eventually(lambda: rows(fast, "SELECT COUNT(*) FROM push") == [(3,)])
    assert rows(fast, "SELECT DISTINCT flags FROM push") == [(FLAG_RELEASED,)]
    # trusting is about what was held then: a later unverifiable push is held again
    late = {k: v for k, v in new_push("Net", UID=9).items() if k not in ("TimeStamp", "SafeKey")}
    assert await post(http, fast, late) == (200, 1)
    await asyncio.sleep(0.5)
    assert rows(fast, "SELECT COUNT(*) FROM push") == [(3,)]


async def test_strict_refuses_and_off_stores_everything(fast, http):
    wrong = new_push("Net", secret="nope")
    fast.config.set_verify(SID, "strict")
    fast.config.current(force_check=True)
    status, errno = await post(http, fast, wrong)
    assert (status, errno) == (403, 0)
    assert rows(fast, "SELECT reason_code FROM quarantine") == [("bad_safekey",)]
    fast.config.set_verify(SID, "off")
    fast.config.current(force_check=True)
    assert await post(http, fast, wrong) == (200, 1)
    assert rows(fast, "SELECT flags FROM push") == [(0,)]


async def test_past_the_held_cap_a_push_is_refused_not_dropped(data_dir, http):
    receiver = Receiver(data_dir, held_cap=3600)
    await receiver.start("127.0.0.1", 0)
    try:
        pushes = [new_push("Net", secret="wrong", Data={"pad": "x" * 900}) for _ in range(5)]
        answers = [await post(http, receiver, p) for p in pushes]
        assert answers[:3] == [(200, 1)] * 3
        assert answers[3:] == [(403, 0)] * 2
        assert rows(receiver, "SELECT COUNT(*) FROM quarantine WHERE reason_code = 'held'") == [(3,)]
    finally:
        await receiver.stop()


async def test_promotion_waiting_at_start_is_done(data_dir, http):
    """A secret fixed while no receiver ran: the next start promotes."""
    receiver = Receiver(data_dir)
    await receiver.start("127.0.0.1", 0)
    push = new_push("Net", secret=NEW_SECRET)
    assert await post(http, receiver, push) == (200, 1)
    await receiver.stop()
    ConfigStore(data_dir).add_school(SID, NEW_SECRET)
    again = Receiver(data_dir)
    await again.start("127.0.0.1", 0)
    try:
        await eventually(lambda: rows(again, "SELECT COUNT(*) FROM push") == [(1,)])
    finally:
        await again.stop()


@pytest.mark.slow
def test_cli_verify_option_and_trust_without_a_running_receiver(tmp_path):
    data = tmp_path / "d"
    out = run_cli("school", "add", str(SID), "--secret", SECRET, "--verify", "strict", data_dir=data)
    assert out.returncode == 0 and "verify strict" in out.stdout
    out = run_cli("school", "add", str(SID), "--secret", SECRET, data_dir=data)   # keeps the policy
    assert "verify strict" in out.stdout
    assert "strict" in run_cli("school", "list", data_dir=data).stdout
    out = run_cli("school", "add", str(SID), "--secret", SECRET, "--verify", "loose", data_dir=data)
    assert out.returncode == 2
    out = run_cli("school", "trust", "999", "--held", data_dir=data)
    assert out.returncode == 1 and "no school 999" in out.stderr
    run_cli("school", "add", str(SID), "--secret", SECRET, "--verify", "hold", data_dir=data)

    async def hold_some():
        import aiohttp
        receiver = Receiver(data)
        await receiver.start("127.0.0.1", 0)
        try:
            async with aiohttp.ClientSession() as http:
                for i in range(2):
                    push = {k: v for k, v in new_push("Net", UID=i).items() if k != "TimeStamp"}
                    assert await post(http, receiver, push) == (200, 1)
        finally:
            await receiver.stop()
    asyncio.run(hold_some())
    out = run_cli("school", "trust", str(SID), "--held", data_dir=data)
    assert out.returncode == 0, out.stderr
    assert "2 held push(es) let in, 0 still held" in out.stdout
    out = run_cli("events", data_dir=data)
    assert len(out.stdout.splitlines()) == 2


@pytest.mark.slow
def test_kill_9_right_after_a_held_ack_loses_nothing(data_dir):
    import urllib.request

    from ..helpers import ServeProcess
    serve = ServeProcess(data_dir)
    acked = []
    try:
        for i in range(20):
            push = new_push("Net", secret=NEW_SECRET, UID=i)
            with urllib.request.urlopen(urllib.request.Request(serve.url + "/classin",
                                                               data=orjson.dumps(push))) as resp:
                assert resp.status == 200
            acked.append(push)
    finally:
        serve.kill()                                  # SIGKILL right after the last ack
    conn = sqlite3.connect(data_dir / "classwatch.db")
    try:
        kept = [orjson.loads(b) for (b,) in conn.execute(
            "SELECT body FROM quarantine WHERE reason_code = 'held' ORDER BY first_seen")]
    finally:
        conn.close()
    assert kept == acked
    # and once the secret is right they are all stored, once
    ConfigStore(data_dir).add_school(SID, NEW_SECRET)
    serve = ServeProcess(data_dir)
    try:
        deadline = time.monotonic() + 10
        while len(run_cli("events", data_dir=data_dir).stdout.splitlines()) < len(acked):
            assert time.monotonic() < deadline
            time.sleep(0.3)
    finally:
        assert serve.stop() == 0
    ids = [orjson.loads(line)["payload"]["_id"] for line in run_cli("events", data_dir=data_dir).stdout.splitlines()]
    assert ids == [p["_id"] for p in acked]


async def test_a_replay_of_published_examples_blocks_no_queue(fast, http):
    """ClassIn's published examples: many carry no TimeStamp (or spell it
    timeStamp). Each is acked; the unverifiable ones wait for trust."""
    from ..helpers import fixture_names
    names = [n for n in fixture_names() if n != "Test.json"]
    unsigned, lower = [], []
    for i, name in enumerate(names):
        push = fixture(name)
        if i % 2:
            push = {k: v for k, v in push.items() if k not in ("TimeStamp", "SafeKey")}
            unsigned.append(push)
        else:
            push["timeStamp"], push["safeKey"] = push.pop("TimeStamp"), push.pop("SafeKey")
            lower.append(push)
        assert await post(http, fast, push) == (200, 1), name
    assert rows(fast, "SELECT COUNT(*) FROM push") == [(len(lower),)]
    assert rows(fast, "SELECT COUNT(*) FROM quarantine WHERE reason_code = 'held'") == [(len(unsigned),)]
    fast.config.trust_held(SID, time.time())
    await eventually(lambda: rows(fast, "SELECT COUNT(*) FROM push") == [(len(names),)])
    stored = [orjson.loads(p) for (p,) in rows(fast, "SELECT payload FROM push ORDER BY id")]
    assert sorted(map(str, stored)) == sorted(map(str, lower + unsigned))
