"""Is the receiver reachable through its public URL? GET {url}/healthz the way
ClassIn would reach it, and when that fails, tell a broken tunnel from a
receiver that does not answer even locally."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import aiohttp

DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class HealthResult:
    ok: bool
    reason: str | None      # None when ok
    elapsed: float          # seconds the public request took


async def _probe(http: aiohttp.ClientSession, base_url: str, timeout: float) -> str | None:
    """None when base_url/healthz answers like our receiver, else why not."""
    url = base_url.rstrip("/") + "/healthz"
    try:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=timeout),
                            allow_redirects=False) as resp:
            if resp.status != 200:
                return f"GET {url} answered HTTP {resp.status}"
            try:
                doc = await resp.json(content_type=None)
            except ValueError:
                doc = None
    except asyncio.TimeoutError:
        return f"GET {url}: no answer within {timeout:.0f} s"
    except aiohttp.ClientError as exc:
        return f"GET {url} failed: {exc}"
    # ok false means our storage refuses pushes: the tunnel itself works.
    if not (isinstance(doc, dict) and isinstance(doc.get("ok"), bool)):
        # e.g. a provider's own error or warning page served with 200
        return f"GET {url} answered, but not with ClassWatch's health report"
    return None


async def check_health(http: aiohttp.ClientSession, public_url: str, *,
                       local_url: str | None = None,
                       timeout: float = DEFAULT_TIMEOUT) -> HealthResult:
    started = time.monotonic()
    problem = await _probe(http, public_url, timeout)
    elapsed = time.monotonic() - started
    if problem is None:
        return HealthResult(True, None, elapsed)
    if local_url is not None and await _probe(http, local_url, timeout) is not None:
        problem = f"the receiver itself does not answer at {local_url}; {problem}"
    else:
        problem = f"the tunnel does not reach the receiver: {problem}"
    return HealthResult(False, problem, elapsed)
