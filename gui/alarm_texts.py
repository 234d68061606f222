"""What an alarm says to the desk, in the desk's language: alarms.texts holds
the words as data (the same sentences the CLI and chat robots say); this
renders them with the translator (context "AlarmTexts"). The device/network
problem strings come from lessons.diagnostics in English and are translated
by pattern.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from alarms import texts
from alarms.model import Alarm, Severity
from app.desk import Desk
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

    def __init__(self, desk: Desk | None, parent: QObject | None = None):
        """`desk` names schools and users; problem texts alone need none."""
        super().__init__(parent)
        self.desk = desk
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
        return render(text, QCoreApplication.translate, texts.CONTEXT, label)

    # -- names ----------------------------------------------------------------------------
    def school(self, sid: int | None) -> str:
        return self.render(texts.school(self.desk, sid))

    def lesson(self, class_id: int | None) -> str:
        return self.render(texts.lesson(self.desk, class_id))

    def user(self, uid: int | None) -> str:
        return self.render(texts.user(self.desk, uid))

    def timezone(self, alarm: Alarm) -> str | None:
        """Its school's zone: an alarm's times read like the lesson's."""
        return school_timezone(self.desk.config, alarm.sid)

    def severity(self, severity: Severity) -> str:
        return self.render(texts.severity(severity))

    def state(self, alarm: Alarm) -> str:
        return self.render(texts.state(alarm), self.timezone(alarm))

    # -- problems from lessons.diagnostics ------------------------------------------------------
    def problem(self, text: str) -> str:
        """One English problem line from lessons.diagnostics, translated. Asked
        for every cell of a big roster: each distinct line is translated once."""
        translated = self._problems.get(text)
        if translated is None:
            translated = self._problems[text] = self._translate_problem(text)
        return translated

    def _translate_problem(self, text: str) -> str:
        return self.render(texts.problem_words(text))

    # -- refusals by the receiver ------------------------------------------------------------------
    def refusal(self, code: str | None, reason: str | None, sid: int | None = None,
                size: int | None = None) -> str:
        """Why the receiver refused a push (alarms.texts.refusal), in the desk's language."""
        return self.render(texts.refusal(code, reason, sid, size))

    # -- alarms ------------------------------------------------------------------------------------
    def describe(self, alarm: Alarm) -> AlarmText:
        words, zone = texts.describe(alarm, self.desk), self.timezone(alarm)
        return AlarmText(self.render(words.title, zone), "\n".join(self.render(line, zone) for line in words.lines),
                         self.render(words.advice, zone))
