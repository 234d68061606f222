"""The generated school day: well-formed pushes, realism, and an End that agrees
with the live pushes (recomputed here independently, from the pushes alone)."""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Any

import pytest

from protocol.classin import (
    CMD_AUTHORIZE, CMD_BOARD, CMD_ENTER, CMD_EXIT, CMD_KICK, CMD_MUTE_ALL, CMD_MUTE_ONE, CMD_STAGE,
)
from simulator.faults import Faults, parse_faults
from simulator.school import SchoolDay, generate_day

SID, SECRET = 2290417, "sim-secret"
DAY = 1747184400          # 2025-05-14 09:00 +08:00


def _day(seed: int = 1, **kw: Any) -> SchoolDay:
    kw.setdefault("lessons", 4)
    kw.setdefault("students", 8)
    return generate_day(SID, SECRET, seed=seed, start=DAY, **kw)


def test_same_seed_same_day_other_seed_other_day() -> None:
    assert [p.body for p in _day(5).pushes] == [p.body for p in _day(5).pushes]
    assert _day(5).truth == _day(5).truth
    assert [p.body for p in _day(5).pushes] != [p.body for p in _day(6).pushes]


def test_every_push_is_stamped_like_classin() -> None:
    day = _day()
    ids = [p.body["_id"] for p in day.pushes]
    assert len(set(ids)) == len(ids)
    for push in day.pushes:
        body = push.body
        assert body["SID"] == SID
        assert push.at == body["ActionTime"]
        assert re.fullmatch(r"[0-9a-f]{24}", body["_id"])
        assert int(body["_id"][:8], 16) == body["ActionTime"]
        assert body["TimeStamp"] == body["ActionTime"] + 600
        assert body["SafeKey"] == hashlib.md5(f"{SECRET}{body['TimeStamp']}".encode()).hexdigest()
    assert [p.at for p in day.pushes] == sorted(p.at for p in day.pushes)
    sync = {"eeoCourseInfoChange", "eeoClassInfoChange", "eeoClassStudentChange"}
    first = [p.body["Cmd"] for p in day.pushes[:12]]
    assert set(first) == sync


def test_the_day_has_everything_a_desk_sees() -> None:
    day = _day()
    cmds = Counter(p.body["Cmd"] for p in day.pushes)
    for cmd in (CMD_ENTER, CMD_EXIT, CMD_BOARD, CMD_STAGE, CMD_MUTE_ONE, CMD_MUTE_ALL, CMD_AUTHORIZE,
                CMD_KICK, "Net", "Check", "UserCheck", "HelpInfo", "ClassLen", "LiveDetail", "EdbImg",
                "End", "Rating", "Record", "HomeworkScore", "ExamScore"):
        assert cmds[cmd], f"no {cmd} in the day"
    exits = Counter(p.body["Reason"] for p in day.pushes if p.body["Cmd"] == CMD_EXIT)
    assert exits[2] and exits[4] and (exits[6] + exits[56] + exits[3] + exits[0])
    assert any(p.body["Cmd"] == CMD_ENTER and p.body["ClientID"] == 1 for p in day.pushes)
    ends = [p.body for p in day.pushes if p.body["Cmd"] == "End"]
    real = [e.get("RealCloseTime", "absent") for e in ends]
    assert real.count("absent") == 1 and real.count(0) == 1 and sum(isinstance(r, int) and r > 0 for r in real) == 2
    names = [p.body["NickName"] for p in day.pushes if p.body["Cmd"] == CMD_ENTER]
    assert any(re.search(r"[\u4e00-\u9fff]", n) for n in names)
    assert any(re.fullmatch(r"[A-Za-z' ]+", n) for n in names)
    for push in day.pushes:
        body = push.body
        if body["Cmd"] == "Net":
            data = body["Data"]
            assert isinstance(data["reportTime"], str) and isinstance(data["avgDelay"], str)
            for prefix, total in (("", "total"), ("tcp", "tcpTotal"), ("gateway", "gatewayTotal"),
                                  ("gateway2", "gateway2Total")):
                keys = ["good", "normal", "bad", "poor", "notReach"]
                if prefix:
                    keys = [prefix + k[0].upper() + k[1:] for k in keys]
                assert sum(data[k] for k in keys) == data[total]
            assert data["cpuLow"] + data["cpuMedium"] + data["cpuHigh"] + data["cpuBusy"] == data["cpuTotal"]
        if body["Cmd"] == "ExamScore":
            assert body["Data"]["ClassId"] in day.truth
    net = [p.body["Data"] for p in day.pushes if p.body["Cmd"] == "Net"]
    assert any(d["bad"] + d["poor"] + d["notReach"] > 0.3 * d["total"] for d in net)      # bad networks
    assert any(d["cpuHigh"] + d["cpuBusy"] > 0.3 * d["cpuTotal"] for d in net)           # busy CPUs
    checks = [p.body["Data"] for p in day.pushes if p.body["Cmd"] in ("Check", "UserCheck")]
    assert any(2 in (d["MicrophoneArbitrary"], d["CameraArbitrary"], d["MicrophoneImpersonal"],
                     d["CameraImpersonal"]) for d in checks)


