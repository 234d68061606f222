"""The `alarm` table on a real file through the real writer thread: alarms come
back as they were written, resolved ones go by age and by count, no configured
secret lands in it, and a failing alarm write leaves the pushes of its batch."""
from __future__ import annotations

import functools
import threading
from dataclasses import asdict
from pathlib import Path

import pytest

from alarms.model import Alarm
from storage.alarms import alarm_row, load_alarms, save_alarms
from storage.db import open_database
from receiver.classin import push_record
from storage.writer import Writer

from ..helpers import SECRET, SID, db_rows

T0 = 1_747_185_000.0
DAY = 86400.0


@pytest.fixture
def db_path(store):
    """The store on each backend (named for what it was: a file)."""
    open_database(store).close()
    return store


def write(path: Path, alarms: list[Alarm], *, secrets: list[str] = (), resolved_since: float = 0.0,
          keep_resolved: int = 1000) -> None:
    writer = Writer(path)
    writer.start()
    try:
        rows = [alarm_row(asdict(alarm), secrets) for alarm in alarms]
        writer.submit(functools.partial(save_alarms, rows=rows, resolved_since=resolved_since,
                                        keep_resolved=keep_resolved)).result()
    finally:
        writer.stop()


def read(path: Path, resolved_since: float = 0.0, keep_resolved: int = 1000) -> list[dict]:
    db = open_database(path)
    try:
        return load_alarms(resolved_since, keep_resolved)
    finally:
        db.close()


def stored_text(where) -> str:
    return repr(db_rows(where, "SELECT * FROM alarm"))


def resolved(key: str, at: float) -> Alarm:
    return Alarm(key=key, kind="device", since=at - 60, last=at - 30, sid=SID, class_id=1, uid=2,
                 params={"problems": ["camera: no picture"]}, resolved_at=at)


def test_alarms_come_back_as_written(db_path):
    stuck = Alarm(key=f"stuck:{SID}", kind="stuck_push", since=T0, last=T0 + 20, sid=SID, reason_code="bad_safekey",
                  params={"qkey": "id:abc", "attempts": 3, "first_seen": T0, "kept": True, "class_id": None},
                  count=3, acknowledged=True)
    help_ = Alarm(key="help_request:1:x", kind="help_request", since=T0 + 5, last=T0 + 5, class_id=1, uid=7,
                  params={"message": "老师，我听不到声音", "users": [7, 8], "time": 1747185700})
    write(db_path, [stuck, help_, resolved("device:1:2", T0 + 30)])
    assert sorted(read(db_path), key=lambda f: f["key"]) == \
        [asdict(resolved("device:1:2", T0 + 30)), asdict(help_), asdict(stuck)]
    # Written again: the row is replaced, not added.
    stuck.resolved_at = T0 + 40
    write(db_path, [stuck])
    assert [f["resolved_at"] for f in read(db_path) if f["key"] == stuck.key] == [T0 + 40]


def test_resolved_alarms_go_by_age_and_by_count_open_ones_stay(db_path):
    now = T0 + 30 * DAY
    open_one = Alarm(key="silence:1", kind="silence", since=T0, last=T0, sid=1)   # open for a month
    old, older, newer, newest = (resolved(f"device:1:{n}", at) for n, at in
                                 enumerate((now - 8 * DAY, now - 7 * DAY - 1, now - 2, now - 1)))
    write(db_path, [open_one, old, older, newer, newest], resolved_since=now - 100 * DAY)
    # Reading applies the same bounds as pruning (the writer prunes only once it runs).
    assert {f["key"] for f in read(db_path, now - 7 * DAY, 1)} == {open_one.key, newest.key}

    write(db_path, [], resolved_since=now - 7 * DAY, keep_resolved=2)
    assert {f["key"] for f in read(db_path)} == {open_one.key, newer.key, newest.key}
    write(db_path, [], resolved_since=now - 7 * DAY, keep_resolved=1)
    assert {f["key"] for f in read(db_path)} == {open_one.key, newest.key}


