"""`events` as a user runs it: what `--follow` tells on stderr when its
database goes away and comes back, in the desk's language."""
from __future__ import annotations

import queue
import subprocess
import sys
import threading

import pytest

from storage.db import open_database

from ..app.test_core_process import until
from ..helpers import ROOT

pytestmark = pytest.mark.slow

LISTENER = "FROM pg_stat_activity WHERE datname = %s AND query LIKE 'LISTEN%%'"
LISTENING = "SELECT count(*) " + LISTENER
LISTENER_ENDS = "SELECT pg_terminate_backend(pid) " + LISTENER


def test_follow_says_it_reconnects_and_follows_again_in_chinese(pg_server, data_dir):
    import psycopg
    store = pg_server.new_database()
    open_database(store).close()
    dbname = store.url.rpartition("/")[2]
    follow = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "events", "--follow", "--db", store.url,
                               "--data-dir", str(data_dir), "--lang", "zh"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    told: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [told.put(line) for line in follow.stderr], daemon=True).start()
    try:
        with psycopg.connect(pg_server.url().url, autocommit=True) as admin:
            def listening() -> bool:
                return admin.execute(LISTENING, (dbname,)).fetchone()[0] > 0
            until(listening)
            # Its listening connection ends, as in a server restart (the others may still be reading the
            # history: a database lost then is an error, not a follower's to ride out).
            admin.execute(LISTENER_ENDS, (dbname,))
            lost = told.get(timeout=30)
            assert lost.endswith("；正在重新连接……\n") and dbname in lost, lost
            assert store.password not in lost
            assert told.get(timeout=30) == "已重新连接，继续跟踪新推送\n"
            until(listening)
    finally:
        follow.terminate()
        follow.wait(10)


def test_follow_with_quarantined_is_a_bad_argument_in_the_desks_language(tmp_path):
    """Exit 2 and one line, before a missing data dir is reported (as `export`)."""
    from ..helpers import run_cli
    for lang, words in ((None, "cannot be combined with --quarantined"), ("zh", "--quarantined")):
        out = run_cli("events", "--follow", "--quarantined", *(("--lang", lang) if lang else ()),
                      data_dir=tmp_path / "none")
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert words in out.stderr
        if lang:
            assert "cannot" not in out.stderr, out.stderr   # not the English line
    out = run_cli("events", "--quarantined", data_dir=tmp_path / "none")
    assert out.returncode == 1 and "no data dir" in out.stderr
