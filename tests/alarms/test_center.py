"""AlarmCenter rules as plain Python, fed with the receiver's own event types
and lesson events parsed from the protocol fixtures (lessons.events.parse)."""
from __future__ import annotations

import pytest

from lessons.events import Event, parse
from alarms.model import Alarm, Severity
from alarms.center import AlarmCenter, AlarmSettings
from receiver.events import PushDuplicate, PushRefused, PushStored, StorageFailed

from ..helpers import SID, fixture, fixture_variant

T0 = 1_747_185_000.0            # during the fixture lesson (2025-05-14 09:10 China time)
OTHER_SID = 7_000_001
CLASS_ID = 508113967
LENA, TOMAS = 41200902, 41200915   # Check.json is Lena's, Net.json is Tomás's

# Fixture variants that report no problem at all.
GOOD_CHECK = {"CameraImpersonal": 1}
GOOD_NET = {"good": 290, "normal": 10, "bad": 0, "poor": 0, "notReach": 0, "avgDelay": "41.5", "loss": 0,
            "cpuLow": 280, "cpuMedium": 20, "cpuHigh": 0, "cpuBusy": 0,
            "gatewayGood": 300, "gatewayNormal": 0, "gatewayBad": 0, "gatewayPoor": 0, "gatewayNotReach": 0,
            "gatewayLoss": 0, "gateway2Good": 300, "gateway2Normal": 0, "gateway2Bad": 0, "gateway2Poor": 0,
            "gateway2NotReach": 0, "gateway2Loss": 0}


def refused(at: float, *, sid: int | None = SID, qkey: str = "q1", attempts: int = 1,
            code: str = "bad_safekey") -> PushRefused:
    return PushRefused(qkey=qkey, source="classin", received_at=at, status=403, reason_code=code,
                       reason="wrong SafeKey", sid=sid, cmd="67371107", class_id=CLASS_ID,
                       attempts=attempts, first_seen=T0)


def stored(at: float, *, sid: int | None = SID, released: bool = False, push_id: int = 1) -> PushStored:
    return PushStored(push_id=push_id, source="classin", received_at=at, sid=sid, cmd="Net",
                      class_id=CLASS_ID, payload={}, released=released)


def duplicate(at: float, *, sid: int = SID) -> PushDuplicate:
    return PushDuplicate(source="classin", received_at=at, sid=sid, cmd="Net", dedupe_key="id:x")


def event(name: str, at: float, **variant) -> Event:
    """A fixture parsed as the receiver's listener would, received at `at`."""
    body = fixture_variant(name, **variant) if variant else fixture(name)
    return parse(body, at)


@pytest.fixture
def center() -> tuple[AlarmCenter, list[Alarm]]:
    center = AlarmCenter(AlarmSettings(silence_seconds=600, resent_quiet_seconds=300))
    changes: list[Alarm] = []
    center.subscribe(lambda event: changes.append(event.alarm))
    return center, changes


def open_kinds(center: AlarmCenter) -> list[str]:
    return [a.kind for a in center.open_alarms()]


# -- stuck push ------------------------------------------------------------------------
def test_refusal_raises_one_stuck_alarm_per_school_updated_by_resends(center):
    alarms, changes = center
    alarms.on_receiver_event(refused(T0))
    # ClassIn re-sends the blocked push every 10 s: the same alarm counts them.
    alarms.on_receiver_event(refused(T0 + 10, attempts=2))
    alarms.on_receiver_event(refused(T0 + 20, attempts=3))
    alarms.on_receiver_event(refused(T0 + 5, sid=OTHER_SID, qkey="q2"))

    stuck = alarms.alarms[f"stuck:{SID}"]
    assert (stuck.kind, stuck.severity, stuck.since, stuck.last, stuck.count) == \
        ("stuck_push", Severity.CRITICAL, T0, T0 + 20, 3)
    assert stuck.reason_code == "bad_safekey"
    assert stuck.params["attempts"] == 3 and stuck.params["qkey"] == "q1"
    assert stuck.params["first_seen"] == T0 and stuck.params["kept"] is True
    assert sorted(a.sid for a in alarms.open_alarms()) == sorted([SID, OTHER_SID])
    assert len(changes) == 4     # every update reaches the listeners (the GUI)