def test_no_configured_secret_reaches_the_table(db_path):
    token = "tunnel-token-0123456789"
    tunnel = Alarm(key="tunnel", kind="tunnel", since=T0, last=T0,
                   params={"reason": f"cloudflared: bad token {token}", "seen": [f"secret={SECRET}", 3]})
    write(db_path, [tunnel], secrets=[SECRET, token])
    (fields,) = read(db_path)
    assert fields["params"] == {"reason": "cloudflared: bad token ***", "seen": ["secret=***", 3]}
    text = stored_text(db_path)
    assert SECRET not in text and token not in text
    assert tunnel.params["reason"].endswith(token)     # the alarm in memory is left as it is


def test_a_failing_alarm_write_costs_the_pushes_of_its_batch_nothing(db_path):
    """Alarm writes share the writer's batches with pushes: a failing one must
    fail alone, or alarm bookkeeping would turn into refused pushes."""
    beyond_sqlite = Alarm(key="device:1:2", kind="device", since=T0, last=T0, uid=2 ** 70)
    writer = Writer(db_path)
    writer.start()
    try:
        # Hold the writer in a job until both are queued: they then share its next batch.
        busy, gate = threading.Event(), threading.Event()
        held = writer.submit(lambda conn: (busy.set(), gate.wait(10)))
        assert busy.wait(10)
        record = push_record({"SID": SID, "Cmd": "Net", "_id": "one"}, '{"_id":"one"}', T0)
        push = writer.submit(record)
        alarms = writer.submit(functools.partial(
            save_alarms, rows=[alarm_row(asdict(resolved("device:1:1", T0)), []),
                               alarm_row(asdict(beyond_sqlite), [])], resolved_since=0.0, keep_resolved=1000))
        gate.set()
        held.result()
        assert not push.result().duplicate
        with pytest.raises(Exception) as raised:    # SQLite: OverflowError; PostgreSQL: bigint out of range
            alarms.result()
        assert isinstance(raised.value, OverflowError) or "out of range" in str(raised.value)
        assert writer.batches == 2
    finally:
        writer.stop()
    assert db_rows(db_path, "SELECT dedupe_key FROM push") == [(record.dedupe_key,)]
    assert db_rows(db_path, "SELECT key FROM alarm") == []   # all of that write, not half of it


def test_an_acknowledgement_by_another_process_survives_this_ones_writes(db_path):
    from storage.alarms import acknowledge, acknowledgements_since
    alarm = Alarm(key="help_request:1:x", kind="help_request", since=T0, last=T0, class_id=1, uid=7)
    write(db_path, [alarm])
    assert acknowledge(db_path, alarm.key, "Mei", T0 + 10, "called") is True
    assert acknowledge(db_path, "no-such-alarm", "Mei", T0 + 10, None) is False
    alarm.count, alarm.last = 2, T0 + 20            # the core, not knowing yet, writes its own change
    write(db_path, [alarm])
    (row,) = read(db_path)
    assert (row["acknowledged"], row["acknowledged_by"], row["acknowledged_at"], row["ack_note"], row["count"]) == \
        (True, "Mei", T0 + 10, "called", 2)
    writer = Writer(db_path)     # as the running core asks, every second
    writer.start()
    try:
        assert writer.submit(functools.partial(acknowledgements_since, after=T0 + 5)).result() == \
            [(alarm.key, T0, "Mei", T0 + 10, "called")]
        assert writer.submit(functools.partial(acknowledgements_since, after=T0 + 10)).result() == []
    finally:
        writer.stop()
    # Raised anew after it resolved: a new episode, not acknowledged.
    write(db_path, [Alarm(key=alarm.key, kind="help_request", since=T0 + 100, last=T0 + 100, class_id=1)])
    (row,) = read(db_path)
    assert (row["acknowledged"], row["acknowledged_by"]) == (False, None)
