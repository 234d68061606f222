"""The relay against a real local school system: ClassIn's delivery rule
(exact bytes, order, one in flight, errno 1), every failure retried, status,
the alarm, isolation, what is and is not relayed."""
from __future__ import annotations

import asyncio
import codecs
import json
import os
import threading
import time

import pytest

from alarms.center import AlarmCenter
from receiver.events import PushStored
from receiver.app import Receiver
from relay.worker import Relay
from storage.config import ConfigStore
from storage import wal_sync
from storage.relay import DestinationExists

from ..helpers import SECRET, SID, new_push, post_push
from ..relay_support import SchoolSystem, free_port, wait_for


def body_of(push: dict) -> bytes:
    # Not what aiohttp or orjson would produce: the relay must pass the bytes on untouched.
    return json.dumps(push, ensure_ascii=False, indent=1).encode()


@pytest.fixture
async def system():
    s = SchoolSystem()
    await s.start()
    yield s
    await s.stop()


@pytest.fixture
async def relayed(data_dir, store):
    """A receiver on each backend with its relay (short timeout, fast backoff, alarm after 0.3 s)."""
    r = Receiver(data_dir, db=store)
    alarms = AlarmCenter()
    relay = Relay.attach(r, alarms=alarms, timeout=0.3, first_backoff=0.02, max_backoff=0.1,
                         alarm_after=0.3, poll=0.1)
    await r.start("127.0.0.1", 0)
    yield r, relay, alarms
    await r.stop()


async def send(http, receiver, pushes) -> list[bytes]:
    bodies = [p if isinstance(p, bytes) else body_of(p) for p in pushes]
    for body in bodies:
        status, answer = await post_push(http, receiver.url, body)
        assert (status, answer["error_info"]["errno"]) == (200, 1)
    return bodies


async def status_of(relay, name):
    return next(s for s in await relay.status() if s.destination.name == name)


async def drained(relay, name):
    """The status once what was delivered is in the database (folded from the journal)."""
    for _ in range(500):
        s = await status_of(relay, name)
        if s.pending == 0:
            return s
        await asyncio.sleep(0.02)
    raise AssertionError(f"{name} still has {s.pending} pending")


async def test_exact_bytes_in_order_as_json(relayed, system, http):
    receiver, relay, _ = relayed
    await relay.add("lms", SID, system.url)
    pushes = [new_push("Net", Data={"名字": "王小明", "n": i}) for i in range(20)]
    bodies = await send(http, receiver, pushes)
    bom = codecs.BOM_UTF8 + body_of(new_push("End"))      # stored without its BOM, relayed with it
    bodies += await send(http, receiver, [bom])
    await wait_for(lambda: len(system.received) == len(bodies))
    assert system.received == bodies
    assert set(system.content_types) == {"application/json"}
    s = await drained(relay, "lms")
    assert (s.delivered, s.pending, s.failing_since, s.last_error) == (21, 0, None, None)


async def test_one_request_in_flight(relayed, http):
    receiver, relay, _ = relayed
    slow = SchoolSystem(delay=0.05)
    await slow.start()
    try:
        await relay.add("slow", SID, slow.url)
        bodies = await send(http, receiver, [new_push("Net", Data={"n": i}) for i in range(15)])
        await wait_for(lambda: len(slow.received) == 15)
        assert slow.max_in_flight == 1
        assert slow.received == bodies
    finally:
        await slow.stop()


@pytest.mark.parametrize("mode, error", [("500", "HTTP 500"), ("wrong", "answered errno 0"),
                                         ("text", "not JSON"), ("hang", "no answer within 0.3 s")])
async def test_failures_are_retried_until_delivered(relayed, http, mode, error):
    receiver, relay, _ = relayed
    system = SchoolSystem(mode)
    await system.start()
    try:
        await relay.add("lms", SID, system.url)
        bodies = await send(http, receiver, [new_push("Net", Data={"n": i}) for i in range(3)])
        await wait_for(lambda: len(system.attempts) >= 3)
        assert system.received == []
        # Every attempt is the first push again: nothing overtakes it.
        assert set(system.attempts) == {bodies[0]}
        s = await status_of(relay, "lms")
        assert s.pending == 3 and s.delivered == 0
        assert s.failing_since is not None and error in s.last_error
        system.mode = "ok"
        await wait_for(lambda: len(system.received) == 3)
        assert system.received == bodies
        s = await drained(relay, "lms")
        assert (s.delivered, s.pending, s.failing_since, s.last_error) == (3, 0, None, None)
    finally:
        await system.stop()


