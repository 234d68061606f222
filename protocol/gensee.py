"""Gensee real-time callback facts: Action codes, parameter names, text
decoding and the lenient Q&A XML reader. The one place for each of these
facts (see ../shared/protocol/gensee.md); receiver, room state and CLI import
them from here.
"""
from __future__ import annotations

import email.parser
import email.policy
from dataclasses import dataclass
from typing import Any, Iterable, Mapping
from urllib.parse import parse_qsl
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

SOURCE = "gensee"

# --- Action codes (§3, §4) -----------------------------------------------------------------
USER_JOINED = 101
MEETING_CREATED = 102
STARTED = 103
PAUSED = 104
STOPPED = 105
RECORDING_PRODUCED = 106
LEFT = 107
ABNORMAL_LEAVE = 110
VOD_STARTED = 111
VOD_ENDED = 112


@dataclass(frozen=True, slots=True)
class Action:
    code: int
    name: str
    webcast: str      # label on a webcast site (直播站点)
    training: str     # label on a training site (培训站点)


ACTIONS: dict[int, Action] = {a.code: a for a in (
    Action(USER_JOINED, "joined", "user entered the live", "user entered the classroom"),
    Action(MEETING_CREATED, "created", "meeting created", "classroom created"),
    Action(STARTED, "started", "live started", "class started"),
    Action(PAUSED, "paused", "live paused", "class paused"),
    Action(STOPPED, "stopped", "live stopped", "class stopped"),
    Action(RECORDING_PRODUCED, "recording", "recording produced", "recording produced"),
    Action(LEFT, "left", "user left the live", "user left the classroom"),
    Action(ABNORMAL_LEAVE, "abnormal_leave", "abnormal leave", "abnormal leave"),
    Action(VOD_STARTED, "vod_started", "VOD playback started", "courseware playback started"),
    Action(VOD_ENDED, "vod_ended", "VOD playback ended", "courseware playback ended"),
)}
ROOM_ACTIONS = frozenset(range(USER_JOINED, ABNORMAL_LEAVE + 1)) - {108, 109}
VOD_ACTIONS = frozenset({VOD_STARTED, VOD_ENDED})
# Codes that fire together with the first client (101+102, small/private class 101+102+103)
# arrive as separate GETs in no stated order: any of them may open a session.
SESSION_OPENING_ACTIONS = frozenset({USER_JOINED, MEETING_CREATED, STARTED, PAUSED})

# Gensee stops a room by itself this long after the last client left (§3, code 105).
AUTO_STOP_SECONDS = 5 * 60

# --- Endpoints and parameter names (§3-§9) -----------------------------------------------
# Status / VOD (Affected is sent but "currently has no function")
CLASS_NO, OPERATOR, ACTION = "ClassNo", "Operator", "Action"
AFFECTED, TOTAL_USERS = "Affected", "totalusernum"
USER_ID, NAME, QUESTION, WEBCAST_ID = "userid", "name", "question", "webcastid"   # web Q&A, roll-call
CONF_ID, USERNAME = "confid", "username"                                         # end page
ROOM_ID, UID = "roomid", "uid"        # co-browse (uid only on the student's co-browse URL)


@dataclass(frozen=True, slots=True)
class Endpoint:
    methods: tuple[str, ...]   # HTTP methods Gensee uses
    setting: str               # where its URL goes in Gensee's admin (§2)


ENDPOINTS: dict[str, Endpoint] = {   # ClassWatch path under /gensee/{token}/ -> facts
    "event": Endpoint(("GET",), "直播参会记录外推URL (webcast) / 课堂参会记录外推URL (training)"),
    "vod": Endpoint(("GET", "POST"), "课件观看记录外推URL (training courseware)"),   # §4: method unstated
    "qa": Endpoint(("POST",), "Q&A-客户端外推URL (webcast)"),
    "qa-web": Endpoint(("POST",), "Q&A-Web端外推URL (webcast)"),
    "rollcall": Endpoint(("GET",), "点名-触发网页 (webcast)"),
    "end": Endpoint(("GET",), "直播结束外推URL (webcast) / 课堂结束外推URL (training)"),
    "cobrowse": Endpoint(("GET",), "协同浏览第三方接口 (training, large class)"),
}
# Without these the call carries nothing usable: refused with 400 and quarantined.
REQUIRED: dict[str, tuple[str, ...]] = {
    "event": (CLASS_NO, ACTION),
    "vod": (CLASS_NO, ACTION),
    "qa-web": (QUESTION,),
    "rollcall": (USER_ID, WEBCAST_ID),
    "end": (USER_ID, CONF_ID),
}
CODED_ENDPOINTS = frozenset({"event", "vod"})

# The web Q&A POST comes from Gensee's Flash player, which asks the host root for this.
CROSSDOMAIN_XML = b"""<?xml version="1.0"?>
<!DOCTYPE cross-domain-policy SYSTEM "http://www.adobe.com/xml/dtds/cross-domain-policy.dtd">
<cross-domain-policy>
  <site-control permitted-cross-domain-policies="master-only"/>
  <allow-access-from domain="*.gensee.com" secure="false"/>
  <allow-http-request-headers-from domain="*.gensee.com" headers="Content-Type" secure="false"/>
</cross-domain-policy>
"""


