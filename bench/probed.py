"""Runs a server under a loop-lag probe, unchanged: `serve` or the bare aiohttp reference.

    python bench/probed.py LAGFILE serve --data-dir D --port P      ClassWatch's own `serve`
    python bench/probed.py LAGFILE bare PORT [LOOP]                 bare aiohttp: parse + ack, no store
    python bench/probed.py LAGFILE null PORT                        canned answers (the generator's ceiling)

The probe rides on whatever loop the program creates (an event-loop policy hook,
and a wrap of cli.loops' factory for uvloop, so `serve` runs exactly as shipped): a task sleeps 5 ms and records how late it
woke, which is what any other work on that loop (a repaint, a timer, the next
request) would wait. SIGUSR1 writes the (monotonic time, lag ms) samples to
LAGFILE as JSON, so bench/ingest.py can cut them to its measured window.
"""
from __future__ import annotations

import asyncio
import json
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PERIOD = 0.005


def install_probe(lag_file: str) -> None:
    samples: list[tuple[float, float]] = []

    async def probe() -> None:
        while True:
            t = time.monotonic()
            await asyncio.sleep(PERIOD)
            now = time.monotonic()
            samples.append((now, max(0.0, (now - t - PERIOD) * 1000)))

    def dump() -> None:
        Path(lag_file).write_text(json.dumps(samples))

    def probed(loop):
        loop.call_soon(lambda: loop.create_task(probe()))
        loop.call_soon(lambda: loop.add_signal_handler(signal.SIGUSR1, dump))
        return loop

    class Policy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self):
            return probed(super().new_event_loop())

    asyncio.set_event_loop_policy(Policy())

    # serve's own choice of loop (uvloop) bypasses the policy: wrap what makes it.
    from cli import loops
    chosen = loops.loop_factory

    def loop_factory(choice: str = loops.AUTO):
        make = chosen(choice)
        return None if make is None else lambda: probed(make())
    loops.loop_factory = loop_factory


def bare(port: int, loop_choice: str = "asyncio") -> None:
    import orjson
    from aiohttp import web

    from protocol.classin import ACK_BODY

    async def ack(request: web.Request) -> web.Response:
        orjson.loads(await request.read())
        return web.Response(body=ACK_BODY, content_type="application/json")

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/classin", ack)
    app.router.add_get("/healthz", healthz)
    from cli import loops
    make = loops.loop_factory(loop_choice)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None,
                loop=make() if make is not None else None)


class _Canned(asyncio.Protocol):
    """Answers every request with the ack and does nothing else: the generator's ceiling."""

    def connection_made(self, transport) -> None:
        from protocol.classin import ACK_BODY
        self.transport, self.buf = transport, b""
        self.answer = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                       % len(ACK_BODY)) + ACK_BODY

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while (end := self.buf.find(b"\r\n\r\n")) >= 0:
            head = self.buf[:end].lower()
            i = head.find(b"content-length:")
            length = int(head[i + 15:].split(b"\r", 1)[0]) if i >= 0 else 0
            if len(self.buf) < end + 4 + length:
                return
            self.buf = self.buf[end + 4 + length:]
            self.transport.write(self.answer)


def null(port: int) -> None:
    async def run() -> None:
        server = await asyncio.get_running_loop().create_server(_Canned, "127.0.0.1", port)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        async with server:
            await stop.wait()
    asyncio.run(run())


def main() -> None:
    install_probe(sys.argv[1])
    if sys.argv[2] == "bare":
        bare(int(sys.argv[3]), *sys.argv[4:5])
        return
    if sys.argv[2] == "null":
        null(int(sys.argv[3]))
        return
    from cli import main as cli_main
    sys.exit(cli_main(sys.argv[2:]))


if __name__ == "__main__":
    main()
