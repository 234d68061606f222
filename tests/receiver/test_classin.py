"""POST /classin over real HTTP on loopback against real SQLite files and a real
PostgreSQL server (the `receiver` fixture runs each test on both)."""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import stat

import orjson
import pytest

from protocol.classin import ACK_TEXT, dedupe_key, safekey
from receiver.app import Receiver
from receiver.events import PushDuplicate, PushRefused, PushStored, StorageFailed
from storage.config import ConfigStore
from storage.models import FLAG_RELEASED, FLAG_UNPARSED

from ..helpers import SECRET, SID, db_rows, fixture, fixture_names, new_push, resign


@pytest.fixture
async def receiver(data_dir, store):
    """The receiver on each backend (the conftest one is SQLite only)."""
    r = Receiver(data_dir, db=store)
    await r.start("127.0.0.1", 0)
    yield r
    await r.stop()


def rows(receiver, sql, *args):
    return db_rows(receiver.db, sql, *args)


async def post(http, receiver, body, **kw):
    data = orjson.dumps(body) if isinstance(body, dict) else body
    async with http.post(receiver.url + "/classin", data=data,
                         headers={"Content-Type": "application/json"}, **kw) as resp:
        return resp.status, resp.headers.get("Content-Type", ""), await resp.read()


def errno_of(body: bytes) -> int:
    return orjson.loads(body)["error_info"]["errno"]


async def health(http, receiver) -> dict:
    """/healthz with the install's token: the details."""
    token = receiver.config.health_token()
    async with http.get(receiver.url + "/healthz", headers={"Authorization": f"Bearer {token}"}) as resp:
        assert resp.status == 200
        return await resp.json()


def strict(receiver) -> None:
    """The school refuses what does not verify (the old rule)."""
    receiver.config.set_verify(SID, "strict")


async def test_every_fixture_is_acked_and_stored_exactly_as_received(receiver, http):
    names = fixture_names()
    assert len(names) >= 50
    for name in names:
        body = orjson.dumps(fixture(name))
        status, ctype, answer = await post(http, receiver, body)
        assert status == 200, name
        assert ctype.startswith("application/json")
        assert orjson.loads(answer) == {"error_info": {"errno": 1, "error": ACK_TEXT}}
    stored = rows(receiver, "SELECT payload FROM push ORDER BY id")
    assert len(stored) == len(names)
    assert [json.loads(p) for (p,) in stored] == [fixture(n) for n in names]


async def test_ack_is_sent_only_after_commit(receiver, http):
    """At the moment the ack arrives, another connection already sees the row."""
    for _ in range(20):
        push = new_push("Net", UID=1)
        status, _, answer = await post(http, receiver, push)
        assert status == 200 and errno_of(answer) == 1
        assert rows(receiver, "SELECT COUNT(*) FROM push WHERE dedupe_key=?", dedupe_key(push)) == [(1,)]


async def test_resend_with_same_id_is_acked_and_not_stored_twice(receiver, http):
    events = []
    receiver.listeners.append(events.append)
    push = fixture("inclass_enter.json")
    for _ in range(3):
        status, _, answer = await post(http, receiver, push)
        assert status == 200 and errno_of(answer) == 1
    # A re-send may carry a fresh TimeStamp/SafeKey: still the same push.
    again = dict(push, TimeStamp=push["TimeStamp"] + 10)
    status, _, answer = await post(http, receiver, resign(again))
    assert status == 200 and errno_of(answer) == 1
    assert rows(receiver, "SELECT COUNT(*), MAX(resends) FROM push") == [(1, 3)]
    assert [type(e) for e in events] == [PushStored] + [PushDuplicate] * 3