def test_stuck_alarm_resolves_on_that_schools_next_stored_push_only(center):
    alarms, _ = center
    alarms.on_receiver_event(refused(T0))
    alarms.on_receiver_event(refused(T0, sid=OTHER_SID, qkey="q2"))
    alarms.on_receiver_event(stored(T0 + 30, sid=OTHER_SID))
    assert alarms.alarms[f"stuck:{SID}"].open
    assert alarms.alarms[f"stuck:{OTHER_SID}"].resolved_at == T0 + 30
    alarms.on_receiver_event(stored(T0 + 40))
    assert alarms.alarms[f"stuck:{SID}"].resolved_at == T0 + 40
    assert alarms.open_alarms() == []


def test_release_of_a_body_without_sid_resolves_its_stuck_alarm(center):
    alarms, _ = center
    alarms.on_receiver_event(refused(T0, sid=None, code="bad_json"))
    alarms.on_receiver_event(stored(T0 + 10, sid=SID))          # an ordinary push: not that one
    assert alarms.alarms["stuck:None"].open
    alarms.on_receiver_event(stored(T0 + 20, sid=None, released=True))
    assert not alarms.alarms["stuck:None"].open


def test_a_new_refusal_after_resolution_is_a_new_alarm(center):
    alarms, _ = center
    alarms.on_receiver_event(refused(T0, attempts=4))
    alarms.acknowledge(f"stuck:{SID}")
    alarms.on_receiver_event(stored(T0 + 10))
    alarms.on_receiver_event(refused(T0 + 60, qkey="q9"))
    again = alarms.alarms[f"stuck:{SID}"]
    assert (again.open, again.since, again.count, again.acknowledged) == (True, T0 + 60, 1, False)


# -- re-sends ----------------------------------------------------------------------------
def test_resent_raised_on_duplicates_and_resolved_after_quiet_period(center):
    alarms, _ = center
    alarms.on_receiver_event(duplicate(T0))
    alarms.on_receiver_event(duplicate(T0 + 100))
    resent = alarms.alarms[f"resent:{SID}"]
    assert (resent.kind, resent.count, resent.severity) == ("resent", 2, Severity.WARNING)
    alarms.tick(T0 + 399, [])                 # 299 s after the last one: not quiet yet
    assert resent.open
    alarms.tick(T0 + 400, [])
    assert resent.resolved_at == T0 + 400


# -- silence -----------------------------------------------------------------------------
def test_silence_raised_by_tick_for_a_live_school_and_resolved_by_next_push(center):
    alarms, _ = center
    alarms.on_receiver_event(stored(T0))
    alarms.on_receiver_event(stored(T0, sid=OTHER_SID))
    alarms.tick(T0 + 599, [SID, OTHER_SID])
    assert open_kinds(alarms) == []
    alarms.tick(T0 + 600, [SID])              # the other school has nothing live
    assert [(a.kind, a.sid) for a in alarms.open_alarms()] == [("silence", SID)]
    assert alarms.alarms[f"silence:{SID}"].params["last_push_at"] == T0
    alarms.tick(T0 + 900, [SID])              # still silent: the same alarm, not a new one
    assert alarms.alarms[f"silence:{SID}"].since == T0 + 600
    alarms.on_receiver_event(stored(T0 + 950))
    assert alarms.alarms[f"silence:{SID}"].resolved_at == T0 + 950


def test_silence_after_three_minutes_by_default():
    alarms = AlarmCenter()
    alarms.on_receiver_event(stored(T0))
    alarms.tick(T0 + 179, [SID])
    assert alarms.open_alarms() == []
    alarms.tick(T0 + 180, [SID])
    assert open_kinds(alarms) == ["silence"]
    alarms.on_receiver_event(stored(T0 + 200))
    assert alarms.open_alarms() == []


