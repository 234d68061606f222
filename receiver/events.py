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
    event: Any = None            # its typed event (lessons.events) when the receiver parsed it already


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
class PushHeld:
    """A known school's push that does not verify was acked and kept aside
    (its school's policy is `hold`); it counts nowhere until promoted."""
    qkey: str
    received_at: float
    sid: int | None
    cmd: str | None
    cause: str                   # no_timestamp | bad_safekey
    reason: str
    attempts: int
    source: str = "classin"


@dataclass(slots=True)
class HeldPromoted:
    """Held pushes of a school became pushes (each also told as PushStored)."""
    sid: int
    promoted: int
    remaining: int               # still held (they do not verify with the current secret)
    received_at: float
    source: str = "classin"


@dataclass(slots=True)
class StorageFailed:
    received_at: float
    reason: str
    sid: int | None = None
    extra: dict = field(default_factory=dict)


ReceiverEvent = PushStored | PushDuplicate | PushRefused | PushHeld | HeldPromoted | StorageFailed
