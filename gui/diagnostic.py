"""A ready-to-paste ticket block for a user, a lesson or an alarm, in the
desk's language: who, which lesson, device, OS and ClassIn version, the last
device checks, a network summary and a timeline excerpt. Plain text: it goes
into tickets, chats and e-mails."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from alarms.model import Alarm
from app.desk import Desk
from lessons.diagnostics import DeviceCheck, NetSample
from lessons.state import LessonState
from lessons.participant_row import participant_row
from lessons.summary import counted_until

from .alarm_texts import AlarmTexts
from .formatting import duration, local_time, zone_label
from .models.labels import (device_label, identity_label, kind_label, lesson_title, listed, school_timezone,
                            user_name)
from .models.timeline_model import TimelineModel

TIMELINE_LINES = 12


def copy_text(text: str, button: QPushButton | None = None) -> None:
    """To the clipboard; the button says so for two seconds."""
    QGuiApplication.clipboard().setText(text)
    if button is not None:
        label = button.text()
        button.setText(QCoreApplication.translate("Diagnostic", "Copied ✓"))
        QTimer.singleShot(2000, button, lambda: button.setText(label))   # not once the button is gone


class Diagnostic(QObject):
    """A QObject for `self.tr` (context "Diagnostic")."""

    def __init__(self, desk: Desk, texts: AlarmTexts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.texts = texts
        self._details = TimelineModel(self)      # renders timeline details as the window does

    # -- parts ------------------------------------------------------------------------------
    def _head(self, tz: str | None) -> str:
        return self.tr("ClassWatch diagnostic · {}").format(local_time(time.time(), tz, with_date=True))

    def _lesson_line(self, state: LessonState, tz: str | None) -> str:
        live = state.class_id in {lesson.class_id for lesson in self.desk.live_lessons()}
        teacher = state.teacher
        return self.tr("Lesson: {} (ClassID {}) · {} · {} – {} · {} · teacher {}").format(
            lesson_title(state), state.class_id, self.texts.school(state.sid),
            local_time(state.start_time, tz, zone=False), local_time(state.planned_end, tz),
            self.tr("live") if live else self.tr("ended"),
            (teacher.name or teacher.uid) if teacher is not None else "—")

    def _check_line(self, check: DeviceCheck, tz: str | None) -> str:
        kind = self.tr("in class") if check.kind == "in-class" else self.tr("before class")
        problems = listed(self.texts.problem(p) for p in check.problems) or self.tr("no problem")
        return self.tr("Device check {} ({}): {} · ClassIn {} · CPU {} · {}").format(
            kind, local_time(check.time, tz), check.operating_system or "?", check.client_version or "?",
            check.cpu or "?", problems)

    def _net_line(self, net: NetSample, tz: str | None) -> str:
        q = net.quality
        degraded = "{:.0%}".format(q.bad + q.poor + q.not_reach) if q else "—"
        problems = listed(self.texts.problem(p) for p in net.problems) or self.tr("no problem")
        return self.tr("Network ({}, last 5 min): {} of probes degraded · delay {} · loss {} · {} · {}").format(
            local_time(net.time, tz), degraded,
            "{:.0f} ms".format(net.avg_delay_ms) if net.avg_delay_ms is not None else "—",
            "{:.1f} %".format(net.loss_percent) if net.loss_percent is not None else "—",
            net.socket or "?", problems)

    def _timeline(self, state: LessonState, tz: str | None, uid: int | None = None) -> list[str]:
        entries = [e for e in sorted(state.timeline) if uid is None or e.uid == uid][-TIMELINE_LINES:]
        lines = [self.tr("Timeline (last {}, {}):").format(len(entries), zone_label(tz))]
        for entry in entries:
            who = user_name(state, entry.uid) + " · " if uid is None and entry.uid is not None else ""
            detail = self._details.detail_text(entry.detail)
            lines.append("  {} {}{}{}".format(local_time(entry.time, tz, zone=False), who, kind_label(entry.kind),
                                              " · " + detail if detail else ""))
        return lines

    # -- blocks -------------------------------------------------------------------------------
    def user(self, state: LessonState, uid: int) -> str:
        tz = school_timezone(self.desk.config, state.sid)
        p = state.participants.get(uid)
        lines = [self._head(tz)]
        if p is None:
            lines.append(self.tr("User: {} (UID {}) · not in this lesson").format(user_name(state, uid), uid))
            lines.append(self._lesson_line(state, tz))
            return "\n".join(lines)
        now = time.time()
        row = participant_row(state, p, counted_until(state, now), state.end_time_at(now), state.start_time)
        lines.append(self.tr("User: {} (UID {}) · {} · {}").format(
            user_name(state, uid), uid, identity_label(row.identity), device_label(row.device)))
        lines.append(self._lesson_line(state, tz))
        lines.append(self.tr("Presence: {} · {} entr(ies) · {} drop(s) · attended {}").format(
            self.tr("in the room") if row.present else self.tr("not in the room"), row.entries,
            row.abnormal_exits, duration(row.attended_seconds)))
        checks = [c for c in (p.check, getattr(self.desk.user_check(uid), "check", None)) if c]
        lines.extend(self._check_line(check, tz) for check in checks)
        if not checks:
            lines.append(self.tr("Device check: none received"))
        lines.append(self._net_line(p.net, tz) if p.net is not None else self.tr("Network: no report yet"))
        lines.extend(self._timeline(state, tz, uid))
        return "\n".join(lines)

    def lesson(self, state: LessonState) -> str:
        tz = school_timezone(self.desk.config, state.sid)
        lines = [self._head(tz), self._lesson_line(state, tz)]
        people = list(state.participants.values())
        inside = [p for p in people if p.present(state.end_time)]
        lines.append(self.tr("People: {} inside · {} in the list · {} on the roster").format(
            len(inside), len(people), len(state.roster.members()) or "—"))
        trouble = [p for p in inside if (p.net is not None and p.net.problems) or (p.check is not None and p.check.problems)]
        if trouble:
            lines.append(self.tr("In trouble now ({}):").format(len(trouble)))
            for p in trouble[:10]:
                problems = [*(p.net.problems if p.net else ()), *(p.check.problems if p.check else ())]
                lines.append("  {} (UID {}): {}".format(user_name(state, p.uid), p.uid,
                                                       "; ".join(self.texts.problem(x) for x in problems)))
        alarms = [a for a in self.desk.open_alarms() if a.class_id == state.class_id]
        if alarms:
            lines.append(self.tr("Open alarms ({}):").format(len(alarms)))
            lines.extend("  " + self.texts.describe(a).title for a in alarms[:10])
        lines.extend(self._timeline(state, tz))
        return "\n".join(lines)

    def alarm(self, alarm: Alarm) -> str:
        text = self.texts.describe(alarm)
        tz = self.texts.timezone(alarm)
        lines = [self._head(tz), self.tr("Alarm: {} · {} · {}").format(
            text.title, self.texts.severity(alarm.severity), self.texts.state(alarm)), text.detail,
            self.tr("What to do: {}").format(text.advice)]
        state = self.desk.lesson(alarm.class_id) if alarm.class_id is not None else None
        if state is not None:
            block = self.user(state, alarm.uid) if alarm.uid is not None else self.lesson(state)
            lines.extend(["", *block.splitlines()[1:]])       # its own head line once is enough
        return "\n".join(lines)
