"""What an alarm says: a title, what happened, and what to do, as data
(lessons.texts.Text: an English template and its arguments), so the window,
the tray, the CLI and a chat robot say the same sentence, each in its language.

`str(text)` is English (the CLI, `alarms --json`, the webhook). The window
renders with its translator in the context "AlarmTexts" (templates are marked
with QT_TRANSLATE_NOOP for pyside6-lupdate) and names the labels itself:
`problem` lines from lessons.diagnostics, and `time`/`datetime` moments (code =
unix seconds) in the school's local time.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Protocol

from lessons.texts import QT_TRANSLATE_NOOP, Label, Text, listing
from lessons.timeline_words import cmd_text, named_text
from protocol.classin import normalise_cmd

from .model import Alarm, Severity

CONTEXT = "AlarmTexts"
NAMED_LESSONS = 5     # lessons named in a school- or desk-wide alarm; the rest are counted


def _t(template: str, *args) -> Text:
    return Text(template, args)


class Names(Protocol):
    """Who and what an alarm is about, by name (None when unknown)."""

    def school_name(self, sid: int) -> str | None: ...
    def lesson_name(self, class_id: int) -> str | None: ...
    def user_name(self, uid: int) -> str | None: ...


class NoNames:
    """Numbers only (a process that knows no names)."""

    def school_name(self, sid: int) -> str | None:
        return None

    def lesson_name(self, class_id: int) -> str | None:
        return None

    def user_name(self, uid: int) -> str | None:
        return None


@dataclass(frozen=True)
class AlarmWords:
    title: Text
    lines: tuple[Text | Label | str, ...]   # what happened, since when, how often: one fact per line
    advice: Text                            # what to do

    def detail(self) -> str:
        """English, one fact per line (the CLI, `alarms --json`, the webhook)."""
        return "\n".join(str(line) for line in self.lines)


def moment(unix: float | None, with_date: bool = False) -> Label | str:
    """A time as a label the window shows in local time; English is ISO-like, UTC."""
    if unix is None:
        return "—"
    pattern = "%Y-%m-%d %H:%M:%S UTC" if with_date else "%H:%M:%S UTC"
    return Label("datetime" if with_date else "time", time.strftime(pattern, time.gmtime(unix)), int(unix))


def severity(value: Severity) -> Text:
    return {Severity.CRITICAL: _t(QT_TRANSLATE_NOOP("AlarmTexts", "Critical")),
            Severity.WARNING: _t(QT_TRANSLATE_NOOP("AlarmTexts", "Warning")),
            Severity.INFO: _t(QT_TRANSLATE_NOOP("AlarmTexts", "Info"))}[value]


# -- names: "Name (ID)" in the language's brackets, 演示学校（990001） ----------------------------
def school(names: Names, sid: int | None) -> Text:
    if sid is None:
        return _t(QT_TRANSLATE_NOOP("AlarmTexts", "unknown school (no SID)"))
    name = names.school_name(sid)
    return named_text(name, sid) if name else _t(QT_TRANSLATE_NOOP("AlarmTexts", "school {}"), sid)


def lesson(names: Names, class_id: int | None) -> Text:
    if class_id is None:
        return _t(QT_TRANSLATE_NOOP("AlarmTexts", "no lesson"))
    name = names.lesson_name(class_id)
    return named_text(name, class_id) if name else _t(QT_TRANSLATE_NOOP("AlarmTexts", "lesson {}"), class_id)


def user(names: Names, uid: int | None) -> Text:
    if uid is None:
        return _t(QT_TRANSLATE_NOOP("AlarmTexts", "unknown user"))
    name = names.user_name(uid)
    return named_text(name, uid) if name else _t("{}", uid)


# Names in a line ("Maths 7A (1), English 8B (2)"): Chinese separates them with 、.
_COMMA = QT_TRANSLATE_NOOP("AlarmTexts", "{}, {}")


def _lessons_hit(names: Names, a: Alarm) -> list[Text]:
    """Whom a school- or desk-wide alarm hits: per school, how many live lessons
    and which (the first few by name). Nothing for an alarm kept from before
    alarms counted them."""
    hit = a.params.get("lessons")
    if hit is None:
        return []
    if not hit:
        return [_t(QT_TRANSLATE_NOOP("AlarmTexts", "No live lesson is affected."))]
    by_school: dict[int, list[int]] = {}
    for sid, class_id in hit:
        by_school.setdefault(sid, []).append(class_id)
    lines = []
    for sid, class_ids in by_school.items():
        shown = [lesson(names, class_id) for class_id in class_ids[:NAMED_LESSONS]]
        listed = listing(shown, _COMMA)
        if len(class_ids) > len(shown):
            listed = _t(QT_TRANSLATE_NOOP("AlarmTexts", "{} and {} more"), listed, len(class_ids) - len(shown))
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "{}: {} live lesson(s) affected: {}"),
                        school(names, sid), len(class_ids), listed))
    return lines


def _with_hit(title: Text, a: Alarm) -> Text:
    """The title and how many live lessons the alarm hits (the line a robot or `alarms` shows)."""
    hit = a.params.get("lessons")
    if hit is None:
        return title
    return _t("{} — {}", title, _t(QT_TRANSLATE_NOOP("AlarmTexts", "{} live lesson(s) affected"), len(hit)))


def problem(text: str) -> Label:
    """An English problem line of lessons.diagnostics (said in the desk's words by problem_words)."""
    return Label("problem", text)


# lessons.diagnostics' English problem lines, as the desk reads them.
_PROBLEMS = {
    "microphone: disabled or absent": QT_TRANSLATE_NOOP("AlarmTexts", "microphone: disabled or absent"),
    "microphone: no sound data": QT_TRANSLATE_NOOP("AlarmTexts", "microphone: no sound data"),
    "microphone: chosen device abnormal": QT_TRANSLATE_NOOP("AlarmTexts", "microphone: chosen device abnormal"),
    "speaker: disabled or absent": QT_TRANSLATE_NOOP("AlarmTexts", "speaker: disabled or absent"),
    "speaker: abnormal": QT_TRANSLATE_NOOP("AlarmTexts", "speaker: abnormal"),
    "speaker: chosen device abnormal": QT_TRANSLATE_NOOP("AlarmTexts", "speaker: chosen device abnormal"),
    "camera: disabled or absent": QT_TRANSLATE_NOOP("AlarmTexts", "camera: disabled or absent"),
    "camera: no picture": QT_TRANSLATE_NOOP("AlarmTexts", "camera: no picture"),
    "camera: chosen device abnormal": QT_TRANSLATE_NOOP("AlarmTexts", "camera: chosen device abnormal"),
    "no camera found": QT_TRANSLATE_NOOP("AlarmTexts", "no camera found"),
    "no microphone found": QT_TRANSLATE_NOOP("AlarmTexts", "no microphone found"),
    "delay test timed out": QT_TRANSLATE_NOOP("AlarmTexts", "delay test timed out"),
    "device plugged/unplugged during the lesson": QT_TRANSLATE_NOOP("AlarmTexts",
                                                                    "device plugged/unplugged during the lesson"),
    "device check interrupted": QT_TRANSLATE_NOOP("AlarmTexts", "device check interrupted"),
    "media over TCP (UDP blocked?)": QT_TRANSLATE_NOOP("AlarmTexts", "media over TCP (UDP blocked?)"),
    "trouble starts at: home network": QT_TRANSLATE_NOOP("AlarmTexts", "trouble starts at: the user's home network"),
    "trouble starts at: access provider": QT_TRANSLATE_NOOP("AlarmTexts", "trouble starts at: the internet provider"),
    "trouble starts at: path to ClassIn": QT_TRANSLATE_NOOP("AlarmTexts", "trouble starts at: the path to ClassIn"),
}
_PROBLEM_PATTERNS = (
    (re.compile(r"delay (\d+) ms"), QT_TRANSLATE_NOOP("AlarmTexts", "delay {} ms")),
    (re.compile(r"packet loss (\d+)%"), QT_TRANSLATE_NOOP("AlarmTexts", "packet loss {}%")),
    (re.compile(r"(\d+)% of network probes degraded"), QT_TRANSLATE_NOOP("AlarmTexts", "{}% of network probes degraded")),
    (re.compile(r"CPU overloaded (\d+)% of the time"), QT_TRANSLATE_NOOP("AlarmTexts", "CPU overloaded {}% of the time")),
)


def problem_words(text: str) -> Text:
    """An English problem line of lessons.diagnostics as a sentence to translate
    (a problem added to diagnostics later stays English: better than nothing)."""
    if text in _PROBLEMS:
        return _t(_PROBLEMS[text])
    for pattern, template in _PROBLEM_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _t(template, match.group(1))
    return _t("{}", text)


def state(alarm: Alarm) -> Text:
    if not alarm.open:
        return _t(QT_TRANSLATE_NOOP("AlarmTexts", "resolved {}"), moment(alarm.resolved_at))
    return _t(QT_TRANSLATE_NOOP("AlarmTexts", "acknowledged") if alarm.acknowledged
              else QT_TRANSLATE_NOOP("AlarmTexts", "open"))


# -- refusals by the receiver ------------------------------------------------------------------
def refusal(code: str | None, reason: str | None, sid: int | None = None, size: int | None = None) -> Text:
    """Why the receiver refused a push, from its reason code (receiver/classin.py,
    receiver/gensee.py). `reason` is the English the sender was told: kept for
    a code this table does not know yet."""
    if code == "too_large":
        return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "body over the size limit")) if size is None
                else _t(QT_TRANSLATE_NOOP("AlarmTexts", "body of {} bytes is over the size limit"), size))
    if code == "unknown_sid":
        return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "no SID in the push")) if sid is None
                else _t(QT_TRANSLATE_NOOP("AlarmTexts", "unknown SID {}: add the school with its secret"), sid))
    fixed = {
        "bad_json": QT_TRANSLATE_NOOP("AlarmTexts", "body is not JSON"),
        "not_object": QT_TRANSLATE_NOOP("AlarmTexts", "body is JSON but not an object"),
        # Also when the SafeKey is missing: "does not verify" is true of both.
        "bad_safekey": QT_TRANSLATE_NOOP("AlarmTexts", "the SafeKey does not verify with the school's secret"),
        "no_timestamp": QT_TRANSLATE_NOOP("AlarmTexts", "no usable TimeStamp: the SafeKey cannot be verified"),
        "missing_param": QT_TRANSLATE_NOOP("AlarmTexts", "a required parameter is missing"),
        "bad_action": QT_TRANSLATE_NOOP("AlarmTexts", "the Action parameter is not a number"),
        "bad_xml": QT_TRANSLATE_NOOP("AlarmTexts", "body is unreadable or unsafe XML"),
        "held": QT_TRANSLATE_NOOP("AlarmTexts", "acknowledged and held: the SafeKey does not verify"),
        "held_full": QT_TRANSLATE_NOOP("AlarmTexts", "too many pushes of this school are held already"),
        "bad_encoding": QT_TRANSLATE_NOOP("AlarmTexts", "the body's compression is corrupt"),
    }
    if (code or "") in fixed:
        return _t(fixed[code])
    return _t("{}", reason or code or "?")


