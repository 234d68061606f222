"""Reading request bodies without trusting their size."""
from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

KEEP_PREFIX = 64 * 1024   # what we keep of a refused oversized body
SMALL_BODY = 1024 * 1024  # bodies up to this size need no share of the budget


class BadEncoding(Exception):
    """The body's Content-Encoding could not be undone (a corrupt gzip stream)."""

    def __init__(self, message: str, data: bytes):
        super().__init__(message)
        self.data = data


class BodyBudget:
    """Bytes of request bodies in hand at once. A body of unknown size counts
    as the size limit. Waiters are served in arrival order."""

    def __init__(self, total: int):
        self.total = total
        self.free = total
        self._waiters: list[tuple[int, asyncio.Future]] = []
        self.peak_in_use = 0

    @contextlib.asynccontextmanager
    async def share(self, declared: int | None, limit: int):
        need = min(limit if declared is None else declared, limit, self.total)
        if need <= SMALL_BODY or (declared is not None and declared > limit):   # refused unread
            yield
            return
        if self._waiters or self.free < need:
            fut = asyncio.get_running_loop().create_future()
            self._waiters.append((need, fut))
            try:
                await fut
            except BaseException:
                if fut.done() and not fut.cancelled():
                    self._give_back(need)    # granted just as we were cancelled
                else:
                    self._waiters.remove((need, fut))
                    self._wake()
                raise
        else:
            self.free -= need
        self.peak_in_use = max(self.peak_in_use, self.total - self.free)
        try:
            yield
        finally:
            self._give_back(need)

    def _give_back(self, amount: int) -> None:
        self.free += amount
        self._wake()

    def _wake(self) -> None:
        while self._waiters and self._waiters[0][0] <= self.free:
            need, fut = self._waiters.pop(0)
            if fut.done():
                continue
            self.free -= need
            fut.set_result(None)


@dataclass(slots=True)
class Body:
    data: bytes        # whole body, or the first KEEP_PREFIX bytes when too large
    size: int          # bytes seen (declared size when we refused before reading)
    too_large: bool


async def read_body(request: web.Request, limit: int) -> Body:
    try:
        return await _read_body(request, limit)
    except HttpProcessingError as exc:   # a corrupt gzip/deflate/br body
        raise BadEncoding(f"the body's Content-Encoding cannot be decoded ({exc.message})",
                          request.headers.get("Content-Encoding", "").encode()[:200]) from None


async def _read_body(request: web.Request, limit: int) -> Body:
    declared = request.content_length
    if declared is not None and declared > limit:
        # Refuse before reading: keep a prefix so the user can see what it was.
        prefix = await request.content.read(KEEP_PREFIX)
        return Body(prefix, declared, True)
    if declared is not None:
        # Known size within the limit (client_max_size guards it too): one read.
        data = await request.read()
        return Body(data, len(data), False)
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = await request.content.read(64 * 1024)
        if not chunk:
            return Body(b"".join(chunks), total, False)
        total += len(chunk)
        if total > limit:
            kept = b"".join(chunks)[:KEEP_PREFIX]
            return Body(kept, total, True)
        chunks.append(chunk)


def remote_of(request: web.Request) -> str | None:
    """Best guess of the sender; behind a tunnel the peer is always loopback."""
    for header in ("CF-Connecting-IP", "X-Forwarded-For", "X-Real-IP"):
        value = request.headers.get(header)
        if value:
            return value.split(",")[0].strip()[:64]
    return request.remote
