#!/usr/bin/env python3
"""Ingest benchmark: ClassWatch's receiver against a bare aiohttp server.

For concurrency 1, 8 and 64 with distinct signed pushes it prints acked
pushes/s, ack latency p50/p99 and the server loop's lag p99 under load —
side by side with a bare aiohttp server that answers the same ack without
storing, in the same run, plus the same with an emulated 5 ms disk sync
(a laptop disk) where group commit must keep C=64 from collapsing.

The server runs in this process on the plain asyncio loop, as `serve` does;
the load comes from a separate process so the two don't share a GIL.

    python bench/ingest.py [--seconds 3] [--concurrency 1 8 64] [--sync-ms 0 5]

Targets (issue #2): C=64 >= 50 % of bare throughput; C=1 ack p99 <= 2 ms
with durable commits; loop lag p99 <= 10 ms under full load.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402
import orjson  # noqa: E402
from aiohttp import web  # noqa: E402

from protocol.classin import ACK_BODY, is_ack, sign  # noqa: E402
from receiver.app import Receiver  # noqa: E402
from storage.config import ConfigStore  # noqa: E402

SID, SECRET = 9000001, "bench-secret"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


# -- load generator (child process) ------------------------------------------------
NET = {"Cmd": "Net", "Data": {"good": 280, "normal": 15, "bad": 5, "total": 300, "avgDelay": "48.2",
                              "cpuLow": 290, "cpuTotal": 300}}
# "net": every push a Net report, the costliest to project (the worst case).
# "classroom": what a lesson sends — mostly board, stage and mute events, some
# enters/exits, a Net report per user every 5 minutes.
MIXES = {
    "net": [NET],
    "classroom": [{"Cmd": 67375105, "Color": "hands up1", "Handsup": True},
                  {"Cmd": 67375105, "Color": "hands up1", "Handsup": False},
                  {"Cmd": 67371521, "Operation": 1}, {"Cmd": 67371522, "Operation": 1},
                  {"Cmd": 67371107, "NickName": "学生", "ClientID": 0, "Identity": 1, "Device": 0},
                  {"Cmd": 67371111, "ClientID": 0, "Identity": 1, "Reason": 1},
                  {"Cmd": 67375105, "Color": "award1", "Times": 1}, NET],
}


async def client(url: str, concurrency: int, seconds: float, warmup: float, mix: str) -> dict:
    latencies: list[float] = []
    acked = errors = 0
    start = time.perf_counter()
    measure_from, stop_at = start + warmup, start + warmup + seconds
    prefix = secrets.token_hex(4)
    now = int(time.time())

    async def worker(w: int, session: aiohttp.ClientSession) -> None:
        nonlocal acked, errors
        n = 0
        while (t0 := time.perf_counter()) < stop_at:
            n += 1
            body = dict(MIXES[mix][n % len(MIXES[mix])], UID=w, TargetUID=w)
            push = sign({"SID": SID, "ClassID": 1000 + w, "ActionTime": now, "TimeStamp": now + 600,
                         "_id": f"{prefix}{w:04x}{n:012x}", **body}, SECRET)
            async with session.post(url, data=orjson.dumps(push)) as resp:
                body = await resp.read()
            t1 = time.perf_counter()
            if t0 >= measure_from and t1 <= stop_at:
                if resp.status == 200 and is_ack(body):
                    acked += 1
                    latencies.append((t1 - t0) * 1000)
                else:
                    errors += 1

    conn = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=conn) as session:
        await asyncio.gather(*(worker(w, session) for w in range(concurrency)))
    return {"acked": acked, "errors": errors, "rate": acked / seconds,
            "p50": pct(latencies, 0.50), "p99": pct(latencies, 0.99)}


# -- servers (this process) ------------------------------------------------------------
class LagProbe:
    """How late a 5 ms timer fires: what a busy loop does to everything else on it."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(0.005)
            self.samples.append(max(0.0, (time.perf_counter() - t - 0.005) * 1000))

    def start(self) -> None:
        self.samples.clear()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> float:
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        return pct(self.samples, 0.99)


