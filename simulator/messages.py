"""Bodies of ClassIn pushes, shaped like the captures in shared/protocol/fixtures.

Builders return the message-specific fields only; school.py adds SID,
ActionTime, TimeStamp, SafeKey and _id. Numbers are strings exactly where
ClassIn's captures carry strings (Net reportTime/avgDelay, Check NetworkDelay).
"""
from __future__ import annotations

import json
import random
from typing import Any

from protocol.classin import (
    CMD_AUTHORIZE, CMD_BOARD, CMD_ENTER, CMD_EXIT, CMD_KICK, CMD_MUTE_ALL,
    CMD_MUTE_ONE, CMD_STAGE,
)
from simulator.people import DEVICE_TYPE_OF, MOBILE_DEVICES, Person

Body = dict[str, Any]


# --- classroom behaviour (integer Cmds) ----------------------------------------
def enter(p: Person, client_id: int, device: int, allow_enter_time: int = 0) -> Body:
    return {"Cmd": CMD_ENTER, "UID": p.uid, "NickName": p.name,
            "AllowEnterTime": allow_enter_time, "LoginMobile": p.mobile,
            "LoginEmail": p.email, "ClientID": client_id, "Identity": p.identity,
            "Device": device}


def exit_(p: Person, client_id: int, reason: int) -> Body:
    return {"Cmd": CMD_EXIT, "UID": p.uid, "Identity": p.identity,
            "ClientID": client_id, "Reason": reason}


def _acted(cmd: int, source: int, target: int, **fields: Any) -> Body:
    return {"Cmd": cmd, "SourceUID": source, "TargetUID": target, **fields}


def hands(uid: int, up: bool) -> Body:
    return _acted(CMD_BOARD, uid, 0, Color=f"hands up{uid}", Handsup=up)


def award(teacher: int, uid: int, running_total: int) -> Body:
    # Times as the running total: both readings of the ambiguous field agree.
    return _acted(CMD_BOARD, teacher, uid, Color=f"award{uid}", Times=running_total)


def stage(teacher: int, uid: int, up: bool) -> Body:
    return _acted(CMD_STAGE, teacher, uid, Operation=int(up))


def mute(teacher: int, uid: int, muted: bool) -> Body:
    return _acted(CMD_MUTE_ONE, teacher, uid, Operation=int(muted))


def mute_all(teacher: int, muted: bool) -> Body:
    return _acted(CMD_MUTE_ALL, teacher, 0, Operation=int(muted))


def authorize(teacher: int, uid: int, granted: bool) -> Body:
    return _acted(CMD_AUTHORIZE, teacher, uid, Operation=granted)


def kick(teacher: int, uid: int, duration: int) -> Body:
    return _acted(CMD_KICK, teacher, uid, Duration=duration, Operation=1)


# --- Net ----------------------------------------------------------------------------
def _split(rng: random.Random, total: int, weights: tuple[float, ...]) -> list[int]:
    """Integer class counts that add up to total exactly, as in ClassIn's captures."""
    noisy = [w * rng.uniform(0.7, 1.3) for w in weights]
    scale = total / sum(noisy)
    counts = [int(w * scale) for w in noisy]
    counts[noisy.index(max(noisy))] += total - sum(counts)
    return counts


_CLASSES = ("good", "normal", "bad", "poor", "notReach")


def _key(prefix: str, name: str) -> str:
    """Net's naming: `good`, `total` for UDP; `tcpGood`, `gateway2Total` for the others."""
    return prefix + name[0].upper() + name[1:] if prefix else name


def _probe(rng: random.Random, prefix: str, weights: tuple[float, ...],
           delay: tuple[float, float], total: int = 300) -> Body:
    fields: Body = {_key(prefix, n): c for n, c in zip(_CLASSES, _split(rng, total, weights))}
    fields[_key(prefix, "total")] = total
    low, high = delay
    fields[_key(prefix, "avgDelay")] = f"{rng.uniform(low, high):.3f}"
    fields[_key(prefix, "avgVariance")] = f"{rng.uniform(low / 4, high / 2):.3f}"
    return fields


_QUALITY = {  # weights good..notReach, delay range ms, loss fraction
    "good": ((70, 25, 3, 1, 1), (18, 80), (0.0, 0.02)),
    "fair": ((40, 35, 12, 8, 5), (80, 200), (0.02, 0.06)),
    "poor": ((10, 17, 30, 24, 19), (280, 600), (0.12, 0.35)),
}
_NETWORK = {  # user's habit -> (own router, provider, path to ClassIn)
    "good": ("good", "good", "good"),
    "wifi": ("poor", "fair", "poor"),   # trouble already at the home router
    "bad": ("good", "poor", "poor"),    # clean router, bad access network
}


