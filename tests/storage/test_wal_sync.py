"""SQLite's WAL synced beside the writer (storage.wal_sync): a push's waiter
hears of it only once the WAL holding its commit is on the disk; a failed sync
fails its requests and loses nothing; on a slow disk one sync serves many
senders. A real Writer on a real SQLite file; only the system's fsync is
watched (and, for the failure, made to fail)."""
from __future__ import annotations

import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import orjson
import pytest

from receiver.classin import push_record
from storage import wal_sync
from storage.db import open_database
from storage.writer import StorageError, Writer

from ..helpers import SID, db_rows


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "classwatch.db"
    open_database(path).close()
    return path


def record(n: int):
    payload = {"SID": SID, "ClassID": 1, "Cmd": "Net", "UID": n, "_id": f"walsync{n}"}
    return push_record(payload, orjson.dumps(payload).decode(), 1000.0 + n)


@pytest.fixture
def writer(store):
    w = Writer(store)
    w.start()
    yield w
    w.stop()


def synchronous(path) -> int:
    return db_rows(path, "PRAGMA synchronous")[0][0]


def test_the_writer_commits_without_syncing_and_its_wal_sync_syncs(writer, store):
    assert writer.wal_sync is not None
    assert writer.submit(lambda conn: conn.execute("PRAGMA synchronous").fetchone()[0]).result(10) == 1   # NORMAL
    assert synchronous(store) == 2   # any other connection of ours: FULL


def test_a_push_is_acked_only_once_its_wal_is_synced(writer, store, monkeypatch):
    entered, release = threading.Event(), threading.Event()
    synced: list[int] = []
    real_fsync = os.fsync

    def slow_fsync(fd):
        entered.set()
        assert release.wait(10)
        real_fsync(fd)
        synced.append(os.fstat(fd).st_ino)

    monkeypatch.setattr(wal_sync.os, "fsync", slow_fsync)
    fut = writer.submit(record(1))
    assert entered.wait(10)
    # Committed (another connection sees it), not acked: the disk has not said so yet.
    assert db_rows(store, "SELECT COUNT(*) FROM push") == [(1,)]
    time.sleep(0.1)
    assert not fut.done()
    release.set()
    assert not fut.result(10).duplicate
    assert synced == [os.stat(f"{store}-wal").st_ino]