async def test_a_nul_character_in_an_id_or_cmd_costs_no_push_its_batch(receiver, http):
    """JSON may spell a NUL (\\u0000) in any string, and anyone who saw one
    push can forge a body: in its `_id` or its `Cmd` PostgreSQL would refuse
    it, and with it every push of its batch (and of each batch its re-sends
    fall into). It is acked and stored, as are the pushes beside it, and
    its re-send is still a re-send."""
    forged = new_push("Net", UID=7, Data={"good": 9, "total": 10})
    forged.update(_id="6b1591\u0000forged", Cmd="Net\u0000")
    others = [new_push("Net", UID=uid, Data={"good": 9, "total": 10}) for uid in (8, 9, 10)]
    answers = await asyncio.gather(*(post(http, receiver, body) for body in [*others, forged, others[0]]))
    assert [(status, errno_of(answer)) for status, _, answer in answers] == [(200, 1)] * 5
    status, _, answer = await post(http, receiver, forged)
    assert (status, errno_of(answer)) == (200, 1)
    assert rows(receiver, "SELECT uid, resends FROM push ORDER BY uid") == [(7, 1), (8, 1), (9, 0), (10, 0)]


async def test_push_without_id_is_deduped_by_body(receiver, http):
    push = fixture("Net.json")
    del push["_id"]
    push = resign(push)
    await post(http, receiver, push)
    await post(http, receiver, push)
    await post(http, receiver, resign(dict(push, TimeStamp=push["TimeStamp"] + 1)))
    other = resign(dict(push, UID=push["UID"] + 1))
    await post(http, receiver, other)
    assert rows(receiver, "SELECT COUNT(*) FROM push") == [(2,)]


async def test_cmd_and_numbers_as_strings_are_accepted(receiver, http):
    push = fixture("inclass_enter.json")
    push.update(Cmd="67371107", SID=str(SID), ClassID=str(push["ClassID"]), TimeStamp=str(push["TimeStamp"]))
    push = resign(push)
    status, _, answer = await post(http, receiver, push)
    assert status == 200 and errno_of(answer) == 1
    assert rows(receiver, "SELECT sid, cmd, class_id FROM push") == [(SID, "67371107", 508113967)]


async def test_unknown_cmd_and_unknown_class_are_accepted(receiver, http):
    push = new_push("SomethingNew", class_id=999999999, Data={"x": [1, 2]})
    status, _, answer = await post(http, receiver, push)
    assert status == 200 and errno_of(answer) == 1


async def test_registration_test_push(receiver, http):
    test = {"SID": SID, "Cmd": "Test", "Msg": "Register test.", "TimeStamp": 1747029807}
    test["SafeKey"] = safekey(SECRET, 1747029807)
    status, _, answer = await post(http, receiver, test)
    assert status == 200 and errno_of(answer) == 1
    bad = dict(test, SafeKey=safekey("not-the-secret", 1747029807))
    status, _, answer = await post(http, receiver, bad)
    assert status == 403 and errno_of(answer) == 0


@pytest.mark.parametrize("change, code, reason_part", [
    (lambda p: p.update(SID=777), "unknown_sid", "unknown SID 777"),
    (lambda p: p.update(SafeKey="0" * 32), "bad_safekey", "wrong SafeKey"),
    (lambda p: p.pop("TimeStamp"), "no_timestamp", "TimeStamp"),
    (lambda p: p.pop("SID"), "unknown_sid", "no SID"),
])
async def test_unauthenticated_push_is_refused_and_kept(receiver, http, change, code, reason_part):
    strict(receiver)
    events = []
    receiver.listeners.append(events.append)
    push = fixture("HelpInfo.json")
    change(push)
    for attempt in range(3):
        status, ctype, answer = await post(http, receiver, push)
        assert status == 403 and ctype.startswith("application/json")
        assert errno_of(answer) == 0
        assert reason_part in orjson.loads(answer)["error_info"]["error"]
    assert rows(receiver, "SELECT COUNT(*) FROM push") == [(0,)]
    kept = rows(receiver, "SELECT reason_code, reason, attempts, body FROM quarantine")
    assert len(kept) == 1, "re-sends of one push update one quarantine row"
    assert kept[0][0] == code and reason_part in kept[0][1] and kept[0][2] == 3
    assert orjson.loads(kept[0][3]) == push
    assert isinstance(events[-1], PushRefused) and events[-1].attempts == 3
    assert SECRET not in kept[0][1]


async def test_broken_json_gets_400_and_is_kept(receiver, http):
    for body in (b'{"SID": 2290417, "Cmd": "Net",', b"\xff\xfe garbage", b"[1, 2, 3]", b""):
        status, _, answer = await post(http, receiver, body)
        assert status == 400 and errno_of(answer) == 0
    kept = rows(receiver, "SELECT reason_code, body FROM quarantine ORDER BY id")
    assert [k[0] for k in kept] == ["bad_json", "bad_json", "not_object", "bad_json"]
    assert kept[0][1] == b'{"SID": 2290417, "Cmd": "Net",'


