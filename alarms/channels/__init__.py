"""Alarm channels: chat robots that receive alarms. One module per robot kind;
add a kind by adding its module and naming it here."""
from __future__ import annotations

from urllib.parse import urlsplit

from .base import SEVERITIES, DeliveryError, Message, Robot
from .dingtalk import DingTalk
from .feishu import Feishu
from .slack import Slack
from .webhook import Webhook
from .wecom import WeCom

ROBOTS: dict[str, type[Robot]] = {cls.kind: cls for cls in (WeCom, DingTalk, Feishu, Slack, Webhook)}
KINDS = tuple(ROBOTS)
SIGNED_KINDS = ("dingtalk", "feishu", "webhook")   # the others carry their key in the URL


NAME_LIMIT = 64


def make_robot(kind: str, url: str, secret: str = "") -> Robot:
    return ROBOTS[kind](url, secret)


def problem(name: str, kind: str, url: str, secret: str) -> str | None:
    """What is wrong with a channel as entered, as a code the CLI and the window
    word themselves ("name", "kind", "url", "secret"); None when it is fine.
    Never quotes the URL: it holds the robot's key."""
    if not name or len(name) > NAME_LIMIT or any(ord(c) < 32 for c in name):
        return "name"
    if kind not in ROBOTS:
        return "kind"
    try:
        parts = urlsplit(url)
        parts.port   # raises on a port that is not a number
        if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
            return "url"
    except ValueError:
        return "url"
    if secret and kind not in SIGNED_KINDS:
        return "secret"
    return None


__all__ = ["KINDS", "ROBOTS", "SEVERITIES", "SIGNED_KINDS", "DeliveryError", "Message", "Robot", "make_robot", "problem"]
