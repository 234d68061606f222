"""Derived tables follow the acks in their own transactions, with a durable
cursor: they are there moments after a push is acked, a failure there never
costs a push, and what a kill (or an older file) left unprojected is caught
up once at the next start."""
from __future__ import annotations

import concurrent.futures
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import orjson
import pytest

from receiver.classin import push_record
from storage.db import open_database
from storage.derived import _PARSED_CMDS, ROW_COLUMNS, WATERMARK, Projector, project_rows
from storage.writer import Writer

from ..helpers import ROOT, fixture, fixture_names, projected, run_cli


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
        writer.submit(_record(1.0, payload)).result()
    writer.stop()
    assert rows(db_path, "SELECT COUNT(*) FROM net_sample") == [(0,)]

    projector = Projector(str(db_path))
    assert projector.catch_up() == len(fixture_names())
    assert projector.catch_up() == 0
    assert rows(db_path, "SELECT COUNT(*) FROM net_sample") == [(1,)]
    assert rows(db_path, "SELECT COUNT(*) FROM device_check") == [(2,)]
    assert rows(db_path, f"SELECT value FROM meta WHERE key='{WATERMARK}'") == \
        [(str(rows(db_path, "SELECT MAX(id) FROM push")[0][0]),)]


async def test_derived_rows_follow_the_acks_in_a_transaction_of_their_own(receiver, http):
    for name in ("inclass_enter.json", "Net.json", "Check.json"):
        async with http.post(receiver.url + "/classin", data=orjson.dumps(fixture(name))) as resp:
            assert resp.status == 200
    await projected(receiver)
    assert rows(receiver.db_path, "SELECT class_id FROM lesson_index") == [(508113967,)]
    assert rows(receiver.db_path, "SELECT COUNT(*) FROM net_sample") == [(1,)]
    assert rows(receiver.db_path, "SELECT COUNT(*) FROM device_check") == [(1,)]
    assert rows(receiver.db_path, f"SELECT value FROM meta WHERE key='{WATERMARK}'") == \
        [(str(rows(receiver.db_path, "SELECT MAX(id) FROM push")[0][0]),)]


