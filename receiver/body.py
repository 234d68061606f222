"""Reading request bodies without trusting their size."""
from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

KEEP_PREFIX = 64 * 1024   # what we keep of a refused oversized body


@dataclass(slots=True)
class Body:
    data: bytes        # whole body, or the first KEEP_PREFIX bytes when too large
    size: int          # bytes seen (declared size when we refused before reading)
    too_large: bool


async def read_body(request: web.Request, limit: int) -> Body:
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
