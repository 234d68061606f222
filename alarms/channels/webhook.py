"""A generic webhook: the CONTRACT's alarm object as JSON, for a team's own
tooling. A message about several alarms carries all of them in `alarms`.

With a secret each request is signed so the receiver can tell it came from
us and is fresh: `X-ClassWatch-Timestamp: <unix s>` and
`X-ClassWatch-Signature: sha256=<hex HMAC-SHA256(key=secret, msg="<timestamp>." + body)>`."""
from __future__ import annotations

import hashlib
import hmac

from .base import Message, Robot

ALARM_FIELDS = ("id", "kind", "severity", "state", "sid", "class_id", "uid", "title", "detail",
                "first_seen", "last_seen", "count", "acknowledged_by", "acknowledged_at")


class Webhook(Robot):
    kind = "webhook"

    def body(self, message: Message, now: float) -> dict:
        first = message.alarms[0] if message.alarms else {}
        body = {name: first.get(name) for name in ALARM_FIELDS}
        if not message.alarms:   # a test or summary message has no alarm of its own
            body.update(kind=message.event, severity=message.severity, title=message.title,
                        detail="\n".join(message.lines), count=message.count)
        body.update(event=message.event, text=self.text(message, bold=""), alarm_count=message.count,
                    alarms=[{name: alarm.get(name) for name in ALARM_FIELDS} for alarm in message.alarms])
        return body

    def headers(self, data: bytes, now: float) -> dict[str, str]:
        if not self.secret:
            return {}
        timestamp = str(int(now))
        digest = hmac.new(self.secret.encode("utf-8"), timestamp.encode() + b"." + data, hashlib.sha256).hexdigest()
        return {"X-ClassWatch-Timestamp": timestamp, "X-ClassWatch-Signature": f"sha256={digest}"}
