"""bench/loadgen.py against a real `serve`: its figures are only worth
something if every push it sends is one ClassIn could send, accepted, and
distinct, with `_id`s shaped as ClassIn's are."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import orjson

from storage.paths import DB_NAME

from ..helpers import ROOT, ServeProcess, db_rows, run_cli

LOADGEN = ROOT / "bench" / "loadgen.py"
SID, SECRET = 9000001, "loadgen-secret"


def _load(url: str, concurrency: int, seconds: float) -> dict:
    start = time.monotonic()
    out = subprocess.run([sys.executable, str(LOADGEN), url, "--concurrency", str(concurrency),
                          "--start", str(start), "--stop", str(start + seconds),
                          "--sid", str(SID), "--secret", SECRET],
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout)


def test_every_push_it_sends_is_acked_stored_once_and_carries_an_objectid_of_its_action_time(data_dir):
    assert run_cli("school", "add", str(SID), "--secret", SECRET, data_dir=data_dir).returncode == 0
    serve = ServeProcess(data_dir, "--tunnel", "none")
    try:
        runs = [_load(serve.url + "/classin", 4, 1.0) for _ in range(2)]   # two processes, as ingest.py starts them
    finally:
        assert serve.stop() == 0
    assert all(run["errors"] == 0 and run["acked"] > 0 for run in runs)

    payloads = [orjson.loads(text) for (text,) in db_rows(data_dir / DB_NAME, "SELECT payload FROM push")]
    ids = [p["_id"] for p in payloads]
    assert len(ids) == len(set(ids)) >= sum(run["acked"] for run in runs)
    # MongoDB ObjectIds: the ActionTime in 8 hex digits, then 10 of the sending
    # process and a counter of 6. One process's ids share all but the counter.
    assert all(len(i) == 24 and int(i[:8], 16) == p["ActionTime"] for i, p in zip(ids, payloads))
    assert len({i[:18] for i in ids}) == len(runs)
    assert {p["UID"] for p in payloads} == {100000 + c for c in range(4)}