def test_a_blocked_queue_resending_is_not_silence(center):
    """Re-sends of a refused push prove the path from ClassIn works: the desk
    sees the stuck push, not a misleading "tunnel or upstream down"."""
    alarms, _ = center
    alarms.on_receiver_event(stored(T0))
    for n in range(1, 80):
        alarms.on_receiver_event(refused(T0 + 10 * n, attempts=n))
    alarms.tick(T0 + 800, [SID])
    assert open_kinds(alarms) == ["stuck_push"]


def test_no_silence_for_a_school_never_heard_from(center):
    alarms, _ = center
    alarms.tick(T0 + 10_000, [SID])
    assert alarms.open_alarms() == []


# -- storage -----------------------------------------------------------------------------
def test_storage_failure_raised_and_resolved_by_the_next_commit(center):
    alarms, _ = center
    alarms.on_receiver_event(StorageFailed(T0, "database or disk is full", SID))
    alarms.on_receiver_event(StorageFailed(T0 + 10, "database or disk is full", SID))
    storage = alarms.alarms["storage"]
    assert (storage.kind, storage.severity, storage.count) == ("storage", Severity.CRITICAL, 2)
    assert storage.params == {"reason": "database or disk is full", "lessons": []}   # no lesson is live
    alarms.on_receiver_event(stored(T0 + 20))
    assert storage.resolved_at == T0 + 20


# -- lesson events -----------------------------------------------------------------------
def test_help_request_raised_with_who_and_what(center):
    alarms, _ = center
    help_event = event("HelpInfo.json", T0)
    alarms.on_lesson_event(help_event, live=True)
    (alarm,) = alarms.open_alarms()
    assert (alarm.kind, alarm.class_id, alarm.uid, alarm.sid) == ("help_request", CLASS_ID, 41200871, SID)
    assert "keeps dropping out" in alarm.params["message"]
    assert alarm.params["users"] == [41200871, TOMAS]
    # A second request in the same lesson is another alarm (another message).
    alarms.on_lesson_event(event("HelpInfo.json", T0 + 60, action_time=1747185760), live=True)
    assert len(alarms.open_alarms()) == 2


def test_device_problem_only_for_live_lessons_and_resolved_by_a_later_ok_check(center):
    alarms, _ = center
    bad = event("Check.json", T0)
    assert bad.check.has_problem                              # the fixture's camera gives no picture
    alarms.on_lesson_event(bad, live=False)                   # a past lesson: history, not an alarm
    assert alarms.open_alarms() == []
    alarms.on_lesson_event(bad, live=True)
    (alarm,) = alarms.open_alarms()
    assert (alarm.kind, alarm.class_id, alarm.uid, alarm.sid) == ("device", CLASS_ID, LENA, SID)
    assert any("camera" in p for p in alarm.params["users"][str(LENA)])
    # An OK check of another user changes nothing; Lena's own OK check resolves.
    alarms.on_lesson_event(event("Check.json", T0 + 60, data=GOOD_CHECK, UID=TOMAS), live=True)
    assert alarm.open
    ok = event("Check.json", T0 + 120, action_time=1747184400, data={**GOOD_CHECK, "addTime": 1747184400})
    assert not ok.check.has_problem
    alarms.on_lesson_event(ok, live=True)
    assert alarm.resolved_at == T0 + 120


def test_out_of_class_checks_raise_no_device_alarm(center):
    alarms, _ = center
    home = event("UserCheck.json", T0, data={"CameraArbitrary": 2})
    assert home.check.kind == "out-of-class" and home.check.has_problem
    alarms.on_lesson_event(home, live=True)
    assert alarms.open_alarms() == []