async def test_refused_connection_is_retried_until_the_system_listens(relayed, http):
    receiver, relay, _ = relayed
    port = free_port()
    await relay.add("lms", SID, f"http://127.0.0.1:{port}/hook")
    bodies = await send(http, receiver, [new_push("Net", Data={"n": i}) for i in range(5)])

    async def failing():
        s = await status_of(relay, "lms")
        return s.last_error is not None and "cannot connect" in s.last_error
    for _ in range(200):
        if await failing():
            break
        await asyncio.sleep(0.02)
    assert await failing()
    system = SchoolSystem()
    await system.start(port)
    try:
        await wait_for(lambda: len(system.received) == 5)
        assert system.received == bodies
    finally:
        await system.stop()


async def test_alarm_after_failing_then_resolved_when_drained(relayed, http):
    receiver, relay, alarms = relayed
    system = SchoolSystem("500")
    await system.start()
    try:
        await relay.add("lms", SID, system.url)
        await send(http, receiver, [new_push("Net")])
        await wait_for(lambda: "relay:lms" in alarms.alarms)
        alarm = alarms.alarms["relay:lms"]
        assert alarm.kind == "relay" and alarm.open and alarm.sid == SID
        assert alarm.params["error"] == "HTTP 500" and alarm.params["name"] == "lms"
        system.mode = "ok"
        await wait_for(lambda: not alarms.alarms["relay:lms"].open)
        assert len(system.received) == 1
    finally:
        await system.stop()


async def test_dead_destination_slows_neither_acks_nor_another_destination(relayed, system, http):
    receiver, relay, _ = relayed
    dead = SchoolSystem("hang")
    await dead.start()
    try:
        relay.timeout = 30.0               # a request that hangs for the whole test
        await relay.add("dead", SID, dead.url)
        await relay.add("lms", SID, system.url)
        bodies = await send(http, receiver, [new_push("Net", Data={"n": 0})])
        await dead.arrived.wait()          # its one request now hangs
        bodies += await send(http, receiver, [new_push("Net", Data={"n": i}) for i in range(1, 50)])
        await wait_for(lambda: len(system.received) == 50)
        assert system.received == bodies
        assert len(dead.attempts) == 1 and dead.in_flight == 1
        s = await status_of(relay, "dead")
        assert s.pending == 50 and s.delivered == 0
    finally:
        await dead.stop()


async def test_only_pushes_stored_after_adding_unless_replayed(relayed, system, http):
    receiver, relay, _ = relayed
    before = await send(http, receiver, [new_push("Net", Data={"n": i}) for i in range(3)])
    await relay.add("lms", SID, system.url)
    after = await send(http, receiver, [new_push("Net", Data={"n": 9})])
    await wait_for(lambda: len(system.received) == 1)
    assert system.received == after
    assert await relay.replay("lms", 0, time.time() + 1) == 4     # the delivered one goes again too
    await wait_for(lambda: len(system.received) == 5)
    assert system.received[1:] == before + after


async def test_cmd_filter_and_other_schools(relayed, system, http, data_dir):
    receiver, relay, _ = relayed
    await relay.add("lms", SID, system.url, ["End", "Net"])
    pushes = [new_push("Net"), new_push("Check"), new_push("End"), new_push(67371107)]
    bodies = await send(http, receiver, pushes)
    await wait_for(lambda: len(system.received) == 2)
    await asyncio.sleep(0.3)
    assert system.received == [bodies[0], bodies[2]]


async def test_held_pushes_are_relayed_when_promoted_never_before(relayed, system, http, data_dir):
    receiver, relay, _ = relayed
    receiver.promote_check = 0.1
    await relay.add("lms", SID, system.url)
    new_secret = "the-new-secret"
    held = [body_of(new_push("Net", secret=new_secret, Data={"n": i})) for i in range(2)]
    held.append(codecs.BOM_UTF8 + body_of(new_push("End", secret=new_secret)))
    held_acks = await send(http, receiver, held)           # acked (kept), not verified: held
    good = await send(http, receiver, [new_push("Net", Data={"n": 9})])
    await wait_for(lambda: len(system.received) == 1)
    await asyncio.sleep(0.3)
    assert system.received == good and (await status_of(relay, "lms")).pending == 0

    ConfigStore(data_dir).add_school(SID, new_secret)      # the secret was wrong: the held ones verify now
    await wait_for(lambda: len(system.received) == 4)
    assert system.received[1:] == held_acks                 # in order, exact bytes (the BOM too)


