"""lessons.summary: the CONTRACT keys, the extras the export and GUI rely on."""
from __future__ import annotations

import json

from lessons.state import replay
from lessons.summary import summary

from ..helpers import fixture, fixture_names

CLASS_ID = 508113967

CONTRACT_KEYS = {"class_id", "course_id", "sid", "status", "start_time", "close_time", "real_close_time",
                 "end_time", "participants"}
EXTRA_KEYS = {"class_name", "course_name", "teacher_name", "planned_start", "planned_end", "summary_source",
              "absent", "timeline", "totals"}
PARTICIPANT_KEYS = {"uid", "name", "identity", "present", "attended_seconds", "first_in", "last_out", "entries",
                    "hands_up", "awards", "stage_up_count", "stage_seconds"}
PARTICIPANT_EXTRAS = {"identity_label", "device", "device_label", "late", "left_early", "abnormal_exits",
                      "hands_up_seconds", "mute_count", "kicks", "authorize_count", "deputies", "net_quality",
                      "device_problems"}
TIMELINE_KINDS = {"enter", "exit", "hands_up", "hands_down", "award", "stage_up", "stage_down", "mute", "unmute",
                  "mute_all", "unmute_all", "kick", "authorize", "unauthorize", "help", "extend", "recording",
                  "board_image", "check", "net", "rating", "end", "other"}


def full_summary() -> dict:
    school = replay((1747300000.0, fixture(n)) for n in fixture_names())
    return summary(school.lessons[CLASS_ID], now=1747400000)


def test_keys_and_types():
    s = full_summary()
    assert CONTRACT_KEYS | EXTRA_KEYS <= set(s)
    assert (s["class_id"], s["course_id"], s["sid"]) == (CLASS_ID, 31877204, 2290417)
    for p in s["participants"]:
        assert PARTICIPANT_KEYS | PARTICIPANT_EXTRAS <= set(p)
        for key in ("uid", "attended_seconds", "entries", "hands_up", "awards", "stage_up_count",
                    "stage_seconds"):
            assert type(p[key]) is int, key
        assert type(p["present"]) is bool and isinstance(p["device_problems"], list)
    assert set(s["totals"]) == {"participants", "present", "hands_up", "awards", "help_requests", "recordings",
                                "device_problems", "bad_network_users"}
    json.dumps(s)                                     # plain JSON, ready for export


def test_participants_order_and_totals():
    s = full_summary()
    assert [p["name"] for p in s["participants"]] == ["Carmen Ortega", "Aiko Mori", "Lena Park", "Tomás Reyes"]
    assert s["totals"] == {"participants": 4, "present": 4, "hands_up": 1, "awards": 3, "help_requests": 1,
                           "recordings": 1, "device_problems": 1, "bad_network_users": 1}


def test_timeline_sorted_with_known_kinds_and_names():
    timeline = full_summary()["timeline"]
    assert [t["time"] for t in timeline] == sorted(t["time"] for t in timeline)
    assert {t["kind"] for t in timeline} <= TIMELINE_KINDS
    kinds = {t["kind"] for t in timeline}
    assert {"enter", "exit", "hands_up", "hands_down", "award", "stage_up", "mute", "mute_all", "kick",
            "authorize", "help", "extend", "recording", "board_image", "check", "net", "rating", "end"} <= kinds
    exit_ = next(t for t in timeline if t["kind"] == "exit")
    assert (exit_["name"], exit_["detail"]) == ("Tomás Reyes", "disconnected (6)")
    assert set(timeline[0]) == {"time", "uid", "name", "kind", "detail"}


def test_live_summary_has_null_end_time():
    school = replay((1.0, fixture(n)) for n in fixture_names() if n.startswith("inclass_enter"))
    s = summary(school.lessons[CLASS_ID], now=1747185000)
    assert (s["status"], s["end_time"], s["real_close_time"], s["summary_source"]) == ("live", None, None, "live")
    assert s["participants"][0]["present"] and s["participants"][0]["net_quality"] is None