def test_network_problem_only_for_live_lessons_and_resolved_by_a_later_ok_report(center):
    alarms, _ = center
    bad = event("Net.json", T0)
    assert bad.sample.has_problem
    alarms.on_lesson_event(bad, live=False)
    assert alarms.open_alarms() == []
    alarms.on_lesson_event(bad, live=True)
    (alarm,) = alarms.open_alarms()
    assert (alarm.kind, alarm.uid, alarm.class_id, alarm.sid) == ("network", TOMAS, CLASS_ID, SID)
    assert alarm.params["users"][str(TOMAS)] and alarm.params["trouble_at"] is not None
    ok = event("Net.json", T0 + 300, action_time=1747185907, data={**GOOD_NET, "reportTime": "1747185907"})
    assert not ok.sample.has_problem
    alarms.on_lesson_event(ok, live=True)
    assert alarm.open                        # one good period may be luck ...
    alarms.on_lesson_event(event("Net.json", T0 + 600, action_time=1747186207,
                                 data={**GOOD_NET, "reportTime": "1747186207"}), live=True)
    assert alarm.resolved_at == T0 + 600     # ... two in a row are good again


def test_network_trouble_of_many_users_is_one_alarm_per_lesson_ended_by_leaving(center):
    alarms, changes = center
    for i, uid in enumerate((TOMAS, LENA, 41200871)):
        alarms.on_lesson_event(event("Net.json", T0 + i, UID=uid), live=True)
    (alarm,) = alarms.open_alarms()
    assert alarm.key == f"network:{CLASS_ID}" and alarm.count == 3
    assert set(alarm.params["users"]) == {str(TOMAS), str(LENA), "41200871"}
    # A bad report after a good one starts the count of good periods again.
    alarms.on_lesson_event(event("Net.json", T0 + 300, UID=TOMAS, data=GOOD_NET), live=True)
    alarms.on_lesson_event(event("Net.json", T0 + 600, UID=TOMAS), live=True)
    alarms.on_lesson_event(event("Net.json", T0 + 900, UID=TOMAS, data=GOOD_NET), live=True)
    assert str(TOMAS) in alarm.params["users"]
    # Whoever leaves the lesson is off the alarm; when nobody is left it resolves.
    for uid in (TOMAS, LENA, 41200871):
        alarms.on_lesson_event(event("inclass_exit.json", T0 + 1000, UID=uid), live=True)
    assert alarm.resolved_at == T0 + 1000 and alarm.params["users"] == {}



def test_device_and_network_alarms_can_be_switched_off():
    alarms = AlarmCenter(AlarmSettings(device_alarms=False, network_alarms=False))
    alarms.on_lesson_event(event("Check.json", T0), live=True)
    alarms.on_lesson_event(event("Net.json", T0), live=True)
    assert alarms.open_alarms() == []


# -- acknowledging and ordering ----------------------------------------------------------------
def test_acknowledge_marks_once_and_keeps_the_alarm_open(center):
    alarms, changes = center
    alarms.on_lesson_event(event("HelpInfo.json", T0), live=True)
    key = alarms.open_alarms()[0].key
    alarms.acknowledge(key)
    alarms.acknowledge(key)                    # twice: one change only
    alarms.acknowledge("no-such-alarm")
    assert alarms.alarms[key].acknowledged and alarms.alarms[key].open
    assert len(changes) == 2


def test_a_help_request_fed_again_keeps_its_alarm_as_the_desk_left_it(center):
    alarms, _ = center
    help_event = event("HelpInfo.json", T0)
    alarms.on_lesson_event(help_event, live=True)
    (alarm,) = alarms.open_alarms()
    alarms.acknowledge(alarm.key)
    alarms.on_lesson_event(help_event, live=True)          # the lesson replayed at start
    assert list(alarms.alarms.values()) == [alarm] and (alarm.count, alarm.acknowledged) == (1, True)


# -- restarts and lessons ending -------------------------------------------------------------
def test_restored_alarms_are_announced_and_yield_to_ones_raised_since(center):
    alarms, changes = center
    alarms.on_receiver_event(refused(T0 + 100))
    kept_stuck = Alarm(key=f"stuck:{SID}", kind="stuck_push", since=T0, last=T0, sid=SID, acknowledged=True)
    kept_help = Alarm(key="help_request:1:x", kind="help_request", since=T0, last=T0, class_id=1,
                      acknowledged=True)
    alarms.restore([kept_stuck, kept_help])
    assert alarms.alarms[f"stuck:{SID}"].since == T0 + 100
    assert alarms.alarms["help_request:1:x"] is kept_help and changes[-1] is kept_help


