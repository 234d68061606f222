"""Feishu / Lark custom bot: plain text; with a secret the body carries
`timestamp` (s) and `sign` = base64(HMAC-SHA256(key="{timestamp}\\n{secret}", msg=""))."""
from __future__ import annotations

import base64
import hashlib
import hmac

from .base import Message, Robot, check_error_code


def sign(secret: str, timestamp: int) -> str:
    digest = hmac.new(f"{timestamp}\n{secret}".encode("utf-8"), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


class Feishu(Robot):
    kind = "feishu"

    def body(self, message: Message, now: float) -> dict:
        body: dict = {}
        if self.secret:
            timestamp = int(now)
            body = {"timestamp": str(timestamp), "sign": sign(self.secret, timestamp)}
        body.update({"msg_type": "text", "content": {"text": self.text(message, bold="")}})
        return body

    def check(self, status: int, body: bytes) -> None:
        # Newer answers say {"code": 0, "msg": "success"}; older ones StatusCode/StatusMessage.
        check_error_code(status, body, ("code", "StatusCode"), ("msg", "StatusMessage"))
