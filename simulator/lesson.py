"""One lesson of the simulated day: its pushes, its End summary, its ground truth.

Planning draws every visit (enter -> exit) and every classroom action with its
time. The replay then runs the actions in send order against a small model of
the classroom (presence, seats, hands, mutes) that emits the pushes and keeps
the tallies End reports (summary.py shapes them). End is thus derived from
exactly the pushes a receiver sees, never from the plan.

Classroom rules the model follows (a test can re-derive End from pushes alone):
- Durations count the primary device (ClientID 0); second devices go to Deputies.
- The teacher (Identity 3) sits in a reserved seat: on stage from every entry.
  With automatic stage entry (isAutoOnstage 0) a student entering on the primary
  device goes on stage while fewer than seatNum - 1 students are up; that counts
  as one "up" with no stage push. Nobody is promoted later without a push.
- Leaving the room ends stage time without counting a "down".
- Mute-all silences everyone but teachers and co-teachers.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Literal

from protocol.classin import ABNORMAL_EXIT_REASONS
from simulator import messages as msg
from simulator.intervals import Interval
from simulator.messages import Body
from simulator.people import Person
from simulator.summary import Track, end_data, participants

CLOSE_DELAY = 1200              # CloseTime = scheduled end + the fixed 20-minute overtime
_PC_DROPS = (6, 6, 56, 3, 0)
_MOBILE_DROPS = (6, 56, 111, 102)
_ANDROID_DROPS = _MOBILE_DROPS + (101,)


@dataclass(frozen=True)
class LessonPlan:
    class_id: int
    course_id: int
    course_name: str
    class_name: str
    start: int                       # StartTime (scheduled)
    length: int                      # scheduled length, s
    teacher: Person
    co_teachers: tuple[Person, ...]
    students: tuple[Person, ...]     # the roster
    audience: tuple[Person, ...]     # auditors of an open lesson: the burst at the start
    seats: int                       # seatNum, teacher included
    auto_onstage: bool
    close: Literal["real", "absent", "zero"]     # how End carries RealCloseTime
    extension: int                   # ClassLen: 0, 900 or 1800 s


@dataclass(frozen=True)
class Visit:
    person: Person
    enter: int
    leave: int
    reason: int                      # exit Reason
    client_id: int = 0
    device: int = 0
    allow_enter: int = 0             # AllowEnterTime on the enter push (after a kick)
    kick: int = 0                    # kick Duration when the visit ends in a kick


class Lesson:
    def __init__(self, plan: LessonPlan, rng: random.Random, sid: int) -> None:
        self.plan = plan
        self.rng = rng
        self.sid = sid
        self.sched_end = plan.start + plan.length + plan.extension
        self.close_time = self.sched_end + CLOSE_DELAY
        self.real_close = self.sched_end + rng.randint(-240, 180) if plan.close == "real" else None
        self.end_t = self.real_close or self.close_time        # ClassIn's RealCloseTime rule
        self.teacher_until = self.end_t
        self.recording_start = plan.start + rng.randint(0, 30)
        self._actions: list[tuple[int, int, int, Callable[[int], None]]] = []
        self._pushes: list[tuple[int, Body]] = []
        self._tracks: dict[int, Track] = {}
        self._mute_all: list[Interval] = []
        self._mute_all_since: int | None = None
        self._students_up = 0

    # --- driver ---------------------------------------------------------------
    def run(self) -> list[tuple[int, Body]]:
        """(send time, body) in ClassIn's order; bodies lack SID/_id/TimeStamp/SafeKey."""
        visits = self._plan_visits()
        for visit in visits:
            self._schedule_visit(visit)
        self._plan_activities(visits)
        for at, _rank, _seq, action in sorted(self._actions, key=lambda a: a[:3]):
            action(at)
        self._after_class()
        return self._pushes

    def _at(self, at: int, action: Callable[[int], None], rank: int = 0) -> None:
        # rank 1 puts the closing exits after everything else of the same second.
        self._actions.append((at, rank, len(self._actions), action))

    def _at_push(self, at: int, body: Body, *, scoped: bool = True) -> None:
        self._at(at, lambda t: self._emit(t, body, scoped=scoped))

    def _emit(self, at: int, body: Body, *, scoped: bool = True) -> None:
        if scoped:
            body = {"CourseID": self.plan.course_id, "ClassID": self.plan.class_id, **body}
        self._pushes.append((at, body))

    def _track(self, person: Person) -> Track:
        return self._tracks.setdefault(person.uid, Track(person))

    # --- planning: who is in the room when ----------------------------------------
    def _plan_visits(self) -> list[Visit]:
        p, rng = self.plan, self.rng
        teacher_in = p.start - rng.randint(60, 1200)
        if p.close == "absent":
            # The teacher's client dies near the end and nobody closes the room:
            # ClassIn closes it at CloseTime and End carries no RealCloseTime.
            self.teacher_until = self.sched_end + rng.randint(30, 240)
            visits = [Visit(p.teacher, teacher_in, self.teacher_until, 3, device=p.teacher.device)]
        else:
            visits = [Visit(p.teacher, teacher_in, self.end_t, 2, device=p.teacher.device)]
        visits += [Visit(c, p.start - rng.randint(0, 600), self.end_t, 2, device=c.device)
                   for c in p.co_teachers]
        attending = [s for s in p.students if rng.random() > 0.12] or list(p.students[:1])
        kicked = rng.choice(attending) if attending and rng.random() < 0.5 else None
        per_student = [self._student_visits(s, s is kicked) for s in attending]
        for stays in per_student:
            visits += stays
        visits += self._second_device(per_student)
        visits += [Visit(a, p.start + rng.choice((0, 0, 0, 0, 1, 2)), self.end_t, 2, device=a.device)
                   for a in p.audience]
        return visits

    def _student_visits(self, s: Person, kicked: bool) -> list[Visit]:
        p, rng, end = self.plan, self.rng, self.end_t
        roll = rng.random()
        t = (p.start - rng.randint(0, 600) if roll < 0.55 else          # up to 10 min early
             p.start + rng.randint(0, 60) if roll < 0.8 else
             p.start + rng.randint(120, 900))                          # late
        drops = rng.choices((0, 1, 2), weights=(75, 20, 5) if s.network == "good" else (30, 45, 25))[0]
        breaks = drops + int(kicked)
        kick_break = rng.randrange(breaks) if kicked else -1
        reasons = (_PC_DROPS if s.device in (0, 9) else
                   _ANDROID_DROPS if s.device in (4, 5) else _MOBILE_DROPS)
        visits: list[Visit] = []
        allow = 0
        for i in range(breaks):
            if end - t < 1200:
                break
            out = t + rng.randint(300, min(1800, end - t - 600))
            if i == kick_break:
                duration = rng.choice((60, 120, 300))
                visits.append(Visit(s, t, out, 4, device=s.device, allow_enter=allow, kick=duration))
                allow = out + duration
                back = allow + rng.randint(5, 90)
            else:
                visits.append(Visit(s, t, out, rng.choice(reasons), device=s.device, allow_enter=allow))
                allow = 0
                back = out + rng.randint(15, 180)
                if rng.random() < 0.08:
                    return visits                      # gave up after the drop
            if back >= end - 120:
                return visits
            t = back
        if end - t > 1500 and rng.random() < 0.06:
            visits.append(Visit(s, t, end - rng.randint(300, 900), 1, device=s.device, allow_enter=allow))
        else:
            visits.append(Visit(s, t, end, 2, device=s.device, allow_enter=allow))
        return visits

    def _second_device(self, per_student: list[list[Visit]]) -> list[Visit]:
        """A phone or tablet joining as ClientID 1, only beside an unbroken first
        visit: had the first device been out, the newcomer would have been ClientID 0."""
        rng = self.rng
        steady = [stays[0] for stays in per_student
                  if len(stays) == 1 and stays[0].reason == 2 and stays[0].leave - stays[0].enter > 1500]
        if not steady or rng.random() < 0.3:
            return []
        first = rng.choice(steady)
        t = first.enter + rng.randint(120, 600)
        device = 2 if first.person.device == 1 else 1
        if rng.random() < 0.3:
            return [Visit(first.person, t, t + rng.randint(300, first.leave - t - 120), 1,
                          client_id=1, device=device)]
        return [Visit(first.person, t, first.leave, 2, client_id=1, device=device)]

    def _schedule_visit(self, v: Visit) -> None:
        self._at(v.enter, partial(self._enter, v))
        if v.kick:
            self._at(v.leave, partial(self._kick, v))
        self._at(v.leave, partial(self._exit, v), rank=1 if v.reason == 2 else 0)

    # --- planning: what happens in class -------------------------------------------
    def _window(self, v: Visit, head: int, tail: int) -> tuple[int, int] | None:
        """Times inside the visit and the lesson while the teacher is there."""
        lo = max(v.enter, self.plan.start) + head
        hi = min(v.leave, self.teacher_until) - tail
        return (lo, hi) if hi > lo else None

    def _plan_activities(self, visits: list[Visit]) -> None:
        p, rng = self.plan, self.rng
        primary = [v for v in visits if v.client_id == 0]
        students = [v for v in primary if v.person.identity == 1]
        teaching = (p.start + 60, self.teacher_until - 60)

        for v in primary:
            if v.person.identity != 2:   # auditors in the web client send no Net (our simplification)
                for t in range(v.enter + 300, v.leave, 300):
                    self._at_push(t, msg.net(rng, v.person, t))
        first_seen: set[int] = set()
        for v in primary:
            if v.person.uid in first_seen or v.person.identity == 2:
                continue
            first_seen.add(v.person.uid)
            if rng.random() < 0.4 and v.leave - v.enter > 200:
                t = v.enter + rng.randint(20, 120)
                self._at_push(t, msg.device_check(rng, v.person, t, in_class=True, failing=rng.random() < 0.3))
            if v.person.identity == 1 and rng.random() < 0.35:
                t = v.enter - rng.randint(300, 3600)
                self._at_push(t, msg.device_check(rng, v.person, t, in_class=False,
                                                  failing=rng.random() < 0.25), scoped=False)

        for v in students:
            t = max(v.enter, p.start) + rng.randint(30, 400)
            while t < v.leave - 120 and rng.random() < 0.45:
                held = 0 if rng.random() < 0.1 else rng.randint(2, 90)   # a flick of the hand counts 0 s
                self._at(t, partial(self._hand, v.person, True))
                self._at(t + held, partial(self._hand, v.person, False))
                t += held + rng.randint(120, 900)
        for _ in range(rng.randint(1, max(1, len(p.students)))):
            self._at(rng.randint(*teaching), self._award)
        for _ in range(rng.randint(2, 6)):
            self._at(rng.randint(*teaching), self._stage_move)
        for kind in (self._mute, self._authorize):
            for v in rng.sample(students, k=min(len(students), rng.randint(0, 2))):
                window = self._window(v, 60, 400)
                if window:
                    t = rng.randint(*window)
                    self._at(t, partial(kind, v.person, True))
                    self._at(t + rng.randint(30, 300), partial(kind, v.person, False))
        if rng.random() < 0.6:
            t = rng.randint(p.start + 120, p.start + p.length // 2)
            self._at(t, partial(self._silence_all, True))
            self._at(t + rng.randint(45, 150), partial(self._silence_all, False))
        self._plan_help(students)

        if p.extension:
            self._at_push(p.start + p.length - rng.randint(180, 480),
                          msg.class_len(p.start, p.length + p.extension))
        self._at_push(self.recording_start, msg.live_detail(rng))
        for _ in range(rng.randint(0, 3)):
            t = rng.randint(*teaching)
            self._at_push(t, msg.edb_img(p.class_id, t, "jpg"))
        for ext in ("jpg", "png"):    # the lesson's end turns the board into a jpg and a png
            self._at_push(self.end_t, msg.edb_img(p.class_id, self.end_t, ext))

    def _plan_help(self, students: list[Visit]) -> None:
        rng, teacher = self.rng, self.plan.teacher
        dropped = [v for v in students
                   if v.reason in ABNORMAL_EXIT_REASONS and v.leave < self.teacher_until - 120]
        if dropped:
            v = min(dropped, key=lambda v: v.leave)
            text = rng.choice((f"学生{v.person.name}（{v.person.uid}）一直掉线，声音也断断续续，请帮忙看看网络",
                               f"{v.person.name} ({v.person.uid}) keeps dropping out - please check the connection"))
            self._at_push(v.leave + rng.randint(10, 60), msg.help_info(teacher.uid, text, [teacher.uid, v.person.uid]))
        if students and rng.random() < 0.3:
            v = rng.choice(students)
            window = self._window(v, 30, 30)
            if window:
                self._at_push(rng.randint(*window), msg.help_info(
                    v.person.uid, rng.choice(("老师，我这边听不到声音", "My camera shows a black screen")),
                    [v.person.uid]))

    # --- replay: the classroom model ---------------------------------------------------
    def _teacher_in(self) -> bool:
        track = self._tracks.get(self.plan.teacher.uid)
        return bool(track and track.present)

    def _enter(self, v: Visit, t: int) -> None:
        track = self._track(v.person)
        track.inside[v.client_id] = (t, v.device)
        self._emit(t, msg.enter(v.person, v.client_id, v.device, v.allow_enter))
        if v.client_id == 0 and (v.person.identity == 3 or (
                v.person.identity == 1 and self.plan.auto_onstage
                and self._students_up < self.plan.seats - 1)):
            self._stage_on(track, t)

    def _exit(self, v: Visit, t: int) -> None:
        track = self._tracks[v.person.uid]
        since, device = track.inside.pop(v.client_id)
        if v.client_id:
            track.deputies.setdefault(v.client_id, []).append((since, t, device))
        else:
            track.primary.append((since, t, device))
            if track.up_since is not None:
                self._stage_off(track, t)
        self._emit(t, msg.exit_(v.person, v.client_id, v.reason))

    def _kick(self, v: Visit, t: int) -> None:
        self._tracks[v.person.uid].kicks.append({"Duration": v.kick, "Time": t})
        self._emit(t, msg.kick(self.plan.teacher.uid, v.person.uid, v.kick))

    def _stage_on(self, track: Track, t: int) -> None:
        track.up_count += 1
        track.up_since = t
        self._students_up += track.person.identity == 1

    def _stage_off(self, track: Track, t: int) -> None:
        assert track.up_since is not None
        track.up_total += t - track.up_since
        track.up_since = None
        self._students_up -= track.person.identity == 1

    def _stage_move(self, t: int) -> None:
        inside = [tr for tr in self._tracks.values() if tr.present and tr.person.identity == 1]
        if not inside or not self._teacher_in():
            return
        track = self.rng.choice(inside)
        if track.up_since is not None:
            track.down_count += 1
            self._stage_off(track, t)
        elif self._students_up < self.plan.seats - 1:
            self._stage_on(track, t)
        else:
            return
        self._emit(t, msg.stage(self.plan.teacher.uid, track.person.uid, track.up_since is not None))

    def _hand(self, person: Person, up: bool, t: int) -> None:
        track = self._tracks[person.uid]
        if up:
            track.hands += 1
            track.hand_since = t
        else:
            assert track.hand_since is not None
            track.hands_seconds += t - track.hand_since
            track.hand_since = None
        self._emit(t, msg.hands(person.uid, up))

    def _award(self, t: int) -> None:
        inside = [tr for tr in self._tracks.values() if tr.present and tr.person.identity == 1]
        if inside and self._teacher_in():
            track = self.rng.choice(inside)
            track.awards += 1
            self._emit(t, msg.award(self.plan.teacher.uid, track.person.uid, track.awards))

    def _mute(self, person: Person, muted: bool, t: int) -> None:
        track = self._tracks[person.uid]
        if muted:
            track.muted_since = t
        else:
            assert track.muted_since is not None
            track.muted.append((track.muted_since, t))
            track.muted_since = None
        self._emit(t, msg.mute(self.plan.teacher.uid, person.uid, muted))

    def _silence_all(self, muted: bool, t: int) -> None:
        if muted:
            self._mute_all_since = t
        else:
            assert self._mute_all_since is not None
            self._mute_all.append((self._mute_all_since, t))
        self._emit(t, msg.mute_all(self.plan.teacher.uid, muted))

    def _authorize(self, person: Person, granted: bool, t: int) -> None:
        track = self._tracks[person.uid]
        if granted:
            track.auth_count += 1
            track.auth_since = t
        else:
            assert track.auth_since is not None
            track.auth_total += t - track.auth_since
            track.auth_since = None
        self._emit(t, msg.authorize(self.plan.teacher.uid, person.uid, granted))

    # --- after class ---------------------------------------------------------------------
    def _after_class(self) -> None:
        p, rng, teacher = self.plan, self.rng, self.plan.teacher
        attended = [tr.person for tr in self._tracks.values() if tr.person.identity == 1]
        end_at = self.close_time + rng.randint(20, 90)    # End follows the overtime window
        if attended:
            self._emit(self.end_t + rng.randint(5, 40), msg.rating_t2s(rng, teacher.uid, attended))
        for s in attended:
            if rng.random() < 0.5:
                self._emit(self.end_t + rng.randint(3, 120), msg.rating_s2t(rng, teacher.uid, s))
        self._emit(self.end_t + rng.randint(60, 400),
                   msg.record(rng, self.sid, p.class_id, self.recording_start, self.end_t))
        self._emit(end_at, self._end_body())
        for s in rng.sample(attended, k=min(len(attended), 2)):
            submitted = rng.randint(p.start + p.length // 2, self.end_t - 60)
            if rng.random() < 0.5:     # auto-graded: pushed the moment it is submitted
                self._emit(submitted, msg.exam_score(rng, p.course_id, p.course_name, p.class_id,
                                                     s, None, submitted, submitted), scoped=False)
            else:
                graded = end_at + rng.randint(60, 900)
                self._emit(graded, msg.exam_score(rng, p.course_id, p.course_name, p.class_id,
                                                  s, teacher, submitted, graded), scoped=False)
        for s in rng.sample(attended, k=min(len(attended), rng.randint(1, 2))):
            graded = end_at + rng.randint(120, 1200)
            self._emit(graded, msg.homework_score(rng, p.course_id, p.course_name, s, teacher,
                                                  p.start - rng.randint(3600, 2 * 86400), graded),
                       scoped=False)

    def _end_body(self) -> Body:
        p = self.plan
        data = end_data(list(self._tracks.values()), self._mute_all, self.rng)
        body: Body = {"Cmd": "End", "StartTime": p.start, "CloseTime": self.close_time}
        if p.close != "absent":
            body["RealCloseTime"] = self.real_close or 0
        body["Data"] = data
        return body

    # --- ground truth ------------------------------------------------------------------------
    def truth(self) -> dict[str, Any]:
        """The lesson summary an export should match (CONTRACT.md's shape), plus
        `absent`: the roster students who never entered (End never lists them)."""
        p = self.plan
        return {
            "class_id": p.class_id, "course_id": p.course_id, "sid": self.sid, "status": "ended",
            "start_time": p.start, "close_time": self.close_time,
            "real_close_time": self.real_close, "end_time": self.end_t,
            "participants": participants(list(self._tracks.values()), self.end_t),
            "absent": [{"uid": s.uid, "name": s.name} for s in p.students if s.uid not in self._tracks],
        }