def net(rng: random.Random, p: Person, report_time: int) -> Body:
    gateway_q, gateway2_q, path_q = _NETWORK[p.network]
    tcp = p.network == "bad" and rng.random() < 0.3   # media fell back from UDP
    data: Body = {"localIP": f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.*",
                  "socket": "TCP" if tcp else "UDP", "mediaPort": rng.choice((8443, 443, 9000)),
                  "reportTime": str(report_time), "mediaDuration": 300}
    weights, delay, loss = _QUALITY[path_q]
    data.update(_probe(rng, "", (0, 0, 0, 0, 1) if tcp else weights, delay))
    pkts = 150
    data["loss"] = pkts if tcp else int(pkts * rng.uniform(*loss))
    data["udpTotalPkts"] = pkts
    data.update(_probe(rng, "tcp", weights, delay) if tcp else
                {**{_key("tcp", n): 0 for n in (*_CLASSES, "total")},
                 "tcpAvgDelay": "0.000", "tcpAvgVariance": "0.000"})
    for prefix, quality, ttl, address in (
            ("gateway", gateway_q, 1, "192.168.1.1"),
            ("gateway2", gateway2_q, rng.randint(3, 6), f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.1")):
        weights, delay, loss = _QUALITY[quality]
        delay = (delay[0] / 4, delay[1] / 3) if prefix == "gateway" else (delay[0] / 2, delay[1] / 2)
        data.update(_probe(rng, prefix, weights, delay))
        data[f"{prefix}Ttl"] = ttl
        data[f"{prefix}Address"] = address
        data[f"{prefix}Loss"] = int(300 * rng.uniform(*loss))
    cpu_weights = (20, 25, 35, 20) if p.cpu == "busy" else (80, 15, 4, 1)
    data.update(zip(("cpuLow", "cpuMedium", "cpuHigh", "cpuBusy"), _split(rng, 300, cpu_weights)))
    data["cpuTotal"] = 300
    return {"Cmd": "Net", "UID": p.uid, "Data": data}


# --- device checks ---------------------------------------------------------------
_OS = {1: ("Windows 11 (23H2)", "Intel(R) Core(TM) i5-1135G7 @ 2.40GHz"),
       6: ("macOS 14.5", "Apple M2"),
       2: ("iOS 17.5", "CPU:iPhone14,5 WiFi"),
       3: ("iPadOS 17.4", "CPU:iPad13,18 WiFi"),
       4: ("Android 14", "CPU：Xiaomi 23127PN0CC，Snapdragon 8 Gen 3，内存：16GB"),
       5: ("Android 13", "CPU：HUAWEI MatePad 11，Snapdragon 865，内存：6GB")}


def device_check(rng: random.Random, p: Person, at: int, *, in_class: bool, failing: bool) -> Body:
    """Check (in class) or UserCheck (outside); `failing` breaks the mic or camera.

    The two use different codes: Check …Arbitrary 1 installed / 2 absent;
    UserCheck 0 not tested / 1 normal / 2 abnormal (classin.md §9.9, §11.2).
    """
    device_type = DEVICE_TYPE_OF.get(p.device, 1)
    mobile = p.device in MOBILE_DEVICES
    broken = rng.choice(("Microphone", "Camera")) if failing else None
    cameras = ["Integrated Webcam"] + (["OBS Virtual Camera"] if rng.random() < 0.3 else [])
    mics = ["Microphone Array (Realtek(R) Audio)", "USB Audio Device"]
    if broken == "Camera" and rng.random() < 0.5:
        cameras = []                        # no camera at all: Arbitrary says absent
    data: Body = {
        "OperatingSystem": _OS[device_type][0], "CPU": _OS[device_type][1],
        "NetworkDelay": (None if mobile and not in_class else
                         "N/A" if p.network == "bad" and rng.random() < 0.4 else
                         f"{rng.randint(15, 90) if p.network == 'good' else rng.randint(180, 650)}ms"),
        "FrameLoss": f"{0 if p.network == 'good' else rng.randint(3, 25)}%",
    }
    for part in ("Microphone", "Headphone", "Camera"):
        missing = part == "Camera" and not cameras
        if in_class:
            data[f"{part}Arbitrary"] = 2 if missing else 1
        else:
            data[f"{part}Arbitrary"] = 0 if part == "Headphone" else 2 if broken == part else 1
    data.update({"EEO_VIDEO_DEVICE_NAME": cameras[0] if cameras else "",
                 "EEO_AUDIO_DEVICE_NAME": mics[0],
                 "EEO_AUDIO_OUTPUT_NAME": "Headphones (USB Audio Device)",
                 "EEO_DEVICE_LIST": json.dumps({"camera": cameras, "micphone": mics,
                                                "speaker": ["Headphones (USB Audio Device)"]})})
    for part in ("Microphone", "Headphone", "Camera"):
        # Program detection is meaningless on mobile and impossible for headphones.
        data[f"{part}Impersonal"] = (0 if mobile or part == "Headphone" else
                                     2 if broken == part else 1)
    data.update({"MicrophoneAttachment": "https://autocheck.example.net/upload/autocheck/",
                 "HeadphoneAttachment": "", "CameraAttachment": "",
                 "ClassInVersion": rng.choice(("5.3.1.204", "5.2.8.117", "5.3.2.31")),
                 "Mac": ":".join(f"{rng.randint(0, 255):02X}" for _ in range(6)),
                 "addTime": at,
                 "InfoSource": rng.choice((1, 3, 3, 4)) if in_class else rng.choice((3, 6)),
                 "DeviceType": device_type,
                 "ClientIP": "203.0.113.*"})
    return {"Cmd": "Check" if in_class else "UserCheck", "UID": p.uid, "Data": data}


# --- other in-class and after-class messages --------------------------------------
def help_info(asker: int, message: str, users: list[int]) -> Body:
    return {"Cmd": "HelpInfo", "Data": {"UID": asker, "Message": message, "UserList": users}}


def class_len(start: int, length: int) -> Body:
    return {"Cmd": "ClassLen", "StartTime": start, "PrelectTimeLength": length,
            "CloseClassDelay": 1200}


def live_detail(rng: random.Random) -> Body:
    return {"Cmd": "LiveDetail", "Data": {
        "Audio mode": rng.choice(("ClassIn Audio", "System Audio")),
        "HighBitRate": rng.choice(("High", "Standard")),
        "IP": rng.choice(("198.51.100.24", "live-push.example.net")),
        "Micphone is recorded": "Yes", "Video Scope": rng.choice(("Classroom", "Desktop")),
        "Video Size": rng.choice(("HD(1280*720)", "FHD(1920*1080)"))}}


def edb_img(class_id: int, at: int, ext: str) -> Body:
    return {"Cmd": "EdbImg", "Url": f"https://board-img.example.net/{class_id}/g0_{at}.{ext}",
            "GroupId": 0}


def record(rng: random.Random, sid: int, class_id: int, vst: int, vet: int) -> Body:
    return {"Cmd": "Record", "VUrl": f"https://vod.example.net/{sid}/{class_id}/seg-01.mp4",
            "VST": vst, "VET": vet, "Duration": vet - vst,
            "FileId": str(rng.randint(10 ** 17, 10 ** 18 - 1)),
            "Size": (vet - vst) * rng.randint(180_000, 260_000), "CIDExt": "ClassRoom"}


_T2S = ("Great participation today.", "认真听讲，继续加油！", "Good effort despite the connection trouble.",
        "作业完成得很好。", "")
_S2T = ("The examples were very clear", "老师讲得很清楚", "A bit fast today", "")


def _account(p: Person) -> Body:
    return {"Account": p.mobile, "studentEmail": p.email}


def rating_t2s(rng: random.Random, teacher: int, students: list[Person]) -> Body:
    return {"Cmd": "Rating", "TUID": teacher, "Comments": {
        str(s.uid): {**_account(s), "T2S": {"Comment": rng.choice(_T2S), "Score": rng.randint(3, 5)}}
        for s in students}}


def rating_s2t(rng: random.Random, teacher: int, student: Person) -> Body:
    return {"Cmd": "Rating", "TUID": teacher, "Comments": {
        str(student.uid): {**_account(student),
                           "S2T": {"Comment": rng.choice(_S2T), "Score": rng.randint(3, 5)}}}}


# --- schedule sync -----------------------------------------------------------------
def _teacher_info(p: Person) -> Body:
    return {"teacherName": p.name, "teacherUid": p.uid, "teacherNo": f"T-{p.uid % 10000:04d}"}


def course_info(admin: int, course_id: int, course_name: str, teacher: Person, at: int) -> Body:
    return {"Cmd": "eeoCourseInfoChange", "opType": 1, "opTime": at, "UID": admin,
            "CourseId": course_id, "opSource": 3, "opData": {
                "courseId": course_id, "courseName": course_name, "expiryTime": 0,
                "courseType": 1, "courseStatus": 2, "mainTeacherInfo": _teacher_info(teacher),
                "labelInfos": []}}


def class_info(admin: int, course_id: int, course_name: str, class_id: int, class_name: str,
               begin: int, end: int, seats: int, auto_onstage: bool, teacher: Person,
               co_teachers: list[Person], at: int) -> Body:
    return {"Cmd": "eeoClassInfoChange", "ClassID": class_id, "CourseId": course_id,
            "CourseID": course_id, "opType": 1, "opTime": at, "UID": admin, "opSource": 3,
            "opData": {"classId": class_id, "courseId": course_id, "className": class_name,
                       "courseName": course_name, "classType": 1, "classStatus": 1,
                       "beginTime": begin, "endTime": end, "seatNum": seats,
                       # ClassIn's inverted flag: 0 = students go on stage automatically.
                       "isAutoOnstage": 0 if auto_onstage else 1, "MainClassId": 0,
                       "teacherInfo": _teacher_info(teacher),
                       "assistantTeacherInfos": [_teacher_info(c) for c in co_teachers],
                       "labelInfos": []}}


def class_students(admin: int, course_id: int, class_id: int, class_name: str,
                   students: list[Person], at: int) -> Body:
    return {"Cmd": "eeoClassStudentChange", "ClassID": class_id, "CourseId": course_id,
            "CourseID": course_id, "opType": 1, "opTime": at, "UID": admin, "opSource": 3,
            "opData": {"courseId": course_id, "classId": class_id, "className": class_name,
                       "studentInfos": [{"studentNo": f"S-{s.uid % 100000:05d}", "studentName": s.name,
                                         "studentUid": s.uid, "labelInfos": []} for s in students]}}


# --- LMS ------------------------------------------------------------------------------
def _student_info(p: Person) -> Body:
    return {"StudentUid": p.uid, "StudentName": p.name, "StudentAccount": p.mobile or p.email}


def _teacher_lms(p: Person | None) -> Body:
    if p is None:   # auto-graded
        return {"TeacherUid": 0, "TeacherName": "", "TeacherAccount": ""}
    return {"TeacherUid": p.uid, "TeacherName": p.name, "TeacherAccount": p.mobile or p.email}


def homework_score(rng: random.Random, course_id: int, course_name: str, student: Person,
                   teacher: Person, submitted: int, graded: int) -> Body:
    score = rng.randint(55, 100)
    return {"CourseID": course_id, "CourseName": course_name, "Cmd": "HomeworkScore", "Data": {
        "UnitId": rng.randint(7_000_000, 7_999_999), "UnitName": "Unit 4",
        "ActivityId": rng.randint(88_000_000, 88_999_999), "ActivityName": "课后练习 / Homework",
        "Score": 100, "State": 40, "GradingPlan": "百分制", "StudentScore": str(score),
        "ReviewDetails": {"Correct": score // 10, "Wrong": 10 - score // 10, "Trophy": rng.randint(0, 3),
                          "Excellent": int(score >= 90), "Comment": "<p>Well done.</p>"},
        "StudentInfo": _student_info(student), "SubmissionTime": submitted,
        "CorrectionTime": graded, "StudentScoringRate": score / 100,
        "TeacherInfo": _teacher_lms(teacher)}}


def exam_score(rng: random.Random, course_id: int, course_name: str, class_id: int,
               student: Person, teacher: Person | None, submitted: int, graded: int) -> Body:
    topics = []
    for topic_id, kind in enumerate(("1", "2", "3", "4"), start=1):
        result = rng.choice((1, 1, 1, 2, 3))
        topics.append({"TopicId": topic_id, "TopicType": kind, "TopicResult": [result],
                       "TopicScore": {1: 5, 2: 0, 3: 2}[result], "TopicMaxScore": 5,
                       "SubTopicDetails": []})
    total = sum(t["TopicScore"] for t in topics)
    return {"CourseID": course_id, "CourseName": course_name, "Cmd": "ExamScore", "Data": {
        "UnitId": rng.randint(7_000_000, 7_999_999), "UnitName": "Unit 4",
        "ActivityId": rng.randint(88_000_000, 88_999_999), "ActivityName": "随堂测验 Quiz",
        "ClassId": class_id, "Score": 20, "StudentInfo": _student_info(student),
        "SubmissionTime": submitted, "AnswerDuration": rng.randint(120, 600),
        "CorrectionTime": graded, "StudentScoringRate": round(total / 20, 2),
        "TeacherInfo": _teacher_lms(teacher), "TopicDetails": topics}}
