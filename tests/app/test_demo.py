"""`--demo` feeds the Gensee view too (issue 16 item 4): the demo's simulated
webcast calls the core's own receiver over HTTP while the simulated school pushes."""
from __future__ import annotations

import asyncio
import time

import pytest

from app.core import Monitor
from storage.config import ConfigStore


@pytest.mark.slow
async def test_the_demo_runs_a_gensee_room_beside_the_school(tmp_path):
    monitor = Monitor(tmp_path, ConfigStore(tmp_path), port=0)
    await monitor.start()
    try:
        monitor.start_demo()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            rooms = monitor.gensee.rooms
            if rooms and any(r.current.attendees for r in rooms.values()) and monitor.school.lessons:
                break
            await asyncio.sleep(0.2)
        else:
            pytest.fail("no Gensee room with attendees (or no ClassIn lesson) within 60 s of the demo start")
    finally:
        await monitor.stop()