def test_problems_of_lessons_no_longer_running_resolve(center):
    alarms, _ = center
    alarms.on_lesson_event(event("HelpInfo.json", T0), live=True)
    alarms.on_lesson_event(event("Check.json", T0), live=True)
    alarms.on_lesson_event(event("Net.json", T0), live=True)
    alarms.on_receiver_event(refused(T0))
    alarms.lessons_over(T0 + 60, {CLASS_ID})
    assert sorted(open_kinds(alarms)) == ["device", "help_request", "network", "stuck_push"]
    alarms.lessons_over(T0 + 120, set())
    assert open_kinds(alarms) == ["stuck_push"]
    assert {a.resolved_at for a in alarms.alarms.values() if not a.open} == {T0 + 120}


def test_open_alarms_critical_first_then_newest_first(center):
    alarms, _ = center
    alarms.on_receiver_event(refused(T0, sid=SID))
    alarms.on_receiver_event(stored(T0 + 1))                            # resolves SID's stuck alarm
    alarms.on_receiver_event(duplicate(T0 + 50))                        # warning, newest
    alarms.on_receiver_event(refused(T0 + 10, sid=OTHER_SID))           # critical, older
    alarms.on_lesson_event(event("HelpInfo.json", T0 + 30), live=True)  # a person waiting: critical
    alarms.on_receiver_event(StorageFailed(T0 + 20, "disk I/O error"))  # critical
    alarms.on_lesson_event(event("Net.json", T0 + 55), live=True)        # warning, newest
    assert [a.kind for a in alarms.open_alarms()] == ["help_request", "storage", "stuck_push", "network",
                                                      "resent"]


# -- gensee ---------------------------------------------------------------------------
def test_gensee_refusals_do_not_block_a_classin_queue(center):
    center, _ = center
    center.on_receiver_event(PushRefused(qkey="g1", source="gensee", received_at=T0, status=400,
                                         reason_code="missing_param", reason="no ClassNo", sid=None,
                                         cmd="event", class_id=None, attempts=1, first_seen=T0))
    assert open_kinds(center) == []


def gensee_call(at: float, room: str, action: int, user: int = 1, total: int = 30) -> tuple[float, dict]:
    return (at, {"endpoint": "event", "method": "GET",
                 "query": {"ClassNo": room, "Operator": str(user), "Action": str(action),
                           "Affected": str(user), "totalusernum": str(total)}})


def test_bulk_abnormal_gensee_leaves_raise_one_alarm_per_burst_while_the_room_is_live():
    from lessons.gensee_rooms import replay as replay_gensee
    center = AlarmCenter()
    started = [gensee_call(T0 - 60, room, 103) for room in ("room1", "room2")]   # 103: live started
    leaves = [gensee_call(T0 + i, room, 110, 100 + i, 30 - i) for room in ("room1", "room2") for i in range(6)]
    rooms = replay_gensee(started + leaves + [gensee_call(T0 + 10, "room2", 105)])  # 105: room2 stopped
    now = T0 + 20
    live = {room.class_no for room in rooms.live_now(now)}
    assert live == {"room1"}
    for _ in range(3):  # every tick finds the same bursts again
        center.on_gensee_rooms(now, rooms.bulk_abnormal_leaves(120, 5), live)
    alarms = center.open_alarms()
    assert [a.kind for a in alarms] == ["gensee_leaves"]     # room2's trouble ended with its session
    assert alarms[0].count == 1 and alarms[0].params["count"] == 6 and alarms[0].params["class_no"] == "room1"

    center.acknowledge(alarms[0].key)
    center.on_gensee_rooms(now + 600, rooms.bulk_abnormal_leaves(120, 5), set())   # room1 over too
    assert center.open_alarms() == [] and center.alarms[alarms[0].key].resolved_at == now + 600


