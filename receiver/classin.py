"""POST /classin: ClassIn's data subscription.

Rules (CONTRACT.md, protocol/classin.md §17): size limit before reading the
body whole; parse JSON; SafeKey per SID; dedupe by `_id` else body hash;
commit, THEN ack. Anything refused is kept in quarantine with the reason,
and its re-sends update that one row.
"""
from __future__ import annotations

import asyncio
import codecs
import dataclasses
import hashlib
import logging
import time
from typing import TYPE_CHECKING, Any

import orjson
from aiohttp import HttpVersion11, web

from lessons.events import parse
from protocol import classin as ci
from storage.models import FLAG_RELEASED, FLAG_UNPARSED
from storage.writer import (HELD, Promote, PushRecord, QuarantineRecord, StorageError, Stored,
                            UNPARSED_REASONS)

from .appkeys import RECEIVER
from .body import SMALL_BODY, BadEncoding, read_body, remote_of
from .events import PushDuplicate, PushHeld, PushRefused, PushStored, StorageFailed

if TYPE_CHECKING:
    from .app import Receiver

log = logging.getLogger(__name__)

SOURCE = "classin"


def _answer(status: int, body: bytes, close: bool = False) -> web.Response:
    resp = web.Response(status=status, body=body, content_type="application/json")
    if close:
        resp.force_close()
    return resp


def _raw_qkey(body: bytes) -> str:
    return "classin:raw:" + hashlib.sha256(body).hexdigest()


def _text(body: bytes) -> str:
    return body.decode("utf-8", errors="replace")


def _column(value: Any) -> int | None:
    """An index column value: SQLite integers are 64-bit; anything else stays in the payload only."""
    number = value if type(value) is int else ci.as_int(value)
    return number if number is not None and -2**63 <= number < 2**63 else None


def _cmd_column(value: Any) -> str | None:
    cmd = ci.normalise_cmd(value)
    return None if cmd is None else _text_column(str(cmd)[:64])


def _text_column(text: str) -> str:
    """A string of the body as a column: JSON may spell a NUL (\\u0000), and a
    body that is not JSON may hold one, which PostgreSQL refuses in text, and
    with it every push of the batch."""
    return text.replace("\0", "\N{REPLACEMENT CHARACTER}") if "\0" in text else text


def _as_sent(body: bytes, data: bytes) -> bytes | None:
    """The body as ClassIn sent it when the stored text is not exactly it (a BOM
    was taken off), for the relay; None when it is."""
    return body if len(body) != len(data) else None


def push_record(payload: dict[str, Any], text: str, received_at: float, flags: int = 0,
                raw: bytes | None = None) -> PushRecord:
    key = _text_column(ci.dedupe_key(payload))
    return PushRecord(received_at=received_at, source=SOURCE, sid=_column(payload.get("SID")),
                      cmd=_cmd_column(payload.get("Cmd")),
                      class_id=_column(ci.pick(payload, "ClassID", "ClassId", "CID")),
                      uid=_column(ci.push_uid(payload)), action_time=_column(payload.get("ActionTime")),
                      dedupe_key=key, payload=text, flags=flags, qkey=key, raw=raw)


async def expect(request: web.Request) -> web.Response | None:
    """`Expect: 100-continue`: a body over the limit is refused before the
    client sends it (aiohttp would answer 100 Continue first)."""
    receiver: Receiver = request.app[RECEIVER]
    declared = request.content_length
    if declared is not None and declared > receiver.max_body:
        receiver.refusals.note("too_large", "refused a ClassIn push before its body: %d bytes declared", declared)
        return _answer(413, ci.error_body(f"body of {declared} bytes is over the "
                                          f"{receiver.max_body}-byte limit"), close=True)
    if request.version == HttpVersion11:
        if request.headers.get("Expect", "").lower() != "100-continue":
            raise web.HTTPExpectationFailed(text="unknown Expect header")
        await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        request.writer.output_size = 0   # the answer's own size starts after this line
    return None


async def handle(request: web.Request) -> web.Response:
    receiver: Receiver = request.app[RECEIVER]
    declared = request.content_length
    if declared is not None and declared <= SMALL_BODY and request.content.is_eof():
        # Most pushes: the whole body came with the headers. Nothing to wait
        # for, so no share of the memory budget and no timer.
        return await _read_and_handle(request, receiver, None)
    # Big bodies wait for their share of the memory budget before being read
    # (unread, they wait in the client's socket: TCP holds them back).
    async with receiver.body_budget.share(declared, receiver.max_body):
        return await _read_and_handle(request, receiver, receiver.body_timeout)


