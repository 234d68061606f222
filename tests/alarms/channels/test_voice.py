"""A team's receivers speak with one voice in chat: dispatchers sharing a
real PostgreSQL database, each with its own lock connection, sending to the
local robot server. Alarms every receiver raises go out once; one process's
own alarms go out from it; when the speaker's session dies, another takes
over and sends what the dead one had not."""
from __future__ import annotations

import asyncio
import time

import psycopg
import pytest

from alarms.channels.dispatcher import DispatchSettings, Dispatcher, read_states
from alarms.channels.voice import STEP_SECONDS, TeamVoice
from storage.config import AlarmChannel, ConfigStore
from storage.db import open_database
from storage.voice import VOICE_LOCK, VoiceLock

from ...helpers import SECRET, SID, ServeProcess, fixture_variant, post_push
from .test_dispatcher import FAST, alarm, channels, until


@pytest.fixture
def team_db(pg_server):
    db = pg_server.new_database()
    open_database(db).close()
    return db


async def _dispatcher(robots, db, tmp_path, name: str, **settings) -> Dispatcher:
    state = tmp_path / name
    state.mkdir()
    d = Dispatcher(lambda: channels(robots, "webhook"), state_dir=state,
                   settings=DispatchSettings(**{**FAST, **settings}), voice=TeamVoice(VoiceLock(db)))
    await d.start()
    return d


def _sent(robots, ident) -> int:
    return sum(1 for r in robots.of("webhook") if r.body.get("id") == ident)


async def test_two_receivers_send_a_shared_alarm_once_and_their_own_alarms_each(robots, team_db, tmp_path):
    a = await _dispatcher(robots, team_db, tmp_path, "a")
    await until(lambda: a.voice.speaking)
    b = await _dispatcher(robots, team_db, tmp_path, "b")
    try:
        await until(lambda: b.voice.speaking is False)
        help_request = alarm("critical", kind="help_request")
        for d in (a, b):                 # both folded the same push
            d.notify("open", help_request)
        own = alarm("critical", kind="storage", class_id=None)   # b's disk, not a's
        b.notify("open", own)
        await until(lambda: _sent(robots, help_request["id"]) and _sent(robots, own["id"]))
        await asyncio.sleep(3 * STEP_SECONDS)       # the stand-by had every chance to repeat it
        assert _sent(robots, help_request["id"]) == 1 and _sent(robots, own["id"]) == 1
        await until(lambda: not b.states()["webhook"].queued, 30)   # the speaker's progress lets b forget it
    finally:
        await b.stop()
        await a.stop()


async def test_when_the_speakers_session_dies_another_sends_what_it_had_not(robots, team_db, tmp_path):
    # a waits long before sending: what it holds when it dies was never sent.
    a = await _dispatcher(robots, team_db, tmp_path, "a", critical_quiet=60, max_hold=60)
    await until(lambda: a.voice.speaking)
    b = await _dispatcher(robots, team_db, tmp_path, "b")
    try:
        await until(lambda: b.voice.speaking is False)
        earlier = alarm("critical", kind="help_request")
        for d in (a, b):
            d.notify("open", earlier)
        await asyncio.sleep(3 * STEP_SECONDS)
        assert robots.of("webhook") == [] and b.voice.speaking is False
        # As kill -9 leaves it: no last call, the session gone with the process.
        a.voice._task.cancel()
        for lane in a.lanes.values():
            lane.task.cancel()
        a.voice.lock.close()
        await until(lambda: b.voice.speaking)
        await until(lambda: _sent(robots, earlier["id"]))
        later = alarm("critical", kind="help_request")
        b.notify("open", later)
        await until(lambda: _sent(robots, later["id"]))
        assert _sent(robots, earlier["id"]) == 1
    finally:
        await b.stop()
        a.voice = None
        await a.stop()


def _voice_held(db) -> bool:
    with psycopg.connect(db.url, autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s"
                            " AND granted", (VOICE_LOCK,)).fetchone()[0] == 1


def _receiver_dir(path, robots):
    path.mkdir()
    config = ConfigStore(path)
    config.add_school(SID, SECRET, "Fixture School")
    config.save_channel(AlarmChannel("team-chat", "webhook", robots.urls()["webhook"], "", "warning"))
    return path


@pytest.mark.slow
async def test_two_serve_processes_one_chat_and_a_kill_9_of_the_speaker(robots, team_db, tmp_path, http):
    """Two real `serve` on one database, each configured with the team's chat:
    a help request sent to either goes out once; `serve` A killed -9 right
    after acking one (before its 2 s of gathering were over): B sends it."""
    def help_request(class_id: int) -> dict:
        return fixture_variant("HelpInfo.json", action_time=int(time.time()), ClassID=class_id)

    def sent(class_id: int) -> int:
        return sum(1 for r in robots.of("webhook") if r.body.get("class_id") == class_id)

    dirs = [_receiver_dir(tmp_path / name, robots) for name in ("a", "b")]
    a = ServeProcess(dirs[0], "--db", team_db.url)
    b = None
    try:
        await until(lambda: _voice_held(team_db), 30)       # a speaks: it came first
        b = ServeProcess(dirs[1], "--db", team_db.url)
        for serve, class_id in ((a, 4701), (b, 4702)):      # each alarm is raised by both
            status, answer = await post_push(http, serve.url, help_request(class_id))
            assert (status, answer["error_info"]["errno"]) == (200, 1)
        await until(lambda: sent(4701) and sent(4702), 30)
        # b forgets what a sent once a's published progress passes it
        await until(lambda: (s := read_states(dirs[1])[1].get("team-chat")) is not None and s.queued == 0, 30)
        assert (sent(4701), sent(4702)) == (1, 1)
        assert read_states(dirs[1])[1]["team-chat"].sent == 0

        status, answer = await post_push(http, a.url, help_request(4703))
        assert (status, answer["error_info"]["errno"]) == (200, 1)
        a.kill()                                             # kill -9, before its 2 s of gathering
        assert sent(4703) == 0
        await until(lambda: sent(4703), 30)                  # b took over and sent it
        status, answer = await post_push(http, b.url, help_request(4704))
        assert (status, answer["error_info"]["errno"]) == (200, 1)
        await until(lambda: sent(4704), 30)
        await asyncio.sleep(2 * STEP_SECONDS)
        assert [sent(c) for c in (4701, 4702, 4703, 4704)] == [1, 1, 1, 1]
        assert all(r.accepted for r in robots.of("webhook", None))
    finally:
        if b is not None:
            assert b.stop() == 0
        if a.proc.poll() is None:
            a.stop()
