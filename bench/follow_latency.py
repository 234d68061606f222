#!/usr/bin/env python3
"""`events --follow` latency: how long from sending a push to `serve` until
each of several followers prints it.

`serve --db URL` runs as its own process; N `events --follow --db URL`
processes print every stored push; a paced generator sends signed Net pushes
at a fixed rate, each carrying its send time. A push's latency is the time
its line reached us from a follower minus its send time, so it includes the
ack path (durable commit), the NOTIFY (PostgreSQL) or the poll (SQLite), the
follower's read and its pipe.

    python bench/follow_latency.py [--db postgresql://USER:PASS@HOST:PORT/DB] [--rate 200]
                                   [--followers 5] [--seconds 10]

Without --db it measures SQLite (a temp data dir). Target (issue 13): p99 <=
300 ms at 200 pushes/s with 5 followers on PostgreSQL.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiohttp
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from protocol.classin import sign  # noqa: E402
from storage.dburl import DbUrl  # noqa: E402

PY = sys.executable
SID, SECRET = 9000002, "bench-secret"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RUN = secrets.token_hex(4)    # this run's pushes (the database may hold earlier runs')


def push(n: int, measured: bool) -> tuple[str, bytes]:
    now = time.time()
    push_id = f"{int(now):08x}{secrets.token_hex(8)}"
    body = {"Run": RUN, "SID": SID, "ClassID": 508113967, "Cmd": "Net", "UID": 1000 + n % 50, "ActionTime": int(now),
            "TimeStamp": int(now) + 600, "_id": push_id, "SentAt": now, "Measured": measured,
            "Data": {"Good": 10, "Normal": 0, "Bad": 0, "AvgDelay": 40, "LossRate": 0}}
    return push_id, orjson.dumps(sign(body, SECRET))


class Follower:
    def __init__(self, args: list[str], env: dict):
        self.proc = subprocess.Popen([PY, str(ROOT / "main.py"), "events", "--follow", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.arrivals: dict[str, float] = {}       # push _id -> latency (s)
        self.printed: dict[str, float] = {}        # push _id -> when its line reached us
        self.received: dict[str, float] = {}       # push _id -> serve's received_at
        self.seen = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            now = time.time()
            payload = orjson.loads(line)["payload"]
            self.seen += isinstance(payload, dict) and payload.get("Run") == RUN
            if isinstance(payload, dict) and payload.get("Run") == RUN and payload.get("Measured"):
                self.arrivals[payload["_id"]] = now - payload["SentAt"]
                self.printed[payload["_id"]] = now
                self.received[payload["_id"]] = orjson.loads(line)["received_at"]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


ACKED: dict[str, tuple[float, float]] = {}     # push _id -> (sent, acked) times


async def generate(url: str, rate: float, seconds: float, measured: bool = True) -> tuple[int, int]:
    sent = acked = 0
    start = time.monotonic()
    async with aiohttp.ClientSession() as http:
        async def one(n: int) -> None:
            nonlocal acked
            push_id, body = push(n, measured)
            started = time.time()
            async with http.post(url, data=body) as resp:
                acked += resp.status == 200
                ACKED[push_id] = (started, time.time())
        tasks = []
        while (elapsed := time.monotonic() - start) < seconds:
            due = start + sent / rate
            if due > time.monotonic():
                await asyncio.sleep(due - time.monotonic())
            tasks.append(asyncio.create_task(one(sent)))
            sent += 1
        await asyncio.gather(*tasks)
    return sent, acked


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", help="postgresql://… (default: SQLite in a temp data dir)")
    p.add_argument("--rate", type=float, default=200.0, help="pushes per second (default 200)")
    p.add_argument("--followers", type=int, default=5)
    p.add_argument("--seconds", type=float, default=10.0)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        store = DbUrl.parse(args.db) if args.db else DbUrl.sqlite(data / "classwatch.db")
        common = ["--data-dir", str(data), "--db", store.url]
        subprocess.run([PY, str(ROOT / "main.py"), "school", "add", str(SID), "--secret", SECRET, *common],
                       env=env, check=True, capture_output=True)
        port = free_port()
        serve = subprocess.Popen([PY, str(ROOT / "main.py"), "serve", "--port", str(port), "--tunnel", "none",
                                  *common], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        for line in serve.stdout:
            if re.match(r"listening on ", line):
                break
        url = f"http://127.0.0.1:{port}/classin"
        followers = [Follower(common, env) for _ in range(args.followers)]
        try:
            # Warm up until every follower prints what is sent (they have connected).
            deadline = time.monotonic() + 30
            while any(f.seen < 1 for f in followers) and time.monotonic() < deadline:
                asyncio.run(generate(url, 20, 0.5, measured=False))
            sent, acked = asyncio.run(generate(url, args.rate, args.seconds))
            time.sleep(2)      # the last ones arrive
        finally:
            for f in followers:
                f.stop()
            serve.terminate()
            serve.wait(20)
    latencies = [ms * 1000 for f in followers for ms in f.arrivals.values()]
    missing = sum(acked - len(f.arrivals) for f in followers)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"follow latency: {store.kind}, {args.rate:g} pushes/s for {args.seconds:g} s, {args.followers} followers, "
          f"{os.cpu_count()} CPUs, load average {load:.1f} at the end")
    print(f"sent {sent}, acked {acked}, deliveries {len(latencies)} (missing {missing})")
    print(f"latency ms: p50 {pct(latencies, .5):.1f}  p95 {pct(latencies, .95):.1f}  "
          f"p99 {pct(latencies, .99):.1f}  max {max(latencies, default=float('nan')):.1f}  "
          f"mean {statistics.fmean(latencies) if latencies else float('nan'):.1f}")
    # Where the time goes: the request to serve, serve's commit and ack, and
    # from the ack to each follower's line (NOTIFY or poll, wake, read, print).
    parts = {"send -> serve received": [], "received -> ack": [], "ack -> follower line": []}
    for f in followers:
        for push_id, printed in f.printed.items():
            started, acked_at = ACKED[push_id]
            parts["send -> serve received"].append((f.received[push_id] - started) * 1000)
            parts["received -> ack"].append((acked_at - f.received[push_id]) * 1000)
            parts["ack -> follower line"].append((printed - acked_at) * 1000)
    for name, values in parts.items():
        print(f"  {name:<22} ms: p50 {pct(values, .5):6.1f}  p99 {pct(values, .99):6.1f}")
    ok = pct(latencies, .99) <= 300 and missing == 0
    print(f"{'PASS' if ok else 'MISS'}  p99 <= 300 ms, every acked push reached every follower")


if __name__ == "__main__":
    main()
