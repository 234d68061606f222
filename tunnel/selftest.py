"""Self-test: send a signed ClassIn registration `Test` push through the
public URL, exactly as ClassIn does when the school registers it, and see
whether it is acked and stored.

Used by `python main.py selftest` and by the app's "test the tunnel" button.
"""
from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass

import aiohttp
import orjson

from protocol.classin import CMD_TEST, dedupe_key, is_ack, sign
from storage.backends import backend_for
from storage.dburl import DbUrl, mask_urls
from storage.queries import push_stored

CLASSIN_HEADERS = {"Content-Type": "application/json", "Origin": "http://www.eeo.cn"}


@dataclass(frozen=True)
class SelftestResult:
    push_url: str
    push_id: str
    status: int | None          # HTTP status; None when no answer came
    body: str                   # the answer's body as text, or the connection error
    elapsed: float              # round trip, seconds
    acked: bool                 # the answer is ClassIn's success ack
    stored: bool | None         # None: there is no local database to look in
    stored_note: str

    @property
    def ok(self) -> bool:
        return self.acked and self.stored is not False


def push_url_of(url: str) -> str:
    """The public base URL or the full push URL -> the push URL."""
    url = url.rstrip("/")
    return url if url.endswith("/classin") else url + "/classin"


def registration_push(sid: int, secret: str) -> dict:
    """A registration test push (classin.md §2) with a fresh unique `_id`, so
    it is stored anew and can be found afterwards."""
    now = int(time.time())
    return sign({"SID": sid, "Cmd": CMD_TEST, "Msg": "Register test.", "TimeStamp": now,
                 "_id": f"{now:08x}{secrets.token_hex(8)}"}, secret)


async def run_selftest(url: str, sid: int, secret: str, *, db: DbUrl | None = None,
                       timeout: float = 20.0) -> SelftestResult:
    """POST a signed Test push to `url` (base or push URL); when the store `db`
    exists, look the push up in it (the receiver acks only after storing)."""
    push_url = push_url_of(url)
    payload = registration_push(sid, secret)
    status: int | None = None
    started = time.monotonic()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http:
            async with http.post(push_url, data=orjson.dumps(payload), headers=CLASSIN_HEADERS,
                                 allow_redirects=False) as resp:
                status, raw = resp.status, await resp.read()
        body = raw.decode("utf-8", errors="replace")
    except asyncio.TimeoutError:
        raw, body = b"", f"no answer within {timeout:.0f} s"
    except aiohttp.ClientError as exc:
        raw, body = b"", f"connection failed: {exc}"
    elapsed = time.monotonic() - started
    acked = status == 200 and is_ack(raw)

    if db is None or not backend_for(db).exists():
        stored, note = None, "cannot be checked from here (no local database)"
    else:
        loop = asyncio.get_running_loop()
        try:
            stored = await loop.run_in_executor(None, push_stored, db, dedupe_key(payload))
            note = f"{'found' if stored else 'NOT found'} in {db}"
        except Exception as exc:   # the check is a bonus: say why it could not be made
            stored, note = None, f"cannot be checked: {db}: {mask_urls(str(exc))}"
    return SelftestResult(push_url, payload["_id"], status, body, elapsed, acked, stored, note)