async def test_unknown_school_is_not_relayed(relayed, system, http):
    receiver, relay, _ = relayed
    await relay.add("lms", SID, system.url)
    stranger = new_push("Net", sid=SID + 1)
    status, _ = await post_push(http, receiver.url, body_of(stranger))
    assert status == 403
    good = await send(http, receiver, [new_push("End")])
    await wait_for(lambda: len(system.received) == 1)
    await asyncio.sleep(0.3)
    assert system.received == good


async def test_pause_resume_and_retry_now(relayed, system, http):
    receiver, relay, _ = relayed
    await relay.add("lms", SID, system.url)
    await relay.set_paused("lms", True)
    bodies = await send(http, receiver, [new_push("Net", Data={"n": i}) for i in range(4)])
    await asyncio.sleep(0.3)
    assert system.received == []
    s = await status_of(relay, "lms")
    assert s.destination.paused and s.pending == 4
    await relay.set_paused("lms", False)
    await wait_for(lambda: len(system.received) == 4)
    assert system.received == bodies

    system.mode = "500"
    relay.lines[s.destination.id].backoff.first = 3600.0    # would wait an hour without "retry now"
    relay.lines[s.destination.id].backoff.reset()
    more = await send(http, receiver, [new_push("End")])
    await wait_for(lambda: len(system.attempts) == 5)
    system.mode = "ok"
    relay.retry_now("lms")
    await wait_for(lambda: len(system.received) == 5)
    assert system.received[-1:] == more


async def test_destinations_are_named_once_and_removed_with_their_backlog(relayed, system, http):
    receiver, relay, _ = relayed
    await relay.add("lms", SID, system.url)
    with pytest.raises(DestinationExists):
        await relay.add("lms", SID, system.url)
    await relay.set_paused("lms", True)
    await send(http, receiver, [new_push("Net")])
    assert await relay.remove("lms") == 1
    assert await relay.status() == [] and relay.lines == {}


async def test_receivers_sharing_a_store_deliver_each_push_once(tmp_path, store, system, http):
    """Team mode: two receivers on one store, ClassIn's pushes split between them;
    one relay at a time holds the destination, the other takes over when it stops."""
    receivers = []
    for name in ("a", "b"):
        d = tmp_path / name
        d.mkdir()
        ConfigStore(d).add_school(SID, SECRET, "Fixture School")
        r = Receiver(d, db=store)
        Relay.attach(r, poll=0.1)
        await r.start("127.0.0.1", 0)
        receivers.append(r)
    try:
        relay_a = next(s for s in receivers[0].services if isinstance(s, Relay))
        await relay_a.add("lms", SID, system.url)
        bodies = []
        for i in range(20):
            bodies += await send(http, receivers[i % 2], [new_push("Net", Data={"n": i})])
        await wait_for(lambda: len(system.received) == 20)
        await asyncio.sleep(0.3)
        assert system.received == bodies and system.max_in_flight == 1
        owner = next(r for r in receivers if any(isinstance(s, Relay) and s.owned for s in r.services))
        await owner.stop()
        receivers.remove(owner)
        more = await send(http, receivers[0], [new_push("End")])
        await wait_for(lambda: len(system.received) == 21)
        assert system.received[20:] == more
    finally:
        for r in receivers:
            await r.stop()


async def test_a_push_goes_out_only_once_its_wal_is_synced(data_dir, system, http, monkeypatch):
    """SQLite: a commit is seen by other connections before its WAL is synced
    (storage.wal_sync). A push relayed then could be taken back by a power cut:
    its id would be the next push's, and the delivery journal would mark that
    one delivered. Only the WalSync's fsync is held up here."""
    receiver = Receiver(data_dir)
    relay = Relay.attach(receiver, poll=3600)   # only a push's own event wakes its line
    await receiver.start("127.0.0.1", 0)
    entered, release = threading.Event(), threading.Event()
    real_fsync = os.fsync

    def held_fsync(fd):
        if threading.current_thread().name == "classwatch-wal-sync":
            entered.set()
            release.wait(10)
        real_fsync(fd)

    try:
        await relay.add("lms", SID, system.url)
        monkeypatch.setattr(wal_sync.os, "fsync", held_fsync)
        push = new_push("Net")
        acked = asyncio.create_task(send(http, receiver, [push]))
        await wait_for(entered.is_set)
        # Committed, not yet synced: the event of an earlier push of the school wakes the line now.
        relay.on_receiver_event(PushStored(1, "classin", time.time(), SID, "Net", None, {}))
        await asyncio.sleep(0.3)
        assert system.attempts == []
        release.set()
        await acked
        await wait_for(lambda: system.received == [body_of(push)])
    finally:
        release.set()
        await receiver.stop()
