"""What an alarm says to the desk: a title, what happened, and what to do.

alarms/ only decides (kind, reason_code, params); every word the desk reads
is built here so it can be translated. The device/network problem strings
come from lessons.diagnostics in English and are translated by pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject

from alarms.model import Alarm, Severity
from app.core import Monitor
from protocol.classin import cmd_label, normalise_cmd

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

    # -- names ----------------------------------------------------------------------------
    def school(self, sid: int | None) -> str:
        if sid is None:
            return self.tr("unknown school (no SID)")
        school = self.monitor.config.current().schools.get(sid)
        return "{} ({})".format(school.name, sid) if school and school.name else self.tr("school {}").format(sid)

    def lesson(self, class_id: int | None) -> str:
        if class_id is None:
            return self.tr("no lesson")
        state = self.monitor.school.lessons.get(class_id)
        name = state.schedule.get("class_name") if state is not None else None
        return "{} ({})".format(name, class_id) if name else self.tr("lesson {}").format(class_id)

    def user(self, uid: int | None) -> str:
        if uid is None:
            return self.tr("unknown user")
        name = self.monitor.school.names.get(uid)
        if name is None:
            for lesson in self.monitor.school.lessons.values():
                person = lesson.participants.get(uid)
                if person is not None and person.nickname:
                    name = person.nickname
                    break
        return "{} ({})".format(name, uid) if name else str(uid)

    def timezone(self, alarm: Alarm) -> str | None:
        """Its school's zone: an alarm's times read like the lesson's."""
        return school_timezone(self.monitor.config, alarm.sid)

    def severity(self, severity: Severity) -> str:
        return {Severity.CRITICAL: self.tr("Critical"), Severity.WARNING: self.tr("Warning"),
                Severity.INFO: self.tr("Info")}[severity]

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
        """Why the receiver refused a push, from its reason code (receiver/classin.py,
        receiver/gensee.py). `reason` is the English the sender was told: kept for
        a code this table does not know yet."""
        if code == "too_large":
            return (self.tr("body over the size limit") if size is None
                    else self.tr("body of {} bytes is over the size limit").format(size))
        if code == "unknown_sid":
            return (self.tr("no SID in the push") if sid is None
                    else self.tr("unknown SID {}: add the school with its secret").format(sid))
        fixed = {
            "bad_json": self.tr("body is not JSON"),
            "not_object": self.tr("body is JSON but not an object"),
            # Also when the SafeKey is missing: "does not verify" is true of both.
            "bad_safekey": self.tr("the SafeKey does not verify with the school's secret"),
            "no_timestamp": self.tr("no usable TimeStamp: the SafeKey cannot be verified"),
            "missing_param": self.tr("a required parameter is missing"),
            "bad_action": self.tr("the Action parameter is not a number"),
            "bad_xml": self.tr("body is unreadable or unsafe XML"),
            "held": self.tr("acknowledged and held: the SafeKey does not verify"),
            "held_full": self.tr("too many pushes of this school are held already"),
            "bad_encoding": self.tr("the body's compression is corrupt"),
        }
        return fixed.get(code or "") or reason or code or "?"

    # -- alarms ------------------------------------------------------------------------------------
    def describe(self, alarm: Alarm) -> AlarmText:
        build = getattr(self, "_" + alarm.kind, None)
        if build is None:
            return AlarmText(alarm.kind, str(alarm.params), "")
        title, lines, advice = build(alarm)
        lines = [*lines, self.tr("Since {}, last {}, {} time(s).").format(
            local_time(alarm.since, self.timezone(alarm), with_date=True),
            local_time(alarm.last, self.timezone(alarm)), alarm.count)]
        return AlarmText(title, "\n".join(lines), advice)

    def _stuck_push(self, a: Alarm) -> tuple[str, list[str], str]:
        p = a.params
        cmd = normalise_cmd(p.get("cmd"))
        if cmd is None and p.get("class_id") is None:
            message = self.tr("a body that cannot be read as a push (no Cmd, no ClassID)")
        else:
            message = self.tr("Cmd {}, ClassID {}").format(cmd_label(cmd) if cmd is not None else "?",
                                                            p.get("class_id") if p.get("class_id") is not None
                                                            else "—")
        title = self.tr("ClassIn queue blocked: {}").format(self.school(a.sid))
        lines = [
            self.tr("Refused push: {}").format(message),
            self.tr("First refused: {}; ClassIn has sent it {} time(s).").format(
                local_time(p.get("first_seen"), self.timezone(a), with_date=True), p.get("attempts", a.count)),
            self.tr("Why: {}").format(self.refusal(a.reason_code, p.get("reason"), a.sid)),
            self.tr("We answered HTTP {}: {}").format(p.get("status", "?"), p.get("reason") or "?"),
            self.tr("ClassIn re-sends it every 10 s and sends nothing else from this school until it is accepted."),
        ]
        if not p.get("kept", True):
            lines.append(self.tr("The body could not be kept in quarantine (storage failure)."))
        advice = {
            "unknown_sid": self.tr("This SID is not configured. Add the school with its SECRET in Settings; "
                                   "the next re-send is then accepted."),
            "bad_safekey": self.tr("The SafeKey does not match the secret saved for this school: the secret is "
                                   "probably wrong or was changed in ClassIn. Fix it in Settings (\"Fix secret…\"); "
                                   "the next re-send is then accepted. Release only if you trust the sender."),
            "no_timestamp": self.tr("The push has no usable TimeStamp, so its SafeKey cannot be checked. "
                                    "If it is genuine, Release it: the next re-send is stored and flagged."),
            "bad_json": self.tr("The body is not JSON and will never be readable. Release it: the next re-send "
                                "is stored as text and flagged, and the queue moves on."),
            "not_object": self.tr("The body is JSON but not an object. Release it: the next re-send is stored "
                                  "and flagged, and the queue moves on."),
            "too_large": self.tr("The body is over the size limit. Release it so the queue moves on, "
                                 "or raise the limit if such pushes are expected."),
        }.get(a.reason_code or "", self.tr("Release it so the queue moves on; the next re-send is flagged."))
        return title, lines, advice

    def _verification(self, a: Alarm) -> tuple[str, list[str], str]:
        why = (self.tr("they carry no usable TimeStamp, so their SafeKey cannot be checked")
               if a.reason_code == "no_timestamp" else
               self.tr("their SafeKey does not match the secret saved for this school"))
        lines = [
            self.tr("{} push(es) from this school were acknowledged and kept aside: {}.").format(a.count, why),
            self.tr("They are counted in no lesson until they are let in. Nothing is lost: ClassIn's "
                    "queue keeps moving."),
        ]
        advice = (self.tr("If the pushes are genuine, promote them in Settings (Schools) or with "
                          "'school trust SID --held'.") if a.reason_code == "no_timestamp" else
                  self.tr("Fix the school's secret in Settings: the kept pushes that then verify are let in "
                          "within seconds, in their original order."))
        return self.tr("Pushes held for verification: {}").format(self.school(a.sid)), lines, advice

    def _resent(self, a: Alarm) -> tuple[str, list[str], str]:
        cmd = normalise_cmd(a.params.get("cmd"))
        return (self.tr("Pushes re-sent: {}").format(self.school(a.sid)),
                [self.tr("ClassIn sent {} push(es) again that we had already stored and acknowledged "
                         "(last: Cmd {}).").format(a.count, cmd_label(cmd))],
                self.tr("Our acknowledgements do not reach ClassIn: check the tunnel (Public URL in the status "
                        "bar). Nothing is counted twice. The alarm clears after 10 quiet minutes."))

    def _silence(self, a: Alarm) -> tuple[str, list[str], str]:
        lines = [self.tr("No push from {} since {} although lessons are live.").format(
            self.school(a.sid), local_time(a.params.get("last_push_at"), self.timezone(a), with_date=True))]
        if a.params.get("tunnel"):
            lines.append(self.tr("Tunnel: {}").format(a.params["tunnel"]))
        return (self.tr("No pushes during live lessons: {}").format(self.school(a.sid)), lines,
                self.tr("Check the tunnel and this PC's internet connection. ClassIn keeps the pushes "
                        "queued and re-sends them once the URL answers."))

    def _storage(self, a: Alarm) -> tuple[str, list[str], str]:
        return (self.tr("Pushes cannot be stored"),
                [self.tr("Why: {}").format(a.params.get("reason", "?"))],
                self.tr("Free disk space in the data folder ({}) or close programs locking the database. "
                        "ClassIn retries (we answered HTTP 503), so nothing is lost meanwhile.").format(
                    self.monitor.data_dir))

    def _tunnel(self, a: Alarm) -> tuple[str, list[str], str]:
        return (self.tr("The public URL does not reach this PC"),
                [self.tr("Why: {}").format(a.params.get("reason") or "?")],
                self.tr("Restart the tunnel or check this PC's internet connection. ClassIn queues pushes "
                        "meanwhile and re-sends them."))

    def _help(self, a: Alarm) -> tuple[str, list[str], str]:
        p = a.params
        lines = [self.tr("From {} in {}.").format(self.user(a.uid), self.lesson(a.class_id)),
                 self.tr("Message: {}").format(p.get("message") or self.tr("(no text)"))]
        users = p.get("users") or []
        if users:
            lines.append(self.tr("Concerns: {}").format(", ".join(self.user(u) for u in users)))
        return (self.tr("Help request: {}").format(self.user(a.uid)), lines,
                self.tr("Contact the user or join the classroom, then Acknowledge."))

    def _device(self, a: Alarm) -> tuple[str, list[str], str]:
        problems = [self.problem(p) for p in a.params.get("problems", [])]
        return (self.tr("Device problem: {}").format(self.user(a.uid)),
                [self.tr("In {}.").format(self.lesson(a.class_id)), *problems],
                self.tr("Ask the user to check the cable and the system's camera/microphone permissions, "
                        "choose another device in ClassIn's device settings, or restart ClassIn."))

    def _network(self, a: Alarm) -> tuple[str, list[str], str]:
        problems = [self.problem(p) for p in a.params.get("problems", [])]
        advice = {
            "home network": self.tr("Ask the user to move closer to the Wi-Fi router, use a cable, "
                                    "or restart the router; stop downloads on the same network."),
            "access provider": self.tr("The internet provider is struggling: a mobile hotspot is the "
                                       "quickest way out."),
            "path to ClassIn": self.tr("The user's own network is fine; the route to ClassIn is not. Try a "
                                       "mobile hotspot or another network."),
        }.get(a.params.get("trouble_at") or "", self.tr("Ask the user to close other programs and downloads "
                                                        "and, if it persists, switch networks."))
        return (self.tr("Network problem: {}").format(self.user(a.uid)),
                [self.tr("In {}.").format(self.lesson(a.class_id)), *problems], advice)

    def _gensee_leaves(self, a: Alarm) -> tuple[str, list[str], str]:
        p = a.params
        lines = [self.tr("{} user(s) left abnormally (event 110) between {} and {}.").format(
            p.get("count", a.count), local_time(p.get("start")), local_time(p.get("end")))]
        if p.get("operators"):
            lines.append(self.tr("Users: {}").format(", ".join(str(o) for o in p["operators"])))
        return (self.tr("Many abnormal leaves in Gensee room {}").format(p.get("class_no") or "?"), lines,
                self.tr("Likely a network or platform problem for the whole room: check Gensee's status and "
                        "ask users to rejoin."))

    def _relay(self, a: Alarm) -> tuple[str, list[str], str]:
        p = a.params
        lines = [self.tr("Pushes of {} relayed to {} have not been taken since {}.").format(
                     self.school(a.sid), p.get("url") or "?", local_time(p.get("failing_since"), with_date=True)),
                 self.tr("Last error: {}").format(p.get("error") or "?")]
        return (self.tr("A school's own system is not taking its pushes: {}").format(p.get("name") or "?"), lines,
                self.tr("Check that system and its URL (Relay page). Nothing is lost: pushes wait and go "
                        "in order once it answers errno 1; the alarm clears when it has caught up."))
