"""PostgreSQL's projection queue (storage.derived.Projector): a split
`serve`'s receiving writer queues its pushes' derived rows with them, a core's
writer takes them from the queue; followers see a push once its rows are made.
Real writers on a real PostgreSQL server."""
from __future__ import annotations

import asyncio
import dataclasses
import time

import orjson
import pytest

from receiver.classin import push_record
from storage.backends import backend_for
from storage.db import open_database
from storage.derived import TAKER_LOCK, Projector, rebuild
from storage.follow import PushFollower
from storage.relay import add_destination
from storage.writer import QuarantineRecord, StorageError, Writer

from ..helpers import SID, db_rows, fixture, fixture_names, new_push

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


def net(uid: int) -> dict:
    return new_push("Net", UID=uid, Data={"good": 9, "total": 10})


def queued(where, uids) -> list[int]:
    """Net pushes of `uids` stored by a receiving process with no core: queued."""
    store = receiving(where)
    try:
        return [store.submit(record(net(uid), 1.0 + uid)).result().push_id for uid in uids]
    finally:
        store.stop()


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
    stored = dict(zip(range(10, 17), queued(where, range(10, 17))))
    taker = core(where)
    try:
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"))
    finally:
        taker.stop()
    assert sorted(uid for (uid,) in db_rows(where, "SELECT uid FROM net_sample")) == [10, 11, 12, 14, 15, 16]
    assert db_rows(where, "SELECT COUNT(*) FROM push")[0][0] == 7
    assert f"derived rows of push {stored[13]} left out" in caplog.text


def test_two_cores_take_turns_and_make_every_push(pg):
    """Two `serve`s on one team database, a receiver storing meanwhile: one
    taker at a time (the others skip their turn), every push made, none left."""
    where = pg()
    store = receiving(where)
    cores = [core(where), core(where)]
    try:
        futures = [store.submit(record(net(uid), 1.0 + uid)) for uid in range(600)]
        ids = [future.result().push_id for future in futures]
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"))
    finally:
        store.stop()
        for writer in cores:
            writer.stop()
    assert sorted(i for (i,) in db_rows(where, "SELECT push_id FROM net_sample")) == sorted(ids)


def frozen_taker(where):
    """A session that took the taker's turn and stopped (a core frozen or cut
    off in the middle of a chunk), opened as every session of ours is."""
    conn = backend_for(where).connect()
    conn.execute("BEGIN")
    assert conn.execute("SELECT pg_try_advisory_xact_lock(?)", (TAKER_LOCK,)).fetchone()[0]
    return conn


@pytest.mark.slow
def test_a_frozen_taker_holds_the_queue_only_until_the_server_ends_its_session(pg):
    """While a taker is frozen inside its transaction no other may take (the
    rows would land out of order), so followers wait; the server ends a
    session idle in a transaction after 10 s, and a live core goes on."""
    where = pg()
    frozen = frozen_taker(where)
    ids = queued(where, range(5))
    taker = core(where)
    started = time.monotonic()
    try:
        time.sleep(3)
        assert len(db_rows(where, "SELECT push_id FROM unprojected")) == 5
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"), timeout=30)
    finally:
        taker.stop()
        frozen.close()
    assert 8 < time.monotonic() - started < 25
    assert sorted(i for (i,) in db_rows(where, "SELECT push_id FROM net_sample")) == sorted(ids)


def test_a_receiver_that_is_its_own_core_takes_what_a_split_serve_left_queued(pg):
    """A split `serve` killed with a backlog, the team going on with a desk
    that receives itself: the desk's writer makes the queued rows too, so its
    followers are not held back behind them for good."""
    where = pg()
    left = queued(where, range(3))
    desk = Writer(where, projector=Projector(where))
    desk.start()
    try:
        own = desk.submit(record(net(99), 9.0)).result().push_id
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"))
    finally:
        desk.stop()
    assert sorted(i for (i,) in db_rows(where, "SELECT push_id FROM net_sample")) == sorted([*left, own])


