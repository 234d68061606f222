"""Hostile-input figures for issue 11, against a real `serve` process:

- memory: RSS peak of serve while N clients each POST a 16 MiB signed body at once
- slowloris: good pushes' latency while many connections dribble their headers
- pushes tried / acked / stored across both

    python bench/hostile.py [--concurrent 16] [--slow 1100]

Prints numbers; no thresholds (the machine may be loaded: compare runs)."""
from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import SECRET, SID, ServeProcess, new_push, run_cli  # noqa: E402


def sample_rss(pid: int, stop: threading.Event, out: list[int]) -> None:
    proc = psutil.Process(pid)
    while not stop.is_set():
        try:
            out.append(proc.memory_info().rss)
        except psutil.Error:
            return
        time.sleep(0.02)


async def big_bodies(url: str, n: int, size: int) -> tuple[int, int]:
    pad = "x" * (size - 400)
    bodies = [json.dumps(new_push("Net", Data={"pad": pad})).encode() for _ in range(n)]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as http:
        async def one(body):
            async with http.post(url + "/classin", data=body) as resp:
                await resp.read()
                return resp.status
        statuses = await asyncio.gather(*(one(b) for b in bodies))
    return len(bodies), statuses.count(200)


async def slowloris(url: str, slow: int, good: int) -> tuple[int, int, list[float]]:
    host, port = url.removeprefix("http://").split(":")
    writers = []
    for _ in range(slow):
        try:
            _, w = await asyncio.open_connection(host, int(port))
            w.write(b"POST /classin HTTP/1.1\r\nHost: x\r\n")
            writers.append(w)
        except OSError:
            break
    latencies, acked = [], 0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        for _ in range(good):
            started = time.perf_counter()
            try:
                async with http.post(url + "/classin", data=json.dumps(new_push("Net")).encode()) as resp:
                    await resp.read()
                    acked += resp.status == 200
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            latencies.append(time.perf_counter() - started)
            for w in writers[:50]:          # keep dribbling
                try:
                    w.write(b"X")
                except Exception:
                    pass
    for w in writers:
        w.close()
    return good, acked, latencies


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concurrent", type=int, default=16)
    ap.add_argument("--size-mib", type=int, default=16)
    ap.add_argument("--slow", type=int, default=1100)
    args = ap.parse_args()
    data = Path(tempfile.mkdtemp(prefix="cw-hostile-"))
    run_cli("school", "add", str(SID), "--secret", SECRET, data_dir=data)
    serve = ServeProcess(data, "--max-body", str(args.size_mib * 1024 * 1024 + 4096))
    rss: list[int] = []
    stop = threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(serve.proc.pid, stop, rss), daemon=True)
    try:
        base = psutil.Process(serve.proc.pid).memory_info().rss
        sampler.start()
        t0 = time.monotonic()
        tried_big, acked_big = asyncio.run(big_bodies(serve.url, args.concurrent, args.size_mib * 1024 * 1024))
        big_s = time.monotonic() - t0
        after = psutil.Process(serve.proc.pid).memory_info().rss
        tried_slow, acked_slow, lat = asyncio.run(slowloris(serve.url, args.slow, 50))
    finally:
        stop.set()
        serve.stop()
    stored = sqlite3.connect(data / "classwatch.db").execute("SELECT COUNT(*) FROM push").fetchone()[0]
    lat.sort()
    mib = 1024 * 1024
    print(f"big bodies: {args.concurrent} x {args.size_mib} MiB at once: {acked_big}/{tried_big} acked "
          f"in {big_s:.1f} s; serve RSS {base / mib:.0f} MiB before, peak {max(rss) / mib:.0f} MiB, "
          f"{after / mib:.0f} MiB after")
    print(f"slowloris: {args.slow} slow connections; good pushes {acked_slow}/{tried_slow} acked, "
          f"latency p50 {lat[len(lat) // 2] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms")
    print(f"pushes tried {tried_big + tried_slow}, acked {acked_big + acked_slow}, stored {stored}")


if __name__ == "__main__":
    main()
