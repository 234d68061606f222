"""Realistic lesson summaries for the report tests (the shape lessons.summary
produces, plus school_name and timezone)."""
from __future__ import annotations

from typing import Any

# 2024-05-06 19:00:00 Asia/Shanghai
START = 1714993200
INJECTIONS = ("=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(1+1)", "\tTab", "\r=cr")


def participant(uid: int, name: str | None, *, identity: int = 1, first_in: int | None = START + 30,
                last_out: int | None = None, attended: int = 2700, present: bool = True,
                **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "uid": uid, "name": name, "identity": identity,
        "identity_label": {1: "student", 3: "teacher", 4: "co-teacher"}.get(identity, "unknown"),
        "present": present, "attended_seconds": attended, "first_in": first_in, "last_out": last_out,
        "entries": 1 if first_in else 0, "hands_up": 2, "hands_up_seconds": 45, "awards": 3,
        "stage_up_count": 1, "stage_seconds": 320, "device": 0, "device_label": "PC",
        "late": False, "left_early": False, "abnormal_exits": 0, "mute_count": 0, "kicks": 0,
        "authorize_count": 1, "deputies": 0, "net_quality": 0.96, "device_problems": [],
    }
    row.update(extra)
    return row


def lesson(class_id: int = 98765432, *, students: int = 6, start: int = START,
           timezone: str = "Asia/Shanghai", injections: bool = True) -> dict[str, Any]:
    end = start + 2880
    people = [
        participant(1001, "王老师", identity=3, first_in=start - 300, attended=3180),
        participant(1002, "张三", hands_up=5, awards=4),
        participant(1003, "Emily Johnson", late=True, first_in=start + 420, attended=2460,
                    net_quality=0.72, device=4, device_label="Android phone"),
        participant(1004, "李小龙", present=False, last_out=start + 1500, attended=1470,
                    left_early=True, abnormal_exits=2, entries=3,
                    device_problems=["camera not found", "microphone muted by the system"]),
        participant(1005, None, first_in=None, attended=0, present=False, entries=0, hands_up=0,
                    awards=0, stage_up_count=0, stage_seconds=0, net_quality=None, device=None,
                    device_label="unknown"),
    ]
    if injections:
        people += [participant(2000 + i, text) for i, text in enumerate(INJECTIONS)]
    people += [participant(3000 + i, f"学生{i:02d} Student {i}")
               for i in range(max(0, students - len(people)))]
    timeline = [
        {"time": start - 300, "uid": 1001, "name": "王老师", "kind": "enter", "detail": "PC"},
        {"time": start + 30, "uid": 1002, "name": "张三", "kind": "enter", "detail": "PC"},
        {"time": start + 420, "uid": 1003, "name": "Emily Johnson", "kind": "enter",
         "detail": "Android phone"},
        {"time": start + 600, "uid": 1002, "name": "张三", "kind": "hands_up", "detail": ""},
        {"time": start + 900, "uid": 1002, "name": "张三", "kind": "award", "detail": "times 4"},
        {"time": start + 1200, "uid": 1004, "name": "李小龙", "kind": "help", "detail": "=HYPERLINK(\"x\")"},
        {"time": start + 1500, "uid": 1004, "name": "李小龙", "kind": "exit",
         "detail": "network connection broken (56)"},
        {"time": start + 1800, "uid": None, "name": None, "kind": "recording",
         "detail": "file ready, 2880 s"},
        {"time": end, "uid": None, "name": None, "kind": "end", "detail": "lesson summary received"},
    ]
    return {
        "class_id": class_id, "course_id": 5550001, "sid": 1234567, "status": "ended",
        "start_time": start, "close_time": end + 1200, "real_close_time": end, "end_time": end,
        "class_name": "高一数学 第3讲 Functions & Graphs", "course_name": "Math Grade 10 高一数学",
        "teacher_name": "王老师", "planned_start": start, "planned_end": start + 2700,
        "summary_source": "end",
        "participants": people,
        "absent": [{"uid": 4001, "name": "赵六"}, {"uid": 4002, "name": "Oliver Smith"}],
        "timeline": timeline,
        "totals": {"participants": len(people), "present": sum(p["present"] for p in people),
                   "hands_up": sum(p["hands_up"] for p in people),
                   "awards": sum(p["awards"] for p in people), "help_requests": 1, "recordings": 1,
                   "device_problems": 1, "bad_network_users": 1},
        "school_name": "晨星在线学校 Morning Star Online School",
        "timezone": timezone,
    }
