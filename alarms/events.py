"""What subscribers of the alarm center receive (AlarmCenter.subscribe)."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Alarm
from .texts import Names, describe

# "restored": read back at start as the desk left it; "acknowledged" also when another process did it;
# "mirrored": as another process (the team's receiver) raised, updated or resolved it.
CHANGES = ("opened", "updated", "acknowledged", "resolved", "restored", "mirrored")


@dataclass(frozen=True)
class AlarmEvent:
    change: str                 # one of CHANGES
    alarm: Alarm                # the alarm itself, changed in place later: copy what must not move
    names: Names | None = None  # the raising core's names for schools, lessons and users

    def record(self) -> dict:
        """The alarm as CONTRACT.md's alarm JSON object, in English."""
        return alarm_record(self.alarm, self.names)


def alarm_record(alarm: Alarm, names: Names | None = None) -> dict:
    """CONTRACT.md's alarm object (`alarms --json`, the webhook channel, subscribers)."""
    words = describe(alarm, names)
    return {"id": alarm.key, "kind": alarm.kind, "severity": alarm.severity.name.lower(),
            "state": alarm.state, "sid": alarm.sid, "class_id": alarm.class_id, "uid": alarm.uid,
            "title": str(words.title), "detail": words.detail(),
            "first_seen": alarm.since, "last_seen": alarm.last, "count": alarm.count,
            "acknowledged_by": alarm.acknowledged_by, "acknowledged_at": alarm.acknowledged_at}