def test_first_lesson_is_live_at_the_start() -> None:
    day = _day()
    starts = sorted(t["start_time"] for t in day.truth.values())
    assert DAY - 600 < starts[0] <= DAY
    assert all(t["end_time"] > DAY for t in day.truth.values())


def test_burst_of_auditors_at_a_lesson_start() -> None:
    day = _day(lessons=2, students=3, audience=300)
    last = max(day.truth.values(), key=lambda t: t["start_time"])
    enters = [p for p in day.pushes if p.body["Cmd"] == CMD_ENTER and p.body["Identity"] == 2]
    assert len(enters) == 300
    assert all(0 <= p.at - last["start_time"] <= 2 for p in enters)
    assert sum(p["identity"] == 2 for p in last["participants"]) == 300


def test_fault_names_parse() -> None:
    assert parse_faults("") == Faults()
    faults = parse_faults("wrong-secret=30, duplicates=5,burst=400,gap,broken-json")
    assert (faults.wrong_secret_at, faults.wrong_secret_for, faults.duplicates, faults.burst) == (120, 30, 5, 400)
    assert faults.gap_at is not None and faults.broken_json_at is not None
    assert parse_faults("all").duplicates == 3
    with pytest.raises(ValueError):
        parse_faults("flood")


# --- End agrees with the live pushes: an independent recomputation ----------------------
def _seconds(intervals: list[tuple[int, int]]) -> set[int]:
    return {s for a, b in intervals for s in range(a, b)}


