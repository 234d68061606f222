"""History queries on a real SQLite file: simulated school days of two schools
plus the fixture story, stored through the Writer and the Projector
(tests.helpers.store_directly), then read back the way the history, checks and
network views read them."""
from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from protocol.classin import CMD_ENTER, as_int
from simulator.school import SchoolDay, generate_day
from storage import history, queries
from storage.db import open_database
from storage.derived import DERIVED_MODELS, rebuild
from storage.paths import DB_NAME

from ..helpers import SECRET, SID, fixture, fixture_names, fixture_variant, run_cli, store_directly

DAY = 86400
FIRST_DAY = 1_767_225_600          # 2026-01-01 00:00 UTC; lessons from 09:00
DAYS = 3
OTHER_SID = 7_000_001
CLASS_ID = 508113967               # the fixture lesson
LENA, TOMAS = 41200902, 41200915
LENA_PHONE = "0044-7700900431"
LATER_OK_CHECK = 1747187000        # Lena's camera works again later in the fixture lesson


class History:
    """What was stored, to check the queries against."""

    def __init__(self, path: Path, days: list[SchoolDay], bodies: list[tuple[float, dict]]):
        self.path, self.days, self.bodies = path, days, bodies

    def of_cmd(self, cmd: str) -> list[dict]:
        return [b for _, b in self.bodies if str(b.get("Cmd")) == cmd]


def _simulated(sid: int, index: int) -> SchoolDay:
    return generate_day(sid, SECRET, lessons=3, students=4, seed=100 * sid + index,
                        start=FIRST_DAY + index * DAY + 9 * 3600)


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> History:
    data_dir = tmp_path_factory.mktemp("history")
    days = [_simulated(SID, i) for i in range(DAYS)] + [_simulated(OTHER_SID, 1)]
    bodies = sorted(((float(p.at) + 1, p.body) for day in days for p in day.pushes), key=lambda x: x[0])
    # The fixture story, received the day after it happened, plus Lena's later OK check.
    story = [fixture(name) for name in fixture_names()]
    story.append(fixture_variant("Check.json", action_time=LATER_OK_CHECK,
                                 data={"addTime": LATER_OK_CHECK, "CameraImpersonal": 1}))
    bodies += [(1_747_300_000.0 + n, body) for n, body in enumerate(story)]
    store_directly(data_dir / DB_NAME, bodies)
    return History(data_dir / DB_NAME, days, bodies)


@pytest.fixture
def db(stored):
    """Binds the models to the stored file for one test (other tests rebind them)."""
    database = open_database(stored.path)
    yield database
    database.close()


def derived_rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {m._meta.table_name: conn.execute(f"SELECT * FROM {m._meta.table_name} ORDER BY 1").fetchall()
                for m in DERIVED_MODELS}
    finally:
        conn.close()


def day_start(index: int) -> int:
    return FIRST_DAY + index * DAY


# -- derived tables = replay of the raw pushes ----------------------------------------------------
def test_derived_tables_after_pushes_equal_a_rebuild(stored, db):
    live = derived_rows(stored.path)
    assert all(live.values()), {name: len(rows) for name, rows in live.items()}
    assert rebuild(db) == len(stored.bodies)
    assert derived_rows(stored.path) == live


@pytest.mark.slow
def test_rebuild_command_as_a_subprocess(stored, db):
    before = derived_rows(stored.path)
    db.close()      # the command opens the file itself
    result = run_cli("rebuild", data_dir=stored.path.parent)
    assert result.returncode == 0, result.stderr
    assert f"rebuilt derived tables from {len(stored.bodies)} pushes" in result.stdout
    backup = re.search(r"backup: (\S+)\)", result.stdout).group(1)
    assert (stored.path.parent / backup).stat().st_size > 0
    assert derived_rows(stored.path) == before


