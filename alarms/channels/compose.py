"""The words of chat messages: one alarm, a burst of alarms of one lesson,
and the summary of what the rate limit or a failing robot held back.

In the desk's language (alarms.language), times in the school's zone. An
alarm comes as its CONTRACT record (English: the webhook sends it as it is)
with, under SAID, its title and detail as the desk says them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from lessons.texts import QT_TRANSLATE_NOOP
from lessons.timeline_words import named

from ..language import Wording
from ..model import Severity
from ..texts import severity as severity_words
from .base import Message, severity_rank

# sid -> (school name or "", time zone name); times are shown in the school's zone, labelled.
Where = Callable[[int | None], tuple[str, str]]

LISTED = 5           # alarms named in a burst message; the rest are counted
SUMMARY_LISTED = 10  # groups named in a summary
LINE = 160           # characters of one alarm's line
# Every message names its sender: robots guarded by a keyword ("ClassWatch") refuse messages without it.
SIGNATURE = "— ClassWatch"
SAID = "said"        # the record's key for {"title", "detail"} in the desk's words
CONTEXT = "ChatMessages"


def said(alarm: dict[str, Any], key: str) -> Any:
    """The alarm's title or detail as the desk says it (the English record's without)."""
    return (alarm.get(SAID) or alarm).get(key)


def group_key(event: str, alarm: dict[str, Any]) -> tuple:
    """Alarms of one lesson go out together; others by kind and school."""
    if alarm.get("class_id") is not None:
        return (event, "lesson", alarm.get("sid"), alarm["class_id"])
    return (event, alarm.get("kind"), alarm.get("sid"))


@dataclass
class Group:
    """Alarms waiting to go out as one message."""
    key: tuple
    event: str
    first: float                   # loop time of the first alarm, and of the latest
    last: float
    alarms: dict[Any, dict[str, Any]] = field(default_factory=dict)   # by alarm id, the listed ones
    count: int = 0                 # distinct alarms, listed or not
    at: float = 0.0                # wall time of the latest event (a resolve's time)
    filed: float = 0.0             # wall time of the first
    shared: bool = False           # alarms every receiver of a team raises (alarms.channels.voice)

    def add(self, alarm: dict[str, Any], loop_time: float, wall_time: float) -> bool:
        """True when the alarm is new to the group."""
        self.last, self.at = loop_time, wall_time
        ident = alarm.get("id")
        if ident in self.alarms:
            self.alarms[ident] = alarm
            return False
        self.count += 1
        if len(self.alarms) < LISTED:
            self.alarms[ident] = alarm
        return True

    @property
    def severity(self) -> str:
        return max((a.get("severity") or "info" for a in self.alarms.values()), key=severity_rank, default="info")


class Composer:
    def __init__(self, where: Where | None = None, wording: Wording | None = None):
        self.where = where or (lambda sid: ("", "UTC"))
        self.wording = wording or Wording()

    def tr(self, template: str) -> str:
        return self.wording.tr(template, CONTEXT)

    def zone(self, sid: int | None) -> str:
        return self.where(sid)[1]

    def time(self, when: Any, sid: int | None) -> str:
        return self.wording.time(when, self.zone(sid))

    def place(self, alarm: dict[str, Any]) -> str:
        parts = []
        sid = alarm.get("sid")
        if sid is not None:
            name = self.where(sid)[0]
            parts.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "School {}")).format(
                named(name, sid, self.wording.translate)))
        if alarm.get("class_id") is not None:
            parts.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Lesson {}")).format(alarm["class_id"]))
        if alarm.get("uid") is not None:
            parts.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "User {}")).format(alarm["uid"]))
        return " · ".join(parts)

    def severity(self, severity: str) -> str:
        """A severity name ("warning") in the desk's words."""
        level = Severity[severity.upper()] if (severity or "").upper() in Severity.__members__ else Severity.INFO
        return self.wording.render(severity_words(level), "UTC")

    def _tag(self, event: str, severity: str) -> str:
        if event == "resolve":
            return "[{}]".format(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Resolved")))
        return f"[{self.severity(severity)}]"

    def group_title(self, group: Group) -> str:
        tag = self._tag(group.event, group.severity)
        if group.count == 1:
            alarm = next(iter(group.alarms.values()))
            return f"{tag} {said(alarm, 'title') or alarm.get('kind') or ''}".strip()
        any_alarm = next(iter(group.alarms.values()))
        if any_alarm.get("class_id") is not None:
            what = self.tr(QT_TRANSLATE_NOOP("ChatMessages", "{} alarms in lesson {}")).format(
                group.count, any_alarm["class_id"])
        else:
            what = self.tr(QT_TRANSLATE_NOOP("ChatMessages", "{} alarms: {}")).format(
                group.count, said(any_alarm, "title") or any_alarm.get("kind"))
        return f"{tag} {what}"

    def group(self, group: Group) -> Message:
        alarms = list(group.alarms.values())
        first = alarms[0]
        lines: list[str] = []
        place = self.place(first if group.count == 1 else {k: first.get(k) for k in ("sid", "class_id")})
        if group.count == 1:
            if said(first, "detail"):
                lines.append(_clip(str(said(first, "detail")), 4 * LINE))
            if place:
                lines.append(place)
            if group.event == "resolve":
                lines.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Resolved at {}")).format(
                    self.time(group.at, first.get("sid"))))
            else:
                lines.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Since {}")).format(
                    self.time(first.get("first_seen"), first.get("sid"))))
                if (first.get("count") or 1) > 1:
                    lines.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Seen {} times")).format(first["count"]))
        else:
            if place:
                lines.append(place)
            for alarm in alarms:
                lines.append("• " + _clip(_alarm_line(alarm), LINE))
            if group.count > len(alarms):
                lines.append(self.more(group.count - len(alarms)))
            lines.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Latest at {}")).format(
                self.time(group.at, first.get("sid"))))
        return Message(self.group_title(group), [*lines, SIGNATURE], group.event, group.severity, alarms, group.count)

    def summary(self, groups: list[Group], dropped: int, failing: bool) -> Message:
        """Several groups as one message: the rate limit's last slot, or what
        waited while the robot was failing."""
        if len(groups) == 1 and not dropped:
            return self.group(groups[0])
        count = sum(g.count for g in groups) + dropped
        severity = max((g.severity for g in groups), key=severity_rank, default="info")
        title = self.tr(QT_TRANSLATE_NOOP("ChatMessages", "{} alarms while this chat could not be reached") if failing
                        else QT_TRANSLATE_NOOP("ChatMessages", "{} more alarms (at most 20 messages a minute)")
                        ).format(count)
        lines = ["• " + _clip(self.group_title(g), LINE) for g in groups[:SUMMARY_LISTED]]
        if len(groups) > SUMMARY_LISTED:
            lines.append(self.more(sum(g.count for g in groups[SUMMARY_LISTED:])))
        if dropped:
            lines.append(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "{} older alarms were left out (too many waiting)"))
                         .format(dropped))
        alarms = [a for g in groups for a in g.alarms.values()]
        return Message(f"[{self.severity(severity)}] {title}", [*lines, SIGNATURE], "summary", severity, alarms, count)

    def more(self, count: int) -> str:
        return self.tr(QT_TRANSLATE_NOOP("ChatMessages", "… and {} more")).format(count)

    def test(self, channel_name: str, wall_time: float) -> Message:
        return Message(self.tr(QT_TRANSLATE_NOOP("ChatMessages", "ClassWatch test message")),
                       [self.tr(QT_TRANSLATE_NOOP("ChatMessages", "Alarms will arrive in this chat (channel \"{}\")."))
                        .format(channel_name), self.time(wall_time, None)],
                       "test", "info", [], 0)


def _alarm_line(alarm: dict[str, Any]) -> str:
    title = str(said(alarm, "title") or alarm.get("kind") or "")
    who = f" ({alarm['uid']})" if alarm.get("uid") is not None else ""
    detail = f": {said(alarm, 'detail')}" if said(alarm, "detail") else ""
    return f"{title}{who}{detail}"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()) if "\n" in text else text
    return text if len(text) <= limit else text[:limit - 1] + "…"
