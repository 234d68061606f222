"""What End says about a lesson, and the matching ground-truth participants.

Tallies are kept per user while the lesson's pushes are produced (lesson.py);
here they are turned into End's `Data` sections and CONTRACT.md's participants.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from protocol.classin import TEACHER_IDENTITIES
from simulator.intervals import Interval, overlap, union
from simulator.messages import Body
from simulator.people import Person

Stay = tuple[int, int, int]      # (in, out, Device)


@dataclass
class Track:
    """What End will say about one user, accumulated as the pushes go out."""
    person: Person
    primary: list[Stay] = field(default_factory=list)
    deputies: dict[int, list[Stay]] = field(default_factory=dict)
    inside: dict[int, tuple[int, int]] = field(default_factory=dict)      # ClientID -> (since, Device)
    up_count: int = 0
    up_total: int = 0
    down_count: int = 0
    up_since: int | None = None
    hands: int = 0
    hands_seconds: int = 0
    hand_since: int | None = None
    awards: int = 0
    muted: list[Interval] = field(default_factory=list)
    muted_since: int | None = None
    auth_count: int = 0
    auth_total: int = 0
    auth_since: int | None = None
    kicks: list[dict[str, int]] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return 0 in self.inside

    @property
    def total(self) -> int:
        return sum(out - in_ for in_, out, _ in self.primary)


def _key(track: Track) -> str:
    return str(track.person.uid)          # End keys its per-user maps by the UID as a string


def _details(stays: list[Stay]) -> list[Body]:
    details: list[Body] = []
    for in_, out, device in stays:
        details += [{"Type": "In", "Device": device, "Time": in_}, {"Type": "Out", "Time": out}]
    return details


def end_data(tracks: list[Track], mute_all: list[Interval], rng: random.Random) -> dict[str, Any]:
    """End's `Data`; a section is absent when nothing of its kind happened."""
    data: dict[str, Any] = {"inoutEnd": {}, "stageEnd": {}}
    for tr in tracks:
        entry: Body = {"Total": tr.total, "Identity": tr.person.identity, "Details": _details(tr.primary)}
        if tr.deputies:
            entry["Deputies"] = [{"clientID": client, "Total": sum(o - i for i, o, _ in stays),
                                  "Details": _details(stays)}
                                 for client, stays in sorted(tr.deputies.items())]
        data["inoutEnd"][_key(tr)] = entry
        data["stageEnd"][_key(tr)] = {"UpCount": tr.up_count, "UpTotal": tr.up_total,
                                     "DownCount": tr.down_count, "DownTotal": tr.total - tr.up_total}
    if any(tr.hands for tr in tracks):
        data["handsupEnd"] = {_key(tr): {"Total": tr.hands, "CTime": tr.hands_seconds}
                              for tr in tracks if tr.hands}
    if any(tr.awards for tr in tracks):
        data["awardEnd"] = {_key(tr): {"Total": tr.awards} for tr in tracks if tr.awards}
    if any(tr.auth_count for tr in tracks):
        data["authorizeEnd"] = {_key(tr): {"Count": tr.auth_count, "Total": tr.auth_total}
                                for tr in tracks if tr.person.identity == 1}
    if mute_all or any(tr.muted for tr in tracks):
        data["muteEnd"] = {
            "Persons": {_key(tr): {"Total": tr.total - _muted_inside(tr, mute_all)} for tr in tracks},
            "MuteAll": ({"Count": len(mute_all), "Total": sum(o - i for i, o in mute_all)}
                        if mute_all else {})}
    if any(tr.kicks for tr in tracks):
        data["kickoutEnd"] = {_key(tr): tr.kicks for tr in tracks if tr.kicks}
    data["timerEnd"] = {"Count": rng.randint(0, 2), "Timing_Count": rng.randint(0, 1)}
    data["equipmentsEnd"] = {_key(tr): {part: _equipment(tr, rng) for part in ("Microphone", "Camera")}
                             for tr in tracks if tr.person.identity != 2}
    return data


def _muted_inside(tr: Track, mute_all: list[Interval]) -> int:
    """Seconds in the room without the right to speak (mute-all spares teachers)."""
    silenced = tr.muted + ([] if tr.person.identity in TEACHER_IDENTITIES else mute_all)
    return overlap([(i, o) for i, o, _ in tr.primary], union(silenced))


def _equipment(tr: Track, rng: random.Random) -> Body:
    # Total counts on-stage time only; TotalNotDisabled adds some time off stage.
    on_stage = int(tr.up_total * rng.uniform(0.6, 1.0))
    return {"Total": on_stage,
            "TotalNotDisabled": on_stage + int((tr.total - tr.up_total) * rng.uniform(0, 1))}


def _in_at_end(tr: Track, end_time: int) -> bool:
    """CONTRACT's `present` of an ended lesson: inside, on any device, when it ended
    (everyone still there leaves with Reason 2 at that very second)."""
    stays = tr.primary + [s for stays in tr.deputies.values() for s in stays]
    return any(in_ <= end_time <= out for in_, out, _ in stays)


def participants(tracks: list[Track], end_time: int) -> list[dict[str, Any]]:
    """CONTRACT.md's participant rows, in order of first entry."""
    return [{
        "uid": tr.person.uid, "name": tr.person.name, "identity": tr.person.identity,
        "present": _in_at_end(tr, end_time), "attended_seconds": tr.total,
        "first_in": tr.primary[0][0], "last_out": tr.primary[-1][1],
        "entries": len(tr.primary), "hands_up": tr.hands, "awards": tr.awards,
        "stage_up_count": tr.up_count, "stage_seconds": tr.up_total,
    } for tr in sorted(tracks, key=lambda tr: (tr.primary[0][0], tr.person.uid))]