# A process that stores pushes through the real Writer and Projector, sees them
# acked, and is killed before the derived rows follow (they wait a minute here).
_KILLED_BEFORE_PROJECTING = """
import os, signal, sys, orjson
import storage.writer as writer_module
from receiver.classin import push_record
from storage.db import open_database
from storage.derived import Projector
from tests.helpers import fixture, fixture_names
writer_module.PROJECT_QUIET = writer_module.PROJECT_DELAY = 60
path = sys.argv[1]
open_database(path).close()
writer = writer_module.Writer(path, projector=Projector(path))
writer.start()
for name in fixture_names():
    payload = fixture(name)
    writer.submit(push_record(payload, orjson.dumps(payload).decode(), 1.0)).result()   # acked
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.slow
def test_a_kill_between_the_acks_and_the_derived_rows_is_caught_up_once_at_start(tmp_path):
    db_path = tmp_path / "classwatch.db"
    killed = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_PROJECTING, str(db_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    stored = rows(db_path, "SELECT COUNT(*) FROM push")[0][0]
    assert stored == len(fixture_names())
    assert rows(db_path, "SELECT COUNT(*) FROM net_sample") == [(0,)]       # killed in between

    # The next start catches up exactly what the kill left behind, once.
    projector = Projector(str(db_path))
    assert projector.catch_up() == stored
    assert projector.catch_up() == 0
    derived = "SELECT (SELECT COUNT(*) FROM net_sample), (SELECT COUNT(*) FROM device_check)," \
              " (SELECT COUNT(*) FROM lesson_index), (SELECT COUNT(*) FROM user_directory)"
    caught_up = rows(db_path, derived)
    assert caught_up[0][:2] == (1, 2)
    # ... and is what a rebuild from the raw pushes gives.
    result = run_cli("rebuild", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert rows(db_path, derived) == caught_up


@pytest.mark.slow
async def test_a_broken_derived_table_costs_no_push_and_rebuild_repairs_it(receiver, http, data_dir):
    conn = sqlite3.connect(receiver.db_path)
    conn.execute("DROP TABLE net_sample")          # e.g. a damaged index table
    conn.close()
    net = fixture("Net.json")
    async with http.post(receiver.url + "/classin", data=orjson.dumps(net)) as resp:
        assert (resp.status, (await resp.json())["error_info"]["errno"]) == (200, 1)
    assert rows(receiver.db_path, "SELECT cmd FROM push") == [("Net",)]
    # The failed projection was rolled back alone; the other pushes project as ever.
    async with http.post(receiver.url + "/classin", data=orjson.dumps(fixture("inclass_enter.json"))) as resp:
        assert resp.status == 200
    await projected(receiver)
    assert rows(receiver.db_path, "SELECT class_id FROM lesson_index") == [(508113967,)]

    await receiver.stop()
    result = run_cli("rebuild", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert rows(receiver.db_path, "SELECT push_id FROM net_sample") == \
        rows(receiver.db_path, "SELECT id FROM push WHERE cmd='Net'")


DERIVED = ("lesson_index", "net_sample", "device_check", "user_directory", "lesson_push", "course_push")


def _record(received_at: float, payload: dict):
    return push_record(payload, orjson.dumps(payload).decode(), received_at)


def _stored_by_one_writer(db_path, pushes: list[tuple[float, dict]]):
    """A store whose one writer stores and projects (the window's, `serve --core inline`)."""
    open_database(db_path).close()
    writer = Writer(db_path, projector=Projector(db_path))
    writer.start()
    for received_at, payload in pushes:
        writer.submit(_record(received_at, payload)).result()
    writer.stop()
    return db_path


def _derived(db_path) -> dict[str, list[tuple]]:
    return {table: rows(db_path, f"SELECT * FROM {table} ORDER BY 1, 2") for table in DERIVED}


@pytest.mark.parametrize("turn_thread", [False, True], ids=["on its thread", "on a turn thread"])
def test_a_core_makes_the_derived_rows_of_pushes_another_process_stores(tmp_path, turn_thread):
    """A split `serve` (app.core_process): the receiving writer stores only, the
    core's writer projects what it is told was stored, with the parse it was
    handed or its own. The rows are those of one writer doing both. A core
    running as SCHED_IDLE writes them on its thread of normal policy (its
    `turn_runner`), saying meanwhile that it holds the store's write turn."""
    pushes = [(1.0 + i, fixture(name)) for i, name in enumerate(fixture_names())]
    whole = _stored_by_one_writer(tmp_path / "whole.db", pushes)

    split = tmp_path / "split.db"
    open_database(split).close()
    store, core = Writer(split), Writer(split, projector=Projector(split), follow=True, checkpoint=False)
    turns = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="turns") if turn_thread else None
    core.turn_runner = turns
    store.start()
    core.start()
    statements: list[tuple[str, bool, str]] = []   # (thread, holding the turn, SQL) of each the core ran
    core.submit(lambda conn: conn.raw.set_trace_callback(
        lambda sql: statements.append((threading.current_thread().name, core.holding_turn, sql)))).result()
    # Checkpoints are the storing process's (storage.checkpointer): one run by
    # SQLite inside the core's commit would hold the turn the store's acks wait for.
    checkpoints = "PRAGMA wal_autocheckpoint"
    assert core.submit(lambda conn: conn.execute(checkpoints).fetchone()[0]).result() == 0
    told = []
    try:
        for received_at, payload in pushes:
            stored = store.submit(_record(received_at, payload)).result()
            core.followed(stored.push_id)
            told.append(stored.push_id)
    finally:
        store.stop()
        core.stop()      # a core that stops has made the rows of everything stored until then
        if turns is not None:
            turns.shutdown()
    assert _derived(split) == _derived(whole)
    derived = {(thread.startswith("turns"), holding) for thread, holding, sql in statements
               if sql.startswith("INSERT OR IGNORE INTO net_sample")}
    assert derived == {(turn_thread, True)} and not core.holding_turn
    assert any(_derived(split).values())
    assert rows(split, f"SELECT value FROM meta WHERE key='{WATERMARK}'") == [(str(max(told)),)]