def test_a_failed_sync_fails_its_requests_and_the_resend_finds_the_push(writer, store, monkeypatch):
    def broken(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(wal_sync.os, "fsync", broken)
    with pytest.raises(StorageError, match="did not confirm"):
        writer.submit(record(2)).result(10)
    monkeypatch.undo()
    again = writer.submit(record(2)).result(10)
    assert again.duplicate   # ClassIn's re-send: stored once, acked now
    assert db_rows(store, "SELECT COUNT(*) FROM push") == [(1,)]


@pytest.mark.parametrize("senders", [8, 32])
def test_on_a_slow_disk_one_sync_serves_many_senders(store, senders):
    """Senders with one push in flight each, a 5 ms disk: a sync waits for the
    senders the last one acked rather than syncing whatever was committed, and
    the writer leaves every sync to the WalSync (syncing a small group itself
    would hold the next batch behind the disk)."""
    rounds = 20
    w = Writer(store, sync_delay=0.005)
    w.start()
    try:
        def sender(k: int) -> int:
            for n in range(rounds):
                w.submit(record(k * 1000 + n)).result(10)
            return rounds

        with ThreadPoolExecutor(senders) as pool:
            sent = sum(pool.map(sender, range(senders)))
        syncs = w.wal_sync.syncs
    finally:
        w.stop()
    assert sent == senders * rounds and db_rows(store, "SELECT COUNT(*) FROM push") == [(sent,)]
    # All senders in most syncs (~22 here); syncing whatever was committed left
    # them in two halves that took turns (~40).
    assert syncs <= 1.5 * rounds, f"{syncs} syncs for {sent} pushes from {senders} senders"


def test_a_stop_acks_what_it_committed(store):
    w = Writer(store, sync_delay=0.01)
    w.start()
    futures = [w.submit(record(n)) for n in range(100)]
    w.stop()
    assert all(f.done() and not f.result().duplicate for f in futures)
    assert db_rows(store, "SELECT COUNT(*) FROM push") == [(100,)]


def test_after_a_failed_sync_no_ack_rests_on_the_unconfirmed_frames(store, monkeypatch, tmp_path):
    """A failed fsync may leave the WAL frames it was for unwritten (Linux marks
    them clean, and a later fsync through a new descriptor succeeds), and after
    a power cut SQLite's recovery stops at the first bad frame, dropping every
    commit behind it. So before the next ack the WAL is folded into the
    database and started over: the pushes acked since survive losing those frames."""
    w = Writer(store, checkpoint=False)   # no background checkpoint that folds the WAL by chance
    w.start()
    wal = store.with_name(store.name + "-wal")
    first = max(wal.stat().st_size, 32)   # the WAL's header
    unconfirmed = {}

    def broken(fd):
        unconfirmed.update(salt=wal.read_bytes()[16:24], frames=(first, os.fstat(fd).st_size))
        raise OSError(5, "Input/output error")

    try:
        monkeypatch.setattr(wal_sync.os, "fsync", broken)
        with pytest.raises(StorageError, match="did not confirm"):
            w.submit(record(3)).result(10)
        monkeypatch.undo()
        assert w.submit(record(3)).result(10).duplicate   # ClassIn's re-send
        assert not w.submit(record(4)).result(10).duplicate
        # The power cut, now: the unconfirmed frames are lost unless the WAL started over since.
        after_cut = tmp_path / "after_cut"
        after_cut.mkdir()
        shutil.copyfile(store, after_cut / store.name)
        frames = bytearray(wal.read_bytes())
        if frames[16:24] == unconfirmed["salt"]:
            start, end = unconfirmed["frames"]
            frames[start:end] = bytes(end - start)
        (after_cut / wal.name).write_bytes(frames)
    finally:
        w.stop()
    assert db_rows(after_cut / store.name, "SELECT COUNT(*) FROM push") == [(2,)]


def watch_fsync(monkeypatch) -> list[int]:
    """The inodes the WalSync syncs, from here on."""
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd):
        real_fsync(fd)
        synced.append(os.fstat(fd).st_ino)

    monkeypatch.setattr(wal_sync.os, "fsync", fsync)
    return synced


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_database_reached_through_a_symlink_has_its_own_wal_synced(tmp_path, monkeypatch):
    """SQLite keeps the WAL beside the database file a link points to, not
    beside the link, where an old WAL may have stayed when the database moved."""
    real, linked = tmp_path / "disk" / "classwatch.db", tmp_path / "data" / "classwatch.db"
    real.parent.mkdir()
    linked.parent.mkdir()
    open_database(real).close()
    linked.symlink_to(real)
    linked.with_name("classwatch.db-wal").write_bytes(b"")
    synced = watch_fsync(monkeypatch)
    w = Writer(linked)
    w.start()
    try:
        assert not w.submit(record(5)).result(10).duplicate
        assert synced and set(synced) == {real.with_name("classwatch.db-wal").stat().st_ino}
    finally:
        w.stop()


def test_a_restarted_writer_that_cannot_sync_the_wal_beside_it_syncs_in_its_commits(store, monkeypatch):
    w = Writer(store)
    w.start()
    w.stop()
    real_open = os.open

    def no_wal(path, flags, *args):
        if str(path).endswith("-wal"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(wal_sync.os, "open", no_wal)
    w.start()
    try:
        assert not w.submit(record(6)).result(10).duplicate
        assert w.submit(lambda conn: conn.execute("PRAGMA synchronous").fetchone()[0]).result(10) == 2   # FULL
    finally:
        w.stop()
