"""The desktop app as a user's system runs it: a real process, offscreen."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from ..helpers import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals a POSIX process")


def stored_pushes(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM push").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:     # not created yet
        return 0


@pytest.mark.slow
def test_sigterm_quits_the_demo_cleanly_and_removes_its_throwaway_dir(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--demo", "--port", "0"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            dirs = list(tmp_path.glob("classwatch-demo-*"))
            if dirs and stored_pushes(dirs[0] / "classwatch.db") > 0:    # the demo school is pushing
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"the demo did not start: {app.communicate(timeout=5)}")
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    assert list(tmp_path.glob("classwatch-demo-*")) == []
