"""Derived tables are written in the same commit as their pushes: whoever
hears of an ack finds them, a failure there never costs a push, and what an
older file stored without them is caught up at the next start."""
from __future__ import annotations

import sqlite3

import orjson
import pytest

from receiver.classin import push_record
from storage.db import open_database
from storage.derived import WATERMARK, Projector
from storage.writer import Writer

from ..helpers import fixture, fixture_names, run_cli


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
    assert projector.catch_up() == len(fixture_names())
    assert projector.catch_up() == 0
    assert rows(db_path, "SELECT COUNT(*) FROM net_sample") == [(1,)]
    assert rows(db_path, "SELECT COUNT(*) FROM device_check") == [(2,)]
    assert rows(db_path, f"SELECT value FROM meta WHERE key='{WATERMARK}'") == \
        [(str(rows(db_path, "SELECT MAX(id) FROM push")[0][0]),)]


async def test_derived_rows_are_there_when_the_ack_arrives(receiver, http):
    for name in ("inclass_enter.json", "Net.json", "Check.json"):
        async with http.post(receiver.url + "/classin", data=orjson.dumps(fixture(name))) as resp:
            assert resp.status == 200
        # No waiting: the ack went out after the commit that holds the derived rows.
        if name == "Net.json":
            assert rows(receiver.db_path, "SELECT COUNT(*) FROM net_sample") == [(1,)]
    assert rows(receiver.db_path, "SELECT class_id FROM lesson_index") == [(508113967,)]
    assert rows(receiver.db_path, "SELECT COUNT(*) FROM device_check") == [(1,)]


@pytest.mark.slow
async def test_a_broken_derived_table_costs_no_push_and_rebuild_repairs_it(receiver, http, data_dir):
    conn = sqlite3.connect(receiver.db_path)
    conn.execute("DROP TABLE net_sample")          # e.g. a damaged index table
    conn.close()
    net = fixture("Net.json")
    async with http.post(receiver.url + "/classin", data=orjson.dumps(net)) as resp:
        assert (resp.status, (await resp.json())["error_info"]["errno"]) == (200, 1)
    assert rows(receiver.db_path, "SELECT cmd FROM push") == [("Net",)]
    # The failed projection was rolled back alone; a later push projects again.
    async with http.post(receiver.url + "/classin", data=orjson.dumps(fixture("inclass_enter.json"))) as resp:
        assert resp.status == 200
    assert rows(receiver.db_path, "SELECT class_id FROM lesson_index") == [(508113967,)]

    await receiver.stop()
    result = run_cli("rebuild", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert rows(receiver.db_path, "SELECT push_id FROM net_sample") == \
        rows(receiver.db_path, "SELECT id FROM push WHERE cmd='Net'")