def test_a_schedule_edit_after_the_lesson_keeps_its_activity_times(tmp_path):
    """Regression: SQLite's min(x, NULL) is NULL, so a schedule edit (no activity
    time) arriving after the lesson wiped first/last activity from the index."""
    path = tmp_path / DB_NAME
    enter, edit = fixture("inclass_enter.json"), fixture("eeoClassInfoChange.json")
    store_directly(path, [(1.0, enter), (2.0, edit)])
    database = open_database(path)
    try:
        (row,) = history.lessons_between(sid=SID)
        assert (row["first_activity"], row["last_activity"]) == (enter["ActionTime"], enter["ActionTime"])
        assert row["class_name"] == "Unit 4: Light and Shadows"
    finally:
        database.close()


def test_a_booking_days_ahead_does_not_date_the_lesson(tmp_path):
    """A parent booking the web live the day before (LiveReserve) is no lesson
    activity: the lesson is found on the day it took place."""
    path = tmp_path / DB_NAME
    booking, enter = fixture("LiveReserve.json"), fixture("inclass_enter.json")
    assert booking["ClassID"] == enter["ClassID"] and booking["ActionTime"] < enter["ActionTime"] - 12 * 3600
    store_directly(path, [(1.0, booking), (2.0, enter)])
    database = open_database(path)
    try:
        (row,) = history.lessons_between(sid=SID)
        assert (row["first_activity"], row["last_activity"]) == (enter["ActionTime"], enter["ActionTime"])
        assert history.lessons_between(enter["ActionTime"] - 3600, enter["ActionTime"] + 3600) == [row]
    finally:
        database.close()


# -- lessons ----------------------------------------------------------------------------------------------
def test_lessons_between_a_day_and_one_school(stored, db):
    for index in range(DAYS):
        rows = history.lessons_between(day_start(index), day_start(index + 1), sid=SID)
        assert {r["class_id"] for r in rows} == set(stored.days[index].truth)
        starts = [r["first_activity"] for r in rows]
        assert starts == sorted(starts, reverse=True)            # newest first
        assert all(r["class_name"] and r["teacher_name"] and r["has_end"] for r in rows)
    both = history.lessons_between(day_start(1), day_start(2))
    assert {r["sid"] for r in both} == {SID, OTHER_SID}
    assert {r["class_id"] for r in history.lessons_between(day_start(1), day_start(2), sid=OTHER_SID)} == \
        set(stored.days[DAYS].truth)
    assert history.lessons_between(day_start(DAYS), day_start(DAYS + 30)) == []


def test_lessons_between_finds_by_name_and_class_id(stored, db):
    # The simulated school teaches a lesson of that name too (its day 1 and 3).
    named = history.lessons_between(text="Light and Shadows")
    assert CLASS_ID in {r["class_id"] for r in named}
    assert all(r["class_name"] == "Unit 4: Light and Shadows" for r in named)
    assert [r["class_id"] for r in history.lessons_between(text=str(CLASS_ID))] == [CLASS_ID]


def test_lesson_summary_names_people_from_the_course_roster(stored, db):
    summary = history.lesson_summary(CLASS_ID, now=1_747_400_000)
    names = {p["uid"]: p["name"] for p in summary["participants"]}
    assert names[LENA] == "Lena Park" and names[TOMAS].startswith("Tom")
    for class_id, truth in stored.days[0].truth.items():
        got = history.lesson_summary(class_id)
        assert (got["status"], got["end_time"]) == (truth["status"], truth["end_time"])


def test_exporting_summaries_reads_one_lesson_at_a_time_and_stops_when_cancelled(stored, db):
    from app.export import Cancelled, summaries
    from storage.config import Config
    lessons = list(stored.days[0].truth) + [1, 2, 3]            # unknown ClassIDs are left out
    done: list[int] = []
    found = summaries(lessons, Config(), progress=done.append)
    assert done == list(range(1, len(lessons) + 1))
    assert [s["class_id"] for s in found] == list(stored.days[0].truth)
    done.clear()
    with pytest.raises(Cancelled):
        summaries(lessons, Config(), progress=done.append, cancelled=lambda: len(done) == 2)
    assert done == [1, 2]


