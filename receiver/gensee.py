"""Gensee callbacks under /gensee/{token}/... and /crossdomain.xml.

Gensee signs nothing and never retries (protocol/gensee.md §1): the secret
path token is the only gate, every field is untrusted text. Each call is
stored raw as a push with source "gensee" and answered only after the
commit (storage failure: 503).

Stored push:
    payload     JSON object text: {"endpoint", "method", "query" (decoded,
                names as sent), "query_string" (raw, still percent-encoded,
                so a wrong charset guess can be redone), "form" (decoded
                fields or null), "body" (text or null), "charset" (how body
                and form were decoded or null), "content_type"}
    cmd         "event:<Action>" / "vod:<Action>" (e.g. "event:110"), else the
                endpoint ("qa", "qa-web", "rollcall", "end", "cobrowse")
    dedupe_key  random per call: Gensee never re-sends, so two identical
                calls are two real events (e.g. a user joining twice)
    sid, class_id, uid, action_time: NULL (Gensee IDs are opaque strings and
                carry no time: the receive time is the event time)

Refused calls (a required parameter missing, non-numeric Action, no readable
XML, body too large) get a 4xx text and the same envelope is kept in
quarantine; identical refused calls share one quarantine row (attempts).
"""
from __future__ import annotations

import hashlib
import hmac
import html
import logging
import time
import uuid
from typing import TYPE_CHECKING, Any, Awaitable, Callable

import orjson
from aiohttp import web

from protocol import gensee as g
from storage.writer import PushRecord, QuarantineRecord, StorageError

from .appkeys import RECEIVER
from .body import read_body, remote_of
from .events import PushRefused, PushStored, StorageFailed

if TYPE_CHECKING:
    from .app import Receiver

log = logging.getLogger(__name__)

# Q&A XML and forms are a few KiB; a cap well below ClassIn's keeps untrusted input small.
MAX_BODY = 1024 * 1024
# config.settings[COBROWSE_SETTING] = {roomid: json_text, "*": default json_text}
COBROWSE_SETTING = "gensee_cobrowse"
_PAGE_ENDPOINTS = frozenset({"rollcall", "end"})
_TEXT = "text/plain"


def add_routes(app: web.Application) -> None:
    for endpoint, facts in g.ENDPOINTS.items():
        for method in facts.methods:
            app.router.add_route(method, f"/gensee/{{token}}/{endpoint}", _handler(endpoint))
    app.router.add_get("/crossdomain.xml", _crossdomain, allow_head=False)