def test_a_push_committed_late_into_the_queue_reaches_a_follower_however_long_it_waits(pg, monkeypatch):
    """Two writers on one database: push 1's id is drawn before push 2's but
    commits after it, into the queue, while no taker can make its rows. A
    follower that read 2 watches 1 as a gap; a gap that is queued does not
    age, so 1 arrives once its rows are made, long after GAP_SECONDS."""
    import storage.follow
    monkeypatch.setattr(storage.follow, "GAP_SECONDS", 0.3)
    where = pg()
    follower = PushFollower(where, after_id=0)
    follower.connect()
    late = backend_for(where).connect()
    frozen = frozen_taker(where)
    seen = []
    try:
        late.execute("BEGIN")
        first = late.execute("INSERT INTO push(received_at, source, sid, cmd, class_id, uid, action_time,"
                             " dedupe_key, payload, flags, resends) VALUES (1.0, 'classin', 1, 'Net', 7, 1, 1,"
                             " 'late', '{\"Cmd\": \"Net\"}', 0, 0) RETURNING id").fetchone()[0]
        late.execute("INSERT INTO unprojected(push_id) VALUES (?)", (first,))
        desk = Writer(where, projector=Projector(where))
        desk.start()
        try:
            second = desk.submit(record(net(2), 2.0)).result().push_id
            until(lambda: seen.extend(follower.poll(0.2)) or seen)
            assert [push.id for push in seen] == [second] and first < second
            late.execute("COMMIT")
            deadline = time.monotonic() + 1.5       # five times GAP_SECONDS, the queue held by the frozen taker
            while time.monotonic() < deadline:
                seen += follower.poll(0.2)
            assert [push.id for push in seen] == [second]
            frozen.close()                          # its turn ends: the desk's writer takes push 1
            until(lambda: seen.extend(follower.poll(0.2)) or len(seen) == 2)
        finally:
            desk.stop()
    finally:
        late.close()
        frozen.close()
        follower.close()
    assert [push.id for push in seen] == [second, first]


def test_a_rebuild_makes_what_was_queued_and_empties_the_queue(pg):
    """`rebuild` with no core running (serve stopped): the queued pushes get
    their rows from the replay, and the queue no longer holds the followers back."""
    where = pg()
    ids = queued(where, range(5))
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


def test_the_queue_is_read_with_a_plan_for_the_tables_as_they_are(pg):
    """A prepared statement gets the server's generic plan after five runs,
    made for the tables' sizes then: the queue's read, prepared on a new
    database, went on joining every push of a growing table. It is never
    prepared, so each read is planned for the tables as they are."""
    where = pg()
    queued(where, range(3))
    conn = backend_for(where).connect()
    try:
        for _ in range(10):
            assert len(Projector.queued(conn, 256)) == 3
        prepared = [sql for (sql,) in conn.execute("SELECT statement FROM pg_prepared_statements").fetchall()]
        conn.execute("SELECT 1 FROM push WHERE id = ?", (1,))
        for _ in range(10):   # the connection prepares what it runs often
            conn.execute("SELECT 1 FROM push WHERE id = ?", (1,))
        assert any("FROM push WHERE id" in sql for (sql,) in
                   conn.execute("SELECT statement FROM pg_prepared_statements").fetchall())
    finally:
        conn.close()
    assert not any("unprojected" in sql for sql in prepared), prepared


async def test_a_receivers_batch_does_every_step_of_storing_its_pushes(pg):
    """A split `serve`'s receiving writer sends a batch of pushes as one
    statement beside its COMMIT (Writer._store_at_once). Every step of
    storing them still happens: a re-send (of an earlier push, or twice in
    the batch) stored once and counted, the new ones queued for a core and
    obliged to the relay destinations of their school that want their Cmd,
    and the quarantine row an earlier refusal of one of them left resolved."""
    where = pg()
    conn = backend_for(where).connect()
    add_destination(conn, "all of it", SID, "http://127.0.0.1:9/all", None, 1.0)
    add_destination(conn, "ends only", SID, "http://127.0.0.1:9/ends", ["End"], 1.0)
    add_destination(conn, "another school", SID + 1, "http://127.0.0.1:9/other", None, 1.0)
    conn.close()
    earlier, second, refused = net(1), net(2), net(3)
    store = receiving(where)
    try:
        first_refusal = record(refused, 2.0)
        store.submit(QuarantineRecord(qkey=first_refusal.qkey, received_at=2.0, source="classin",
                                      reason_code="bad_key", reason="wrong SafeKey", sid=SID, cmd="Net",
                                      class_id=None, size=2, body=b"{}", remote=None)).result(30)
        earlier_id = store.submit(record(earlier, 1.0)).result(30).push_id
        batch = [record(earlier, 4.0), record(second, 4.0), record(second, 4.5), record(refused, 5.0)]
        results = await asyncio.gather(*(store.store(r) for r in batch))   # one loop pass: one batch
    finally:
        store.stop()
    assert [r.duplicate for r in results] == [True, False, True, False]
    new = [earlier_id, results[1].push_id, results[3].push_id]
    assert db_rows(where, "SELECT id, resends FROM push ORDER BY id") == [(new[0], 1), (new[1], 1), (new[2], 0)]
    assert db_rows(where, "SELECT push_id FROM unprojected ORDER BY 1") == [(i,) for i in new]
    assert db_rows(where, "SELECT d.name, o.push_id, o.body FROM relay_outbox o JOIN relay_destination d"
                          " ON d.id = o.dest_id ORDER BY 2") == [("all of it", i, None) for i in new]
    assert db_rows(where, "SELECT resolved_at FROM quarantine") == [(5.0,)]


