"""`serve` as two processes (app.core_process): the receiving one acks, its
core child follows the store for lesson state, alarms and derived rows, and
hears of refusals from it; each survives the other's death as it should."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import time
import urllib.error
import urllib.request

import psutil
import pytest

from app.core_process import CHILD_COMMAND, STARVED_AFTER
from storage.config import ConfigStore
from storage.paths import LOG_NAME

from ..helpers import SECRET, SID, ServeProcess, db_rows, fixture_variant, new_push, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="signals a POSIX process")]


def post(url: str, body: bytes | dict) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(url + "/classin", data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=15) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def core_of(serve: ServeProcess) -> psutil.Process | None:
    for child in psutil.Process(serve.proc.pid).children():
        try:
            if CHILD_COMMAND in child.cmdline():
                return child
        except psutil.Error:   # a killed one not reaped yet
            pass
    return None


def until(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


def open_alarms(data_dir) -> dict[str, dict]:
    out = run_cli("alarms", "--json", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    return {alarm["kind"]: alarm for alarm in map(json.loads, out.stdout.splitlines())}


def rows(db, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def data_dir(tmp_path):
    ConfigStore(tmp_path).add_school(SID, SECRET, "Fixture School")
    return tmp_path


def test_the_core_gets_stored_pushes_from_the_store_and_refusals_from_the_receiver(data_dir):
    serve = ServeProcess(data_dir)
    try:
        assert core_of(serve) is not None, "serve runs no core process"
        nets = [new_push("Net", Data={"good": 280, "normal": 15, "bad": 5, "total": 300}, UID=7000 + i)
                for i in range(30)]
        for push in nets:
            assert post(serve.url, push)[0] == 200
        # A person waiting (a stored push the core reads from the store) ...
        help_request = fixture_variant("HelpInfo.json", action_time=int(time.time()))
        assert post(serve.url, help_request) == (200, {"error_info": {"errno": 1, "error": "程序正常执行"}})
        # ... and a refusal only the receiving process saw, twice (ClassIn re-sends it).
        for _ in range(2):
            assert post(serve.url, b"{not json")[0] == 400
        alarms = until(lambda: {"help_request", "stuck_push"} <= (a := open_alarms(data_dir)).keys() and a)
        assert alarms["stuck_push"]["sid"] is None
        assert alarms["help_request"]["sid"] == help_request["SID"]
    finally:
        assert serve.stop() == 0
    db = data_dir / "classwatch.db"
    # A clean stop leaves every stored push in the derived tables, the cursor past the last.
    last = rows(db, "SELECT MAX(id) FROM push WHERE source = 'classin'")[0][0]
    assert rows(db, "SELECT value FROM meta WHERE key = 'projected_through'") == [(str(last),)]
    assert rows(db, "SELECT COUNT(*) FROM net_sample")[0][0] == len(nets)


def test_both_processes_run_on_the_chosen_loop(data_dir):
    """uvloop by default (a dependency on POSIX), asyncio's own on request:
    only a process that runs on uvloop has loaded it (cli.loops)."""
    def on_uvloop(proc: psutil.Process) -> bool:
        return any("uvloop" in m.path for m in proc.memory_maps())

    for args, uvloop in (((), True), (("--loop", "asyncio"), False)):
        serve = ServeProcess(data_dir, *args)
        try:
            assert post(serve.url, new_push("Net", Data={"good": 1, "total": 1}))[0] == 200
            assert on_uvloop(psutil.Process(serve.proc.pid)) is uvloop
            assert on_uvloop(core_of(serve)) is uvloop
        finally:
            assert serve.stop() == 0


def test_a_killed_core_comes_back_and_the_acks_never_stop(data_dir):
    serve = ServeProcess(data_dir)
    try:
        first = core_of(serve)
        first.kill()
        # The receiving process goes on acking (and storing) while its core is away.
        pushes = [new_push("Net", UID=8000 + i) for i in range(5)]
        assert [post(serve.url, push)[0] for push in pushes] == [200] * 5
        second = until(lambda: (c := core_of(serve)) is not None and c.pid != first.pid and c)
        help_request = fixture_variant("HelpInfo.json", action_time=int(time.time()))
        assert post(serve.url, help_request)[0] == 200
        until(lambda: "help_request" in open_alarms(data_dir))
        assert second.is_running()
    finally:
        assert serve.stop() == 0
    stored = {json.loads(p)["_id"] for (p,) in rows(data_dir / "classwatch.db", "SELECT payload FROM push")}
    assert {p["_id"] for p in pushes} <= stored


def test_a_core_outlives_no_killed_receiver(data_dir):
    """kill -9 of `serve` is of both: a core left behind would finish a clean
    stop (chat messages, relay) that another receiver also does."""
    serve = ServeProcess(data_dir)
    core = core_of(serve)
    serve.proc.send_signal(signal.SIGKILL)
    serve.proc.wait(10)
    core.wait(10)
    assert not core.is_running()
    # The data dir is free for the next `serve` at once, and its core catches up.
    again = ServeProcess(data_dir)
    try:
        assert post(again.url, new_push("Net"))[0] == 200
    finally:
        assert again.stop() == 0


def test_a_core_killed_on_postgresql_leaves_its_pushes_queued_for_the_next(data_dir, pg_server):
    """Team mode: the receiving process queues each push's derived rows with
    it (storage.derived.Projector), so the acks never wait for them. A core
    frozen, then killed (-9), made none: they stay queued, and the core that
    comes back makes them all."""
    where = pg_server.new_database()
    serve = ServeProcess(data_dir, env={"CLASSWATCH_DB": where.url})
    try:
        first = core_of(serve)
        first.suspend()
        pushes = [new_push("Net", Data={"good": 9, "total": 10}, UID=9000 + i) for i in range(20)]
        assert [post(serve.url, push)[0] for push in pushes] == [200] * 20
        assert db_rows(where, "SELECT COUNT(*) FROM unprojected") == [(20,)]
        assert db_rows(where, "SELECT COUNT(*) FROM net_sample") == [(0,)]
        first.kill()
        until(lambda: not db_rows(where, "SELECT 1 FROM unprojected"))
        assert sorted(uid for (uid,) in db_rows(where, "SELECT uid FROM net_sample")) == list(range(9000, 9020))
    finally:
        assert serve.stop() == 0


SETPRIV = shutil.which("setpriv")


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux scheduling policy")
@pytest.mark.parametrize("may_renice", [
    pytest.param(True, marks=pytest.mark.skipif(os.geteuid() != 0, reason="needs CAP_SYS_NICE")),
    pytest.param(False, marks=pytest.mark.skipif(SETPRIV is None, reason="util-linux setpriv"))],
    ids=["in place", "started again"])
def test_the_core_runs_on_spare_cpu_and_takes_a_share_when_starved(data_dir, may_renice):
    """The core runs as SCHED_IDLE, the receiving process normally, but for the
    core's one thread that holds the store's write turn for its derived rows
    (started before the rest lowered itself). A core that
    got no CPU for STARVED_AFTER (stopped here, as a saturated machine would)
    runs at low priority from then on and goes on with its work: changed in
    place where the system allows it, else started again (an unprivileged
    process may not leave SCHED_IDLE; setpriv takes CAP_SYS_NICE from root)."""
    wrapper = () if may_renice else (SETPRIV, "--inh-caps=-sys_nice", "--bounding-set=-sys_nice")
    serve = ServeProcess(data_dir, wrapper=wrapper)
    try:
        core = core_of(serve)
        assert os.sched_getscheduler(serve.proc.pid) == os.SCHED_OTHER
        policies = sorted(os.sched_getscheduler(t.id) for t in core.threads())
        assert policies == [os.SCHED_OTHER] + [os.SCHED_IDLE] * (len(policies) - 1) and len(policies) > 2
        core.suspend()
        time.sleep(STARVED_AFTER + 1.5)
        core.resume()

        def sharing():
            now = core_of(serve)
            try:
                # (a new one is SCHED_OTHER from its start: at nice 5 it has lowered itself)
                return (now is not None and now.nice() == 5
                        and {os.sched_getscheduler(t.id) for t in now.threads()} == {os.SCHED_OTHER} and now)
            except (psutil.Error, OSError):   # the one that gave up, on its way out
                return False
        now = until(sharing)
        assert (now.pid == core.pid) is may_renice
        help_request = fixture_variant("HelpInfo.json", action_time=int(time.time()))
        assert post(serve.url, help_request)[0] == 200
        until(lambda: "help_request" in open_alarms(data_dir))
    finally:
        assert serve.stop() == 0
    # The desk's log says why.
    assert "got no CPU time" in (data_dir / LOG_NAME).read_text(encoding="utf-8")
