"""What every chat robot shares: the message it is handed, the request it
builds, and how its answer is judged. One file per robot kind beside this one."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from yarl import URL

# The CONTRACT's severities, lowest first.
SEVERITIES = ("info", "warning", "critical")


def severity_rank(name: str | None) -> int:
    return SEVERITIES.index(name) if name in SEVERITIES else 0


@dataclass
class Message:
    """One chat message: a one-line title, body lines, and the alarm objects
    (CONTRACT.md) it is about."""
    title: str
    lines: list[str]
    event: str                      # "open", "resolve", "summary" or "test"
    severity: str = "info"
    alarms: list[dict[str, Any]] = field(default_factory=list)
    count: int = 1                  # alarms it stands for (more than listed when capped)


class DeliveryError(Exception):
    """A robot did not take the message. The text names the cause without the
    URL or the secret (the caller masks it again anyway)."""


class Robot:
    kind: ClassVar[str]
    CONTENT_LIMIT: ClassVar[int] = 4000   # characters of text a robot takes comfortably

    def __init__(self, url: str, secret: str = ""):
        self.url = url
        self.secret = secret

    def request(self, message: Message, now: float) -> tuple[URL, dict[str, Any]]:
        """The URL to POST to and the JSON body, signed for the time `now`."""
        return URL(self.url), self.body(message, now)

    def body(self, message: Message, now: float) -> dict[str, Any]:
        raise NotImplementedError

    def headers(self, data: bytes, now: float) -> dict[str, str]:
        """Extra HTTP headers for the encoded body (a signature)."""
        return {}

    def check(self, status: int, body: bytes) -> None:
        """Raise DeliveryError unless the robot took the message."""
        if not 200 <= status < 300:
            raise DeliveryError(f"HTTP {status}{snippet(body)}")

    def text(self, message: Message, bold: str = "**") -> str:
        head = f"{bold}{message.title}{bold}" if bold else message.title
        return clip("\n".join([head, *message.lines]), self.CONTENT_LIMIT)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def snippet(body: bytes) -> str:
    text = body[:200].decode("utf-8", "replace").strip()
    return f": {text}" if text else ""


def check_error_code(status: int, body: bytes, code_keys: tuple[str, ...], message_keys: tuple[str, ...]) -> None:
    """Chinese robots answer HTTP 200 with an error code inside the JSON."""
    if not 200 <= status < 300:
        raise DeliveryError(f"HTTP {status}{snippet(body)}")
    try:
        doc = json.loads(body)
    except ValueError:
        raise DeliveryError(f"answer is not JSON{snippet(body)}") from None
    if not isinstance(doc, dict):
        raise DeliveryError(f"unexpected answer{snippet(body)}")
    code = next((doc[k] for k in code_keys if k in doc), None)
    if code != 0:
        text = next((doc[k] for k in message_keys if k in doc), "")
        raise DeliveryError(f"robot error {code}: {text}" if code is not None else f"unexpected answer{snippet(body)}")
