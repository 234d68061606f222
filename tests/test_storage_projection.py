"""Derived tables follow the acks a step behind: what a crash leaves
unprojected is caught up at the next start, and a reader can wait for them."""
from __future__ import annotations

import sqlite3

import orjson

from receiver.classin import push_record
from storage.db import open_database
from storage.derived import WATERMARK, Projector
from storage.writer import Writer

from .helpers import fixture, fixture_names


def rows(db_path, sql):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_pushes_stored_without_projection_are_caught_up_once(tmp_path):
    db_path = tmp_path / "classwatch.db"
    open_database(db_path).close()
    writer = Writer(db_path)               # as if the process died before projecting
    writer.start()
    for name in fixture_names():
        payload = fixture(name)
        writer.submit(push_record(payload, orjson.dumps(payload).decode(), 1.0)).result()
    writer.stop()
    assert rows(db_path, "SELECT COUNT(*) FROM net_sample") == [(0,)]

    projector = Projector(str(db_path))
    try:
        assert projector.catch_up() == len(fixture_names())
        assert projector.catch_up() == 0
    finally:
        projector.close()
    assert rows(db_path, "SELECT COUNT(*) FROM net_sample") == [(1,)]
    assert rows(db_path, "SELECT COUNT(*) FROM device_check") == [(2,)]
    assert rows(db_path, f"SELECT value FROM meta WHERE key='{WATERMARK}'") == \
        [(str(rows(db_path, "SELECT MAX(id) FROM push")[0][0]),)]


async def test_derived_ready_waits_for_the_projection(receiver, http):
    for name in ("inclass_enter.json", "Net.json", "Check.json"):
        async with http.post(receiver.url + "/classin", data=orjson.dumps(fixture(name))) as resp:
            assert resp.status == 200
    await receiver.writer.derived_ready()
    assert rows(receiver.db_path, "SELECT COUNT(*) FROM net_sample") == [(1,)]
    assert rows(receiver.db_path, "SELECT class_id FROM lesson_index") == [(508113967,)]
