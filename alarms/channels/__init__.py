"""Alarm channels: chat robots that receive alarms. One module per robot kind;
add a kind by adding its module and naming it here."""
from __future__ import annotations

from .base import SEVERITIES, DeliveryError, Message, Robot
from .dingtalk import DingTalk
from .feishu import Feishu
from .slack import Slack
from .webhook import Webhook
from .wecom import WeCom

ROBOTS: dict[str, type[Robot]] = {cls.kind: cls for cls in (WeCom, DingTalk, Feishu, Slack, Webhook)}
KINDS = tuple(ROBOTS)
SIGNED_KINDS = ("dingtalk", "feishu")


def make_robot(kind: str, url: str, secret: str = "") -> Robot:
    return ROBOTS[kind](url, secret)


__all__ = ["KINDS", "ROBOTS", "SEVERITIES", "SIGNED_KINDS", "DeliveryError", "Message", "Robot", "make_robot"]