async def test_a_utf8_bom_before_the_json_is_accepted(receiver, http):
    push = new_push("Net", _id="bom-1")
    status, _, answer = await post(http, receiver, b"\xef\xbb\xbf" + orjson.dumps(push))
    assert (status, errno_of(answer)) == (200, 1)
    assert [orjson.loads(p) for (p,) in rows(receiver, "SELECT payload FROM push")] == [push]


async def test_oversized_body_gets_413_and_a_prefix_is_kept(data_dir, http):
    receiver = Receiver(data_dir, max_body=1024)
    await receiver.start("127.0.0.1", 0)
    try:
        big = orjson.dumps(new_push("Net", Data={"pad": "x" * 5000}))
        status, _, _ = await post(http, receiver, big)
        assert status == 413

        async def chunks():  # no Content-Length: the limit must hold while streaming
            for i in range(0, len(big), 256):
                yield big[i:i + 256]
        status, _, _ = await post(http, receiver, chunks())
        assert status == 413
        kept = rows(receiver, "SELECT reason_code, size, length(body) FROM quarantine")
        assert kept and all(k[0] == "too_large" and k[1] > 1024 for k in kept)
        ok = new_push("Net")
        status, _, answer = await post(http, receiver, ok)
        assert status == 200 and errno_of(answer) == 1
    finally:
        await receiver.stop()


async def test_school_added_while_running_takes_effect_within_seconds(receiver, http):
    push = new_push("Net", sid=4242, secret="s3cr3t-4242")
    status, _, _ = await post(http, receiver, push)
    assert status == 403
    ConfigStore(receiver.data_dir).add_school(4242, "s3cr3t-4242", "Later School")
    status, _, answer = await post(http, receiver, push)  # ClassIn's next re-send
    assert status == 200 and errno_of(answer) == 1
    assert rows(receiver, "SELECT resolved_at IS NOT NULL FROM quarantine") == [(1,)]


async def test_release_accepts_the_next_resend_and_flags_it(receiver, http):
    await post(http, receiver, b"{not json")
    (qkey,) = rows(receiver, "SELECT qkey FROM quarantine")[0]
    assert await receiver.release(qkey)
    status, _, answer = await post(http, receiver, b"{not json")
    assert status == 200 and errno_of(answer) == 1
    assert rows(receiver, "SELECT payload, flags FROM push") == [("{not json", FLAG_RELEASED | FLAG_UNPARSED)]
    assert rows(receiver, "SELECT resolved_at IS NOT NULL, released FROM quarantine") == [(1, 0)]
    status, _, answer = await post(http, receiver, b"{not json")  # a later re-send: duplicate
    assert status == 200
    assert rows(receiver, "SELECT COUNT(*) FROM push") == [(1,)]


async def test_a_released_body_with_a_nul_byte_is_stored(receiver, http):
    """A body that is not JSON is stored as text once released; a NUL byte in
    it (PostgreSQL refuses one in text) costs neither it nor its batch. The
    relay still gets the body as sent."""
    body = b"{not\x00json"
    await post(http, receiver, body)
    (qkey,) = rows(receiver, "SELECT qkey FROM quarantine")[0]
    assert await receiver.release(qkey)
    answers = await asyncio.gather(post(http, receiver, body), post(http, receiver, fixture("Net.json")))
    assert [(status, errno_of(answer)) for status, _, answer in answers] == [(200, 1), (200, 1)]
    assert rows(receiver, "SELECT payload, flags FROM push WHERE flags != 0") == [
        ("{not\N{REPLACEMENT CHARACTER}json", FLAG_RELEASED | FLAG_UNPARSED)]
    assert rows(receiver, "SELECT COUNT(*) FROM push") == [(2,)]


async def test_released_bad_safekey_push_is_stored_flagged(receiver, http):
    strict(receiver)
    push = dict(fixture("Check.json"), SafeKey="f" * 32)
    assert (await post(http, receiver, push))[0] == 403
    (qkey,) = rows(receiver, "SELECT qkey FROM quarantine")[0]
    await receiver.release(qkey)
    status, _, answer = await post(http, receiver, push)
    assert status == 200 and errno_of(answer) == 1
    assert rows(receiver, "SELECT cmd, flags FROM push") == [("Check", FLAG_RELEASED)]


