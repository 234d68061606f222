#!/usr/bin/env python3
"""Ingest benchmark: `main.py serve` against a bare aiohttp server, driven from outside.

Both servers run as their own processes, exactly as shipped (`serve` with
durable commits and its whole core: lesson state, alarms and derived rows
in its core process, app.core_process), under a loop-lag probe on the loop
that answers (bench/probed.py). The server's CPU is its whole process tree's.
The load comes from separate generator processes (bench/loadgen.py: raw
keep-alive HTTP, one push in flight per connection, distinct signed ~1 KB
pushes from 64 people in 50 lessons, `_id`s shaped as ClassIn's are). Rounds
alternate the servers' order, and every ratio is taken within one round,
because this 2-core machine is noisy.

It prints acked pushes/s, the ratio to bare, ack latency p50/p99, the server
loop's lag p99, the server's CPU per push and the generator's CPU share, so
you can see which side was the limit: bare should be CPU-bound (~100 % of one
core) while the generator has room left; a "generator ceiling" row (a canned
answer server) shows how far the generator alone goes. Then, per push, the
CPU and the bytes written by `serve`'s receiving process and by its core.

    python bench/ingest.py [--rounds 3] [--seconds 4] [--concurrency 1 8 64] [--sync-ms 0 5] [--mix net]
                           [--db postgresql://USER:PASS@HOST:PORT/DB] [--serve-loop auto|asyncio] [--bare-loop asyncio|uvloop]

Targets (issues 10, 17): C=64 >= 0.50x bare; C=1 ack p99 <= 2 ms; loop lag
p99 <= 10 ms at C=64; with a 5 ms emulated disk sync, C=64 >= 0.40x bare.
With --db postgresql://… (issue 13) `serve` stores into a fresh database on
that server for each run (created and dropped here; the URL's user needs
CREATEDB), commits durable (synchronous_commit on): C=64 >= 0.40x bare.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from cli import loops  # noqa: E402
from storage.backends import backend_for  # noqa: E402
from storage.dburl import DbUrl  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
SID, SECRET = 9000001, "bench-secret"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def serial_sync_ceiling(senders: int, sync_ms: float, bare_rate: float) -> float:
    """The most of bare's rate any server reaches when a push is acked only
    after a sync of the disk and the syncs run one at a time (as a disk's
    flushes do, and the emulated ones): each sync covers at most every
    sender, and no sender sends again before its ack, so a round is one sync
    plus the time to answer them all, at best as fast as bare aiohttp
    answers: senders / (sync + senders / bare_rate), over bare_rate."""
    return senders / (sync_ms / 1000 * bare_rate + senders)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    kind: str             # "bare" | "classwatch" | "null"
    sync_ms: float = 0
    db: str | None = None  # --db: a PostgreSQL server to store into (a fresh database per run)
    loop: str = "auto"     # serve --loop; bare aiohttp's loop ("auto" there = asyncio's)
    port: int = field(default_factory=free_port)
    tmp: tempfile.TemporaryDirectory = field(default_factory=tempfile.TemporaryDirectory)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/classin"

    @property
    def lag_file(self) -> Path:
        return Path(self.tmp.name) / "lag.json"

    def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), CLASSWATCH_EMULATE_SYNC_MS=str(self.sync_ms))
        data = Path(self.tmp.name) / "data"
        if self.kind == "classwatch":
            subprocess.run([PY, str(ROOT / "main.py"), "school", "add", str(SID), "--secret", SECRET,
                            "--data-dir", str(data)], env=env, check=True, capture_output=True)
            args = ["serve", "--data-dir", str(data), "--port", str(self.port), "--tunnel", "none",
                    "--loop", self.loop]
            if self.db:
                self.store = fresh_database(self.db)
                args += ["--db", self.store.url]
            else:
                self.store = DbUrl.sqlite(data / "classwatch.db")
        elif self.kind == "bare":
            args = [self.kind, str(self.port), "asyncio" if self.loop == "auto" else self.loop]
        else:
            args = [self.kind, str(self.port)]
        self.proc = subprocess.Popen([PY, str(HERE / "probed.py"), str(self.lag_file), *args], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.ps = psutil.Process(self.proc.pid)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.kind} server exited: {self.proc.stderr.read().decode()[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"{self.kind} server did not start")

    def usage(self) -> dict[str, tuple[float, float]]:
        """(CPU seconds, bytes handed to write calls) of the process that
        answers ("receiving") and of the rest of its tree ("core": `serve`'s
        core process, app.core_process, counts in the server's CPU too). The bytes
        are Linux's `wchar` (NaN elsewhere): the WAL, the checkpoints' copies."""
        parts = {"receiving": (0.0, 0.0), "core": (0.0, 0.0)}
        for proc in [self.ps, *self.ps.children(recursive=True)]:
            try:
                t = proc.cpu_times()
                try:
                    wrote = proc.io_counters().write_chars
                except (AttributeError, psutil.AccessDenied):
                    wrote = float("nan")
            except psutil.Error:
                continue
            part = "receiving" if proc.pid == self.ps.pid else "core"
            cpu, written = parts[part]
            parts[part] = (cpu + t.user + t.system, written + wrote)
        return parts

    def lag(self, start: float, stop: float) -> float:
        if self.kind == "null":
            return float("nan")
        self.lag_file.unlink(missing_ok=True)
        self.proc.send_signal(signal.SIGUSR1)
        for _ in range(100):
            if self.lag_file.exists():
                try:
                    samples = json.loads(self.lag_file.read_text())
                    break
                except ValueError:
                    pass
            time.sleep(0.05)
        else:
            return float("nan")
        return pct([lag for t, lag in samples if start <= t <= stop], 0.99)

    def stored(self) -> int | None:
        if self.kind != "classwatch":
            return None
        conn = backend_for(self.store).connect()
        try:
            return conn.execute("SELECT count(*) FROM push").fetchone()[0]
        finally:
            conn.close()

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.kind == "classwatch" and self.db:
            drop_database(self.db, self.store)
        self.tmp.cleanup()


def fresh_database(server_url: str) -> DbUrl:
    """A new empty database on the server of `server_url`."""
    import psycopg
    url = DbUrl.parse(server_url)
    name = f"cwbench_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(url.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = url.url.rpartition("/")
    return DbUrl.parse(f"{base}/{name}")


def drop_database(server_url: str, store: DbUrl) -> None:
    import psycopg
    with psycopg.connect(DbUrl.parse(server_url).url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{store.url.rpartition("/")[2]}" WITH (FORCE)')


def load(server: Server, concurrency: int, seconds: float, warmup: float, procs: int, mix: str) -> dict:
    start = time.monotonic() + 0.5 + warmup   # the generators' start-up stays outside the window
    stop = start + seconds
    shares = [concurrency // procs + (i < concurrency % procs) for i in range(procs)]
    gens = [subprocess.Popen([PY, str(HERE / "loadgen.py"), server.url, "--concurrency", str(n),
                              "--start", str(start), "--stop", str(stop), "--mix", mix],
                             stdout=subprocess.PIPE) for n in shares if n]
    time.sleep(max(0.0, start - time.monotonic()))
    before = server.usage()
    time.sleep(max(0.0, stop - time.monotonic()))
    after = server.usage()
    outs = [json.loads(g.communicate()[0]) for g in gens]
    lat = [x for o in outs for x in o["latencies"]]
    acked = sum(o["acked"] for o in outs)
    used = {part: (after[part][0] - before[part][0], after[part][1] - before[part][1]) for part in after}
    cpu = sum(cpu_s for cpu_s, _ in used.values())
    return {"rate": acked / seconds, "acked": acked, "errors": sum(o["errors"] for o in outs),
            "p50": pct(lat, 0.50), "p99": pct(lat, 0.99), "lag_p99": server.lag(start, stop),
            "srv_cpu_pct": 100 * cpu / seconds,
            "srv_us_push": 1e6 * cpu / max(1, acked),
            **{f"{part}_us_push": 1e6 * cpu_s / max(1, acked) for part, (cpu_s, _) in used.items()},
            **{f"{part}_kb_push": wrote / 1024 / max(1, acked) for part, (_, wrote) in used.items()},
            "gen_cpu_pct": 100 * sum(o["cpu_s"] / o["wall_s"] for o in outs) / len(outs),
            "gen_loop": outs[0]["loop"]}


def measure(kind: str, sync_ms: float, c: int, args) -> dict:
    server = Server(kind, sync_ms, db=args.db if kind == "classwatch" else None,
                    loop=args.serve_loop if kind == "classwatch" else args.bare_loop)
    server.start()
    try:
        r = load(server, c, args.seconds, args.warmup, 1 if c <= 8 else args.procs, args.mix)
        time.sleep(0.2)
        r["stored"] = server.stored()
    finally:
        server.stop()
    if r["stored"] is not None and r["stored"] < r["acked"]:
        raise SystemExit(f"ACK WITHOUT STORE: {r['acked']} acked in the window, {r['stored']} rows")
    return r


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=float, default=4.0)
    p.add_argument("--warmup", type=float, default=1.0)
    p.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 64])
    p.add_argument("--sync-ms", type=float, nargs="+", default=[0, 5])
    p.add_argument("--procs", type=int, default=2, help="generator processes for C > 8 (default 2)")
    p.add_argument("--mix", choices=("net", "classroom"), default="net",
                   help="net = every push a Net report (worst case, default); classroom = a lesson's mix")
    p.add_argument("--db", metavar="URL", help="store into PostgreSQL: a fresh database per run on this server")
    p.add_argument("--serve-loop", choices=loops.CHOICES, default=loops.AUTO,
                   help="serve --loop (default auto: uvloop where it is installed)")
    p.add_argument("--bare-loop", choices=(loops.ASYNCIO, loops.UVLOOP), default=loops.ASYNCIO,
                   help="bare aiohttp's loop (default asyncio's own, the reference of issue #17)")
    args = p.parse_args()
    kinds = [("bare", 0)] + [("classwatch", s) for s in args.sync_ms]
    durable = f"PostgreSQL {DbUrl.parse(args.db)} (synchronous_commit on)" if args.db else "SQLite, each ack after its WAL is synced"
    print(f"ingest: {args.rounds} rounds x {args.seconds:g} s, {os.cpu_count()} CPUs, `serve` with "
          f"{durable}, emulated sync {args.sync_ms} ms, {args.mix} pushes, generators in separate processes; "
          f"loops: serve {args.serve_loop}, bare {args.bare_loop}")
    ceiling = measure("null", 0, 64, args)
    print(f"generator ceiling (canned-answer server, C=64, {args.procs} procs, {ceiling['gen_loop']}): "
          f"{ceiling['rate']:.0f}/s at {ceiling['gen_cpu_pct']:.0f} % CPU per generator process")
    results: dict[tuple, list[dict]] = {}
    for rnd in range(args.rounds):
        for c in args.concurrency:
            order = kinds if rnd % 2 == 0 else kinds[::-1]
            cell = {k: measure(k[0], k[1], c, args) for k in order}
            for k, r in cell.items():
                r["ratio"] = r["rate"] / cell[("bare", 0)]["rate"]
                results.setdefault((k, c), []).append(r)
    med = lambda rs, key: statistics.median(r[key] for r in rs)  # noqa: E731
    header = (f"{'server':<24}{'C':>4}{'acked/s':>9}{'vs bare':>9}{'(range)':>12}{'p50 ms':>8}{'p99 ms':>8}"
              f"{'lag p99':>8}{'srv CPU':>8}{'µs/push':>8}{'gen CPU':>8}{'errors':>7}")
    print(header + "\n" + "-" * len(header))
    verdicts = []
    for c in args.concurrency:
        for k in kinds:
            rs = results[(k, c)]
            name = "bare aiohttp (no store)" if k[0] == "bare" else (
                f"classwatch serve +{k[1]:g}ms" if k[1] else "classwatch serve")
            ratios = [r["ratio"] for r in rs]
            print(f"{name:<24}{c:>4}{med(rs, 'rate'):>9.0f}{med(rs, 'ratio'):>9.2f}"
                  f"{f'{min(ratios):.2f}-{max(ratios):.2f}':>12}{med(rs, 'p50'):>8.2f}{med(rs, 'p99'):>8.2f}"
                  f"{med(rs, 'lag_p99'):>8.2f}{med(rs, 'srv_cpu_pct'):>7.0f}%{med(rs, 'srv_us_push'):>8.0f}"
                  f"{med(rs, 'gen_cpu_pct'):>7.0f}%{sum(r['errors'] for r in rs):>7}")
            if k[0] != "classwatch":
                continue
            if k[1] == 0 and c == 64 and args.db:
                verdicts.append(("C=64 on PostgreSQL >= 0.40x bare", med(rs, "ratio") >= 0.4,
                                 f"{med(rs, 'ratio'):.2f}"))
            if k[1] == 0 and c == 64:
                verdicts.append(("C=64 >= 0.50x bare", med(rs, "ratio") >= 0.5, f"{med(rs, 'ratio'):.2f}"))
                verdicts.append(("C=64 loop lag p99 <= 10 ms", med(rs, "lag_p99") <= 10,
                                 f"{med(rs, 'lag_p99'):.2f} ms"))
            if k[1] == 0 and c == 1:
                verdicts.append(("C=1 ack p99 <= 2 ms", med(rs, "p99") <= 2, f"{med(rs, 'p99'):.2f} ms"))
            if k[1] >= 5 and c == 64:
                bare = med(results[(("bare", 0), c)], "rate")
                verdicts.append((f"C=64 with {k[1]:g} ms sync >= 0.40x bare", med(rs, "ratio") >= 0.4,
                                 f"{med(rs, 'ratio'):.2f} (ceiling of one sync at a time: "
                                 f"{serial_sync_ceiling(c, k[1], bare):.2f})"))
    print("\nwhere `serve`'s CPU and writes go, per push (the receiving process; its core process):")
    for c in args.concurrency:
        for k in kinds[1:]:
            rs = results[(k, c)]
            sync = f" +{k[1]:g} ms sync" if k[1] else ""
            print(f"  C={c}{sync}: CPU {med(rs, 'receiving_us_push'):.0f} + "
                  f"{med(rs, 'core_us_push'):.0f} µs, written {med(rs, 'receiving_kb_push'):.1f} + "
                  f"{med(rs, 'core_kb_push'):.1f} KB")
    print()
    for name, ok, value in verdicts:
        print(f"{'PASS' if ok else 'MISS'}  {name}: {value}")


if __name__ == "__main__":
    main()