def first_wins(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Pairs as a dict; the first occurrence of a repeated name wins."""
    out: dict[str, str] = {}
    for name, value in pairs:
        out.setdefault(name, value)
    return out


def normalise_params(named: Mapping[str, str]) -> dict[str, str]:
    """Parameter names stripped and lower-cased (the seed's template has
    "& Affected"; `totalusernum` is lower-case while `ClassNo` is not)."""
    return first_wins((name.strip().lower(), value) for name, value in named.items())


def params(payload: Mapping[str, Any]) -> dict[str, str]:
    """All parameters of a stored call, normalised: query string, then form
    fields (a form field overrides a query parameter of the same name)."""
    merged = normalise_params(payload.get("query") or {})
    merged.update(normalise_params(payload.get("form") or {}))
    return merged


def get(fields: Mapping[str, str], name: str) -> str | None:
    """A parameter by its documented name from normalised `fields`; blank is absent."""
    value = fields.get(name.lower())
    if value is None:
        return None
    value = value.strip()
    return value or None


def as_count(value: str | None) -> int | None:
    """`totalusernum` and `Action` as a non-negative int; None when not a number."""
    if value is None:
        return None
    text = value.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def user_id(value: str | None) -> str | None:
    """IDs are opaque strings; Operator 0 means "nobody in particular"."""
    return None if value is None or value.strip() in ("", "0") else value.strip()


# --- Text decoding: UTF-8, else GBK (§6, gap 10) ----------------------------------------
# The seed never states an encoding; Chinese systems of the period often sent GBK.
# "utf-8?" = neither fits: undecodable bytes were replaced by U+FFFD.
CHARSETS = ("utf-8", "gbk")
REPLACED = "utf-8?"


def decode_text(data: bytes) -> tuple[str, str]:
    """Bytes as text and the charset used. Never fails."""
    for charset in CHARSETS:
        try:
            return data.decode(charset), charset
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace"), REPLACED


def parse_urlencoded(text: str) -> tuple[list[tuple[str, str]], str]:
    """Percent-decoded pairs and the charset of the escapes. Never fails."""
    for charset in CHARSETS:
        try:
            return parse_qsl(text, keep_blank_values=True, encoding=charset, errors="strict"), charset
        except UnicodeDecodeError:
            pass
    return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="replace"), REPLACED


def parse_multipart(data: bytes, content_type: str) -> list[tuple[str, str]] | None:
    """Fields of a multipart/form-data body (file parts as text too);
    None when it is not readable multipart."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", errors="replace")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + data)
    if not message.is_multipart():
        return None
    fields = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name is None:
            continue
        fields.append((str(name), decode_text(part.get_payload(decode=True) or b"")[0]))
    return fields


# --- Client Q&A XML (§5) --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QaItem:
    kind: str                  # "question" | "answer"
    id: str | None
    text: str
    time: int | None           # seconds since 1970 GMT: submitted / published
    uid: str | None
    uname: str | None
    question_id: str | None    # for an answer nested in its question


@dataclass(frozen=True, slots=True)
class QaDoc:
    webcast_id: str | None
    items: tuple[QaItem, ...]
    error: str | None          # why reading stopped early (the seed's own sample is truncated)


class XmlRefused(ValueError):
    """Not readable at all, or an XML attack (entity declarations)."""


class _QaCollector:
    """ElementTree parser target: keeps question/answer elements found at any
    depth, in document order, so whatever was read before a syntax error survives."""

    def __init__(self) -> None:
        self.root_id: str | None = None
        self.elements = 0
        self._slots: list[QaItem | None] = []   # one per question/answer, filled at its end
        self._stack: list[tuple[str, dict[str, str], list[str], int | None]] = []

    @property
    def items(self) -> tuple[QaItem, ...]:
        return tuple(item for item in self._slots if item is not None)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.elements == 0:
            self.root_id = attrib.get("id")
        self.elements += 1
        tag = _local(tag)
        slot = None
        if tag in ("question", "answer"):
            slot = len(self._slots)
            self._slots.append(None)
        self._stack.append((tag, dict(attrib), [], slot))

    def data(self, text: str) -> None:
        if self._stack:
            self._stack[-1][2].append(text)

    def end(self, tag: str) -> None:
        self._finish(self._stack.pop())

    def close(self) -> None:
        """Elements still open when the input stopped are kept as read so far."""
        while self._stack:
            self._finish(self._stack.pop())

    def _finish(self, element: tuple[str, dict[str, str], list[str], int | None]) -> None:
        tag, attrib, text, slot = element
        if slot is None:
            return
        parent = next((a.get("id") for t, a, _, _ in reversed(self._stack) if t == "question"), None)
        self._slots[slot] = QaItem(
            kind=tag, id=attrib.get("id"), text="".join(text).strip(),
            time=as_count(attrib.get("time")), uid=user_id(attrib.get("uid")),
            uname=attrib.get("uname"), question_id=parent if tag == "answer" else None)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def parse_qa_xml(text: str) -> QaDoc:
    """Read a client Q&A body in recovery mode: questions and answers found
    anywhere, in document order, with the attributes present. Raises
    XmlRefused when no element could be read, or when the body declares
    entities (billion laughs, external entities)."""
    collector = _QaCollector()
    parser = DefusedXMLParser(target=collector)
    # Expat buffers text until the next tag; a truncated body would lose its last text.
    parser.parser.buffer_text = False
    error = None
    try:
        parser.feed(text)
        parser.close()
    except DefusedXmlException as exc:
        raise XmlRefused(f"XML refused: {type(exc).__name__}") from None
    except ParseError as exc:
        error = str(exc)
    collector.close()
    if collector.elements == 0:
        raise XmlRefused(f"body is not XML ({error or 'empty'})")
    return QaDoc(webcast_id=collector.root_id, items=collector.items, error=error)
