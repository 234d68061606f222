"""WeCom (企业微信) group robot: markdown, no signature (the key is in the URL)."""
from __future__ import annotations

from .base import Message, Robot, check_error_code


class WeCom(Robot):
    kind = "wecom"
    CONTENT_LIMIT = 1300   # 4096 bytes of UTF-8: three bytes a Chinese character

    def body(self, message: Message, now: float) -> dict:
        return {"msgtype": "markdown", "markdown": {"content": self.text(message)}}

    def check(self, status: int, body: bytes) -> None:
        check_error_code(status, body, ("errcode",), ("errmsg",))
