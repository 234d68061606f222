"""Hostile or broken input (issue 11): each case here broke the receiver,
a batch or a command before. Real HTTP on loopback, real SQLite files."""
from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import logging
import os
import socket
import sqlite3
import stat
import sys
import time

import orjson
import pytest

from protocol import deepjson
from protocol.classin import sign
from receiver.app import Receiver
from storage.db import DatabaseDamaged, open_database
from storage.derived import rebuild
from storage.lock import AlreadyRunning
from storage.writer import TRIMMED_KEY

from ..helpers import SECRET, SID, ServeProcess, new_push, projected, run_cli


def rows(path, sql, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


async def post(http, receiver, body, headers=None):
    data = json.dumps(body).encode() if isinstance(body, dict) else body    # integers past 64 bits too
    async with http.post(receiver.url + "/classin", data=data, headers=headers or {}) as resp:
        return resp.status, await resp.read()


def raw_request(url: str, request: bytes, timeout: float = 10) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
    return b"".join(chunks)


# -- 1. values out of range ----------------------------------------------------------------
HOSTILE = [
    {"ClassID": 1e300},
    {"ClassID": 123456789012345678901234567890},
    {"UID": 1e300, "Data": {"Version": "1"}},
    {"ActionTime": 1e300},
    {"CourseID": -1e300},
]


async def test_values_out_of_range_are_kept_but_never_poison_a_batch(receiver, http):
    good = [new_push("Net", class_id=5001, UID=i) for i in range(5)]
    bad = [sign({**new_push(cmd), **fields}, SECRET) for fields in HOSTILE for cmd in ("Net", "End", 67371107)]
    # all at once: they share the writer's batches
    answers = await asyncio.gather(*(post(http, receiver, p) for p in good + bad))
    assert {status for status, _ in answers} == {200}
    db = receiver.db_path
    assert rows(db, "SELECT COUNT(*) FROM push") == [(len(good) + len(bad),)]
    await projected(receiver)
    assert rows(db, "SELECT COUNT(*) FROM net_sample WHERE class_id = 5001") == [(5,)]
    assert rows(db, "SELECT class_id FROM lesson_index WHERE class_id = 5001") == [(5001,)]
    await receiver.stop()
    # the next start projects what is left (catch-up) and must not fail
    rows(db, "DELETE FROM meta WHERE key = 'projected_through'")
    again = Receiver(receiver.data_dir)
    await again.start("127.0.0.1", 0)
    await again.stop()
    failed: list[int] = []
    handle = open_database(db)
    try:
        assert rebuild(handle, failed=failed) == len(good) + len(bad)
    finally:
        handle.close()
    assert failed, "rebuild reports the pushes it left out"
    assert rows(db, "SELECT COUNT(*) FROM net_sample WHERE class_id = 5001") == [(5,)]
    await receiver.start("127.0.0.1", 0)     # the fixture stops it


@pytest.mark.slow
def test_rebuild_and_events_and_export_survive_hostile_pushes(data_dir):
    serve = ServeProcess(data_dir)
    try:
        import urllib.request
        for fields in HOSTILE:
            body = json.dumps(sign({**new_push("Net"), **fields}, SECRET)).encode()
            with urllib.request.urlopen(urllib.request.Request(serve.url + "/classin", data=body)) as resp:
                assert resp.status == 200
        deep = sign({**new_push("Net"), "Data": json.loads("[" * 600 + "]" * 600)}, SECRET)
        with urllib.request.urlopen(urllib.request.Request(serve.url + "/classin", data=json.dumps(deep).encode())):
            pass
    finally:
        assert serve.stop() == 0
    out = run_cli("rebuild", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert "left out of lessons" in out.stdout
    out = run_cli("events", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == len(HOSTILE) + 1
    assert json.loads(out.stdout.splitlines()[-1])["payload"]["_id"] == deep["_id"]
    ServeProcess(data_dir).stop()          # and it starts again


# -- 2. the quarantine is capped ------------------------------------------------------------
async def test_quarantine_is_capped_oldest_unverifiable_first(receiver, http):
    receiver.writer.quarantine_max_rows = 5
    receiver.writer.quarantine_max_bytes = 10_000
    held = new_push("Net", secret="wrong")
    assert (await post(http, receiver, held))[0] == 200
    for i in range(12):
        assert (await post(http, receiver, b"not json %d" % i + b"x" * 1500))[0] == 400
    kept = rows(receiver.db_path, "SELECT reason_code, body FROM quarantine ORDER BY id")
    refused = [body for code, body in kept if code != "held"]
    assert [code for code, _ in kept].count("held") == 1, "a held push is never trimmed"
    assert len(refused) <= 5 and sum(len(b) for b in refused) <= 10_000
    assert refused[-1].startswith(b"not json 11"), "the newest stay"
    (trimmed,) = rows(receiver.db_path, "SELECT value FROM meta WHERE key = ?", TRIMMED_KEY)[0]
    assert int(trimmed) == 12 - len(refused)


# -- 5. no 500 for any input ----------------------------------------------------------------
async def test_odd_bodies_get_a_4xx_or_an_ack_never_500(receiver, http):
    long_cmd = sign({**new_push("Net"), "Cmd": "7" * 5000}, SECRET)
    deep_no_id = {k: v for k, v in new_push("Net").items() if k != "_id"}
    deep_no_id["Data"] = json.loads("[" * 900 + "]" * 900)
    deep_no_id = sign(deep_no_id, SECRET)
    for body in (long_cmd, deep_no_id):
        for _ in range(2):                        # a re-send is a duplicate, not a 500
            status, answer = await post(http, receiver, json.dumps(body).encode())
            assert status == 200, answer
    assert rows(receiver.db_path, "SELECT COUNT(*) FROM push") == [(2,)]
    status, _ = await post(http, receiver, b"\x1f\x8b\x08\x00garbage", {"Content-Encoding": "gzip"})
    assert status == 400
    good = gzip.compress(orjson.dumps(new_push("Net")))
    status, _ = await post(http, receiver, good, {"Content-Encoding": "gzip"})
    assert status == 200


# -- 3. events prints whatever was stored ------------------------------------------------------
@pytest.mark.slow
def test_events_prints_pushes_nested_past_orjsons_limit(data_dir):
    from tests.helpers import store_directly
    deep = new_push("Net", Data=orjson.loads("[" * 1000 + "1" + "]" * 1000))
    store_directly(data_dir / "classwatch.db", [(time.time(), deepjson.dumps(deep).decode())])
    out = run_cli("events", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    line = out.stdout.strip()
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)       # the standard parser recurses
    try:
        assert json.loads(line)["payload"] == deep
    finally:
        sys.setrecursionlimit(limit)


# -- 4. memory is bounded ----------------------------------------------------------------------
async def test_big_bodies_wait_for_their_share_of_the_budget(data_dir, http):
    receiver = Receiver(data_dir, body_budget=4 * 1024 * 1024, max_body=3 * 1024 * 1024)
    await receiver.start("127.0.0.1", 0)
    try:
        pushes = [new_push("Net", Data={"pad": "x" * (2 * 1024 * 1024)}) for _ in range(6)]
        answers = await asyncio.gather(*(post(http, receiver, p) for p in pushes))
        assert [s for s, _ in answers] == [200] * 6
        assert receiver.body_budget.peak_in_use <= 4 * 1024 * 1024
        assert receiver.body_budget.free == receiver.body_budget.total
    finally:
        await receiver.stop()


# -- 6. slow clients ------------------------------------------------------------------------------
async def test_slow_clients_cannot_starve_good_pushes(data_dir, http):
    receiver = Receiver(data_dir)
    receiver.header_timeout, receiver.max_connections = 2.0, 20
    await receiver.start("127.0.0.1", 0)
    host, port = receiver.url.removeprefix("http://").split(":")
    slow = []
    try:
        for _ in range(60):           # three times the ceiling, each a few header bytes only
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.write(b"POST /classin HTTP/1.1\r\nHost: x\r\n")
            slow.append((reader, writer))
        for _ in range(5):
            status, _ = await post(http, receiver, new_push("Net"))
            assert status == 200
        # none of them is kept past the header timeout
        await asyncio.sleep(receiver.header_timeout + 1.5)
        assert all(r.at_eof() or w.is_closing() for r, w in slow[-10:]) or \
            all((await r.read(1)) == b"" for r, _ in slow[-10:])
    finally:
        for _, w in slow:
            w.close()
        await receiver.stop()


# -- 9. damage is noticed at start ------------------------------------------------------------
@pytest.mark.parametrize("where", ["middle", "header"])
async def test_a_damaged_database_is_refused_at_start_and_kept(data_dir, http, where):
    receiver = Receiver(data_dir)
    await receiver.start("127.0.0.1", 0)
    for i in range(300):
        await post(http, receiver, new_push("Net", Data={"pad": "y" * 500, "i": i}))
    await receiver.stop()
    db = data_dir / "classwatch.db"
    data = bytearray(db.read_bytes())
    at = 0 if where == "header" else len(data) // 2
    data[at:at + 4096] = os.urandom(4096)
    db.write_bytes(bytes(data))
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    again = Receiver(data_dir)
    with pytest.raises(DatabaseDamaged, match="damaged"):
        await again.start("127.0.0.1", 0)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


# -- 12. private files -------------------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
async def test_database_wal_backups_and_logs_are_private(data_dir, http):
    from storage.logs import setup_logging
    os.chmod(data_dir, 0o755)
    setup_logging(data_dir, lambda: [], stderr=False)
    receiver = Receiver(data_dir)
    await receiver.start("127.0.0.1", 0)
    try:
        await post(http, receiver, new_push("Net"))
        from storage.db import backup
        backup(receiver.db, "test")
        handler = next(h for h in logging.getLogger().handlers if hasattr(h, "doRollover"))
        handler.doRollover()
        files = [p for p in data_dir.iterdir() if p.name.startswith(("classwatch.db", "classwatch.log"))]
        assert {p.name for p in files} >= {"classwatch.db", "classwatch.db-wal", "classwatch.log.1",
                                           "classwatch.db.test.bak"}
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    finally:
        await receiver.stop()
        logging.getLogger().handlers.clear()


# -- 13. /healthz --------------------------------------------------------------------------------
async def test_healthz_tells_a_stranger_only_ok(receiver, http):
    await post(http, receiver, new_push("Net"))
    async with http.get(receiver.url + "/healthz") as resp:
        public = await resp.json()
    assert public["ok"] is True and set(public) <= {"ok", "version", "instance"}
    token = receiver.config.health_token()
    async with http.get(receiver.url + "/healthz", params={"token": "wrong"}) as resp:
        assert set(await resp.json()) == set(public)
    async with http.get(receiver.url + "/healthz", params={"token": token}) as resp:
        assert (await resp.json())["pushes"] == 1
    async with http.get(receiver.url + "/healthz", headers={"Authorization": f"Bearer {token}"}) as resp:
        assert (await resp.json())["schools"] == 1


# -- 11. /healthz says when we refuse for a reason of ours -------------------------------------------
async def test_healthz_is_not_ok_while_storage_refuses_pushes(data_dir, http):
    receiver = Receiver(data_dir, store_timeout=0.5)
    await receiver.start("127.0.0.1", 0)
    try:
        blocker = sqlite3.connect(receiver.db_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")       # the file refuses our writes
        assert (await post(http, receiver, new_push("Net")))[0] == 503
        async with http.get(receiver.url + "/healthz") as resp:
            assert (await resp.json())["ok"] is False
        blocker.execute("ROLLBACK")
        blocker.close()
        assert (await post(http, receiver, new_push("Net")))[0] == 200
        async with http.get(receiver.url + "/healthz") as resp:
            assert (await resp.json())["ok"] is True
    finally:
        await receiver.stop()


# -- 14. refused requests are logged once per cause a minute ---------------------------------------
async def test_refusals_are_logged_once_per_cause_per_minute(receiver, http, caplog):
    caplog.set_level(logging.INFO)
    for i in range(30):
        await post(http, receiver, b"garbage %d" % i)
        await post(http, receiver, new_push("Net", sid=777))
    lines = [r for r in caplog.records if r.name == "receiver"]
    assert len(lines) == 2 and not any(r.exc_info for r in caplog.records)


# -- 15. one receiver per data dir; partial backups; Expect --------------------------------------
async def test_a_second_receiver_on_the_same_data_refuses(receiver):
    second = Receiver(receiver.data_dir)
    with pytest.raises(AlreadyRunning, match="another ClassWatch receiver"):
        await second.start("127.0.0.1", 0)


@pytest.mark.slow
def test_a_second_serve_says_so_in_one_line(data_dir):
    first = ServeProcess(data_dir)
    try:
        out = run_cli("serve", "--port", "0", data_dir=data_dir)
        assert out.returncode == 1
        assert out.stderr.strip().count("\n") == 0 and "another ClassWatch receiver" in out.stderr
        assert "Traceback" not in out.stderr
    finally:
        first.stop()


def test_a_partial_backup_is_removed_at_the_next_open(data_dir):
    open_database(data_dir / "classwatch.db").close()
    leftover = data_dir / "classwatch.db.v2-1700000000.bak.partial"
    leftover.write_bytes(b"x" * 1000)
    open_database(data_dir / "classwatch.db").close()
    assert not leftover.exists()


async def test_expect_100_continue_with_a_huge_body_gets_413_first(receiver):
    head = (b"POST /classin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1073741824\r\nExpect: 100-continue\r\n\r\n")
    answer = await asyncio.to_thread(raw_request, receiver.url, head)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
    assert b"100 Continue" not in answer
    small = orjson.dumps(new_push("Net"))
    head = (b"POST /classin HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nExpect: 100-continue\r\n"
            b"Connection: close\r\n\r\n" % len(small))
    answer = await asyncio.to_thread(raw_request, receiver.url, head + small)
    assert b"100 Continue" in answer and b"HTTP/1.1 200" in answer
