"""PostgreSQL's projection queue (storage.derived.Projector): a split
`serve`'s receiving writer queues its pushes' derived rows with them, a core's
writer takes them from the queue; followers see a push once its rows are made.
Real writers on a real PostgreSQL server."""
from __future__ import annotations

import time

import orjson
import pytest

from receiver.classin import push_record
from storage.backends import backend_for
from storage.db import open_database
from storage.derived import Projector, rebuild
from storage.follow import PushFollower
from storage.writer import Writer

from ..helpers import db_rows, fixture, fixture_names, new_push

DERIVED = ("lesson_index", "net_sample", "device_check", "user_directory", "lesson_push", "course_push")


@pytest.fixture
def pg(pg_server):
    def new():
        where = pg_server.new_database()
        open_database(where).close()
        return where
    return new


def record(payload: dict, received_at: float):
    return push_record(payload, orjson.dumps(payload).decode(), received_at)


def derived(where) -> dict[str, list[tuple]]:
    return {table: db_rows(where, f"SELECT * FROM {table} ORDER BY 1, 2") for table in DERIVED}


def receiving(where) -> Writer:
    writer = Writer(where, projector=Projector(where), queues=True)
    writer.start()
    return writer


def core(where) -> Writer:
    writer = Writer(where, projector=Projector(where), follow=True, checkpoint=False)
    writer.start()
    return writer


def until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_queued_pushes_wait_for_a_core_and_get_the_rows_one_writer_makes(pg):
    """Stored and acked with no core running: the pushes are queued, no
    derived row exists, and a follower sees none of them. A core that starts
    takes them all: the same rows as a receiver making them itself, the queue
    empty, and the follower gets every push, in order."""
    pushes = [(1.0 + i, fixture(name)) for i, name in enumerate(fixture_names())]
    whole = pg()
    writer = Writer(whole, projector=Projector(whole))   # a desk with a port: rows with each batch
    writer.start()
    for received_at, payload in pushes:
        writer.submit(record(payload, received_at)).result()
    writer.stop()

    split = pg()
    follower = PushFollower(split, after_id=0)
    follower.connect()
    store = receiving(split)
    try:
        ids = [store.submit(record(payload, received_at)).result().push_id for received_at, payload in pushes]
    finally:
        store.stop()
    try:
        assert sorted(i for (i,) in db_rows(split, "SELECT push_id FROM unprojected")) == sorted(ids)
        assert not any(derived(split).values())
        assert follower.poll(0.5) == []

        taker = core(split)
        try:
            until(lambda: not db_rows(split, "SELECT 1 FROM unprojected"))
        finally:
            taker.stop()
        assert derived(split) == derived(whole)
        assert any(derived(split).values())
        seen = []
        until(lambda: seen.extend(follower.poll(0.5)) or len(seen) == len(ids))
        assert [push.id for push in seen] == sorted(ids)
    finally:
        follower.close()


def test_a_push_whose_rows_fail_alone_is_left_out_and_the_rest_go_on(pg, caplog):
    """A statement the database refuses for one push (here a CHECK the test
    adds; in life a damaged table or a value it cannot hold) must not hold up
    the queue: its neighbours get their rows, it is left out and logged, and
    the raw push stays."""
    where = pg()
    conn = backend_for(where).connect()
    conn.execute("ALTER TABLE net_sample ADD CONSTRAINT no_uid_13 CHECK (uid <> 13)")
    conn.close()
    store = receiving(where)
    try:
        stored = {uid: store.submit(record(new_push("Net", UID=uid, Data={"good": 9, "total": 10}), 1.0 + uid))
                  .result().push_id for uid in range(10, 17)}
    finally:
        store.stop()
    taker = core(where)
    try:
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"))
    finally:
        taker.stop()
    assert sorted(uid for (uid,) in db_rows(where, "SELECT uid FROM net_sample")) == [10, 11, 12, 14, 15, 16]
    assert db_rows(where, "SELECT COUNT(*) FROM push")[0][0] == 7
    assert f"derived rows of push {stored[13]} left out" in caplog.text


def test_two_cores_share_the_queue_and_make_each_push_once(pg):
    """Two `serve`s on one team database: each core takes what no other holds
    (SKIP LOCKED), so neither waits for the other and nothing is made twice
    or left behind, while a receiver keeps storing."""
    where = pg()
    store = receiving(where)
    cores = [core(where), core(where)]
    try:
        futures = [store.submit(record(new_push("Net", UID=i, Data={"good": 1, "total": 1}), 1.0 + i))
                   for i in range(600)]
        ids = [future.result().push_id for future in futures]
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"))
    finally:
        store.stop()
        for writer in cores:
            writer.stop()
    assert sorted(i for (i,) in db_rows(where, "SELECT push_id FROM net_sample")) == sorted(ids)


def test_a_rebuild_makes_what_was_queued_and_empties_the_queue(pg):
    """`rebuild` with no core running (serve stopped): the queued pushes get
    their rows from the replay, and the queue no longer holds the followers back."""
    where = pg()
    store = receiving(where)
    try:
        ids = [store.submit(record(new_push("Net", UID=uid, Data={"good": 9, "total": 10}), 1.0 + uid))
               .result().push_id for uid in range(5)]
    finally:
        store.stop()
    assert len(db_rows(where, "SELECT push_id FROM unprojected")) == 5
    db = open_database(where)
    try:
        assert rebuild(db) == 5
    finally:
        db.close()
    assert db_rows(where, "SELECT push_id FROM unprojected") == []
    assert sorted(i for (i,) in db_rows(where, "SELECT push_id FROM net_sample")) == sorted(ids)
    follower = PushFollower(where, after_id=0)
    try:
        follower.connect()
        assert [push.id for push in follower.poll(0.5)] == sorted(ids)
    finally:
        follower.close()