# -- device checks -----------------------------------------------------------------------------------------
def test_device_checks_latest_only_problems_only_and_search(stored, db):
    lena = history.device_checks(uid=LENA)
    assert [(r["kind"], r["has_problem"], r["time"]) for r in lena] == [
        ("in-class", 1, fixture("Check.json")["Data"]["addTime"]),      # problems first
        ("in-class", 0, LATER_OK_CHECK),
        ("out-of-class", 0, fixture("UserCheck.json")["Data"]["addTime"])]
    latest = history.device_checks(uid=LENA, latest_only=True)
    assert sorted((r["kind"], r["time"]) for r in latest) == [
        ("in-class", LATER_OK_CHECK), ("out-of-class", fixture("UserCheck.json")["Data"]["addTime"])]

    everyone_latest = history.device_checks(latest_only=True)
    keys = Counter((r["uid"], r["kind"]) for r in everyone_latest)
    assert keys and max(keys.values()) == 1
    problems = history.device_checks(problems_only=True)
    assert problems and all(r["has_problem"] == 1 and r["problems"] for r in problems)
    assert LENA not in {r["uid"] for r in history.device_checks(problems_only=True, latest_only=True)}

    by_name = history.device_checks(text="Lena Park")
    by_phone = history.device_checks(text=LENA_PHONE[-6:])
    by_uid = history.device_checks(text=str(LENA))
    assert {r["uid"] for r in by_name} == {r["uid"] for r in by_phone} == {r["uid"] for r in by_uid} == {LENA}
    assert len(by_name) == 3 and by_name[0]["name"] == "Lena Park" and by_name[0]["phone"] == LENA_PHONE
    assert history.device_checks(text="nobody-is-called-this") == []


def test_find_users_by_name_phone_and_uid(stored, db):
    assert [u["uid"] for u in history.find_users("Lena Park")] == [LENA]
    assert [u["uid"] for u in history.find_users("7700900499")] == [TOMAS]    # the changed number
    assert history.find_users(str(TOMAS))[0]["phone"] == "0044-7700900499"


# -- network samples ------------------------------------------------------------------------------------------
def test_net_samples_by_lesson_user_and_time(stored, db):
    nets = [b for b in stored.of_cmd("Net") if b["SID"] == SID and b.get("ClassID") != CLASS_ID]
    per_lesson = Counter(b["ClassID"] for b in nets)
    for class_id, count in per_lesson.items():
        rows = history.net_samples(class_id=class_id)
        assert len(rows) == count
        assert [r["time"] for r in rows] == sorted(r["time"] for r in rows)
    uid, count = Counter(b["UID"] for b in nets).most_common(1)[0]
    assert len(history.net_samples(uid=uid)) == count
    one_hour = day_start(1) + 9 * 3600, day_start(1) + 10 * 3600
    expected = [b for b in stored.of_cmd("Net")
                if one_hour[0] <= as_int(b["Data"]["reportTime"]) < one_hour[1]]
    got = history.net_samples(since=one_hour[0], until=one_hour[1])
    assert expected and len(got) == len(expected)
    (tomas,) = history.net_samples(class_id=CLASS_ID, uid=TOMAS)
    assert tomas["loss_percent"] > 5 and "packet loss" in tomas["problems"]


def test_user_lessons(stored, db):
    assert [r["class_id"] for r in history.user_lessons(LENA)] == [CLASS_ID]
    enters = [b for b in stored.of_cmd(str(CMD_ENTER)) if b["SID"] == SID and b["ClassID"] != CLASS_ID]
    student = enters[0]["UID"]
    assert {r["class_id"] for r in history.user_lessons(student)} == \
        {b["ClassID"] for b in enters if b["UID"] == student}


def test_recent_pushes_loads_whole_lessons_active_since_then(stored, db):
    last_day = stored.days[DAYS - 1]
    # From a minute before the last End summary: only the last lesson is active.
    since = max(p.at for p in last_day.pushes if p.body["Cmd"] == "End") - 60
    loaded = list(queries.recent_pushes(since))
    active = {b.get("ClassID") for t, b in stored.bodies if t >= since} - {None}
    assert active and {b.get("ClassID") for _, b in loaded} - {None} == active
    whole = [b["_id"] for _, b in stored.bodies if b.get("ClassID") in active]
    assert [b["_id"] for _, b in loaded if b.get("ClassID") in active] == whole


