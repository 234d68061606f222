#!/usr/bin/env python3
"""History query benchmark: a year of one school's pushes, then the time of
each question the history, checks and network views ask.

The year is simulated school days (simulator.school.generate_day, one per
calendar day, generated in worker processes) stored through the receiver's
record builder, the Writer's group commit and the Projector — the same rows
and derived rows `serve` leaves, without HTTP. Each query runs --repeats
times on varying arguments (a different lesson, day or user each time) and
prints p50/p99 in milliseconds. Numbers only: nothing here asserts on time;
tests/storage/test_history.py guards the query plans instead.

    python bench/history_queries.py [--days 365] [--lessons 5] [--students 8]
                                    [--repeats 40] [--db FILE]

--db keeps the database (and reuses it on the next run with the same path),
otherwise it lives in a temporary directory.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson  # noqa: E402

from simulator.school import generate_day  # noqa: E402
from storage import history, queries  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.derived import DeviceCheckRow, LessonIndex, NetSampleRow, UserRow  # noqa: E402
from storage.models import Push  # noqa: E402
from tests.helpers import store_directly  # noqa: E402  (the shared Writer+Projector path)

SID, SECRET = 9000001, "bench-secret"
YEAR_START = 1735689600          # 2025-01-01 00:00 UTC; lessons from 09:00 on
DAY = 86400


def _day(args: tuple[int, int, int]) -> list[tuple[float, str]]:
    """One school day as (received_at, JSON text); runs in a worker process."""
    index, lessons, students = args
    day = generate_day(SID, SECRET, lessons=lessons, students=students, seed=index,
                       start=YEAR_START + index * DAY + 9 * 3600)
    # Received a second after ClassIn sent it, as over a healthy tunnel.
    return [(float(p.at) + 1.0, orjson.dumps(p.body).decode()) for p in day.pushes]


def _year(days: int, lessons: int, students: int) -> Iterator[tuple[float, str]]:
    # Generating and signing costs about as much as parsing and storing: do it
    # in other processes while this one stores (in day order, as received).
    with multiprocessing.Pool() as pool:
        for pushes in pool.imap(_day, [(i, lessons, students) for i in range(days)], chunksize=4):
            yield from pushes


def build(path: Path, days: int, lessons: int, students: int) -> None:
    started = time.monotonic()
    count = store_directly(path, _year(days, lessons, students))
    seconds = time.monotonic() - started
    print(f"built {count} pushes ({days} days x {lessons} lessons x {students} students) "
          f"in {seconds:.1f} s ({count / seconds:.0f} pushes/s), {path.stat().st_size / 2**20:.0f} MiB")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def timed(name: str, repeats: int, make_call: Callable[[random.Random], Callable[[], Any]]) -> None:
    rng = random.Random(name)        # the same arguments on every run
    times, sizes = [], []
    for _ in range(repeats):
        call = make_call(rng)
        started = time.perf_counter()
        result = call()
        if not isinstance(result, (list, dict, type(None))):
            result = list(result)    # generators: the time to read them all
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(len(result) if result is not None else 0)
    print(f"{name:<42} p50 {pct(times, 0.5):8.2f} ms   p99 {pct(times, 0.99):8.2f} ms"
          f"   rows ~{statistics.median(sizes):.0f}")


def run_queries(repeats: int) -> None:
    class_ids = [r.class_id for r in LessonIndex.select(LessonIndex.class_id)]
    net_uids = [r.uid for r in NetSampleRow.select(NetSampleRow.uid).distinct()]
    check_uids = [r.uid for r in DeviceCheckRow.select(DeviceCheckRow.uid).distinct()]
    names = [r.name for r in UserRow.select(UserRow.name).where(UserRow.name.is_null(False))]
    first, last = (Push.select(Push.received_at).order_by(Push.id).limit(1).scalar(),
                   Push.select(Push.received_at).order_by(Push.id.desc()).limit(1).scalar())
    days = max(1, int((last - first) // DAY))
    print(f"{Push.select().count()} pushes, {len(class_ids)} lessons, {NetSampleRow.select().count()} net samples, "
          f"{DeviceCheckRow.select().count()} device checks, {UserRow.select().count()} users; "
          f"{repeats} repeats each")

    def day_start(rng: random.Random) -> float:
        return YEAR_START + rng.randrange(days) * DAY

    timed("lesson_summary (one lesson)", repeats,
          lambda rng: (lambda cid=rng.choice(class_ids): history.lesson_summary(cid)))
    timed("lessons_between (one day)", repeats,
          lambda rng: (lambda t=day_start(rng): history.lessons_between(t, t + DAY)))
    timed("lessons_between (one day, sid)", repeats,
          lambda rng: (lambda t=day_start(rng): history.lessons_between(t, t + DAY, sid=SID)))
    timed("lessons_between (a year, text)", repeats,
          lambda rng: (lambda: history.lessons_between(text="Piano", limit=500)))
    timed("device_checks (problems, newest 500)", repeats,
          lambda rng: (lambda: history.device_checks(problems_only=True, limit=500)))
    timed("device_checks (latest per user, problems)", repeats,
          lambda rng: (lambda: history.device_checks(latest_only=True, problems_only=True, limit=500)))
    timed("device_checks (search a name)", repeats,
          lambda rng: (lambda n=rng.choice(names): history.device_checks(text=n)))
    timed("device_checks (one user)", repeats,
          lambda rng: (lambda u=rng.choice(check_uids): history.device_checks(uid=u)))
    timed("net_samples (one lesson)", repeats,
          lambda rng: (lambda cid=rng.choice(class_ids): history.net_samples(class_id=cid)))
    timed("net_samples (one user)", repeats,
          lambda rng: (lambda u=rng.choice(net_uids): history.net_samples(uid=u)))
    timed("net_samples (school, one hour)", repeats,
          lambda rng: (lambda t=day_start(rng) + 10 * 3600: history.net_samples(since=t, until=t + 3600)))
    timed("user_lessons (one user)", repeats,
          lambda rng: (lambda u=rng.choice(net_uids): history.user_lessons(u)))
    timed("find_users (a name)", repeats,
          lambda rng: (lambda n=rng.choice(names): history.find_users(n)))
    timed("recent_pushes (start-up load, last 12 h)", max(3, repeats // 10),
          lambda rng: (lambda: queries.recent_pushes(last - 12 * 3600)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--lessons", type=int, default=5, help="lessons a day")
    parser.add_argument("--students", type=int, default=8, help="students a lesson")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--db", type=Path, help="keep the database here (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "history.db"
        if path.exists():
            print(f"reusing {path}")
        else:
            build(path, args.days, args.lessons, args.students)
        db = open_database(path)
        try:
            run_queries(args.repeats)
        finally:
            db.close()


if __name__ == "__main__":
    main()