# -- alarms ------------------------------------------------------------------------------------
def describe(alarm: Alarm, names: Names | None = None) -> AlarmWords:
    names = names or NoNames()
    build = _KINDS.get(alarm.kind)
    if build is None:   # a kind raised by a newer part (raise_kind) without wording yet
        title, lines, advice = _t("{}", alarm.kind), [_t("{}", alarm.params)], _t("")
    else:
        title, lines, advice = build(alarm, names)
    lines = [*lines, _t(QT_TRANSLATE_NOOP("AlarmTexts", "Since {}, last {}, {} time(s)."),
                        moment(alarm.since, with_date=True), moment(alarm.last), alarm.count)]
    if alarm.acknowledged and alarm.acknowledged_by:
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "Acknowledged by {} at {}."),
                        alarm.acknowledged_by, moment(alarm.acknowledged_at, with_date=True)))
    if alarm.ack_note:
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "Note: {}"), alarm.ack_note))
    return AlarmWords(title, tuple(lines), advice)


def _stuck_push(a: Alarm, names: Names):
    p = a.params
    cmd = normalise_cmd(p.get("cmd"))
    if cmd is None and p.get("class_id") is None:
        message = _t(QT_TRANSLATE_NOOP("AlarmTexts", "a body that cannot be read as a push (no Cmd, no ClassID)"))
    else:
        message = _t(QT_TRANSLATE_NOOP("AlarmTexts", "Cmd {}, ClassID {}"),
                     cmd_text(cmd),
                     p.get("class_id") if p.get("class_id") is not None else "—")
    title = _with_hit(_t(QT_TRANSLATE_NOOP("AlarmTexts", "ClassIn queue blocked: {}"), school(names, a.sid)), a)
    lines = [
        *_lessons_hit(names, a),
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "Refused push: {}"), message),
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "First refused: {}; ClassIn has sent it {} time(s)."),
           moment(p.get("first_seen"), with_date=True), p.get("attempts", a.count)),
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "Why: {}"), refusal(a.reason_code, p.get("reason"), a.sid)),
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "We answered HTTP {}: {}"), p.get("status", "?"), p.get("reason") or "?"),
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "ClassIn re-sends it every 10 s and sends nothing else from this "
                                           "school until it is accepted.")),
    ]
    if not p.get("kept", True):
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "The body could not be kept in quarantine "
                                                        "(storage failure).")))
    advice = {
        "unknown_sid": QT_TRANSLATE_NOOP("AlarmTexts", "This SID is not configured. Add the school with its "
                                                       "SECRET in Settings; the next re-send is then accepted."),
        "bad_safekey": QT_TRANSLATE_NOOP("AlarmTexts", "The SafeKey does not match the secret saved for this "
                                                       "school: the secret is probably wrong or was changed in "
                                                       "ClassIn. Fix it in Settings (\"Fix secret…\"); the next "
                                                       "re-send is then accepted. Release only if you trust the "
                                                       "sender."),
        "no_timestamp": QT_TRANSLATE_NOOP("AlarmTexts", "The push has no usable TimeStamp, so its SafeKey cannot "
                                                        "be checked. If it is genuine, Release it: the next "
                                                        "re-send is stored and flagged."),
        "bad_json": QT_TRANSLATE_NOOP("AlarmTexts", "The body is not JSON and will never be readable. Release "
                                                    "it: the next re-send is stored as text and flagged, and "
                                                    "the queue moves on."),
        "not_object": QT_TRANSLATE_NOOP("AlarmTexts", "The body is JSON but not an object. Release it: the next "
                                                      "re-send is stored and flagged, and the queue moves on."),
        "too_large": QT_TRANSLATE_NOOP("AlarmTexts", "The body is over the size limit. Release it so the queue "
                                                     "moves on, or raise the limit if such pushes are expected."),
    }.get(a.reason_code or "", QT_TRANSLATE_NOOP("AlarmTexts", "Release it so the queue moves on; the next "
                                                                "re-send is flagged."))
    return title, lines, _t(advice)


