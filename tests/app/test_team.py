"""A team desk: the core (and the real window) on the team's store with its
own receiver off, fed by another receiver (the team's `serve`) through the
store, on SQLite and on a real PostgreSQL server; it rides out a database
restart and says so in the status bar."""
from __future__ import annotations

import asyncio
import functools
import time
from dataclasses import asdict

import pytest

from alarms.model import Alarm
from app.core import Monitor
from storage import relay as outbox
from storage.alarms import alarm_row, save_alarms
from storage.backends import backend_for
from receiver.app import Receiver
from storage.config import ConfigStore

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import SID, db_rows, new_push, post_push, team_dirs

CLASS_ID = 508113967


def _enter(uid: int, name: str) -> dict:
    return new_push(67371107, class_id=CLASS_ID, UID=uid, Nickname=name, Identity=1, ClientID=0, Device=0)


async def _wait(predicate, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_a_desk_folds_the_team_servers_pushes_into_the_same_lesson_state(tmp_path, store, http):
    server_dir, desk_dir = team_dirs(tmp_path)
    serve = Monitor(server_dir, ConfigStore(server_dir), port=0, db=store)          # the team's `serve`
    url = await serve.start()
    await post_push(http, url, _enter(41200902, "Lena"))        # before the desk starts: loaded history
    desk = Monitor(desk_dir, ConfigStore(desk_dir), db=store, listen=False)
    try:
        assert await desk.start() is None and desk.receiver.url is None     # no receiver of its own
        assert CLASS_ID in desk.school.lessons
        for uid, name in ((41200915, "Tomas"), (41200920, "王芳")):
            status, _ = await post_push(http, url, _enter(uid, name))
            assert status == 200
        await _wait(lambda: len(desk.school.lessons[CLASS_ID].participants) == 3)
        # The same lesson state as the server's own, user by user.
        mine, theirs = desk.school.lessons[CLASS_ID], serve.school.lessons[CLASS_ID]
        assert {u: p.nickname for u, p in mine.participants.items()} == \
            {u: p.nickname for u, p in theirs.participants.items()} and len(mine.participants) == 3
        assert desk.receiver.stats.stored >= 3       # the status bar counts the team's pushes
    finally:
        await desk.stop()
        await serve.stop()



async def test_a_desk_shows_the_team_servers_blocked_queue_until_it_moves(tmp_path, store, http):
    """A refused push blocks a school's queue at the team's `serve`: only that
    receiver sees the refusal, yet every desk must ring (and calm down when
    the queue moves)."""
    server_dir, desk_dir = team_dirs(tmp_path)
    serve = Monitor(server_dir, ConfigStore(server_dir), port=0, db=store)
    url = await serve.start()
    desk = Monitor(desk_dir, ConfigStore(desk_dir), db=store, listen=False)
    try:
        await desk.start()
        status, _ = await post_push(http, url, new_push(secret="not-the-secret", Cmd="Test"))
        assert status == 403            # the registration test is refused, never held: the queue stops
        key = f"stuck:{SID}"
        await _wait(lambda: key in desk.alarms.alarms and desk.alarms.alarms[key].open)
        alarm = desk.alarms.alarms[key]
        assert alarm.kind == "stuck_push" and alarm.sid == SID and alarm.params["status"] == 403
        assert serve.alarms.alarms[key].open
        # The desk keeps no copy of its own: the row stays the receiver's.
        status, _ = await post_push(http, url, new_push(secret="not-the-secret", Cmd="Test"))
        await _wait(lambda: desk.alarms.alarms[key].count == serve.alarms.alarms[key].count == 2)
        status, _ = await post_push(http, url, _enter(41200931, "Mia"))
        assert status == 200
        await _wait(lambda: not desk.alarms.alarms[key].open)
    finally:
        await desk.stop()
        await serve.stop()

# The grants README "A team server" gives a desk's database role: read
# everything, write alarms (acknowledgements), releases of refused pushes and
# a relay's pause and replay.
DESK_GRANTS = ["GRANT CONNECT ON DATABASE {db} TO {role}", "GRANT USAGE ON SCHEMA public TO {role}",
               "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
               "GRANT INSERT, UPDATE, DELETE ON alarm TO {role}", "GRANT UPDATE ON quarantine TO {role}",
               "GRANT UPDATE ON relay_destination TO {role}", "GRANT INSERT ON relay_outbox TO {role}"]


async def test_a_desk_works_with_the_grants_the_readme_gives(tmp_path, pg_server, http):
    store = pg_server.new_database()
    server_dir, desk_dir = team_dirs(tmp_path)
    server = Receiver(server_dir, db=store)             # creates the schema as the owner
    await server.start("127.0.0.1", 0)
    desk_url = pg_server.role(store, "desk_kim", "desk-Pass-9", DESK_GRANTS)
    desk = Monitor(desk_dir, ConfigStore(desk_dir), db=desk_url, listen=False)
    try:
        await desk.start()
        await post_push(http, server.url, _enter(41200902, "Lena"))
        await _wait(lambda: CLASS_ID in desk.school.lessons)
        alarm = Alarm(key="help:1", kind="help_request", since=1.0, last=2.0, sid=SID, class_id=CLASS_ID, uid=1)
        row = alarm_row(asdict(alarm), [])
        await desk.receiver.writer.store(functools.partial(save_alarms, rows=[row], resolved_since=0.0,
                                                           keep_resolved=10))
        assert db_rows(store, "SELECT key FROM alarm WHERE key = 'help:1'") == [("help:1",)]
        # The Relay page's pause and replay (the team's serve delivers).
        owner = backend_for(store).connect()
        try:
            outbox.add_destination(owner, "lms", SID, "http://127.0.0.1:9/push", None, time.time())
        finally:
            owner.close()
        await desk.relay.set_paused("lms", True)
        assert await desk.relay.replay("lms", 0.0, time.time() + 1) == 1
        assert db_rows(store, "SELECT paused FROM relay_destination") == [(1,)]
        # What a desk must not do: store pushes itself.
        with pytest.raises(Exception, match="permission denied"):
            db_rows(desk_url, "DELETE FROM push")
    finally:
        await desk.stop()
        await server.stop()


def test_the_team_desk_window_shows_live_pushes_and_reconnects_after_a_restart(
        qapp, tmp_path, pg_server, gui_settings):  # noqa: F811
    store = pg_server.new_database()
    server_dir, desk_dir = team_dirs(tmp_path)

    async def scenario(app: GuiApp) -> None:
        import aiohttp
        status = app.window.status
        assert app.url is None and "off" in status.local.text()
        await app.wait_until(lambda: status.store.isVisible() and status.store.text().endswith("live"))
        server = Receiver(server_dir, db=store)
        await server.start("127.0.0.1", 0)
        try:
            async with aiohttp.ClientSession() as http:
                await post_push(http, server.url, _enter(41200902, "Lena"))
                await app.wait_until(lambda: CLASS_ID in app.monitor.school.lessons, timeout=10)

                await asyncio.get_running_loop().run_in_executor(None, pg_server.stop)
                await app.wait_until(lambda: "reconnecting" in status.store.text(), timeout=15)
                await asyncio.get_running_loop().run_in_executor(None, pg_server.start_again)
                await app.wait_until(lambda: status.store.text().endswith("live"), timeout=30)

                # The server's writer reconnects on its next batch; the desk follows again.
                for _ in range(3):   # the first try may meet the old, dropped connection
                    code, _ = await post_push(http, server.url, _enter(41200915, "Tomas"))
                    if code == 200:
                        break
                    await asyncio.sleep(0.5)
                await app.wait_until(lambda: len(app.monitor.school.lessons[CLASS_ID].participants) == 2, timeout=15)
        finally:
            await server.stop()

    run_gui(qapp, desk_dir, scenario, db=store, listen=False, timeout=120)


async def test_a_process_taking_queued_pushes_parses_each_once(tmp_path, pg_server, http, monkeypatch):
    """On PostgreSQL a split `serve`'s receiving process queues its pushes;
    the process that takes them (a core, here a desk) makes their derived rows
    and folds them into its lesson state from one parse: its feed parses none
    of them again, and keeps none of the parsed events once folded."""
    import app.core
    from lessons.events import parse
    store = pg_server.new_database()
    server_dir, desk_dir = team_dirs(tmp_path)
    server = Receiver(server_dir, db=store, role="store")    # queues what it stores
    await server.start("127.0.0.1", 0)
    desk = Monitor(desk_dir, ConfigStore(desk_dir), db=store, listen=False)
    folded = []
    monkeypatch.setattr(app.core, "parse", lambda *args, **kw: folded.append(args) or parse(*args, **kw))
    try:
        await desk.start()
        for uid, name in ((41200902, "Lena"), (41200915, "Tomas"), (41200920, "王芳")):
            assert (await post_push(http, server.url, _enter(uid, name)))[0] == 200
        await _wait(lambda: CLASS_ID in desk.school.lessons and len(desk.school.lessons[CLASS_ID].participants) == 3)
        assert db_rows(store, "SELECT COUNT(*) FROM unprojected") == [(0,)]    # the desk took them
        assert db_rows(store, "SELECT COUNT(*) FROM user_directory") == [(3,)]
        assert folded == []
        assert len(desk.receiver.writer.taken_events) == 0
    finally:
        await desk.stop()
        await server.stop()


async def test_a_backlog_taken_at_start_leaves_no_parsed_pushes_behind(tmp_path, pg_server):
    """A core that starts with a long queue (it was down while a split
    `serve` stored pushes) takes it all before its feed hears of any push,
    and never hears of those stored before it began following. What its
    taker parsed for that feed is kept only up to a bound, not the whole
    backlog until the next push comes."""
    import orjson

    from receiver.classin import push_record
    from storage.db import open_database
    from storage.derived import Projector
    from storage.writer import TAKE_CHUNK, TAKEN_EVENTS_MAX, Writer
    store = pg_server.new_database()
    open_database(store).close()
    _, desk_dir = team_dirs(tmp_path)
    receiving = Writer(store, projector=Projector(store), queues=True)
    receiving.start()
    backlog = [new_push("Net", UID=41200900 + n, Data={"good": 9, "total": 10}) for n in range(TAKEN_EVENTS_MAX + TAKE_CHUNK)]
    try:
        await asyncio.gather(*(receiving.store(push_record(p, orjson.dumps(p).decode(), 1.0 + n))
                               for n, p in enumerate(backlog)))
    finally:
        receiving.stop()
    desk = Monitor(desk_dir, ConfigStore(desk_dir), db=store, listen=False)
    try:
        await desk.start()
        await _wait(lambda: db_rows(store, "SELECT COUNT(*) FROM unprojected") == [(0,)], timeout=60)
        assert db_rows(store, "SELECT COUNT(*) FROM net_sample") == [(len(backlog),)]   # parsed and made
        assert len(desk.receiver.writer.taken_events) <= TAKEN_EVENTS_MAX
    finally:
        await desk.stop()