async def test_storage_failure_answers_503_and_the_resend_is_stored_once(data_dir, http):
    receiver = Receiver(data_dir, store_timeout=0.5)
    await receiver.start("127.0.0.1", 0)
    events = []
    receiver.listeners.append(events.append)
    try:
        blocker = sqlite3.connect(receiver.db_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        push = new_push("Net")
        status, _, answer = await post(http, receiver, push)
        assert status == 503 and errno_of(answer) == 0
        assert any(isinstance(e, StorageFailed) for e in events)
        blocker.execute("ROLLBACK")
        blocker.close()
        status, _, answer = await post(http, receiver, push)  # ClassIn re-sends
        assert status == 200 and errno_of(answer) == 1
        await asyncio.sleep(0.2)
        assert rows(receiver, "SELECT COUNT(*) FROM push") == [(1,)]
        # The refused push committed once the lock cleared, so its re-send was a
        # duplicate: /healthz still counts it, from the file.
        doc = await health(http, receiver)
        assert (doc["pushes"], doc["storage_failures"]) == (1, 1)
        assert doc["last_push_at"] == rows(receiver, "SELECT received_at FROM push")[0][0]
    finally:
        await receiver.stop()


async def test_disk_full_answers_503(data_dir, http):
    receiver = Receiver(data_dir)     # SQLite: its page limit plays a full disk
    await receiver.start("127.0.0.1", 0)

    def fill(conn):
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")
    try:
        await receiver.writer.store(fill)
        status, _, answer = await post(http, receiver, new_push("Net", Data={"pad": "y" * 200_000}))
        assert status == 503 and errno_of(answer) == 0
        await receiver.writer.store(lambda conn: conn.execute("PRAGMA max_page_count=1073741823"))
        status, _, _ = await post(http, receiver, new_push("Net"))
        assert status == 200
    finally:
        await receiver.stop()


async def test_healthz_reports_counts_and_last_push(receiver, http):
    await post(http, receiver, fixture("Net.json"))
    await post(http, receiver, fixture("Net.json"))
    await post(http, receiver, b"nope")
    doc = await health(http, receiver)
    assert doc["ok"] is True
    assert doc["pushes"] == 1 and doc["duplicates"] == 1 and doc["refused"] == 1
    assert doc["quarantined_open"] == 1 and doc["last_push_at"] > 0 and doc["schools"] == 1


async def test_counters_survive_a_restart(data_dir, http):
    first = Receiver(data_dir)
    await first.start("127.0.0.1", 0)
    await post(http, first, fixture("Net.json"))
    await first.stop()
    second = Receiver(data_dir)
    await second.start("127.0.0.1", 0)
    try:
        assert (await health(http, second))["pushes"] == 1
    finally:
        await second.stop()


async def test_secrets_stay_out_of_logs_and_config_is_private(data_dir, http, caplog):
    import logging
    from storage.logs import setup_logging
    config = ConfigStore(data_dir)
    setup_logging(data_dir, lambda: config.current().secrets(), stderr=False)
    receiver = Receiver(data_dir, config=config)
    await receiver.start("127.0.0.1", 0)
    try:
        await post(http, receiver, dict(fixture("Net.json"), SafeKey="0" * 32))   # held
        logging.getLogger("test").error("leak attempt %s", SECRET)
        try:
            raise ValueError(f"boom {SECRET}")
        except ValueError:
            logging.getLogger("test").exception("traceback with a secret")
    finally:
        await receiver.stop()
        for handler in logging.getLogger().handlers:
            handler.flush()
    log_text = (data_dir / "classwatch.log").read_text(encoding="utf-8")
    assert "wrong SafeKey" in log_text and "traceback with a secret" in log_text
    assert SECRET not in log_text
    if os.name == "posix":
        assert stat.S_IMODE((data_dir / "config.json").stat().st_mode) == 0o600
        assert stat.S_IMODE((data_dir / "classwatch.log").stat().st_mode) == 0o600
    logging.getLogger().handlers.clear()
