"""`--demo`: a simulated school pushing into our own receiver over real HTTP.

The day started a quarter of an hour ago, so its history arrives at once and
the dashboard is alive within seconds; from then on it runs in real time. A
minute in, a period with a wrong secret blocks the queue (the stuck-push
alarm) and clears itself 45 s later. A simulated Gensee webcast calls the
receiver's Gensee URLs meanwhile (simulator/gensee.py), so the Gensee view
has a live room too.
"""
from __future__ import annotations

import asyncio
import random
import secrets
import time

from simulator.delivery import DeliveryStats, deliver
from simulator.faults import Faults
from simulator.gensee import GenseeRoom
from simulator.school import generate_day
from storage.config import ConfigStore

DEMO_SID = 990001
DEMO_NAME = "演示学校 Demo School"
HISTORY_SECONDS = 900


async def run_demo(config: ConfigStore, url: str, stop: asyncio.Event, *, lessons: int = 4,
                   students: int = 14, speed: float = 1.0) -> DeliveryStats:
    secret = secrets.token_hex(16)
    # strict: the simulated stale secret shows the stuck-push alarm clearing itself
    # (under `hold` its pushes would wait for a secret that never comes).
    config.add_school(DEMO_SID, secret, DEMO_NAME, "Asia/Shanghai", verify="strict")
    now = time.time()
    day = generate_day(DEMO_SID, secret, lessons=lessons, students=students,
                       seed=random.randrange(1_000_000), start=int(now - HISTORY_SECONDS))
    faults = Faults(wrong_secret_at=40.0, wrong_secret_for=45.0, duplicates=3)
    room = GenseeRoom("{}/gensee/{}".format(url.rstrip("/"), config.current().gensee_token),
                      seed=random.randrange(1_000_000), step_seconds=2.0 / speed)
    gensee = asyncio.create_task(room.run(stop))
    try:
        return await deliver(day.pushes, url.rstrip("/") + "/classin", secret, speed=speed, start=now,
                             faults=faults, stop_event=stop)
    finally:
        await stop.wait()      # the school's day may end first; the room runs until the demo stops
        await gensee
