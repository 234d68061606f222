"""The live table's people counts, kept one touched user at a time
(gui/models/live_lessons_model.PeopleCounts), always equal a full recount."""
from __future__ import annotations

from gui.models.live_lessons_model import PeopleCounts
from lessons.events import parse
from lessons.state import SchoolState
from simulator.school import generate_day


def test_counts_kept_per_touched_user_equal_a_full_recount_after_every_push():
    day = generate_day(2290417, "secret", lessons=3, students=12, seed=11, start=1_765_000_000)
    school = SchoolState()
    kept = PeopleCounts()
    checked = changes = 0
    last: dict[int, tuple[int, int, int]] = {}
    for push in sorted(day.pushes, key=lambda p: p.at):
        event = parse(push.body, push.at)
        school.apply(event)
        lesson = school.lessons.get(event.class_id) if event.class_id is not None else None
        if lesson is None:
            continue
        kept.touched(lesson.class_id, getattr(event, "uid", None))   # as the live view does per push
        totals = kept.totals(lesson)
        assert totals == PeopleCounts().totals(lesson), (push.body.get("Cmd"), event)
        checked += 1
        changes += totals != last.get(lesson.class_id)
        last[lesson.class_id] = totals
    # A day of enters, exits, hands and bad networks: the counts moved many times.
    assert checked > 200 and changes > 30, (checked, changes)
