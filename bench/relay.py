#!/usr/bin/env python3
"""Relay benchmark: `main.py serve` relaying every push to a school's own system.

The destination is bench/probed.py's bare aiohttp receiver in its own process
(parses the body, answers errno 1), so a delivery costs what a real ClassIn
receiver would make it cost. Load comes from bench/loadgen.py processes, as
in bench/ingest.py, whose Server and load() this reuses.

1. Ingest at C=64: bare aiohttp, `serve` without a destination, `serve`
   relaying to one destination; rounds alternate the order and ratios are
   taken within a round (2 noisy cores). While `serve` relays, the relay's
   own rate is read from the database (relay_destination.delivered).
2. Steady relay: ingest from --steady-c connections (below C=64's
   saturation); the relay must keep up (delivered/s ~ ingest/s).
3. Backlog drain: a busy school's --outage-minutes of pushes at
   --busy-rate pushes/s stored while its system was down (written through
   the real writer, so with their outbox rows), then `serve` starts with the
   system up: drain rate and `serve`'s loop lag p99 while draining (the same
   core runs the window's loop).

    python bench/relay.py [--rounds 3] [--seconds 4] [--busy-rate 100] [--outage-minutes 10]

Targets (issue 12): relay >= 1,000 pushes/s steady; ingest at C=64 while
relaying >= 0.45x bare; backlog drains >= 500 pushes/s with loop lag p99 <= 50 ms.
"""
from __future__ import annotations

import argparse
import os
import secrets
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from ingest import PY, ROOT, SECRET, SID, Server, load, pct  # noqa: E402


class RelayingServer(Server):
    """`serve` with one relay destination (added before it starts: it counts from then)."""

    def __init__(self, destination: Server, **kw):
        super().__init__("classwatch", **kw)
        self.destination = destination

    @property
    def db(self) -> Path:
        return Path(self.tmp.name) / "data" / "classwatch.db"

    def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        data = str(Path(self.tmp.name) / "data")
        for args in (["school", "add", str(SID), "--secret", SECRET],
                     ["relay", "add", "school-lms", "--sid", str(SID), "--url", self.destination.url]):
            subprocess.run([PY, str(ROOT / "main.py"), *args, "--data-dir", data], env=env, check=True,
                           capture_output=True)
        super().start()

    def relay_counts(self) -> tuple[int, int]:
        """(delivered, pending) as the database says now."""
        with sqlite3.connect(self.db, timeout=10) as db:
            delivered = db.execute("SELECT delivered FROM relay_destination").fetchone()[0]
            pending = db.execute("SELECT COUNT(*) FROM relay_outbox").fetchone()[0]
        return delivered, pending


def relayed_load(server: RelayingServer, c: int, args) -> dict:
    """load() at C=c, with the relay's delivered/s over the same window and what is pending after."""
    marks: list[tuple[float, int]] = []
    start_at = time.monotonic() + 0.5 + args.warmup     # load()'s window
    stop_at = start_at + args.seconds

    def sample() -> None:
        for when in (start_at, stop_at):
            time.sleep(max(0.0, when - time.monotonic()))
            marks.append((time.monotonic(), server.relay_counts()[0]))
    sampler = threading.Thread(target=sample)
    sampler.start()
    r = load(server, c, args.seconds, args.warmup, 1 if c <= 8 else args.procs, "net")
    sampler.join()
    (t0, d0), (t1, d1) = marks
    r["relay_rate"] = (d1 - d0) / (t1 - t0)
    r["pending_after"] = server.relay_counts()[1]
    return r


def ingest_round(args, order: list[str]) -> dict[str, dict]:
    out = {}
    for kind in order:
        destination = None
        if kind == "relaying":
            destination = Server("bare")
            destination.start()
            server: Server = RelayingServer(destination)
        else:
            server = Server(kind)
        server.start()
        try:
            out[kind] = (relayed_load(server, 64, args) if kind == "relaying"
                         else load(server, 64, args.seconds, args.warmup, args.procs, "net"))
        finally:
            server.stop()
            if destination is not None:
                destination.stop()
    return out


def steady(args) -> dict:
    """Ingest from --steady-c connections (each one push in flight, as ClassIn's queues):
    does the relay keep up with it?"""
    destination = Server("bare")
    destination.start()
    server = RelayingServer(destination)
    server.start()
    try:
        return relayed_load(server, args.steady_c, args)
    finally:
        server.stop()
        destination.stop()


