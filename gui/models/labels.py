"""Translated names for protocol codes (Cmds, identities) and timeline kinds, the one way to
name a user or a lesson, and the school's time zone. protocol/ and lessons/ keep English labels; the GUI
translates them here (QT_TRANSLATE_NOOP marks the strings for lupdate); devices, exit reasons and Cmds
are named in lessons.timeline_words, which the command line's exports and alarm texts share."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from lessons import timeline_words
from lessons.state import LessonState
from app.settings import ConfigStore

_CONTEXT = "labels"

_IDENTITY = {
    1: QT_TRANSLATE_NOOP("labels", "student"),
    2: QT_TRANSLATE_NOOP("labels", "auditor"),
    3: QT_TRANSLATE_NOOP("labels", "teacher"),
    4: QT_TRANSLATE_NOOP("labels", "co-teacher"),
    193: QT_TRANSLATE_NOOP("labels", "principal"),
    194: QT_TRANSLATE_NOOP("labels", "principal's assistant"),
}

# Timeline kinds written by lessons/state.py, in the order the filter lists them.
TIMELINE_KINDS = {
    "enter": QT_TRANSLATE_NOOP("labels", "entered"),
    "exit": QT_TRANSLATE_NOOP("labels", "left"),
    "hands_up": QT_TRANSLATE_NOOP("labels", "hand up"),
    "hands_down": QT_TRANSLATE_NOOP("labels", "hand down"),
    "stage_up": QT_TRANSLATE_NOOP("labels", "on stage"),
    "stage_down": QT_TRANSLATE_NOOP("labels", "off stage"),
    "mute": QT_TRANSLATE_NOOP("labels", "muted"),
    "unmute": QT_TRANSLATE_NOOP("labels", "unmuted"),
    "mute_all": QT_TRANSLATE_NOOP("labels", "all muted"),
    "unmute_all": QT_TRANSLATE_NOOP("labels", "all unmuted"),
    "authorize": QT_TRANSLATE_NOOP("labels", "authorised"),
    "unauthorize": QT_TRANSLATE_NOOP("labels", "authorisation removed"),
    "award": QT_TRANSLATE_NOOP("labels", "award"),
    "kick": QT_TRANSLATE_NOOP("labels", "kicked out"),
    "net": QT_TRANSLATE_NOOP("labels", "network report"),
    "check": QT_TRANSLATE_NOOP("labels", "device check"),
    "help": QT_TRANSLATE_NOOP("labels", "help request"),
    "extend": QT_TRANSLATE_NOOP("labels", "lesson extended"),
    "recording": QT_TRANSLATE_NOOP("labels", "recording"),
    "board_image": QT_TRANSLATE_NOOP("labels", "blackboard"),
    "rating": QT_TRANSLATE_NOOP("labels", "rating"),
    "end": QT_TRANSLATE_NOOP("labels", "lesson summary"),
    "other": QT_TRANSLATE_NOOP("labels", "other"),
}


# Alarm kinds (alarms.model.KINDS), as the alarm center's filter names them.
_ALARM_KINDS = {
    "stuck_push": QT_TRANSLATE_NOOP("labels", "blocked queue"),
    "storage": QT_TRANSLATE_NOOP("labels", "storage failure"),
    "resent": QT_TRANSLATE_NOOP("labels", "re-sent pushes"),
    "silence": QT_TRANSLATE_NOOP("labels", "no pushes"),
    "tunnel": QT_TRANSLATE_NOOP("labels", "tunnel"),
    "help_request": QT_TRANSLATE_NOOP("labels", "help request"),
    "device": QT_TRANSLATE_NOOP("labels", "device problem"),
    "network": QT_TRANSLATE_NOOP("labels", "network problem"),
    "gensee_leaves": QT_TRANSLATE_NOOP("labels", "Gensee leaves"),
    "relay": QT_TRANSLATE_NOOP("labels", "relay"),
    "verification": QT_TRANSLATE_NOOP("labels", "held for verification"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def identity_label(code: int | None) -> str:
    return _tr(_IDENTITY[code]) if code in _IDENTITY else QCoreApplication.translate("labels", "unknown")


def device_label(code: int | None) -> str:
    return timeline_words.device_label(code, QCoreApplication.translate)


# A device check's DeviceType (protocol.classin.DEVICE_TYPE) in the roster's words; the rest are names.
_DEVICE_TYPE_WORDS = {
    "unknown": QT_TRANSLATE_NOOP("labels", "unknown"),
    "Android phone": QT_TRANSLATE_NOOP("labels", "Android phone"),
    "Android pad": QT_TRANSLATE_NOOP("labels", "Android tablet"),
}


def device_type_label(english: str) -> str:
    return _tr(_DEVICE_TYPE_WORDS[english]) if english in _DEVICE_TYPE_WORDS else english


def exit_reason_label(code: int | None) -> str:
    return timeline_words.exit_reason_label(code, QCoreApplication.translate)


def cmd_label(cmd: int | str | None) -> str:
    """A Cmd with its label in the desk's words: 67371521（上下台）; a string Cmd as sent."""
    return timeline_words.cmd_label(cmd, QCoreApplication.translate)


def alarm_kind_label(kind: str) -> str:
    return _tr(_ALARM_KINDS[kind]) if kind in _ALARM_KINDS else kind


def kind_label(kind: str) -> str:
    return _tr(TIMELINE_KINDS.get(kind, kind))


def user_name(state: LessonState, uid: int | None) -> str:
    """The school's name (schedule sync), else the ClassIn nickname, else the UID."""
    if uid is None:
        return ""
    name = state.school_name(uid)
    if not name:
        participant = state.participants.get(uid)
        name = participant.nickname if participant is not None else None
    return name or str(uid)


def lesson_title(state: LessonState) -> str:
    name = state.schedule.get("class_name") or state.schedule.get("course_name")
    return name or QCoreApplication.translate("labels", "Lesson {}").format(state.class_id)


def school_timezone(config: ConfigStore, sid: int | None) -> str:
    """The zone times of school `sid` are shown in; sid None for a time of no
    school (Gensee, the status bar): the same zone the chat robots use (Config.zone)."""
    return config.current().zone(sid)


def listed(items: Iterable[str]) -> str:
    return timeline_words.listed(items, QCoreApplication.translate)


def named(name: str | None, number: int | str) -> str:
    return timeline_words.named(name, number, QCoreApplication.translate)


def fill_schools(combo, config: ConfigStore, all_schools: str | None = None) -> None:
    """A school picker listing the configured schools (first `all_schools`, data
    None, when given), keeping the current choice and emitting nothing."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if all_schools is not None:
        combo.addItem(all_schools, None)
    for school in sorted(config.current().schools.values(), key=lambda s: s.sid):
        combo.addItem(named(school.name, school.sid), school.sid)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)
