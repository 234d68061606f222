"""The per-user numbers of ClassIn's `End` summary (classin.md §10.1).

End is authoritative after class: attendance from `inoutEnd`, stage from
`stageEnd`, hands-up from `handsupEnd` (Total is a COUNT, CTime seconds),
awards, authorisations, speaking time, kicks and mic/camera on-times. The
sections nobody here reads (answerEnd, groupEnd, ...) stay in `End.data`.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any

from protocol import classin as ci


@dataclass(frozen=True, slots=True)
class Move:
    """One In/Out of a device, as End lists it."""
    time: int
    entered: bool
    device: int | None


@dataclass(frozen=True, slots=True)
class DeviceStay:
    client_id: int
    total_seconds: int | None
    moves: tuple[Move, ...]


@dataclass(frozen=True, slots=True)
class EndUser:
    uid: int
    identity: int | None = None
    attended_seconds: int | None = None        # inoutEnd Total (primary device only)
    moves: tuple[Move, ...] = ()                # primary device
    deputies: tuple[DeviceStay, ...] = ()       # secondary devices
    stage_up_count: int | None = None
    stage_up_seconds: int | None = None
    stage_down_count: int | None = None
    stage_down_seconds: int | None = None
    hands_up_count: int | None = None
    hands_up_seconds: int | None = None
    awards: int | None = None
    authorize_count: int | None = None
    authorize_seconds: int | None = None
    speak_seconds: int | None = None            # muteEnd.Persons: time the user could speak
    kicks: tuple[tuple[int | None, int | None], ...] | None = None   # (time, duration)
    microphone_on_stage_seconds: int | None = None
    camera_on_stage_seconds: int | None = None
    microphone_on_seconds: int | None = None    # TotalNotDisabled: on or off stage (since 2025-02)
    camera_on_seconds: int | None = None


def _moves(details: Any) -> tuple[Move, ...]:
    moves = []
    for item in ci.as_list(details):
        item = ci.as_dict(item)
        kind = (ci.as_str(item.get("Type")) or "").strip().lower()
        time = ci.as_unix(item.get("Time"))
        if kind in ("in", "out") and time is not None:
            moves.append(Move(time, kind == "in", ci.as_int(item.get("Device"))))
    return tuple(sorted(moves, key=lambda m: m.time))


def _deputies(value: Any) -> tuple[DeviceStay, ...]:
    stays = []
    for position, item in enumerate(ci.as_list(value), start=1):
        item = ci.as_dict(item)
        client_id = ci.as_int(ci.pick(item, "ClientID", "clientID", "ClientId"))
        stays.append(DeviceStay(client_id if client_id is not None else position,
                                ci.as_int(item.get("Total")), _moves(item.get("Details"))))
    return tuple(stays)


def _per_uid(section: Any) -> dict[int, Any]:
    """UID-keyed maps come with the UID as a string; other keys are ignored."""
    return {int(key): value for key, value in ci.as_dict(section).items()
            if isinstance(key, str) and key.isascii() and key.isdigit()}


def decode_end_users(data: Mapping[str, Any]) -> dict[int, EndUser]:
    fields: dict[int, dict[str, Any]] = {}

    def put(uid: int, **values: Any) -> None:
        fields.setdefault(uid, {}).update(values)

    for uid, v in _per_uid(data.get("inoutEnd")).items():
        v = ci.as_dict(v)
        put(uid, identity=ci.as_int(v.get("Identity")), attended_seconds=ci.as_int(v.get("Total")),
            moves=_moves(v.get("Details")), deputies=_deputies(v.get("Deputies")))
    for uid, v in _per_uid(data.get("stageEnd")).items():
        v = ci.as_dict(v)
        put(uid, stage_up_count=ci.as_int(v.get("UpCount")), stage_up_seconds=ci.as_int(v.get("UpTotal")),
            stage_down_count=ci.as_int(v.get("DownCount")),
            stage_down_seconds=ci.as_int(v.get("DownTotal")))
    for uid, v in _per_uid(data.get("handsupEnd")).items():
        v = ci.as_dict(v)
        put(uid, hands_up_count=ci.as_int(v.get("Total")), hands_up_seconds=ci.as_int(v.get("CTime")))
    for uid, v in _per_uid(data.get("awardEnd")).items():
        put(uid, awards=ci.as_int(ci.as_dict(v).get("Total")))
    for uid, v in _per_uid(data.get("authorizeEnd")).items():
        v = ci.as_dict(v)
        put(uid, authorize_count=ci.as_int(v.get("Count")), authorize_seconds=ci.as_int(v.get("Total")))
    for uid, v in _per_uid(ci.as_dict(data.get("muteEnd")).get("Persons")).items():
        put(uid, speak_seconds=ci.as_int(ci.as_dict(v).get("Total")))
    for uid, v in _per_uid(data.get("kickoutEnd")).items():
        put(uid, kicks=tuple((ci.as_unix(ci.as_dict(k).get("Time")), ci.as_int(ci.as_dict(k).get("Duration")))
                             for k in ci.as_list(v)))
    for uid, v in _per_uid(data.get("equipmentsEnd")).items():
        v = ci.as_dict(v)
        mic, camera = ci.as_dict(v.get("Microphone")), ci.as_dict(v.get("Camera"))
        put(uid, microphone_on_stage_seconds=ci.as_int(mic.get("Total")),
            camera_on_stage_seconds=ci.as_int(camera.get("Total")),
            microphone_on_seconds=ci.as_int(mic.get("TotalNotDisabled")),
            camera_on_seconds=ci.as_int(camera.get("TotalNotDisabled")))
    return {uid: EndUser(uid=uid, **values) for uid, values in fields.items()}
