"""Helpers for the Gensee tests: fixtures on disk and calls over real HTTP."""
from __future__ import annotations

from typing import Any

import orjson

from storage.db import open_database
from storage.queries import iter_pushes, iter_quarantine

from .helpers import FIXTURES

CONF = "5f0c2a9e71d84b3c96ea04d81b7f3c26"
VIDEO = "8d41e07a3c95412bb06f2e18a4d9c751"
ORGANIZER, CLIENT, WEB = "2718204455", "2718209013", "2718210337"


def gensee_fixture(name: str) -> str:
    return (FIXTURES / "gensee" / name).read_text(encoding="utf-8").strip()


def sequence(name: str) -> list[str]:
    return gensee_fixture(name).splitlines()


def url(receiver, endpoint: str, query: str = "", token: str | None = None) -> str:
    token = receiver.config.current().gensee_token if token is None else token
    return f"{receiver.url}/gensee/{token}/{endpoint}" + (f"?{query}" if query else "")


async def call(http, receiver, method: str, endpoint: str, query: str = "", **kw) -> tuple[int, str, str]:
    async with http.request(method, url(receiver, endpoint, query), **kw) as resp:
        return resp.status, resp.headers.get("Content-Type", ""), await resp.text()


def stored(receiver) -> list[tuple[float, str | None, dict[str, Any]]]:
    """(received_at, cmd, payload) of every stored Gensee call, read back like the app does."""
    db = open_database(receiver.db_path)
    try:
        return [(row.received_at, row.cmd, orjson.loads(row.payload)) for row in iter_pushes(source="gensee")]
    finally:
        db.close()


def quarantined(receiver) -> list[dict[str, Any]]:
    db = open_database(receiver.db_path)
    try:
        return [{"reason_code": q.reason_code, "reason": q.reason, "cmd": q.cmd, "size": q.size,
                 "source": q.source, "attempts": q.attempts, "envelope": orjson.loads(bytes(q.body))}
                for q in iter_quarantine()]
    finally:
        db.close()
