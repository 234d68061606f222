"""Slack incoming webhook: {"text": …} in Slack's mrkdwn. Slack answers a bad
request with an HTTP error and a word ("invalid_payload"), a good one with "ok"."""
from __future__ import annotations

from .base import Message, Robot


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Slack(Robot):
    kind = "slack"

    def body(self, message: Message, now: float) -> dict:
        return {"text": escape(self.text(message, bold="*"))}
