"""The alarms as any process on the data sees them (the `alarms` command):
read from the alarm table the running cores keep, and acknowledged there, so
every core on the same data picks the acknowledgement up (Monitor._follower)."""
from __future__ import annotations

import getpass
import time
from dataclasses import dataclass

from alarms import texts
from alarms.channels.dispatcher import school_places
from alarms.events import alarm_record
from alarms.language import SaidAlarm, Wording
from alarms.model import KINDS, RENAMED, Alarm
from storage import history
from storage.alarms import acknowledge as store_acknowledgement
from storage.alarms import read_alarms
from storage.config import ConfigStore
from storage.dburl import DbUrl


def desk_user() -> str | None:
    """Who acknowledges at this computer."""
    try:
        return getpass.getuser()
    except Exception:   # no user name in this environment (a service account without one)
        return None


class StoredNames:
    """alarms.texts.Names from the config and the derived tables (models bound)."""

    def __init__(self, config: ConfigStore):
        self._config = config.current()

    def school_name(self, sid: int) -> str | None:
        school = self._config.schools.get(sid)
        return school.name if school is not None and school.name else None

    def lesson_name(self, class_id: int) -> str | None:
        return history.lesson_name(class_id)

    def user_name(self, uid: int) -> str | None:
        return history.user_name(uid)


def _kept(include_resolved: bool) -> list[Alarm]:
    """Most urgent first (models bound)."""
    alarms = []
    for fields in read_alarms(include_resolved):
        fields["kind"] = RENAMED.get(fields["kind"], fields["kind"])
        if fields["kind"] in KINDS:   # a kind of a newer version: not ours to word
            alarms.append(Alarm(**fields))
    alarms.sort(key=lambda a: (not a.open, -a.severity, -a.last))
    return alarms


def kept_alarms(config: ConfigStore, include_resolved: bool = False) -> list[dict]:
    """CONTRACT's alarm objects, in English (models bound)."""
    names = StoredNames(config)
    return [alarm_record(alarm, names) for alarm in _kept(include_resolved)]


@dataclass(frozen=True)
class ShownAlarm:
    id: str
    severity: str
    state: str
    words: SaidAlarm


def shown_alarms(config: ConfigStore, language: str, include_resolved: bool = False) -> list[ShownAlarm]:
    """The alarms as the desk reads them: in its `language`, times in each
    school's zone, labelled (models bound)."""
    names, wording, where = StoredNames(config), Wording(language), school_places(config)
    shown = []
    for alarm in _kept(include_resolved):
        zone = where(alarm.sid)[1]
        shown.append(ShownAlarm(alarm.key, wording.render(texts.severity(alarm.severity), zone),
                                wording.render(texts.state(alarm), zone), wording.alarm(alarm, names, zone)))
    return shown


def acknowledge(db: DbUrl, alarm_id: str, by: str | None, note: str | None) -> bool:
    """False when no alarm has that id."""
    return store_acknowledgement(db, alarm_id, by, time.time(), note)