def backlog(args) -> dict:
    """A busy school's outage: its pushes stored (with their outbox rows), then drained."""
    from protocol.classin import sign
    from receiver.classin import push_record
    from storage.db import open_database
    from storage.derived import Projector
    from storage.writer import Writer

    destination = Server("bare")
    destination.start()
    server = RelayingServer(destination)
    # The destination is added (relay add) before the outage's pushes are stored.
    data = Path(server.tmp.name) / "data"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for a in (["school", "add", str(SID), "--secret", SECRET],
              ["relay", "add", "school-lms", "--sid", str(SID), "--url", destination.url]):
        subprocess.run([PY, str(ROOT / "main.py"), *a, "--data-dir", str(data)], env=env, check=True,
                       capture_output=True)
    count = int(args.busy_rate * args.outage_minutes * 60)
    began = time.time() - args.outage_minutes * 60
    open_database(server.db).close()
    writer = Writer(server.db, projector=Projector(str(server.db)))
    writer.start()
    futures = []
    pad = "x" * 600
    for i in range(count):
        at = began + i / args.busy_rate
        payload = sign({"SID": SID, "ClassID": 2000 + i % 50, "UID": 100000 + i % 400, "Cmd": "Net",
                        "ActionTime": int(at), "TimeStamp": int(at) + 600,
                        "Data": {"good": 280, "normal": 15, "bad": 5, "total": 300, "avgDelay": "48.2"},
                        "Note": pad, "_id": f"{int(at):08x}{secrets.token_hex(8)}"}, SECRET)
        import orjson
        futures.append(writer.submit(push_record(payload, orjson.dumps(payload).decode(), at)))
        if len(futures) >= 4096:
            for f in futures:
                f.result()
            futures.clear()
    for f in futures:
        f.result()
    writer.stop()
    _, pending = server.relay_counts()
    # Now the system is back and ClassWatch starts: time the drain.
    t0 = time.monotonic()
    Server.start(server)     # the data dir is ready; no second `relay add`
    samples = []
    while True:
        delivered, left = server.relay_counts()
        samples.append((time.monotonic(), delivered))
        if left == 0 or time.monotonic() - t0 > args.drain_limit:
            break
        time.sleep(0.5)
    t1 = time.monotonic()
    lag = server.lag(t0, t1)
    server.stop()
    destination.stop()
    # The rate from the first delivery on (the start-up of `serve` is not the relay's).
    first = next((t for t, d in samples if d > 0), t0)
    return {"backlog": pending, "delivered": samples[-1][1], "left": left, "seconds": t1 - first,
            "rate": samples[-1][1] / max(1e-9, t1 - first), "lag_p99": lag, "startup": first - t0}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=float, default=4.0)
    p.add_argument("--warmup", type=float, default=1.0)
    p.add_argument("--procs", type=int, default=2)
    p.add_argument("--steady-c", type=int, default=16, help="connections of the steady ingest")
    p.add_argument("--busy-rate", type=float, default=100.0, help="pushes/s of the busy school")
    p.add_argument("--outage-minutes", type=float, default=10.0)
    p.add_argument("--drain-limit", type=float, default=600.0)
    p.add_argument("--skip", nargs="*", default=[], choices=("ingest", "steady", "backlog"))
    args = p.parse_args()
    print(f"relay bench: {os.cpu_count()} CPUs, load 1-min {os.getloadavg()[0]:.1f} "
          f"(other work on this machine skews absolute numbers; ratios are within one round)")
    verdicts = []
    if "ingest" not in args.skip:
        kinds = ["bare", "classwatch", "relaying"]
        rounds = [ingest_round(args, kinds if i % 2 == 0 else kinds[::-1]) for i in range(args.rounds)]
        print(f"\n1. ingest at C=64 ({args.rounds} rounds x {args.seconds:g} s), medians:")
        print(f"{'server':<28}{'acked/s':>9}{'vs bare':>9}{'(range)':>12}{'lag p99':>9}{'relayed/s':>11}")
        for kind, name in (("bare", "bare aiohttp"), ("classwatch", "serve, no destination"),
                           ("relaying", "serve relaying to 1 system")):
            rates = [r[kind]["rate"] for r in rounds]
            ratios = [r[kind]["rate"] / r["bare"]["rate"] for r in rounds]
            relayed = [r[kind].get("relay_rate") for r in rounds]
            lags = [r[kind]["lag_p99"] for r in rounds]
            rel = f"{statistics.median(relayed):>11.0f}" if relayed[0] is not None else f"{'-':>11}"
            print(f"{name:<28}{statistics.median(rates):>9.0f}{statistics.median(ratios):>9.2f}"
                  f"{f'{min(ratios):.2f}-{max(ratios):.2f}':>12}{statistics.median(lags):>9.2f}{rel}")
        ratio = statistics.median(r["relaying"]["rate"] / r["bare"]["rate"] for r in rounds)
        under_load = statistics.median(r["relaying"]["relay_rate"] for r in rounds)
        verdicts.append(("ingest at C=64 while relaying >= 0.45x bare", ratio >= 0.45, f"{ratio:.2f}x"))
        verdicts.append(("relay rate during C=64 ingest (no target; the backlog grows)", None,
                         f"{under_load:.0f}/s"))
    if "steady" not in args.skip:
        s = steady(args)
        print(f"\n2. steady: ingest {s['rate']:.0f}/s at C={args.steady_c}; relayed {s['relay_rate']:.0f}/s "
              f"over the same window, pending after {s['pending_after']}, serve's loop lag p99 "
              f"{s['lag_p99']:.2f} ms")
        kept_up = s["relay_rate"] >= 0.9 * s["rate"]
        verdicts.append(("steady relay >= 1,000 pushes/s, keeping up with ingest",
                         s["relay_rate"] >= 1000 and kept_up,
                         f"{s['relay_rate']:.0f}/s relayed vs {s['rate']:.0f}/s ingested"))
    if "backlog" not in args.skip:
        b = backlog(args)
        print(f"\n3. backlog: {args.outage_minutes:g} min outage at {args.busy_rate:g} pushes/s = "
              f"{b['backlog']} pending; drained {b['delivered']} in {b['seconds']:.1f} s = {b['rate']:.0f}/s "
              f"({b['left']} left; serve's start {b['startup']:.1f} s not counted); "
              f"loop lag p99 {b['lag_p99']:.2f} ms")
        verdicts.append(("backlog drains >= 500 pushes/s", b["rate"] >= 500 and b["left"] == 0,
                         f"{b['rate']:.0f}/s"))
        verdicts.append(("loop lag p99 while draining <= 50 ms", b["lag_p99"] <= 50, f"{b['lag_p99']:.2f} ms"))
    print()
    for name, ok, value in verdicts:
        print(f"{'    ' if ok is None else 'PASS' if ok else 'MISS'}  {name}: {value}")


if __name__ == "__main__":
    main()
