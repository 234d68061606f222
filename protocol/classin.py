"""ClassIn data-subscription facts: Cmd codes, enums, coercion, SafeKey, ack.

The one place for each of these facts (see ../shared/protocol/classin.md).
Receiver, lesson state and the simulator all import them from here.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

import orjson

from . import deepjson
from .translatable import QT_TRANSLATE_NOOP

# --- Cmd codes --------------------------------------------------------------
CMD_BOARD = 67375105        # hands up / award / camera / selector / responder (by Color)
CMD_AUTHORIZE = 67371520
CMD_ENTER = 67371107
CMD_EXIT = 67371111
CMD_KICK = 67371523
CMD_MUTE_ONE = 67371522
CMD_MUTE_ALL = 67371586
CMD_STAGE = 67371521
CMD_TEST = "Test"

# The short English label of each numeric Cmd: the command line and the alarms say
# "67371521 (stage)"; the GUI translates the label (context "labels").
INT_CMD_NAMES = {
    CMD_BOARD: QT_TRANSLATE_NOOP("labels", "board"),
    CMD_AUTHORIZE: QT_TRANSLATE_NOOP("labels", "authorize"),
    CMD_ENTER: QT_TRANSLATE_NOOP("labels", "enter"),
    CMD_EXIT: QT_TRANSLATE_NOOP("labels", "exit"),
    CMD_KICK: QT_TRANSLATE_NOOP("labels", "kick"),
    CMD_MUTE_ONE: QT_TRANSLATE_NOOP("labels", "mute"),
    CMD_MUTE_ALL: QT_TRANSLATE_NOOP("labels", "mute_all"),
    CMD_STAGE: QT_TRANSLATE_NOOP("labels", "stage"),
}

STRING_CMDS = (
    "Test", "Net", "Check", "HelpInfo", "ClassLen", "LiveDetail", "EdbImg",
    "End", "Rating", "Record", "Upload", "EduDt",
    "FileCov", "UserCheck", "AccountCancellation", "ReplacePhoneNumber", "setSubAccount",
    "HomeworkSubmit", "HomeworkScore", "ExamScore", "AnswerSheetScore", "DiscussionChangeInfo",
    "eeoCourseInfoChange", "eeoClassInfoChange", "eeoCourseStudentChange", "eeoClassStudentChange",
    "LiveWebLogin", "LiveReserve", "LiveDataDetail", "LiveLike", "LiveGoodsClickDetail",
    "LiveChatMsgDetail", "ReplayDataDetail", "ClientPlaybackDataDetail", "ChatContent",
)
KNOWN_CMDS = frozenset(INT_CMD_NAMES) | frozenset(STRING_CMDS)
# A viewer booking a web live, possibly days ahead: no sign that the lesson is on
# (it neither dates the lesson nor makes it live).
BOOKING_CMDS = frozenset({"LiveReserve"})

# --- Enums (English labels; the GUI translates them) --------------------------
IDENTITY = {1: "student", 2: "auditor", 3: "teacher", 4: "co-teacher",
            193: "principal", 194: "principal's assistant"}
TEACHER_IDENTITIES = frozenset({3, 4})

DEVICE = {0: "PC", 1: "iPhone", 2: "iPad", 3: "web client", 4: "Android phone",
          5: "Android tablet", 6: "Android TV", 7: "PC-TV", 8: "Android Chromebook",
          9: "PC-x64", 10: "PC-TV-x64", 11: "PC-ARM", 12: "Harmony pad",
          13: "Harmony phone", 14: "web page"}

EXIT_REASON = {0: "unknown exception", 1: "normal exit", 2: "classroom closed",
               3: "abnormal exit", 4: "kicked out", 5: "service closed",
               6: "disconnected", 7: "lesson cancelled", 8: "role changed",
               54: "logged in twice on the same machine",
               56: "network connection broken",
               60: "pushed out by a newer login", 101: "back key (Android)",
               102: "phone call", 111: "app went to the background"}
ABNORMAL_EXIT_REASONS = frozenset({0, 3, 6, 56})
DUPLICATE_LOGIN_REASONS = frozenset({54, 60})
MOBILE_INTERRUPTION_REASONS = frozenset({101, 102, 111})

DEVICE_TYPE = {0: "unknown", 1: "Windows", 2: "iPhone", 3: "iPad",
               4: "Android phone", 5: "Android pad", 6: "Mac"}
CLIENT_TYPE = {1: "PC browser", 2: "mobile browser", 3: "mini program"}

ACK_TEXT = "程序正常执行"

EXIT_CLASSROOM_CLOSED = 2
EXIT_LESSON_CANCELLED = 7
# Exits that mean the lesson itself closed, not that the user chose to leave.
CLOSING_EXIT_REASONS = frozenset({EXIT_CLASSROOM_CLOSED, EXIT_LESSON_CANCELLED})

# CloseTime = scheduled end + this fixed overtime [S001, D-faq].
CLOSE_OVERTIME_SECONDS = 20 * 60
# Every user in a classroom sends a Net report this often: a lesson with people
# inside is never quiet for long.
NET_PERIOD_SECONDS = 5 * 60

# Cmd 67375105: normalised Color prefixes (lower-case; spaces, "_" and "+"
# dropped; a leading "standalone" removed), longest-first where one prefix
# starts another (§9.1).
BOARD_COLOR_PREFIXES = (
    ("handsup", "hands"),
    ("award", "award"),
    ("webcamposition", "camera"),
    ("selectortoolglobaldata", "selector_question"),
    ("selectortool", "selector_answer"),
    ("respondertoolglobaldata", "responder_question"),
    ("respondertool", "responder_answer"),
)

# Device-check codes differ between the in-class Check and the UserCheck (§9.9, §11.2):
# Check `…Arbitrary` is installed/absent; Check `…Impersonal` and every UserCheck
# device field are not tested/normal/abnormal (0 is undefined for Check: read the same).
CHECK_INSTALLED, CHECK_ABSENT = 1, 2
CHECK_NOT_TESTED, CHECK_NORMAL, CHECK_ABNORMAL = 0, 1, 2
CHECK_INFO_SOURCE = {1: "device initialisation", 2: "device selected", 3: "check finished",
                     4: "device plugged/unplugged", 5: "settings finished",
                     7: "check interrupted"}
USERCHECK_INFO_SOURCE = {3: "check finished", 6: "login succeeded", 7: "check interrupted"}
INFO_SOURCE_DEVICE_CHANGED = 4
INFO_SOURCE_INTERRUPTED = 7
# Impersonal (program-detected) results are meaningless on these DeviceTypes.
MOBILE_DEVICE_TYPES = frozenset({2, 3, 4, 5})
CHECK_TIMED_OUT = "N/A"

OP_DELETE = 2

FILE_CONVERTED, FILE_CONVERSION_FAILED = 2, 3
RATING_DIRECTIONS = ("T2S", "S2T")
TOURIST_PREFIX = "yk_"


# --- Lenient coercion: numbers may arrive as strings --------------------------
def as_int(value: Any) -> int | None:
    """Integer from an int, a float or a numeric string; None when it is not one."""
    if type(value) is int or value is None:   # nearly always (a missing field: None)
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value == value and abs(value) != float("inf") else None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            f = as_float(text)
            return None if f is None else int(f)
    return None


# Unix seconds stay below this until the year 5138; a larger "seconds" value is
# milliseconds sent where seconds belong (or garbage).
UNIX_SECONDS_LIMIT = 10 ** 11


def as_unix(value: Any) -> int | None:
    """A point in time in unix seconds; a value in milliseconds is recognised
    by its size and divided; 0, negatives and values no calendar holds are None."""
    t = as_int(value)
    if t is None or t <= 0:
        return None
    if t >= UNIX_SECONDS_LIMIT:
        t //= 1000
    return t if t < UNIX_SECONDS_LIMIT else None


def as_float(value: Any) -> float | None:
    kind = type(value)     # exact types first: this runs ~30 times per Net report
    if value is None:      # most of them: a Net report carries only some of its fields
        return None
    if kind is int:
        return float(value)
    if kind is float:
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        f = float(value)
    elif isinstance(value, str):
        try:
            f = float(value)   # mostly a plain number ("412.337")
        except ValueError:
            text = value.strip().rstrip("%").removesuffix("ms").strip()
            try:
                f = float(text)
            except ValueError:
                return None
    else:
        return None
    return f if f == f and abs(f) != float("inf") else None


def pick(mapping: Any, *names: str, default: Any = None) -> Any:
    """First present key among spelling variants (`Ip`/`IP`, `src`/`Src`, ...)."""
    # A dict first: the ABC check costs more than the look-ups (this runs per push, per field).
    if type(mapping) is not dict and not isinstance(mapping, Mapping):
        return default
    for name in names:
        value = mapping.get(name)
        if value is not None:
            return value
    return default


def as_str(value: Any) -> str | None:
    """Text from a string or a number (phone numbers arrive as both); None otherwise."""
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return str(int(value)) if value.is_integer() else str(value)
    return None


def as_bool(value: Any) -> bool | None:
    """true/false, 1/0 and their string forms; None for anything else."""
    if isinstance(value, bool):
        return value
    number = as_int(value) if isinstance(value, (int, float, str)) else None
    if number in (0, 1):
        return bool(number)
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def as_dict(value: Any) -> dict:
    """An object, or a JSON-encoded object string (`EEO_DEVICE_LIST`, chat `ext`); else {}."""
    if type(value) is dict or isinstance(value, Mapping):   # the ABC check costs more than the copy
        return dict(value)
    if isinstance(value, (str, bytes)):
        try:
            decoded = orjson.loads(value)
        except orjson.JSONDecodeError:
            return {}
        return decoded if isinstance(decoded, dict) else {}
    return {}


def as_list(value: Any) -> list:
    """A list; a lone value where the docs promise a list (`TopicResult` int,
    `labelInfos`/`Participants` object) becomes a one-item list; None is []."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def lesson_end_time(close_time: int | None, real_close_time: int | None) -> int | None:
    """ClassIn's end-time rule: no RealCloseTime or 0 -> CloseTime,
    else min(RealCloseTime, CloseTime)."""
    if not real_close_time:
        return close_time
    if close_time is None:
        return real_close_time
    return min(real_close_time, close_time)