def test_a_core_projects_no_further_than_its_fold_has_parsed_until_it_stops(tmp_path, projection_parses):
    """The core's fold parses each push and leaves its event for the derived
    rows (Writer.parsed); the rows of a push the fold has not had yet would
    parse it a second time (one push in three at C=64). So while running they
    stop where the fold is (`Writer.folded`), parsing nothing; a stop makes the rest."""
    from lessons.events import parse
    pushes = [(1.0 + i, fixture(name)) for i, name in enumerate(fixture_names())]
    whole = _stored_by_one_writer(tmp_path / "whole.db", pushes)
    parses = projection_parses
    parses.clear()
    db_path = tmp_path / "split.db"
    open_database(db_path).close()
    store, core = Writer(db_path), Writer(db_path, projector=Projector(db_path), follow=True, checkpoint=False)
    store.start()
    core.start()
    try:
        ids = [store.submit(_record(received_at, payload)).result().push_id for received_at, payload in pushes]
        half = len(ids) // 2
        # One the fold did not parse (it folds only JSON objects): parsed here.
        unparsed = next(i for i in range(half) if str(pushes[i][1].get("Cmd")) in _PARSED_CMDS)
        for i, (received_at, payload) in enumerate(pushes[:half]):   # what the fold has had
            if i != unparsed:
                core.parsed[ids[i]] = parse(payload, received_at)
        core.folded(ids[half - 1])
        core.followed(ids[0])
        watermark = f"SELECT value FROM meta WHERE key='{WATERMARK}'"
        for _ in range(200):
            if rows(db_path, watermark):
                break
            time.sleep(0.05)
        assert rows(db_path, watermark) == [(str(ids[half - 1]),)]
        assert parses == [pushes[unparsed][0]] and core.parsed == {}
    finally:
        store.stop()
        core.stop()
    assert rows(db_path, watermark) == [(str(ids[-1]),)]
    assert set(parses[1:]) <= {received_at for received_at, _ in pushes[half:]} and len(parses) > 1
    assert _derived(db_path) == _derived(whole)


def test_a_slice_of_pushes_projects_as_its_pushes_one_by_one(tmp_path):
    """A slice writes each table once, one person's pushes merged into one
    row: the tables must end as if each push had been projected alone."""
    enter = fixture("inclass_enter.json")
    again = {**enter, "NickName": "Lena P.", "LoginMobile": "", "ActionTime": enter["ActionTime"] + 60,
             "_id": "again"}
    earlier = {**enter, "NickName": "Lena", "ActionTime": enter["ActionTime"] - 60, "_id": "earlier"}
    phone = {**fixture("ReplacePhoneNumber.json"), "UID": enter["UID"], "Email": "lena@example.org",
             "_id": "phone"}
    payloads = [*(fixture(name) for name in fixture_names()), fixture("eeoClassStudentChange.json"),
                again, phone, earlier]
    db_path = tmp_path / "classwatch.db"
    open_database(db_path).close()
    writer = Writer(db_path)
    writer.start()
    for payload in payloads:
        writer.submit(_record(1.0, payload)).result()
    writer.stop()

    def derived(slices) -> dict[str, list]:
        db = open_database(db_path)
        try:
            conn = db.conn()
            pushes = conn.execute(f"SELECT {ROW_COLUMNS} FROM push ORDER BY id").fetchall()
            with db.atomic():
                for table in DERIVED:
                    conn.execute(f"DELETE FROM {table}")
                for part in slices(pushes):
                    project_rows(conn, part)
            return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in DERIVED}
        finally:
            db.close()

    whole = derived(lambda pushes: [pushes])
    alone = derived(lambda pushes: [[push] for push in pushes])
    assert whole["user_directory"] == alone["user_directory"]
    assert whole == alone
    lena = [row for row in whole["user_directory"] if row[0] == enter["UID"]]
    # The last push's name, the one e-mail given, the latest time: not the last push's.
    assert len(lena) == 1 and {"Lena", "lena@example.org"} <= set(lena[0])
    assert lena[0][-1] >= again["ActionTime"] > earlier["ActionTime"]