async def _read_and_handle(request: web.Request, receiver: Receiver, timeout: float | None) -> web.Response:
    received_at = time.time()
    try:
        if timeout is None:
            body = await read_body(request, receiver.max_body)
        else:
            async with asyncio.timeout(timeout):
                body = await read_body(request, receiver.max_body)
    except TimeoutError:
        receiver.refusals.note("slow_body", "gave up on a body not received within %g s", receiver.body_timeout)
        return _answer(408, ci.error_body("the body did not arrive in time"), close=True)
    except BadEncoding as exc:
        return await _refuse(receiver, 400, "bad_encoding", str(exc), exc.data, len(exc.data),
                             received_at, remote_of(request))
    return await _handle_body(receiver, body, received_at, request)


async def _handle_body(receiver: Receiver, body, received_at: float, request: web.Request) -> web.Response:
    if body.too_large:
        return await _refuse(receiver, 413, "too_large",
                             f"body of {body.size} bytes is over the {receiver.max_body}-byte limit",
                             body.data, body.size, received_at, remote_of(request), close=True)
    # A UTF-8 BOM is an encoding mark, not JSON: refusing it would block the queue.
    data = body.data.removeprefix(codecs.BOM_UTF8)
    try:
        payload = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        return await _refuse(receiver, 400, "bad_json", f"body is not JSON ({exc.msg} at byte {exc.pos})",
                             body.data, body.size, received_at, remote_of(request))
    if not isinstance(payload, dict):
        return await _refuse(receiver, 400, "not_object",
                             f"body is JSON {type(payload).__name__}, not an object",
                             body.data, body.size, received_at, remote_of(request))

    text = _text(data)
    record = push_record(payload, text, received_at, raw=_as_sent(body.data, data))
    sid = record.sid
    school = receiver.config.school(sid) if sid is not None else None
    if school is None:
        reason = ("no SID in the push" if sid is None else
                  f"unknown SID {sid}: add the school with its secret")
        return await _refuse(receiver, 403, "unknown_sid", reason, body.data, body.size, received_at,
                             remote_of(request), payload=payload, record=record)
    problem = None if school.verify == "off" else ci.verify_safekey(school.secret, payload)
    if problem is None:
        if receiver.parses:   # once, here: the projector's derived rows and the live state share it
            record.event = parse(payload, received_at, receiver.thresholds())
        return await _store(receiver, record, payload)
    code = ci.unverified_code(problem)
    # The registration Test is how a school learns its secret is wrong: never held.
    if school.verify == "strict" or record.cmd == ci.CMD_TEST:
        return await _refuse(receiver, 403, code, problem, body.data, body.size, received_at, remote_of(request),
                             payload=payload, record=record)
    return await _hold(receiver, record, code, problem, body.data, remote_of(request))


async def _hold(receiver: Receiver, record: PushRecord, code: str, problem: str, data: bytes,
                remote: str | None) -> web.Response:
    """Ack a known school's push that does not verify once its body is kept:
    refusing it would stop the school's whole queue (CONTRACT.md)."""
    held = QuarantineRecord(qkey=record.qkey, received_at=record.received_at, source=SOURCE,
                            reason_code=HELD, reason=problem, sid=record.sid, cmd=record.cmd,
                            class_id=record.class_id, size=len(data), body=data, remote=remote,
                            held_cap=receiver.held_cap)
    try:
        result = await receiver.writer.store(held, timeout=receiver.store_timeout)
    except StorageError as exc:
        receiver.emit(StorageFailed(record.received_at, str(exc), record.sid))
        return _answer(503, ci.error_body("storage failure, retry later"))
    if result.over_cap:
        reason = (f"{receiver.held_cap} bytes of pushes of school {record.sid} are held already "
                  f"({problem}): fix the secret or trust the school")
        receiver.refusals.note("held_full", "refused a ClassIn push of sid=%s: %s", record.sid, reason)
        receiver.emit(PushRefused(record.qkey, SOURCE, record.received_at, 403, "held_full", reason,
                                  record.sid, record.cmd, record.class_id, 1, record.received_at,
                                  stored_in_quarantine=False))
        return _answer(403, ci.error_body(reason))
    receiver.refusals.note(f"held:{record.sid}", "held a ClassIn push of sid=%s (%s): %s", record.sid, code, problem)
    receiver.emit(PushHeld(record.qkey, record.received_at, record.sid, record.cmd, code, problem,
                           result.attempts))
    return _answer(200, ci.ACK_BODY)