def normalise_cmd(value: Any) -> int | str | None:
    """Integers and digit-only strings become int; other strings stay as sent."""
    if isinstance(value, str):   # first: most Cmds are names
        text = value.strip()
        # "²".isdigit() is True but int() refuses it; past 4,300 digits int() refuses too.
        if text.isascii() and text.isdigit() and len(text) <= 32:
            return int(text)
        return text or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value)
    return None


def cmd_label(cmd: int | str | None) -> str:
    """"67371521 (stage)", in English (in the desk's words: lessons.timeline_words.cmd_label)."""
    if cmd is None:
        return "?"
    if isinstance(cmd, int):
        name = INT_CMD_NAMES.get(cmd)
        return f"{cmd} ({name})" if name else str(cmd)
    return cmd


# --- SafeKey ------------------------------------------------------------------
NO_TIMESTAMP = "no usable top-level TimeStamp: the SafeKey cannot be verified"


def unverified_code(problem: str) -> str:
    """The reason code of a `verify_safekey` answer."""
    return "no_timestamp" if problem == NO_TIMESTAMP else "bad_safekey"


def timestamp_text(value: Any) -> str | None:
    """The decimal text that was hashed: str(int) for numbers, stripped digits for strings."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return text
    return None


def safekey(secret: str, timestamp: Any) -> str:
    text = timestamp_text(timestamp)
    if text is None:
        raise ValueError("TimeStamp is not a decimal number")
    return _safekey_of(secret, text)


def _safekey_of(secret: str, text: str) -> str:
    # A school's pushes of one second share their TimeStamp: one digest for them
    # all. A TimeStamp has 10 digits; a longer one is not kept.
    return (_md5_cached if len(text) <= 20 else _md5)(secret, text)


def _md5(secret: str, text: str) -> str:
    return hashlib.md5((secret + text).encode("utf-8")).hexdigest()


_md5_cached = functools.lru_cache(maxsize=64)(_md5)


def verify_safekey(secret: str, payload: Mapping[str, Any]) -> str | None:
    """None when the SafeKey verifies, else the reason (never containing the secret).
    ClassIn's own text spells the fields safeKey/timeStamp too."""
    text = timestamp_text(pick(payload, "TimeStamp", "timeStamp"))
    if text is None:
        return NO_TIMESTAMP
    given = pick(payload, "SafeKey", "safeKey")
    if not isinstance(given, str) or not given:
        return "no SafeKey"
    expected = _safekey_of(secret, text)
    # Constant time, and case-insensitive on hex only in the sense of ClassIn's
    # lower-case rule: we compare what they sent, lower-cased, to our digest.
    if not hmac.compare_digest(given.strip().lower().encode(), expected.encode()):
        return "wrong SafeKey (the school's secret is probably wrong)"
    return None