def test_iter_pushes_since_starts_at_that_time(stored, db):
    since = day_start(2)
    got = [row.id for row in queries.iter_pushes(since=since)]
    expected = sum(1 for t, _ in stored.bodies if t >= since)
    assert len(got) == expected and got == sorted(got)
    assert list(queries.iter_pushes(since=2e9)) == []


# -- query plans: the non-timed guarantee of "fast on a year of history" ----------------------------------
_ALIAS = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?', re.IGNORECASE)
_SCAN = re.compile(r"\bSCAN (\w+)")


def plans_of(db, call: Callable[[], Any]) -> list[tuple[str, list[str]]]:
    """Run `call`; (sql, EXPLAIN QUERY PLAN details) of every SELECT it made."""
    seen: list[tuple[str, list[str]]] = []
    original = db.execute_sql

    def spying(sql: str, params: Any = None, *args: Any, **kwargs: Any):
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            plan = original("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            seen.append((sql, [row[-1] for row in plan]))
        return original(sql, params, *args, **kwargs)

    db.execute_sql = spying
    try:
        result = call()
        if isinstance(result, Iterator):
            list(result)
    finally:
        del db.execute_sql      # back to the class's method
    return seen


def scanned_tables(sql: str, plan: list[str]) -> set[str]:
    """Tables read whole: "SCAN <alias>" (also "USING INDEX": a whole-index walk)."""
    aliases = {}
    for table, alias in _ALIAS.findall(sql):
        aliases[table] = table
        if alias and alias.upper() not in ("WHERE", "ON", "LEFT", "INNER", "JOIN", "ORDER", "GROUP", "LIMIT"):
            aliases[alias] = table
    return {aliases.get(m, m) for line in plan for m in _SCAN.findall(line)}


def _lesson(h: History) -> int:
    return next(iter(h.days[0].truth))


SINCE = day_start(2)
# name -> (query on the stored history, tables it may read whole). Only a
# free-text search may walk the (small) user directory: an infix LIKE cannot
# use an index. Everything about one lesson, one user or a time range must not.
PLAN_CASES: dict[str, tuple[Callable[[History], Any], set[str]]] = {
    "lesson_pushes": (lambda h: history.lesson_pushes(CLASS_ID), set()),
    "lesson_summary": (lambda h: history.lesson_summary(_lesson(h)), set()),
    "lessons_between day": (lambda h: history.lessons_between(SINCE, SINCE + DAY), set()),
    "lessons_between day+sid": (lambda h: history.lessons_between(SINCE, SINCE + DAY, sid=SID), set()),
    "net_samples lesson": (lambda h: history.net_samples(class_id=_lesson(h)), set()),
    "net_samples user": (lambda h: history.net_samples(uid=TOMAS), set()),
    "net_samples user+range": (lambda h: history.net_samples(uid=TOMAS, since=SINCE, until=SINCE + 3600), set()),
    "net_samples time range": (lambda h: history.net_samples(since=SINCE, until=SINCE + 3600), set()),
    "device_checks user": (lambda h: history.device_checks(uid=LENA), set()),
    "device_checks user latest": (lambda h: history.device_checks(uid=LENA, latest_only=True), set()),
    "device_checks problems": (lambda h: history.device_checks(problems_only=True), set()),
    "device_checks search": (lambda h: history.device_checks(text="Lena"), {"user_directory"}),
    "user_lessons": (lambda h: history.user_lessons(LENA), set()),
    "recent_pushes": (lambda h: queries.recent_pushes(SINCE), set()),
    "iter_pushes lesson": (lambda h: queries.iter_pushes(class_id=_lesson(h)), set()),
    "iter_pushes since": (lambda h: queries.iter_pushes(since=SINCE), set()),
}


@pytest.mark.parametrize("name", list(PLAN_CASES))
def test_history_query_uses_an_index(stored, db, name):
    query, may_scan = PLAN_CASES[name]
    plans = plans_of(db, lambda: query(stored))
    assert plans, "the query ran no SELECT?"
    for sql, plan in plans:
        assert scanned_tables(sql, plan) <= may_scan, f"{name}: {sql}\n" + "\n".join(plan)
