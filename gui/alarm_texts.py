"""What an alarm says to the desk, in the desk's language: alarms.texts holds
the words as data (the same sentences the CLI and chat robots say); this
renders them with the translator (context "AlarmTexts"). The device/network
problem strings come from lessons.diagnostics in English and are translated
by pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from alarms import texts
from alarms.model import Alarm, Severity
from app.core import Monitor
from lessons.texts import Label, Text, render

from .formatting import local_time
from .models.labels import school_timezone

SEVERITY_COLOURS = {Severity.CRITICAL: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}
RESOLVED_COLOUR = "#9e9e9e"


@dataclass(frozen=True)
class AlarmText:
    title: str
    detail: str      # what happened, since when, how often (plain text, one fact per line)
    advice: str      # what to do


class AlarmTexts(QObject):
    """A QObject only for `self.tr` (translation context "AlarmTexts")."""

    def __init__(self, monitor: Monitor | None, parent: QObject | None = None):
        """`monitor` names schools and users; problem texts alone need none."""
        super().__init__(parent)
        self.monitor = monitor
        self._problems: dict[str, str] = {}

    # -- rendering alarms.texts --------------------------------------------------------------
    def render(self, text: Text | Label | str, zone: str | None = None) -> str:
        """`text` in the desk's language; its times in `zone` (else this PC's)."""
        def label(label: Label) -> str:
            if label.table == "problem":
                return self.problem(label.english)
            if label.table in ("time", "datetime"):
                return local_time(label.code, zone, with_date=label.table == "datetime")
            return label.english
        return render(text, lambda template: QCoreApplication.translate(texts.CONTEXT, template), label)

    # -- names ----------------------------------------------------------------------------
    def school(self, sid: int | None) -> str:
        return self.render(texts.school(self.monitor, sid))

    def lesson(self, class_id: int | None) -> str:
        return self.render(texts.lesson(self.monitor, class_id))

    def user(self, uid: int | None) -> str:
        return self.render(texts.user(self.monitor, uid))

    def timezone(self, alarm: Alarm) -> str | None:
        """Its school's zone: an alarm's times read like the lesson's."""
        return school_timezone(self.monitor.config, alarm.sid)

    def severity(self, severity: Severity) -> str:
        return self.render(texts.severity(severity))

    def state(self, alarm: Alarm) -> str:
        if not alarm.open:
            return self.tr("resolved {}").format(local_time(alarm.resolved_at, self.timezone(alarm)))
        return self.tr("acknowledged") if alarm.acknowledged else self.tr("open")

    # -- problems from lessons.diagnostics ------------------------------------------------------
    def problem(self, text: str) -> str:
        """One English problem line from lessons.diagnostics, translated. Asked
        for every cell of a big roster: each distinct line is translated once."""
        translated = self._problems.get(text)
        if translated is None:
            translated = self._problems[text] = self._translate_problem(text)
        return translated

    def _translate_problem(self, text: str) -> str:
        fixed = {
            "microphone: disabled or absent": self.tr("microphone: disabled or absent"),
            "microphone: no sound data": self.tr("microphone: no sound data"),
            "microphone: chosen device abnormal": self.tr("microphone: chosen device abnormal"),
            "speaker: disabled or absent": self.tr("speaker: disabled or absent"),
            "speaker: abnormal": self.tr("speaker: abnormal"),
            "speaker: chosen device abnormal": self.tr("speaker: chosen device abnormal"),
            "camera: disabled or absent": self.tr("camera: disabled or absent"),
            "camera: no picture": self.tr("camera: no picture"),
            "camera: chosen device abnormal": self.tr("camera: chosen device abnormal"),
            "no camera found": self.tr("no camera found"),
            "no microphone found": self.tr("no microphone found"),
            "delay test timed out": self.tr("delay test timed out"),
            "device plugged/unplugged during the lesson": self.tr("device plugged/unplugged during the lesson"),
            "device check interrupted": self.tr("device check interrupted"),
            "media over TCP (UDP blocked?)": self.tr("media over TCP (UDP blocked?)"),
            "trouble starts at: home network": self.tr("trouble starts at: the user's home network"),
            "trouble starts at: access provider": self.tr("trouble starts at: the internet provider"),
            "trouble starts at: path to ClassIn": self.tr("trouble starts at: the path to ClassIn"),
        }
        if text in fixed:
            return fixed[text]
        patterns = (
            (r"delay (\d+) ms", self.tr("delay {} ms")),
            (r"packet loss (\d+)%", self.tr("packet loss {}%")),
            (r"(\d+)% of network probes degraded", self.tr("{}% of network probes degraded")),
            (r"CPU overloaded (\d+)% of the time", self.tr("CPU overloaded {}% of the time")),
        )
        for pattern, template in patterns:
            match = re.fullmatch(pattern, text)
            if match:
                return template.format(match.group(1))
        return text   # a problem added to diagnostics later: English beats nothing

    # -- refusals by the receiver ------------------------------------------------------------------
    def refusal(self, code: str | None, reason: str | None, sid: int | None = None,
                size: int | None = None) -> str:
        """Why the receiver refused a push (alarms.texts.refusal), in the desk's language."""
        return self.render(texts.refusal(code, reason, sid, size))

    # -- alarms ------------------------------------------------------------------------------------
    def describe(self, alarm: Alarm) -> AlarmText:
        words, zone = texts.describe(alarm, self.monitor), self.timezone(alarm)
        return AlarmText(self.render(words.title, zone), "\n".join(self.render(line, zone) for line in words.lines),
                         self.render(words.advice, zone))
