"""Every human-readable word the report writers print, in one place.

English is the default; `lang="zh"` switches to the Chinese table below, and
the GUI may pass its own tr()-ed texts as `overrides` (key -> text), which win
over both. `lang="keys"` prints the raw keys: the CSV default, so scripts get
the same names as the JSON summary.
"""
from __future__ import annotations

from collections.abc import Mapping

LANGS = ("en", "zh", "keys")

# Column headers are not here in English: columns.py owns them (one
# definition per column); their Chinese versions are, so all Chinese is here.
EN: dict[str, str] = {
    "report_title": "Lesson report",
    "attendance": "Attendance",
    "school": "School",
    "course": "Course",
    "lesson": "Lesson",
    "class_id": "ClassID",
    "teacher": "Teacher",
    "planned": "Planned",
    "actual": "Actual",
    "planned_start": "Planned start",
    "planned_end": "Planned end",
    "start_time": "Started",
    "end_time": "Ended",
    "time_zone": "Time zone",
    "status": "Status",
    "summary_source": "Summary source",
    "status.live": "live",
    "status.ended": "ended",
    "source.end": "ClassIn end-of-lesson summary",
    "source.live": "live events (no end summary yet)",
    "time": "Time",
    "user": "User",
    "kind": "Event",
    "detail": "Detail",
    "activity": "Activity",
    "absent": "Absent",
    "none": "none",
    "yes": "yes",
    "no": "no",
    "notes": "Notes",
    "note.late": "late",
    "note.left_early": "left early",
    "note.abnormal_exits": "abnormal exits",
    "note.device_problems": "device problems",
    "page": "Page",
    "generated": "Generated",
    "lessons": "Lessons",
    "timeline": "Timeline",
    "seconds_suffix": " (s)",
    "totals.participants": "Participants",
    "totals.present": "Present at the end",
    "totals.hands_up": "Hands up",
    "totals.awards": "Awards",
    "totals.stage_ups": "Times on stage",
    "totals.stage_seconds": "Time on stage",
    "totals.help_requests": "Help requests",
    "totals.recordings": "Recordings",
    "totals.device_problems": "Users with device problems",
    "totals.bad_network_users": "Users with a bad network",
    "kind.enter": "entered",
    "kind.exit": "left",
    "kind.hands_up": "hand raised",
    "kind.hands_down": "hand lowered",
    "kind.award": "award",
    "kind.stage_up": "on stage",
    "kind.stage_down": "off stage",
    "kind.mute": "muted",
    "kind.unmute": "unmuted",
    "kind.mute_all": "all muted",
    "kind.unmute_all": "all unmuted",
    "kind.authorize": "authorized",
    "kind.unauthorize": "authorization removed",
    "kind.kick": "kicked out",
    "kind.net": "network",
    "kind.check": "device check",
    "kind.help": "help request",
    "kind.extend": "lesson extended",
    "kind.recording": "recording",
    "kind.board_image": "board image",
    "kind.end": "lesson ended",
    "kind.rating": "rating",
    "kind.other": "other",
}

ZH: dict[str, str] = {
    # participant columns (keys of the summary's participant rows)
    "uid": "用户ID",
    "name": "姓名",
    "identity": "身份代码",
    "present": "在教室",
    "attended_seconds": "出勤时长",
    "first_in": "首次进入",
    "last_out": "最后离开",
    "entries": "进入次数",
    "hands_up": "举手次数",
    "awards": "奖励",
    "stage_up_count": "上台次数",
    "stage_seconds": "上台时长",
    "identity_label": "身份",
    "late": "迟到",
    "left_early": "早退",
    "abnormal_exits": "异常退出",
    "hands_up_seconds": "举手时长",
    "mute_count": "静音次数",
    "kicks": "被移出",
    "authorize_count": "授权次数",
    "deputies": "助教次数",
    "device": "设备代码",
    "device_label": "设备",
    "net_quality": "网络质量",
    "device_problems": "设备问题",
    "network_problems": "网络问题",
    # report words
    "report_title": "课堂报告",
    "attendance": "出勤",
    "school": "学校",
    "course": "课程",
    "lesson": "课节",
    "class_id": "课节ID",
    "teacher": "教师",
    "planned": "计划时间",
    "actual": "实际时间",
    "planned_start": "计划开始",
    "planned_end": "计划结束",
    "start_time": "开始",
    "end_time": "结束",
    "time_zone": "时区",
    "status": "状态",
    "summary_source": "数据来源",
    "status.live": "上课中",
    "status.ended": "已结束",
    "source.end": "ClassIn 课后汇总",
    "source.live": "实时事件（尚无课后汇总）",
    "time": "时间",
    "user": "用户",
    "kind": "事件",
    "detail": "详情",
    "activity": "课堂活动",
    "absent": "缺席",
    "none": "无",
    "yes": "是",
    "no": "否",
    "notes": "备注",
    "note.late": "迟到",
    "note.left_early": "早退",
    "note.abnormal_exits": "异常退出",
    "note.device_problems": "设备问题",
    "page": "页",
    "generated": "生成时间",
    "lessons": "课节",
    "timeline": "时间线",
    "seconds_suffix": "（秒）",
    "totals.participants": "参与人数",
    "totals.present": "结束时在教室",
    "totals.hands_up": "举手",
    "totals.awards": "奖励",
    "totals.stage_ups": "上台次数",
    "totals.stage_seconds": "上台时长",
    "totals.help_requests": "求助",
    "totals.recordings": "录像",
    "totals.device_problems": "设备有问题的用户",
    "totals.bad_network_users": "网络差的用户",
    "kind.enter": "进入教室",
    "kind.exit": "离开教室",
    "kind.hands_up": "举手",
    "kind.hands_down": "放下手",
    "kind.award": "奖励",
    "kind.stage_up": "上台",
    "kind.stage_down": "下台",
    "kind.mute": "静音",
    "kind.unmute": "取消静音",
    "kind.mute_all": "全体静音",
    "kind.unmute_all": "取消全体静音",
    "kind.authorize": "授权",
    "kind.unauthorize": "取消授权",
    "kind.kick": "移出教室",
    "kind.net": "网络",
    "kind.check": "设备检测",
    "kind.help": "求助",
    "kind.extend": "拖堂",
    "kind.recording": "录像",
    "kind.board_image": "板书图片",
    "kind.end": "课节结束",
    "kind.rating": "评价",
    "kind.other": "其他",
    "role.student": "学生",
    "role.auditor": "旁听",
    "role.teacher": "老师",
    "role.co-teacher": "助教",
    "role.principal": "校长",
    "role.principal's assistant": "校长助理",
    "role.unknown": "未知",
}


class Labels:
    """The text for a key: overrides, then the language, then English, then
    `default` (column headers and raw values have no entry in EN)."""

    def __init__(self, lang: str = "en", overrides: Mapping[str, str] | None = None) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown report language {lang!r}; use one of {', '.join(LANGS)}")
        self.lang = lang
        self._overrides = dict(overrides or {})

    def __call__(self, key: str, default: str | None = None) -> str:
        if key in self._overrides:
            return self._overrides[key]
        if self.lang == "keys":
            return key
        if self.lang == "zh" and key in ZH:
            return ZH[key]
        if key in EN:
            return EN[key]
        return key if default is None else default
