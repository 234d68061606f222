"""What the receiver tells its listeners (alarm center, status bar, lesson
state). Plain data; listeners are called on the receiver's event loop."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class PushStored:
    push_id: int
    source: str
    received_at: float
    sid: int | None
    cmd: str | None
    class_id: int | None
    payload: Any                 # parsed payload (dict) or the raw text of a released bad body
    released: bool = False


@dataclass(slots=True)
class PushDuplicate:
    """A push we had already stored came again: our earlier ack did not reach ClassIn."""
    source: str
    received_at: float
    sid: int | None
    cmd: str | None
    dedupe_key: str


@dataclass(slots=True)
class PushRefused:
    """We answered something other than the success ack: that school's queue is blocked."""
    qkey: str
    source: str
    received_at: float
    status: int
    reason_code: str
    reason: str
    sid: int | None
    cmd: str | None
    class_id: int | None
    attempts: int
    first_seen: float
    stored_in_quarantine: bool = True


@dataclass(slots=True)
class StorageFailed:
    received_at: float
    reason: str
    sid: int | None = None
    extra: dict = field(default_factory=dict)


ReceiverEvent = PushStored | PushDuplicate | PushRefused | StorageFailed