def sign(payload: dict, secret: str) -> dict:
    """Set SafeKey for the payload's TimeStamp (simulator and tests)."""
    payload["SafeKey"] = safekey(secret, payload["TimeStamp"])
    return payload


# --- Acknowledgement ------------------------------------------------------------
ACK_BODY = orjson.dumps({"error_info": {"errno": 1, "error": ACK_TEXT}})


def error_body(reason: str) -> bytes:
    return orjson.dumps({"error_info": {"errno": 0, "error": reason}})


def is_ack(body: bytes) -> bool:
    """True when a receiver's answer is ClassIn's success ack (integer errno 1)."""
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    info = doc.get("error_info") if isinstance(doc, dict) else None
    errno = info.get("errno") if isinstance(info, dict) else None
    return isinstance(errno, int) and not isinstance(errno, bool) and errno == 1


# --- Dedupe ---------------------------------------------------------------------
_VOLATILE = ("TimeStamp", "SafeKey", "timeStamp", "safeKey")


def dedupe_key(payload: Mapping[str, Any]) -> str:
    """`_id` when there is one; else a hash of the body without TimeStamp/SafeKey,
    which a re-send may regenerate."""
    sid = as_int(payload.get("SID"))
    msg_id = payload.get("_id")
    if isinstance(msg_id, (str, int)) and not isinstance(msg_id, bool):
        msg_id = str(msg_id).strip()
        if msg_id:
            return f"classin:{sid}:id:{msg_id}"
    body = {k: v for k, v in payload.items() if k not in _VOLATILE}
    digest = hashlib.sha256(deepjson.dumps(body, sort_keys=True)).hexdigest()
    return f"classin:{sid}:sha256:{digest}"


def push_uid(payload: Mapping[str, Any]) -> int | None:
    """The user a push is about: top-level `UID`, else `Data.UID` (HelpInfo and friends)."""
    uid = as_int(payload.get("UID"))
    data = payload.get("Data")
    if uid is None and isinstance(data, Mapping):
        uid = as_int(data.get("UID"))
    return uid