def promotion(receiver: Receiver, school) -> Promote:
    """What `school`'s held pushes become now: those that verify with its
    current secret (or any, for `off` or the ones trusted), each as a push
    received when it was first seen."""
    def accept(body: bytes, first_seen: float) -> PushRecord | None:
        data = body.removeprefix(codecs.BOM_UTF8)
        try:
            payload = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(payload, dict):
            return None
        trusted = school.trust_held_until is not None and first_seen <= school.trust_held_until
        if not trusted and school.verify != "off" and ci.verify_safekey(school.secret, payload) is not None:
            return None
        return push_record(payload, _text(data), first_seen, flags=FLAG_RELEASED if trusted else 0,
                           raw=_as_sent(body, data))
    return Promote(school.sid, accept)


async def _store(receiver: Receiver, record: PushRecord, payload: Any) -> web.Response:
    try:
        result = await receiver.writer.store(record, timeout=receiver.store_timeout)
    except StorageError as exc:
        receiver.emit(StorageFailed(record.received_at, str(exc), record.sid))
        return _answer(503, ci.error_body("storage failure, retry later"))
    _report(receiver, record, result, payload)
    return _answer(200, ci.ACK_BODY)


def report_stored(receiver: Receiver, record: PushRecord, stored: Stored) -> None:
    """Tell the listeners of a push stored by a promotion (its payload parsed again)."""
    try:
        payload = orjson.loads(record.payload)
    except orjson.JSONDecodeError:
        payload = record.payload
    _report(receiver, record, stored, payload)


def _report(receiver: Receiver, record: PushRecord, result: Stored, payload: Any) -> None:
    if result.duplicate:
        receiver.emit(PushDuplicate(SOURCE, record.received_at, record.sid, record.cmd, record.dedupe_key))
    else:
        receiver.emit(PushStored(result.push_id, SOURCE, record.received_at, record.sid, record.cmd,
                                 record.class_id, payload, bool(record.flags & FLAG_RELEASED), record.event))


async def _refuse(receiver: Receiver, status: int, code: str, reason: str, data: bytes, size: int,
                  received_at: float, remote: str | None, *, payload: dict | None = None,
                  record: PushRecord | None = None, close: bool = False) -> web.Response:
    if record is not None:
        qkey, sid, cmd, class_id = record.qkey, record.sid, record.cmd, record.class_id
        released = dataclasses.replace(record, flags=record.flags | FLAG_RELEASED)
    else:
        qkey, sid, cmd, class_id = _raw_qkey(data), None, None, None
        released = None
        if code in UNPARSED_REASONS:
            # A released non-JSON body is stored as text so the queue can move on.
            released = PushRecord(received_at=received_at, source=SOURCE, sid=None, cmd=None,
                                  class_id=None, uid=None, action_time=None, dedupe_key=qkey,
                                  payload=_text_column(_text(data)), flags=FLAG_RELEASED | FLAG_UNPARSED, qkey=qkey,
                                  raw=data)
    quarantine = QuarantineRecord(qkey=qkey, received_at=received_at, source=SOURCE, reason_code=code,
                                  reason=reason, sid=sid, cmd=cmd, class_id=class_id, size=size,
                                  body=data, remote=remote, if_released=released)
    receiver.refusals.note(code, "refused a ClassIn push (%s): sid=%s cmd=%s: %s", code, sid, cmd, reason)
    try:
        result = await receiver.writer.store(quarantine, timeout=receiver.store_timeout)
    except StorageError as exc:
        receiver.emit(PushRefused(qkey, SOURCE, received_at, status, code, reason, sid, cmd, class_id,
                                  1, received_at, stored_in_quarantine=False))
        receiver.emit(StorageFailed(received_at, str(exc), sid))
        return _answer(status, ci.error_body(reason), close)
    if result.accepted is not None and released is not None:
        log.warning("accepted a released push (%s) for sid=%s cmd=%s", code, sid, cmd)
        _report(receiver, released, result.accepted, payload if payload is not None else released.payload)
        return _answer(200, ci.ACK_BODY)
    receiver.emit(PushRefused(qkey, SOURCE, received_at, status, code, reason, sid, cmd, class_id,
                              result.attempts, result.first_seen))
    return _answer(status, ci.error_body(reason), close)
