"""A school's own system written for ClassIn, on loopback, for the relay tests."""
from __future__ import annotations

import asyncio
import socket

from aiohttp import web

from protocol.classin import ACK_BODY


def free_port() -> int:
    """A port nothing listens on (yet): connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SchoolSystem:
    """Answers like a ClassIn receiver; `mode` decides: "ok" (errno 1), "500",
    "wrong" (HTTP 200, errno 0), "text" (HTTP 200, not JSON), "hang" (never
    answers). `delay`: seconds before answering. Records every attempt."""

    def __init__(self, mode: str = "ok", delay: float = 0.0):
        self.mode = mode
        self.delay = delay
        self.attempts: list[bytes] = []           # every body that arrived, delivered or not
        self.received: list[bytes] = []           # the bodies answered with errno 1
        self.content_types: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.arrived = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url: str | None = None

    async def _handle(self, request: web.Request) -> web.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            body = await request.read()
            self.attempts.append(body)
            self.arrived.set()
            if self.mode == "hang":
                await asyncio.sleep(3600)
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.mode == "500":
                return web.Response(status=500, text="internal error")
            if self.mode == "wrong":
                return web.json_response({"error_info": {"errno": 0, "error": "not today"}})
            if self.mode == "text":
                return web.Response(text="OK")
            self.received.append(body)
            self.content_types.append(request.headers.get("Content-Type", ""))
            return web.Response(body=ACK_BODY, content_type="application/json")
        finally:
            self.in_flight -= 1

    async def start(self, port: int = 0) -> str:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/hook"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


async def wait_for(predicate, timeout: float = 20.0, step: float = 0.02) -> None:
    """Poll `predicate()` on the loop until true; fail the test after `timeout` s."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(step)