def _handler(endpoint: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handle(request: web.Request) -> web.Response:
        return await _handle(request, endpoint)
    return handle


async def _crossdomain(request: web.Request) -> web.Response:
    return web.Response(body=g.CROSSDOMAIN_XML, content_type="text/xml")


def base_path(token: str) -> str:
    return f"/gensee/{token}/"


def cobrowse_json(settings: dict[str, Any], roomid: str | None) -> str:
    """The JSON the user configured for this room, else the default, else `[]`
    (the shape is not in the seed: served verbatim, never invented)."""
    rooms = settings.get(COBROWSE_SETTING) or {}
    for key in (roomid, "*"):
        if key is not None and isinstance(rooms.get(key), str):
            return rooms[key]
    return "[]"


# -- one call ------------------------------------------------------------------------------
async def _handle(request: web.Request, endpoint: str) -> web.Response:
    receiver: Receiver = request.app[RECEIVER]
    expected = receiver.config.current().gensee_token
    given = request.match_info["token"]
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise web.HTTPNotFound()
    received_at = time.time()
    limit = min(receiver.max_body, MAX_BODY)
    envelope, size, too_large = await _envelope(request, endpoint, limit)
    fields = g.params(envelope)
    if too_large:
        problem: tuple[int, str, str] | None = (
            413, "too_large", f"body of {size} bytes is over the {limit}-byte limit")
    else:
        problem = _check(endpoint, envelope, fields)
    if problem is not None:
        status, code, reason = problem
        await _quarantine(receiver, envelope, size, status, code, reason, received_at, remote_of(request))
        resp = _refusal(endpoint, status, reason)
        if too_large:  # the rest of the body is still on the wire: don't keep the connection
            resp.force_close()
        return resp

    cmd = f"{endpoint}:{g.as_count(g.get(fields, g.ACTION))}" if endpoint in g.CODED_ENDPOINTS else endpoint
    record = PushRecord(received_at=received_at, source=g.SOURCE, sid=None, cmd=cmd, class_id=None,
                        uid=None, action_time=None, dedupe_key=f"gensee:{uuid.uuid4().hex}",
                        payload=orjson.dumps(envelope).decode())
    try:
        result = await receiver.writer.store(record, timeout=receiver.store_timeout)
    except StorageError as exc:
        receiver.emit(StorageFailed(received_at, str(exc)))
        return _refusal(endpoint, 503, "storage failure, try again later")
    receiver.emit(PushStored(result.push_id, g.SOURCE, received_at, None, cmd, None, envelope))
    return _answer(endpoint, fields, receiver)


async def _envelope(request: web.Request, endpoint: str, limit: int) -> tuple[dict[str, Any], int, bool]:
    """The call as stored: (payload dict, body size, too large)."""
    query_string = request.rel_url.raw_query_string
    envelope: dict[str, Any] = {
        "endpoint": endpoint, "method": request.method,
        "query": g.first_wins(g.parse_urlencoded(query_string)[0]), "query_string": query_string,
        "form": None, "body": None, "charset": None,
        "content_type": request.headers.get("Content-Type"),
    }
    if request.method != "POST":
        return envelope, 0, False
    body = await read_body(request, limit)
    if not body.data:
        return envelope, body.size, body.too_large
    text, charset = g.decode_text(body.data)
    envelope["body"], envelope["charset"] = text, charset
    if endpoint in ("vod", "qa-web") and not body.too_large:
        content_type = envelope["content_type"] or ""
        if content_type.lower().startswith("multipart/"):
            pairs = g.parse_multipart(body.data, content_type)
        else:  # the Content-Type is not documented: read anything else as urlencoded
            pairs, envelope["charset"] = g.parse_urlencoded(text)
        envelope["form"] = None if pairs is None else g.first_wins(pairs)
    return envelope, body.size, body.too_large


def _check(endpoint: str, envelope: dict[str, Any], fields: dict[str, str]) -> tuple[int, str, str] | None:
    """(status, reason code, reason) when the call carries nothing usable."""
    missing = [name for name in g.REQUIRED.get(endpoint, ()) if g.get(fields, name) is None]
    if missing:
        return 400, "missing_param", f"missing parameter: {', '.join(missing)}"
    if endpoint in g.CODED_ENDPOINTS:
        action = g.get(fields, g.ACTION)
        if g.as_count(action) is None:
            return 400, "bad_action", f"Action {action[:32]!r} is not a number"
    if endpoint == "qa":
        try:
            g.parse_qa_xml(envelope["body"] or "")
        except g.XmlRefused as exc:
            return 400, "bad_xml", str(exc)
    return None


async def _quarantine(receiver: Receiver, envelope: dict[str, Any], size: int, status: int, code: str,
                      reason: str, received_at: float, remote: str | None) -> None:
    data = orjson.dumps(envelope)
    qkey = "gensee:raw:" + hashlib.sha256(data).hexdigest()
    endpoint = envelope["endpoint"]
    record = QuarantineRecord(qkey=qkey, received_at=received_at, source=g.SOURCE, reason_code=code,
                              reason=reason, sid=None, cmd=endpoint, class_id=None, size=size,
                              body=data, remote=remote)
    log.warning("refused a Gensee %s call (%s): %s", endpoint, code, reason)
    try:
        result = await receiver.writer.store(record, timeout=receiver.store_timeout)
    except StorageError as exc:
        receiver.emit(PushRefused(qkey, g.SOURCE, received_at, status, code, reason, None, endpoint, None,
                                  1, received_at, stored_in_quarantine=False))
        receiver.emit(StorageFailed(received_at, str(exc)))
        return
    receiver.emit(PushRefused(qkey, g.SOURCE, received_at, status, code, reason, None, endpoint, None,
                              result.attempts, result.first_seen))


# -- answers ---------------------------------------------------------------------------------
def _answer(endpoint: str, fields: dict[str, str], receiver: Receiver) -> web.Response:
    if endpoint == "cobrowse":
        text = cobrowse_json(receiver.config.current().settings, g.get(fields, g.ROOM_ID))
        return web.Response(body=text.encode("utf-8"), content_type="application/json", charset="utf-8")
    if endpoint == "rollcall":
        return _page(200, "签到已收到", "Roll-call received",
                     [("用户", "User", g.get(fields, g.USER_ID)),
                      ("直播", "Live", g.get(fields, g.WEBCAST_ID))])
    if endpoint == "end":
        return _page(200, "您已离开课堂，感谢参加", "You have left the class. Thank you for attending",
                     [("用户名", "Name", g.get(fields, g.USERNAME)),
                      ("用户", "User", g.get(fields, g.USER_ID)),
                      ("课堂", "Class", g.get(fields, g.CONF_ID))])
    return web.Response(text="ok", content_type=_TEXT)


def _refusal(endpoint: str, status: int, reason: str) -> web.Response:
    if endpoint in _PAGE_ENDPOINTS:
        return _page(status, "无法处理此请求", "This request could not be processed",
                     [("原因", "Reason", reason)])
    return web.Response(status=status, text=reason, content_type=_TEXT)


def _page(status: int, title_zh: str, title_en: str, rows: list[tuple[str, str, str | None]]) -> web.Response:
    """A small bilingual page; every echoed value is escaped (the caller is anyone's browser)."""
    items = "".join(f"<dt>{zh} / {en}</dt><dd>{html.escape(value)}</dd>"
                    for zh, en, value in rows if value is not None)
    body = (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title_zh} · {title_en}</title></head>"
            f'<body style="font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em">'
            f'<h1 style="font-size:1.3em">{title_zh}</h1><p lang="en">{title_en}.</p>'
            f"<dl>{items}</dl></body></html>")
    resp = web.Response(status=status, text=body, content_type="text/html", charset="utf-8")
    # Defence in depth for a page opened by students' browsers: no scripts, no framing.
    resp.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