# -- the listener API other parts hook into (channels, relay, the window) -------------------
def test_subscribers_get_each_change_as_the_contracts_alarm_object():
    center = AlarmCenter()
    events = []
    unsubscribe = center.subscribe(events.append)
    center.subscribe(lambda event: 1 / 0)      # a broken listener stops nobody
    center.raise_kind("relay", "lms", when=T0, sid=SID, destination="lms", error="HTTP 500")
    center.raise_kind("relay", "lms", when=T0 + 5, sid=SID, destination="lms", error="timeout")
    center.acknowledge("relay:lms")
    center.resolve_kind("relay", "lms", when=T0 + 9)
    assert [e.change for e in events] == ["opened", "updated", "acknowledged", "resolved"]
    record = events[1].record()
    assert set(record) == {"id", "kind", "severity", "state", "sid", "class_id", "uid", "title", "detail",
                           "first_seen", "last_seen", "count", "acknowledged_by", "acknowledged_at"}
    assert (record["kind"], record["severity"], record["sid"], record["first_seen"], record["last_seen"],
            record["count"]) == ("relay", "critical", SID, T0, T0 + 5, 2)
    assert events[-1].record()["state"] == "resolved"
    assert center.alarms["relay:lms"].params == {"destination": "lms", "error": "timeout"}
    unsubscribe()
    center.raise_kind("storage", when=T0 + 20, reason="disk full")
    assert len(events) == 4 and center.alarms["storage"].open


# -- whom a school- or desk-wide alarm hits ------------------------------------------------
LIVE = [(SID, 2), (SID, 1), (OTHER_SID, 3), (None, 4)]      # (sid, class_id); a lesson without SID hits nobody's


def test_school_and_desk_wide_alarms_carry_the_live_lessons_they_hit():
    live = list(LIVE)
    alarms = AlarmCenter(AlarmSettings(silence_seconds=180), live=lambda: live)
    changes: list[str] = []
    alarms.subscribe(lambda event: changes.append((event.change, event.alarm.kind)))
    alarms.on_receiver_event(stored(T0))
    alarms.on_receiver_event(refused(T0 + 1, sid=OTHER_SID))
    alarms.on_receiver_event(refused(T0 + 1, sid=None, qkey="q3"))
    alarms.on_receiver_event(StorageFailed(T0 + 2, "disk full", SID))
    alarms.on_tunnel(False, "502 from the public URL", T0 + 3)
    alarms.tick(T0 + 181, [SID])

    hit = {a.key: a.params["lessons"] for a in alarms.open_alarms()}
    assert hit == {f"silence:{SID}": [[SID, 1], [SID, 2]],
                   f"stuck:{OTHER_SID}": [[OTHER_SID, 3]],
                   "stuck:None": [],                                   # a push without SID: whose, unknown
                   "storage": [[SID, 1], [SID, 2], [OTHER_SID, 3]],    # the desk's: every school's
                   "tunnel": [[SID, 1], [SID, 2], [OTHER_SID, 3]]}

    # A lesson ends and another starts while the queue stays blocked: counted again at the tick.
    live[:] = [(SID, 1), (OTHER_SID, 3), (OTHER_SID, 5)]
    changes.clear()
    alarms.tick(T0 + 200, [SID, OTHER_SID])
    assert alarms.alarms[f"stuck:{OTHER_SID}"].params["lessons"] == [[OTHER_SID, 3], [OTHER_SID, 5]]
    assert alarms.alarms[f"silence:{SID}"].params["lessons"] == [[SID, 1]]
    assert ("updated", "tunnel") in changes and ("updated", "stuck_push") in changes
    changes.clear()
    alarms.tick(T0 + 215, [SID, OTHER_SID])
    assert changes == []                  # nothing changed: nothing to tell the listeners


def test_lesson_alarms_carry_no_lesson_count(center):
    alarms, _ = center
    alarms.on_lesson_event(event("Net.json", T0), live=True)
    assert "lessons" not in alarms.alarms[f"network:{CLASS_ID}"].params


def test_a_resend_keeps_the_count_of_lessons_hit():
    alarms = AlarmCenter(live=lambda: [(SID, 1)])
    alarms.on_receiver_event(refused(T0))
    alarms.on_receiver_event(refused(T0 + 10, attempts=2))
    assert alarms.alarms[f"stuck:{SID}"].params["lessons"] == [[SID, 1]]