async def start_bare() -> tuple[str, web.AppRunner]:
    async def ack(request: web.Request) -> web.Response:
        orjson.loads(await request.read())
        return web.Response(body=ACK_BODY, content_type="application/json")
    app = web.Application()
    app.router.add_post("/classin", ack)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}/classin", runner


async def run_load(url: str, concurrency: int, seconds: float, mix: str) -> tuple[dict, float]:
    probe = LagProbe()
    probe.start()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--client", url, str(concurrency), str(seconds), mix,
        stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    lag = await probe.stop()
    return json.loads(out), lag


async def measure(kind: str, sync_ms: float, concurrency: int, seconds: float, mix: str) -> dict:
    if kind == "bare":
        url, runner = await start_bare()
        try:
            result, lag = await run_load(url, concurrency, seconds, mix)
        finally:
            await runner.cleanup()
        return {**result, "lag_p99": lag}
    with tempfile.TemporaryDirectory() as tmp:
        ConfigStore(Path(tmp)).add_school(SID, SECRET)
        receiver = Receiver(Path(tmp), sync_delay=sync_ms / 1000)
        url = await receiver.start("127.0.0.1", 0) + "/classin"
        try:
            result, lag = await run_load(url, concurrency, seconds, mix)
        finally:
            await receiver.stop()
        batches = receiver.writer.batches
        items = receiver.writer.items
    return {**result, "lag_p99": lag, "per_commit": items / max(1, batches)}


async def main(args) -> None:
    print(f"ingest benchmark: {args.seconds:g} s per cell, {os.cpu_count()} CPUs, "
          f"synchronous=FULL, WAL; emulated sync delays {args.sync_ms} ms; pushes: {args.mix} mix")
    header = (f"{'server':<22}{'C':>4}{'acked/s':>10}{'vs bare':>9}{'p50 ms':>9}{'p99 ms':>9}"
              f"{'lag p99':>9}{'push/commit':>12}{'errors':>8}")
    print(header)
    print("-" * len(header))
    verdicts = []
    for c in args.concurrency:
        bare = await measure("bare", 0, c, args.seconds, args.mix)
        print(f"{'bare aiohttp (no store)':<22}{c:>4}{bare['rate']:>10.0f}{'1.00':>9}{bare['p50']:>9.2f}"
              f"{bare['p99']:>9.2f}{bare['lag_p99']:>9.2f}{'-':>12}{bare['errors']:>8}")
        for sync_ms in args.sync_ms:
            r = await measure("classwatch", sync_ms, c, args.seconds, args.mix)
            ratio = r["rate"] / bare["rate"] if bare["rate"] else float("nan")
            name = f"classwatch sync+{sync_ms:g}ms" if sync_ms else "classwatch"
            print(f"{name:<22}{c:>4}{r['rate']:>10.0f}{ratio:>9.2f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
                  f"{r['lag_p99']:>9.2f}{r['per_commit']:>12.1f}{r['errors']:>8}")
            if sync_ms == 0:
                if c == 64:
                    verdicts.append(("C=64 throughput >= 50 % of bare", ratio >= 0.5, f"{ratio:.2f}"))
                if c == 1:
                    verdicts.append(("C=1 ack p99 <= 2 ms", r["p99"] <= 2.0, f"{r['p99']:.2f} ms"))
                verdicts.append((f"C={c} loop lag p99 <= 10 ms", r["lag_p99"] <= 10.0, f"{r['lag_p99']:.2f} ms"))
    print()
    for name, ok, value in verdicts:
        print(f"{'PASS' if ok else 'MISS'}  {name}: {value}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        url, c, s, mix = sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
        print(json.dumps(asyncio.run(client(url, c, s, warmup=0.5, mix=mix))))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 64])
    parser.add_argument("--sync-ms", type=float, nargs="+", default=[0, 5])
    parser.add_argument("--mix", choices=sorted(MIXES), default="net",
                        help="what the pushes are: net = all Net reports (worst case, default), "
                             "classroom = a lesson's usual mix")
    asyncio.run(main(parser.parse_args()))
