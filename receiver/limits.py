"""A listening site that bounds its connections (slowloris).

aiohttp closes a connection whose request is not complete within its
keepalive timeout (the receiver sets it short); this adds a ceiling on open
connections: past it, the oldest connection that is not handling a request
(an idle keep-alive or one still dribbling its headers) is closed to make room,
so slow clients cannot starve ClassIn's next push."""
from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from .refusals import RateLimitedLog


class _Limited:
    """Protocol factory around aiohttp's Server."""

    def __init__(self, server, limit: int, refusals: RateLimitedLog):
        self.server = server
        self.limit = limit
        self.refusals = refusals

    def __call__(self):
        handlers = self.server.connections   # oldest first
        if len(handlers) >= self.limit:
            idle = [h for h in handlers if not getattr(h, "_request_in_progress", False)]
            for handler in idle[:len(handlers) - self.limit + 1]:
                handler.force_close()
            self.refusals.note("connections", "%d connections open (limit %d): closed the %d oldest idle one(s)",
                          len(handlers), self.limit, min(len(idle), len(handlers) - self.limit + 1),
                          level=logging.WARNING)
        return self.server()


class LimitedSite(web.TCPSite):
    def __init__(self, runner: web.BaseRunner, host: str, port: int, *, max_connections: int,
                 refusals: RateLimitedLog, **kwargs):
        super().__init__(runner, host, port, **kwargs)
        self.max_connections = max_connections
        self.refusals = refusals

    async def start(self) -> None:
        await web.BaseSite.start(self)
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            _Limited(self._runner.server, self.max_connections, self.refusals), self._host, self._port,
            ssl=self._ssl_context, backlog=self._backlog, reuse_address=self._reuse_address,
            reuse_port=self._reuse_port)
