"""Gensee in the demo and in the exports (issue 16 item 4): a simulated webcast
calls a real receiver over HTTP; the stored calls replay into a room whose
attendance, Q&A and roll-call answers export as json, csv, xlsx and pdf."""
from __future__ import annotations

import asyncio
import io
import json

import pytest
from openpyxl import load_workbook

from lessons.gensee_report import room_report, rollcalls
from lessons.gensee_rooms import replay
from reports.gensee_export import render_room
from simulator.gensee import GenseeRoom

from ..gensee_support import stored
from ..helpers import run_cli


async def simulate(receiver, lessons: int = 2) -> GenseeRoom:
    """Until the room has held `lessons` whole classes (a loaded machine takes longer)."""
    token = receiver.config.current().gensee_token
    room = GenseeRoom(f"{receiver.url}/gensee/{token}", viewers=8, seed=7, lesson_seconds=1.0, step_seconds=0.01)
    stop = asyncio.Event()
    task = asyncio.create_task(room.run(stop))
    for _ in range(1200):
        if room.lessons_done >= lessons:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 20)
    assert room.lessons_done >= lessons
    return room


async def test_a_simulated_webcast_fills_a_room_with_attendance_qa_and_roll_calls(receiver):
    room = await simulate(receiver)
    calls = stored(receiver)
    assert room.calls == len(calls) > 50
    state = replay([(t, payload) for t, _, payload in calls])
    report = room_report(state, room.class_no, now=calls[-1][0])
    assert report is not None and len(report["sessions"]) >= 2 and report["sessions"][0]["status"] == "stopped"
    assert report["attendees"] and all(a["attended_seconds"] >= 0 for a in report["attendees"])
    assert {e["kind"] for e in report["qa"]} == {"question", "answer"}
    assert report["rollcalls"] and report["rollcalls"] == rollcalls(state, room.class_no)
    assert any(a["roll_calls"] for a in report["attendees"])
    assert any(a["name"] for a in report["attendees"])        # names from end pages and Q&A
    assert state.videos                                          # the courseware VOD was watched

    for fmt in ("json", "csv", "xlsx", "pdf"):
        data = render_room(report, fmt, "Asia/Shanghai")
        assert data
    book = load_workbook(io.BytesIO(render_room(report, "xlsx", "Asia/Shanghai")))
    assert book.sheetnames == ["Attendance", "Q&A", "Roll calls"]
    assert book["Attendance"].max_row == len(report["attendees"]) + 1
    assert json.loads(render_room(report, "json", "Asia/Shanghai"))["class_no"] == room.class_no


@pytest.mark.slow
async def test_export_gensee_room_cli(receiver, data_dir, tmp_path):
    room = await simulate(receiver, lessons=1)
    await receiver.stop()
    result = await asyncio.to_thread(run_cli, "export", "--gensee-room", room.class_no, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["attendees"]
    out = tmp_path / "room.pdf"
    result = await asyncio.to_thread(run_cli, "export", "--gensee-room", room.class_no, "--format", "pdf",
                                     "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0 and out.read_bytes().startswith(b"%PDF")
    missing = await asyncio.to_thread(run_cli, "export", "--gensee-room", "nope", data_dir=data_dir)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
