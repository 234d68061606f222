"""DingTalk (钉钉) custom robot: markdown; with a secret ("加签") the URL gets
`timestamp` (ms) and `sign` = base64(HMAC-SHA256(key=secret, msg="{timestamp}\\n{secret}"))."""
from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import quote_plus

from yarl import URL

from .base import Message, Robot, check_error_code


def sign(secret: str, timestamp_ms: int) -> str:
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode("utf-8"),
                      hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


class DingTalk(Robot):
    kind = "dingtalk"

    def request(self, message: Message, now: float) -> tuple[URL, dict]:
        url = self.url
        if self.secret:
            timestamp = int(now * 1000)
            joiner = "&" if "?" in url else "?"
            url = f"{url}{joiner}timestamp={timestamp}&sign={quote_plus(sign(self.secret, timestamp))}"
        # encoded=True: the sign is already URL-encoded and must reach DingTalk as it is.
        return URL(url, encoded=True), self.body(message, now)

    def body(self, message: Message, now: float) -> dict:
        # DingTalk's markdown breaks lines on blank lines only.
        text = "\n\n".join([f"#### {message.title}", *message.lines])
        return {"msgtype": "markdown", "markdown": {"title": message.title, "text": text[:self.CONTENT_LIMIT]}}

    def check(self, status: int, body: bytes) -> None:
        check_error_code(status, body, ("errcode",), ("errmsg",))
