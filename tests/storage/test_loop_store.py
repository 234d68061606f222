"""storage.loop_store: a PostgreSQL receiving process's pushes committed from
its event loop, against a real server: answered only once committed, each
stored once, a dropped connection failing its batch alone, a stop answering
what was pending; everything else still goes to the writer's thread."""
from __future__ import annotations

import asyncio

import orjson
import pytest

from receiver.classin import push_record
from storage.backends import QUEUED_CHANNEL, backend_for
from storage.db import open_database
from storage.derived import Projector
from storage.writer import QuarantineRecord, StorageError, Writer

from ..helpers import db_rows, new_push


@pytest.fixture
def where(pg_server):
    where = pg_server.new_database()
    open_database(where).close()
    return where


@pytest.fixture
async def writer(where):
    writer = Writer(where, projector=Projector(where), queues=True, on_loop=True)
    writer.start()
    yield writer
    await writer.stop_on_loop()
    writer.stop()


def record(uid: int, received_at: float = 1.0):
    payload = new_push("Net", UID=uid, Data={"good": 9, "total": 10})
    return push_record(payload, orjson.dumps(payload).decode(), received_at)


async def test_pushes_are_committed_before_their_answers_in_batches_and_stored_once(where, writer):
    pushes = [record(uid) for uid in range(60)]
    results = await asyncio.gather(*(writer.store(r) for r in pushes + pushes[:5]))
    assert [r.duplicate for r in results] == [False] * 60 + [True] * 5
    new = sorted(r.push_id for r in results[:60])
    assert db_rows(where, "SELECT id FROM push ORDER BY id") == [(i,) for i in new]
    assert db_rows(where, "SELECT push_id FROM unprojected ORDER BY 1") == [(i,) for i in new]   # for a core
    assert db_rows(where, "SELECT SUM(resends) FROM push") == [(5,)]
    assert writer.on_loop.items == 65 and writer.on_loop.batches < 65   # gathered, not one by one
    assert writer.items == 0   # none went to the thread


async def test_a_dropped_connection_fails_its_batch_alone_and_the_next_one_reconnects(where, writer):
    await writer.store(record(1))
    pid = writer.on_loop._conn.info.backend_pid
    db_rows(where, f"SELECT pg_terminate_backend({pid})")
    with pytest.raises(StorageError):
        await writer.store(record(2))
    stored = await writer.store(record(3))
    assert not stored.duplicate
    assert db_rows(where, "SELECT uid FROM push ORDER BY id") == [(1,), (3,)]


async def test_stopping_answers_what_was_pending_and_a_later_push_starts_it_again(where, writer):
    pending = [asyncio.ensure_future(writer.store(record(uid))) for uid in range(40)]
    await asyncio.sleep(0)   # handed over, not answered
    await writer.stop_on_loop()
    assert all(task.done() and not task.result().duplicate for task in pending)
    assert db_rows(where, "SELECT COUNT(*) FROM push") == [(40,)]
    assert writer.on_loop._conn is None
    assert not (await writer.store(record(40))).duplicate


async def test_what_is_not_a_plain_push_goes_to_the_writers_thread(where, writer):
    refused = QuarantineRecord(qkey="classin:raw:x", received_at=1.0, source="classin", reason_code="bad_json",
                               reason="not JSON", sid=None, cmd=None, class_id=None, size=1, body=b"{",
                               remote=None)
    kept = record(7)
    kept.raw = b"\xef\xbb\xbf" + kept.payload.encode()   # a BOM taken off: kept as sent
    await writer.store(refused)
    assert not (await writer.store(kept)).duplicate
    assert writer.on_loop.items == 0 and writer.items == 2


async def test_a_batch_wakes_the_cores_at_its_commit_from_the_loop_and_from_the_thread(where, writer):
    listener = backend_for(where).listener(QUEUED_CHANNEL)
    try:
        assert not listener.wait(0.05)
        await writer.store(record(1))
        assert listener.wait(5.0)
        assert not listener.wait(0.05)
        writer.submit(record(2)).result(30)   # a caller off the loop: the writer's thread, the same statement
        assert listener.wait(5.0)
        assert writer.on_loop.items == 1 and writer.items == 1
    finally:
        listener.close()


async def test_more_pushes_than_one_statement_takes_go_in_several_batches(where, writer, monkeypatch):
    from storage.backends import postgres
    monkeypatch.setattr(postgres, "MAX_ROWS_PER_INSERT", 16)
    results = await asyncio.gather(*(writer.store(record(uid)) for uid in range(60)))
    assert not any(r.duplicate for r in results)
    assert db_rows(where, "SELECT COUNT(*) FROM push") == [(60,)]
    assert writer.on_loop.batches >= 4


async def test_a_connection_closed_between_batches_is_replaced_before_the_next(where, writer):
    await writer.store(record(1))
    await writer.on_loop._conn.close()   # as a failure counting a batch's re-sends leaves it
    assert not (await writer.store(record(2))).duplicate


async def test_a_stop_still_stops_when_the_batches_ended_with_an_error(where, writer, monkeypatch, caplog):
    async def broken(batch):   # a fault no batch should meet: the task itself ends
        raise RuntimeError("injected")
    monkeypatch.setattr(writer.on_loop, "_commit", broken)
    with pytest.raises(StorageError):   # stranded, it times out
        await writer.store(record(1), timeout=0.5)
    await writer.stop_on_loop()
    assert "ended with an error" in caplog.text
    monkeypatch.undo()
    assert not (await writer.store(record(2))).duplicate   # started again