def _resent(a: Alarm, names: Names):
    cmd = normalise_cmd(a.params.get("cmd"))
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "Pushes re-sent: {}"), school(names, a.sid)),
            [_t(QT_TRANSLATE_NOOP("AlarmTexts", "ClassIn sent {} push(es) again that we had already stored "
                                                "and acknowledged (last: Cmd {})."), a.count, cmd_text(cmd))],
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Our acknowledgements do not reach ClassIn: check the tunnel "
                                               "(Public URL in the status bar). Nothing is counted twice. The "
                                               "alarm clears after 10 quiet minutes.")))


def _silence(a: Alarm, names: Names):
    last = a.params.get("last_push_at")
    lines = [_t(QT_TRANSLATE_NOOP("AlarmTexts", "No push from {} since {} although lessons are live."),
                school(names, a.sid), moment(last, with_date=True)),
             *_lessons_hit(names, a)]
    if a.params.get("tunnel"):
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "Tunnel: {}"), a.params["tunnel"]))
    title = _t(QT_TRANSLATE_NOOP("AlarmTexts", "{}: no push for {} min"), school(names, a.sid),
               max(1, round((a.since - last) / 60)) if last is not None else "?")
    return (_with_hit(title, a), lines,
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Check the tunnel and this PC's internet connection. ClassIn "
                                               "keeps the pushes queued and re-sends them once the URL answers.")))


