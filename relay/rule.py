"""ClassIn's delivery rule, as a school's system written for ClassIn expects it:
the exact body, `Content-Type: application/json`, and "delivered" only when
the answer is HTTP 200 with `error_info.errno == 1`."""
from __future__ import annotations

import asyncio
import os
import urllib.parse

import aiohttp
import orjson

from protocol.translatable import QT_TRANSLATE_NOOP

HEADERS = {"Content-Type": "application/json"}
CONTEXT = "Relay"       # check_url's sentences in the translations


def verdict(status: int, answer: bytes) -> str | None:
    """None when the answer means delivered, else why not (shown as the last error)."""
    if status != 200:
        return f"HTTP {status}"
    try:
        data = orjson.loads(answer)
    except orjson.JSONDecodeError:
        return "HTTP 200 but the answer is not JSON"
    info = data.get("error_info") if isinstance(data, dict) else None
    errno = info.get("errno") if isinstance(info, dict) else None
    # JSON true is not 1 here (bool is an int in Python).
    if type(errno) is int and errno == 1:
        return None
    return "HTTP 200 without error_info.errno" if errno is None else f"answered errno {errno!r}"


async def post(session: aiohttp.ClientSession, url: str, body: bytes, timeout: float) -> str | None:
    """POST `body` once; None when delivered, else the reason (never the URL: it may hold a token)."""
    try:
        async with session.post(url, data=body, headers=HEADERS,
                                timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
            answer = await resp.read()
    except asyncio.TimeoutError:
        return f"no answer within {timeout:g} s"
    except aiohttp.ClientConnectorError as exc:
        code = getattr(exc.os_error, "errno", None)
        reason = os.strerror(code) if code else type(exc.os_error).__name__
        return f"cannot connect: {reason.lower()}"
    except aiohttp.ClientError as exc:
        return f"{type(exc).__name__}"
    return verdict(resp.status, answer)


def check_url(url: str) -> str | None:
    """Why `url` cannot be a destination (in English: a Wording's tr(…, CONTEXT)
    says it in the desk's language), or None."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return QT_TRANSLATE_NOOP("Relay", "the URL must start with http:// or https://")
    if not parts.hostname:
        return QT_TRANSLATE_NOOP("Relay", "the URL has no host")
    return None


def shown_url(url: str) -> str:
    """The URL for lists, logs and alarms: a password or query values (tokens) masked."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if parts.password:
        netloc = netloc.replace(f":{parts.password}@", ":***@")
    query = "&".join(f"{pair.partition('=')[0]}=***" if "=" in pair else pair
                     for pair in parts.query.split("&")) if parts.query else ""
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, ""))
