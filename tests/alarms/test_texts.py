"""What a school- or desk-wide alarm says about whom it hits (alarms/texts.py):
the school, how many live lessons, and their names, in the one line a robot
or `alarms` shows and in the detail."""
from __future__ import annotations

from alarms.center import AlarmCenter, AlarmSettings
from alarms.events import alarm_record

from ..helpers import SID
from .test_center import OTHER_SID, T0, refused, stored


class Names:
    """alarms.texts.Names for two schools and six lessons."""

    def school_name(self, sid):
        return {SID: "Sunny School", OTHER_SID: "阳光学校"}.get(sid)

    def lesson_name(self, class_id):
        return {1: "Maths 7A", 2: "English 8B", 3: "物理 九年级"}.get(class_id)

    def user_name(self, uid):
        return None


def center(live) -> AlarmCenter:
    return AlarmCenter(AlarmSettings(silence_seconds=180), names=Names(), live=lambda: live)


def test_silence_names_the_school_and_the_lessons_it_hits():
    alarms = center([(SID, 1), (SID, 2), (SID, 4), (SID, 5), (SID, 6), (SID, 7), (SID, 8)])
    alarms.on_receiver_event(stored(T0))
    alarms.tick(T0 + 180, [SID])
    record = alarm_record(alarms.alarms[f"silence:{SID}"], Names())
    assert record["title"] == f"Sunny School ({SID}): no push for 3 min — 7 live lesson(s) affected"
    assert (f"Sunny School ({SID}): 7 live lesson(s) affected: Maths 7A (1), English 8B (2), lesson 4, "
            f"lesson 5, lesson 6 and 2 more") in record["detail"].splitlines()


def test_a_blocked_queue_names_its_schools_lessons_only():
    alarms = center([(SID, 1), (OTHER_SID, 3)])
    alarms.on_receiver_event(refused(T0, sid=OTHER_SID))
    record = alarm_record(alarms.alarms[f"stuck:{OTHER_SID}"], Names())
    assert record["title"] == f"ClassIn queue blocked: 阳光学校 ({OTHER_SID}) — 1 live lesson(s) affected"
    assert f"阳光学校 ({OTHER_SID}): 1 live lesson(s) affected: 物理 九年级 (3)" in record["detail"]
    assert "Maths 7A" not in record["detail"]


def test_the_tunnel_names_every_school_with_live_lessons():
    alarms = center([(SID, 1), (OTHER_SID, 3), (SID, 2)])
    alarms.on_tunnel(False, "502 from the public URL", T0)
    record = alarm_record(alarms.alarms["tunnel"], Names())
    assert record["title"] == "The public URL does not reach this PC — 3 live lesson(s) affected"
    lines = record["detail"].splitlines()
    assert f"Sunny School ({SID}): 2 live lesson(s) affected: Maths 7A (1), English 8B (2)" in lines
    assert f"阳光学校 ({OTHER_SID}): 1 live lesson(s) affected: 物理 九年级 (3)" in lines


def test_no_live_lesson_is_said_so_and_an_old_alarm_says_nothing_about_it():
    alarms = center([])
    alarms.on_tunnel(False, "down", T0)
    tunnel = alarms.alarms["tunnel"]
    record = alarm_record(tunnel, Names())
    assert record["title"].endswith("— 0 live lesson(s) affected")
    assert "No live lesson is affected." in record["detail"]
    del tunnel.params["lessons"]          # as kept by a version that did not count them
    record = alarm_record(tunnel, Names())
    assert record["title"] == "The public URL does not reach this PC"
    assert "affected" not in record["detail"]