def _storage(a: Alarm, names: Names):
    return (_with_hit(_t(QT_TRANSLATE_NOOP("AlarmTexts", "Pushes cannot be stored")), a),
            [_t(QT_TRANSLATE_NOOP("AlarmTexts", "Why: {}"), a.params.get("reason", "?")), *_lessons_hit(names, a)],
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Free disk space in the data folder or close programs locking the "
                                               "database. ClassIn retries (we answered HTTP 503), so nothing is "
                                               "lost meanwhile.")))


def _tunnel(a: Alarm, names: Names):
    return (_with_hit(_t(QT_TRANSLATE_NOOP("AlarmTexts", "The public URL does not reach this PC")), a),
            [_t(QT_TRANSLATE_NOOP("AlarmTexts", "Why: {}"), a.params.get("reason") or "?"), *_lessons_hit(names, a)],
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Restart the tunnel or check this PC's internet connection. "
                                               "ClassIn queues pushes meanwhile and re-sends them.")))


def _help_request(a: Alarm, names: Names):
    p = a.params
    lines = [_t(QT_TRANSLATE_NOOP("AlarmTexts", "From {} in {}."), user(names, a.uid), lesson(names, a.class_id)),
             _t(QT_TRANSLATE_NOOP("AlarmTexts", "Message: {}"),
                p.get("message") or _t(QT_TRANSLATE_NOOP("AlarmTexts", "(no text)")))]
    users = p.get("users") or []
    if users:
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "Concerns: {}"),
                        listing([user(names, u) for u in users], _COMMA)))
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "Help request: {}"), user(names, a.uid)), lines,
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Contact the user or join the classroom, then Acknowledge.")))