async def test_a_batch_the_server_refuses_costs_no_later_batch_its_store(pg):
    """A batch whose statement the server refuses (here a trigger; a forged
    value, a deadlock between two receivers or a timeout alike) is refused
    to every waiter and stores nothing. The statements pipelined after it
    were never run: that must not cost the batches after it. Failing again
    and again (as many times as the driver takes to prepare a statement),
    each good push after still gets stored and acked."""
    where = pg()
    conn = backend_for(where).connect()
    conn.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.uid = 666 THEN"
                 " RAISE EXCEPTION 'refused by a trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
    conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON push FOR EACH ROW EXECUTE FUNCTION refuse()")
    conn.close()
    store = receiving(where)
    stored = []
    try:
        for attempt in range(8):
            batch = [record(net(10 + attempt), 4.0), record(net(666), 4.0), record(net(20 + attempt), 4.5)]
            refused = await asyncio.gather(*(store.store(r) for r in batch), return_exceptions=True)
            assert all(isinstance(r, StorageError) for r in refused), refused
            stored.append((await store.store(record(net(30 + attempt), 5.0))).push_id)
    finally:
        store.stop()
    assert db_rows(where, "SELECT id, uid FROM push ORDER BY id") == list(zip(stored, range(30, 38)))
    assert db_rows(where, "SELECT push_id FROM unprojected ORDER BY 1") == [(i,) for i in stored]


async def test_a_push_stored_twice_in_a_batch_resolves_its_quarantine_row_at_the_stored_ones_time(pg):
    """An earlier refusal's quarantine row is resolved when the push is
    stored: at the time of the copy that was stored, never at a re-send's
    that came in the same batch (as the step-by-step path did)."""
    where = pg()
    store = receiving(where)
    try:
        for n in range(3):
            push = net(50 + n)
            store.submit(QuarantineRecord(qkey=record(push, 2.0).qkey, received_at=2.0, source="classin",
                                          reason_code="bad_key", reason="wrong SafeKey", sid=SID, cmd="Net",
                                          class_id=None, size=2, body=b"{}", remote=None)).result(30)
            batch = [record(net(80 + n), 3.0), record(push, 4.0 + n), record(push, 9.0 + n)]
            results = await asyncio.gather(*(store.store(r) for r in batch))
            assert [r.duplicate for r in results] == [False, False, True]
    finally:
        store.stop()
    assert db_rows(where, "SELECT resolved_at FROM quarantine ORDER BY id") == [(4.0,), (5.0,), (6.0,)]


async def test_a_push_whose_quarantine_row_is_not_keyed_by_its_dedupe_key_still_resolves_it(pg):
    """The one-statement batch resolves quarantine rows by the stored pushes'
    dedupe keys; a record that names another row goes the step-by-step way."""
    where = pg()
    store = receiving(where)
    try:
        store.submit(QuarantineRecord(qkey="classin:raw:elsewhere", received_at=2.0, source="classin",
                                      reason_code="bad_json", reason="not JSON", sid=None, cmd=None,
                                      class_id=None, size=2, body=b"{", remote=None)).result(30)
        named = dataclasses.replace(record(net(90), 5.0), qkey="classin:raw:elsewhere")
        results = await asyncio.gather(store.store(record(net(91), 4.0)), store.store(named))
        assert [r.duplicate for r in results] == [False, False]
    finally:
        store.stop()
    assert db_rows(where, "SELECT qkey, resolved_at FROM quarantine") == [("classin:raw:elsewhere", 5.0)]
