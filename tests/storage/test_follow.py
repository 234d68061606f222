"""Following new pushes as they are stored: `events --follow` as a real
subprocess against a real receiver, and the follower in-process, on SQLite
and on a real PostgreSQL server (NOTIFY)."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading

import orjson
import pytest

from receiver.app import Receiver
from receiver.classin import push_record
from storage.db import open_database
from storage.follow import PushFollower
from storage.writer import Writer

from ..helpers import ROOT, SID, new_push, post_push


def _lines(proc: subprocess.Popen) -> "queue.Queue[str]":
    lines: queue.Queue[str] = queue.Queue()

    def pump():
        for line in proc.stdout:
            lines.put(line)
    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.mark.slow
async def test_events_follow_prints_history_then_each_new_push(data_dir, store, http):
    receiver = Receiver(data_dir, db=store)
    await receiver.start("127.0.0.1", 0)
    follow = None
    try:
        first = new_push("Net", UID=1)
        assert (await post_push(http, receiver.url, first))[0] == 200
        follow = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "events", "--follow", "--db", store.url,
             "--data-dir", str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=ROOT, env=os.environ.copy())
        lines = _lines(follow)
        assert json.loads(lines.get(timeout=30))["payload"]["_id"] == first["_id"]   # the history
        for n in range(5):
            push = new_push("Net", UID=10 + n)
            assert (await post_push(http, receiver.url, push))[0] == 200
            got = json.loads(lines.get(timeout=10))
            assert got["payload"] == push and got["source"] == "classin"
        # A re-send is a duplicate: it prints nothing more.
        assert (await post_push(http, receiver.url, first))[0] == 200
        last = new_push("Net", UID=99)
        await post_push(http, receiver.url, last)
        assert json.loads(lines.get(timeout=10))["payload"]["_id"] == last["_id"]
    finally:
        if follow is not None:
            follow.terminate()
            follow.wait(10)
            assert store.password is None or store.password not in follow.stderr.read()
        await receiver.stop()


def test_the_follower_delivers_each_push_once_from_two_writers(store):
    """Two receivers on one database commit out of id order; every push
    reaches the follower exactly once, filtered ones not at all."""
    open_database(store).close()
    follower = PushFollower(store, cmd="Net")
    follower.connect()
    writers = [Writer(store), Writer(store)]
    for w in writers:
        w.start()
    sent = []
    try:
        futures = []
        for n in range(300):
            cmd = "Net" if n % 3 else "Check"
            payload = {"SID": SID, "Cmd": cmd, "UID": n, "_id": f"f{n}"}
            futures.append(writers[n % 2].submit(push_record(payload, orjson.dumps(payload).decode(), 1.0 + n)))
            if cmd == "Net":
                sent.append(payload["_id"])
        for f in futures:
            f.result(30)
        seen: list[str] = []
        for _ in range(50):
            seen += [orjson.loads(p.payload)["_id"] for p in follower.poll(timeout=0.5)]
            if len(seen) >= len(sent):
                break
        assert sorted(seen) == sorted(sent) and len(seen) == len(set(seen))
    finally:
        follower.close()
        for w in writers:
            w.stop()


def test_a_listener_wakes_for_another_connections_commit_and_sleeps_otherwise(store):
    """SQLite looks at `PRAGMA data_version`, PostgreSQL hears NOTIFY: either
    way a quiet database gives no wake-up, and a commit elsewhere gives one."""
    from storage.backends import backend_for
    open_database(store).close()
    backend = backend_for(store)
    listener = backend.listener()
    other = backend.connect()
    try:
        assert not listener.wait(0.2)
        other.execute("BEGIN")
        other.execute("INSERT INTO meta(key, value) VALUES ('follow-test', '1')")
        other.notify()
        other.execute("COMMIT")
        assert listener.wait(5.0)
        assert not listener.wait(0.2)     # that commit woke it once
    finally:
        other.close()
        listener.close()