def _per_user(a: Alarm, names: Names) -> list[Text]:
    """A lesson's device/network alarm: one line per user with their problems."""
    lines: list[Text] = [_t(QT_TRANSLATE_NOOP("AlarmTexts", "In {}."), lesson(names, a.class_id))]
    for uid, problems in sorted((a.params.get("users") or {}).items()):
        items = [problem(p) for p in problems]
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "{}: {}"), user(names, int(uid)),
                        listing(items, QT_TRANSLATE_NOOP("AlarmTexts", "{}; {}"))))
    return lines


def _device(a: Alarm, names: Names):
    users = a.params.get("users") or {}
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "Device problems in {}: {} user(s)"),
               lesson(names, a.class_id), len(users)),
            _per_user(a, names),
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Ask the user to check the cable and the system's camera/microphone "
                                               "permissions, choose another device in ClassIn's device settings, "
                                               "or restart ClassIn.")))


_NETWORK_ADVICE = {
    "home network": QT_TRANSLATE_NOOP("AlarmTexts", "Ask the user to move closer to the Wi-Fi router, use a cable, "
                                                    "or restart the router; stop downloads on the same network."),
    "access provider": QT_TRANSLATE_NOOP("AlarmTexts", "The internet provider is struggling: a mobile hotspot is "
                                                       "the quickest way out."),
    "path to ClassIn": QT_TRANSLATE_NOOP("AlarmTexts", "The user's own network is fine; the route to ClassIn is "
                                                       "not. Try a mobile hotspot or another network."),
}