def _recompute(pushes: list[dict[str, Any]], info: dict[str, Any]) -> dict[str, Any]:
    """End's numbers from the lesson's live pushes and its eeoClassInfoChange alone."""
    seats, auto = info["seatNum"], info["isAutoOnstage"] == 0
    identity: dict[int, int] = {}
    inside: dict[tuple[int, int], tuple[int, int]] = {}
    stays: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    up_since: dict[int, int] = {}
    up, up_total, down = Counter(), Counter(), Counter()
    hands, hands_time, hand_since = Counter(), Counter(), {}
    awards: dict[int, int] = {}
    muted: dict[int, list[tuple[int, int]]] = defaultdict(list)
    mute_since: dict[int, int] = {}
    all_muted: list[tuple[int, int]] = []
    auth, auth_total, auth_since = Counter(), Counter(), {}
    kicks: dict[int, list[dict[str, int]]] = defaultdict(list)

    def students_up() -> int:
        return sum(identity[u] == 1 for u in up_since)

    def off_stage(uid: int, t: int) -> None:
        up_total[uid] += t - up_since.pop(uid)

    for body in pushes:
        cmd, t = body["Cmd"], body["ActionTime"]
        if cmd == CMD_ENTER:
            uid, client = body["UID"], body["ClientID"]
            identity[uid] = body["Identity"]
            inside[uid, client] = (t, body["Device"])
            if client == 0 and (body["Identity"] == 3 or (body["Identity"] == 1 and auto and students_up() < seats - 1)):
                up[uid] += 1
                up_since[uid] = t
        elif cmd == CMD_EXIT:
            uid, client = body["UID"], body["ClientID"]
            since, device = inside.pop((uid, client))
            stays[uid, client].append((since, t, device))
            if client == 0 and uid in up_since:
                off_stage(uid, t)
        elif cmd == CMD_STAGE:
            uid = body["TargetUID"]
            if body["Operation"] == 1:
                assert uid not in up_since and students_up() < seats - 1
                up[uid] += 1
                up_since[uid] = t
            else:
                down[uid] += 1
                off_stage(uid, t)
        elif cmd == CMD_BOARD and body["Color"].startswith("hands up"):
            uid = int(body["Color"][len("hands up"):])
            if body["Handsup"]:
                hands[uid] += 1
                hand_since[uid] = t
            else:
                hands_time[uid] += t - hand_since.pop(uid)
        elif cmd == CMD_BOARD and body["Color"].startswith("award"):
            awards[body["TargetUID"]] = max(awards.get(body["TargetUID"], 0), body["Times"])
        elif cmd == CMD_MUTE_ONE:
            if body["Operation"]:
                mute_since[body["TargetUID"]] = t
            else:
                muted[body["TargetUID"]].append((mute_since.pop(body["TargetUID"]), t))
        elif cmd == CMD_MUTE_ALL:
            if body["Operation"]:
                mute_since[0] = t
            else:
                all_muted.append((mute_since.pop(0), t))
        elif cmd == CMD_AUTHORIZE:
            if body["Operation"]:
                auth[body["TargetUID"]] += 1
                auth_since[body["TargetUID"]] = t
            else:
                auth_total[body["TargetUID"]] += t - auth_since.pop(body["TargetUID"])
        elif cmd == CMD_KICK:
            kicks[body["TargetUID"]].append({"Duration": body["Duration"], "Time": t})
    assert not inside, "everyone leaves when the lesson closes"

    def details(items: list[tuple[int, int, int]]) -> list[dict[str, int | str]]:
        out: list[dict[str, int | str]] = []
        for a, b, device in items:
            out += [{"Type": "In", "Device": device, "Time": a}, {"Type": "Out", "Time": b}]
        return out

    total = {uid: sum(b - a for a, b, _ in stays[uid, 0]) for uid in identity}
    inout = {}
    for uid in identity:
        entry: dict[str, Any] = {"Total": total[uid], "Identity": identity[uid], "Details": details(stays[uid, 0])}
        deputies = sorted(c for u, c in stays if u == uid and c)
        if deputies:
            entry["Deputies"] = [{"clientID": c, "Total": sum(b - a for a, b, _ in stays[uid, c]),
                                  "Details": details(stays[uid, c])} for c in deputies]
        inout[str(uid)] = entry
    result: dict[str, Any] = {
        "inoutEnd": inout,
        "stageEnd": {str(u): {"UpCount": up[u], "UpTotal": up_total[u], "DownCount": down[u],
                              "DownTotal": total[u] - up_total[u]} for u in identity},
        "handsupEnd": {str(u): {"Total": hands[u], "CTime": hands_time[u]} for u in hands},
        "awardEnd": {str(u): {"Total": n} for u, n in awards.items()},
        "kickoutEnd": {str(u): k for u, k in kicks.items()},
    }
    if auth:
        result["authorizeEnd"] = {str(u): {"Count": auth[u], "Total": auth_total[u]}
                                  for u in identity if identity[u] == 1}
    if muted or all_muted:
        persons = {}
        for u in identity:
            silent = _seconds(muted[u]) | (set() if identity[u] in (3, 4) else _seconds(all_muted))
            persons[str(u)] = {"Total": total[u] - len(_seconds([(a, b) for a, b, _ in stays[u, 0]]) & silent)}
        result["muteEnd"] = {"Persons": persons, "MuteAll": {"Count": len(all_muted),
                                                             "Total": sum(b - a for a, b in all_muted)}
                             if all_muted else {}}
    result["_stays"] = stays
    return result


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_end_and_truth_agree_with_the_live_pushes(seed: int) -> None:
    day = _day(seed, lessons=4, students=8)
    by_class: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for push in day.pushes:
        if "ClassID" in push.body:
            by_class[push.body["ClassID"]].append(push.body)
    assert set(by_class) == set(day.truth)
    for class_id, bodies in by_class.items():
        info = next(b["opData"] for b in bodies if b["Cmd"] == "eeoClassInfoChange")
        (end,) = [b for b in bodies if b["Cmd"] == "End"]
        live = [b for b in bodies if isinstance(b["Cmd"], int)]
        expected = _recompute(live, info)
        stays = expected.pop("_stays")
        for section in ("inoutEnd", "stageEnd", "handsupEnd", "awardEnd", "kickoutEnd", "authorizeEnd", "muteEnd"):
            assert end["Data"].get(section, {}) == expected.get(section, {}), (seed, class_id, section)

        real = end.get("RealCloseTime")
        end_time = end["CloseTime"] if not real else min(real, end["CloseTime"])
        closing = [b for b in live if b["Cmd"] == CMD_EXIT and b["Reason"] == 2]
        assert closing and all(b["ActionTime"] == end_time for b in closing)
        assert end["ActionTime"] >= end["CloseTime"]          # End follows the overtime window

        truth = day.truth[class_id]
        assert (truth["start_time"], truth["close_time"], truth["end_time"]) == (end["StartTime"], end["CloseTime"], end_time)
        assert truth["real_close_time"] == (real or None) and truth["status"] == "ended"
        for person in truth["participants"]:
            uid = person["uid"]
            primary = stays[uid, 0]
            assert person["attended_seconds"] == end["Data"]["inoutEnd"][str(uid)]["Total"]
            assert person["entries"] == len(primary)
            assert (person["first_in"], person["last_out"]) == (primary[0][0], primary[-1][1])
            assert person["hands_up"] == expected["handsupEnd"].get(str(uid), {}).get("Total", 0)
            assert person["awards"] == expected["awardEnd"].get(str(uid), {}).get("Total", 0)
            assert person["stage_up_count"] == expected["stageEnd"][str(uid)]["UpCount"]
            assert person["stage_seconds"] == expected["stageEnd"][str(uid)]["UpTotal"]
        roster = next(b["opData"]["studentInfos"] for b in bodies if b["Cmd"] == "eeoClassStudentChange")
        entered = {p["uid"] for p in truth["participants"]}
        assert {a["uid"] for a in truth["absent"]} == {s["studentUid"] for s in roster} - entered
