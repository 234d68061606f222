"""A load generator that is not the ceiling: raw keep-alive HTTP, one push in flight per connection.

Run as its own process(es) by bench/ingest.py (or by hand). Each connection is
one school's serial queue: it sends a push, waits for the answer, sends the
next. Every push is distinct (unique `_id`) and validly signed. Requests are
prebuilt bytes around the `_id` (the SafeKey signs SID + TimeStamp only, so one
TimeStamp per process keeps every push valid), written by a raw asyncio
Protocol, on uvloop where it is installed: no HTTP client library on the hot
path. It prints one JSON object: acked, errors, latencies in the measured
window, and its own CPU seconds, so the caller can tell whether the generator
or the server was the limit.

    python bench/loadgen.py URL --concurrency 64 --start T0 --stop T1 [--mix net]

T0/T1 are time.monotonic() instants (one clock for every process on a machine):
only answers received inside [T0, T1] count.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import resource
import secrets
import sys
import time
from urllib.parse import urlsplit

SID, SECRET = 9000001, "bench-secret"

NET = ('"Cmd":"Net","Data":{"good":280,"normal":15,"bad":5,"total":300,"avgDelay":"48.2",'
       '"cpuLow":290,"cpuTotal":300,"lossRate":"0.3","upLoss":"0.1"}')
# "net": every push a Net report, the costliest to project (the worst case).
# "classroom": what a lesson sends: mostly board, stage and mute events, some
# enters/exits, a Net report per user every 5 minutes.
MIXES = {
    "net": [NET],
    "classroom": [
        '"Cmd":67375105,"Color":"hands up1","Handsup":true',
        '"Cmd":67375105,"Color":"hands up1","Handsup":false',
        '"Cmd":67371521,"Operation":1', '"Cmd":67371522,"Operation":1',
        '"Cmd":67371107,"NickName":"学生","ClientID":0,"Identity":1,"Device":0',
        '"Cmd":67371111,"ClientID":0,"Identity":1,"Reason":1',
        '"Cmd":67375105,"Color":"award1","Times":1', NET],
}
# ~1 KB like a real push: the fields every classroom push carries.
PAD = ('"CourseID":4587123,"CourseName":"初二数学 · 期末复习","ClassName":"第 12 讲 二次函数",'
       '"TeacherName":"王老师","Device":0,"ClientID":0,"Identity":1,"IP":"221.222.1.9",'
       '"Note":"' + "x" * 520 + '"')


class ObjectIds:
    """`_id`s shaped as ClassIn's are (protocol/classin.md): MongoDB ObjectIds,
    whose first 8 hex digits are the ActionTime, then 10 of the sending process
    and a 6-digit counter. Real ids therefore arrive in nearly ascending order
    and land side by side in a server's index on them; ids random up front
    would scatter over it and charge the server a cost real traffic does not."""

    def __init__(self, action_time: int) -> None:
        self.action_time = action_time
        self.head = f"{action_time:08x}{secrets.token_hex(5)}"
        self.n = 0

    def next(self) -> bytes:
        self.n += 1
        return f"{self.head}{self.n:06x}".encode()


class Requests:
    """Distinct signed requests for one connection, prebuilt around the `_id`."""

    def __init__(self, url: str, conn: int, mix: str, sid: int, secret: str, ids: ObjectIds) -> None:
        u = urlsplit(url)
        now = ids.action_time
        stamp = now + 600
        key = hashlib.md5(f"{secret}{stamp}".encode()).hexdigest()
        self.head = f"POST {u.path or '/'} HTTP/1.1\r\nHost: {u.netloc}\r\nContent-Type: application/json\r\n"
        uid = 100000 + conn
        self.parts = []
        for body in MIXES[mix]:
            pre = (f'{{"SID":{sid},"ClassID":{2000 + conn % 50},"UID":{uid},"TargetUID":{uid},'
                   f'"ActionTime":{now},"TimeStamp":{stamp},"SafeKey":"{key}",{body},{PAD},"_id":"').encode()
            self.parts.append((pre, b'"}'))
        self.ids = ids
        self.n = 0

    def next(self) -> bytes:
        pre, post = self.parts[self.n % len(self.parts)]
        body = pre + self.ids.next() + post
        self.n += 1
        return f"{self.head}Content-Length: {len(body)}\r\n\r\n".encode() + body


class Connection(asyncio.Protocol):
    """One keep-alive connection, one request in flight; parses just enough HTTP/1.1."""

    def __init__(self, gen: Requests, stats: Stats, done: asyncio.Future) -> None:
        self.gen, self.stats, self.done = gen, stats, done
        self.buf = b""
        self.sent_at = 0.0

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.send()

    def send(self) -> None:
        if time.monotonic() >= self.stats.stop:
            self.transport.close()
            return
        self.sent_at = time.monotonic()
        self.transport.write(self.gen.next())

    def data_received(self, data: bytes) -> None:
        self.buf += data
        end = self.buf.find(b"\r\n\r\n")
        if end < 0:
            return
        head = self.buf[:end]
        i = head.lower().find(b"content-length:")
        length = int(head[i + 15:head.find(b"\r", i) if head.find(b"\r", i) > 0 else None]) if i >= 0 else 0
        if len(self.buf) < end + 4 + length:
            return
        body = self.buf[end + 4:end + 4 + length]
        self.buf = self.buf[end + 4 + length:]
        self.stats.answer(self.sent_at, head.startswith(b"HTTP/1.1 200") and b'"errno":1' in body)
        self.send()

    def connection_lost(self, exc) -> None:
        if not self.done.done():
            self.done.set_result(None)


class Stats:
    def __init__(self, start: float, stop: float) -> None:
        self.start, self.stop = start, stop
        self.latencies: list[float] = []
        self.errors = 0

    def answer(self, sent_at: float, ok: bool) -> None:
        now = time.monotonic()
        if sent_at < self.start or now > self.stop:
            return
        if ok:
            self.latencies.append((now - sent_at) * 1000)
        else:
            self.errors += 1


async def run(url: str, concurrency: int, start: float, stop: float, mix: str, sid: int, secret: str) -> dict:
    loop = asyncio.get_running_loop()
    began = time.monotonic()
    u = urlsplit(url)
    stats = Stats(start, stop)
    ids = ObjectIds(int(time.time()))
    dones = []
    for c in range(concurrency):
        done = loop.create_future()
        await loop.create_connection(
            lambda c=c, d=done: Connection(Requests(url, c, mix, sid, secret, ids), stats, d),
            u.hostname, u.port)
        dones.append(done)
    await asyncio.wait_for(asyncio.gather(*dones), timeout=stop - time.monotonic() + 30)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"acked": len(stats.latencies), "errors": stats.errors, "latencies": stats.latencies,
            "cpu_s": usage.ru_utime + usage.ru_stime,
            "wall_s": time.monotonic() - began, "loop": type(loop).__module__.split(".")[0]}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("url")
    p.add_argument("--concurrency", type=int, default=1)
    p.add_argument("--start", type=float, required=True)
    p.add_argument("--stop", type=float, required=True)
    p.add_argument("--mix", choices=sorted(MIXES), default="net")
    p.add_argument("--sid", type=int, default=SID)
    p.add_argument("--secret", default=os.environ.get("BENCH_SECRET", SECRET))
    a = p.parse_args()
    try:
        import uvloop
        uvloop.install()
    except ImportError:
        pass
    out = asyncio.run(run(a.url, a.concurrency, a.start, a.stop, a.mix, a.sid, a.secret))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