def _network(a: Alarm, names: Names):
    users = a.params.get("users") or {}
    advice = _NETWORK_ADVICE.get(a.params.get("trouble_at") or "",
                                 QT_TRANSLATE_NOOP("AlarmTexts", "Ask the user to close other programs and "
                                                                 "downloads and, if it persists, switch networks."))
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "Network problems in {}: {} user(s)"),
               lesson(names, a.class_id), len(users)),
            _per_user(a, names), _t(advice))


def _gensee_leaves(a: Alarm, names: Names):
    p = a.params
    lines = [_t(QT_TRANSLATE_NOOP("AlarmTexts", "{} user(s) left abnormally (event 110) between {} and {}."),
                p.get("count", a.count), moment(p.get("start")), moment(p.get("end")))]
    if p.get("operators"):
        lines.append(_t(QT_TRANSLATE_NOOP("AlarmTexts", "Users: {}"), ", ".join(str(o) for o in p["operators"])))
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "Many abnormal leaves in Gensee room {}"), p.get("class_no") or "?"),
            lines,
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Likely a network or platform problem for the whole room: check "
                                               "Gensee's status and ask users to rejoin.")))


def _relay(a: Alarm, names: Names):
    p = a.params
    lines = [_t(QT_TRANSLATE_NOOP("AlarmTexts", "Pushes of {} relayed to {} have not been taken since {}."),
                school(names, a.sid), p.get("url") or "?", moment(p.get("failing_since"), with_date=True)),
             _t(QT_TRANSLATE_NOOP("AlarmTexts", "Last error: {}"), p.get("error") or "?")]
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "A school's own system is not taking its pushes: {}"),
               p.get("name") or "?"), lines,
            _t(QT_TRANSLATE_NOOP("AlarmTexts", "Check that system and its URL (Relay page). Nothing is lost: pushes "
                                               "wait and go in order once it answers errno 1; the alarm clears when it "
                                               "has caught up.")))


def _verification(a: Alarm, names: Names):
    no_timestamp = a.reason_code == "no_timestamp"
    why = (_t(QT_TRANSLATE_NOOP("AlarmTexts", "they carry no usable TimeStamp, so their SafeKey cannot be checked"))
           if no_timestamp else
           _t(QT_TRANSLATE_NOOP("AlarmTexts", "their SafeKey does not match the secret saved for this school")))
    lines = [
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "{} push(es) from this school were acknowledged and kept aside: {}."),
           a.count, why),
        _t(QT_TRANSLATE_NOOP("AlarmTexts", "They are counted in no lesson until they are let in. Nothing is lost: "
                                           "ClassIn's queue keeps moving.")),
    ]
    advice = (QT_TRANSLATE_NOOP("AlarmTexts", "If the pushes are genuine, promote them in Settings (Schools) or with "
                                              "'school trust SID --held'.") if no_timestamp else
              QT_TRANSLATE_NOOP("AlarmTexts", "Fix the school's secret in Settings: the kept pushes that then verify "
                                              "are let in within seconds, in their original order."))
    return (_t(QT_TRANSLATE_NOOP("AlarmTexts", "Pushes held for verification: {}"), school(names, a.sid)), lines,
            _t(advice))


_KINDS = {"stuck_push": _stuck_push, "resent": _resent, "silence": _silence, "storage": _storage,
          "tunnel": _tunnel, "help_request": _help_request, "device": _device, "network": _network,
          "gensee_leaves": _gensee_leaves, "relay": _relay, "verification": _verification}
