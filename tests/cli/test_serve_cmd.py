"""`python main.py serve` and friends as real subprocesses: crash safety,
clean shutdown, the CLI's exit codes and data-dir rules."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time

import aiohttp
import orjson
import pytest

from protocol.classin import is_ack

from ..helpers import ServeProcess, fixture, new_push, post_push, run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


async def _sender(session, url, acked, sent, stop):
    while not stop.is_set():
        push = new_push("Net", UID=len(sent))
        sent.append(push)
        try:
            async with session.post(url, data=orjson.dumps(push)) as resp:
                body = await resp.read()
        except (aiohttp.ClientError, asyncio.TimeoutError, ConnectionError):
            return
        if resp.status == 200 and is_ack(body):
            acked.append(push["_id"])


def stored_ids(data_dir, env: dict | None = None) -> list[str]:
    out = run_cli("events", data_dir=data_dir, env=env)
    assert out.returncode == 0, out.stderr
    return [json.loads(line)["payload"].get("_id") for line in out.stdout.splitlines()]


@pytest.mark.slow
async def test_sigkill_mid_stream_loses_no_acked_push_and_counts_none_twice(data_dir, store):
    env = {"CLASSWATCH_DB": store.url}      # on SQLite and on PostgreSQL
    serve = ServeProcess(data_dir, env=env)
    acked: list[str] = []
    sent: list[dict] = []
    stop = asyncio.Event()
    timeout = aiohttp.ClientTimeout(total=5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        tasks = [asyncio.create_task(_sender(session, serve.url + "/classin", acked, sent, stop))
                 for _ in range(16)]
        while len(acked) < 300:
            await asyncio.sleep(0.02)
        serve.proc.send_signal(signal.SIGKILL)   # mid-stream: requests in flight
        await asyncio.wait_for(asyncio.gather(*tasks), 30)
    serve.kill()
    acked_before_kill = set(acked)
    assert len(acked_before_kill) >= 300

    ids = stored_ids(data_dir, env)
    assert acked_before_kill <= set(ids), "an acked push was lost"
    assert len(ids) == len(set(ids))

    # ClassIn re-sends whatever was not acked: each is stored once, acked ones are duplicates.
    serve = ServeProcess(data_dir, env=env)
    try:
        async with aiohttp.ClientSession() as session:
            for push in sent:
                async with session.post(serve.url + "/classin", data=orjson.dumps(push)) as resp:
                    assert resp.status == 200 and is_ack(await resp.read())
    finally:
        assert serve.stop() == 0
    ids = stored_ids(data_dir, env)
    assert sorted(ids) == sorted(p["_id"] for p in sent)


@pytest.mark.slow
async def test_sigterm_finishes_in_flight_pushes_and_exits_zero(data_dir):
    serve = ServeProcess(data_dir, env={"CLASSWATCH_EMULATE_SYNC_MS": "50"})
    answers = []

    async def one(session, push):
        try:
            async with session.post(serve.url + "/classin", data=orjson.dumps(push)) as resp:
                answers.append((push["_id"], resp.status, await resp.read()))
        except aiohttp.ClientError:
            answers.append((push["_id"], None, b""))

    async with aiohttp.ClientSession() as session:
        pushes = [new_push("Net", UID=i) for i in range(40)]
        tasks = [asyncio.create_task(one(session, p)) for p in pushes]
        while not answers:  # the server is busy committing (50 ms per commit): stop it now
            await asyncio.sleep(0.005)
        serve.proc.send_signal(signal.SIGTERM)
        await asyncio.gather(*tasks)
    assert serve.proc.wait(30) == 0
    serve.stop()
    ids = set(stored_ids(data_dir))
    for _id, status, body in answers:
        if status == 200 and is_ack(body):
            assert _id in ids            # acked means stored
        else:
            assert status in (None, 503)  # refused cleanly, ClassIn will re-send
    assert any(status == 200 for _, status, _ in answers)


@pytest.mark.slow
async def test_a_school_added_while_serve_runs_is_accepted_on_its_next_resend(data_dir):
    serve = ServeProcess(data_dir)
    try:
        push = new_push("Net", sid=4242, secret="later-secret-4242")
        async with aiohttp.ClientSession() as session:
            status, _ = await post_push(session, serve.url, push)
            assert status == 403
            added = run_cli("school", "add", "4242", "--secret", "later-secret-4242", data_dir=data_dir)
            assert added.returncode == 0, added.stderr
            status, answer = await post_push(session, serve.url, push)   # ClassIn's re-send
            assert status == 200 and answer["error_info"]["errno"] == 1

            # A push signed with a corrected secret is held (acked) until the
            # secret is corrected here too, then stored within 10 s.
            push = new_push("Net", sid=4242, secret="corrected-4242")
            status, answer = await post_push(session, serve.url, push)
            assert status == 200 and answer["error_info"]["errno"] == 1
            assert push["_id"] not in stored_ids(data_dir)
            changed = run_cli("school", "add", "4242", "--secret", "corrected-4242", data_dir=data_dir)
            assert changed.returncode == 0, changed.stderr
            deadline = time.monotonic() + 10
            while push["_id"] not in stored_ids(data_dir):
                assert time.monotonic() < deadline, "the held push was not promoted within 10 s"
                await asyncio.sleep(0.2)
    finally:
        assert serve.stop() == 0
    assert push["_id"] in stored_ids(data_dir)


@pytest.mark.slow
def test_serve_prints_url_and_refuses_a_busy_port(data_dir, tmp_path):
    serve = ServeProcess(data_dir)
    try:
        port = serve.url.rsplit(":", 1)[1]
        assert serve.url.startswith("http://127.0.0.1:")
        out = run_cli("serve", "--port", port, data_dir=tmp_path / "other")
        assert out.returncode == 1
        assert "port is in use" in out.stderr and "Traceback" not in out.stderr
    finally:
        assert serve.stop() == 0


@pytest.mark.slow
def test_bad_arguments_exit_2_with_one_line(tmp_path):
    for args in (["serve", "--port", "notaport"], ["serve", "--port", "99999"], ["serve", "--max-body=-5"],
                 ["--port", "-1", "gensee", "url"], ["school", "add"], ["nosuchcommand"],
                 ["events", "--class-id", "x"]):
        out = run_cli(*args, data_dir=tmp_path)
        assert out.returncode == 2, args
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.mark.slow
def test_output_cut_short_by_a_pipe_is_no_error(tmp_path):
    """`events | head`: the reader going away ends the command quietly."""
    import subprocess
    from ..helpers import ROOT
    reader = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "gensee", "url", "--data-dir", str(tmp_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    reader.stdout.close()          # nobody reads: the first write breaks the pipe
    assert reader.wait(timeout=60) == 141
    assert reader.stderr.read() == b""


@pytest.mark.slow
def test_the_app_port_counts_for_gensee_url(tmp_path):
    out = run_cli("--port", "18765", "gensee", "url", data_dir=tmp_path)
    assert out.returncode == 0 and ":18765/gensee/" in out.stdout.splitlines()[0]


@pytest.mark.slow
def test_school_add_list_and_private_config(tmp_path):
    out = run_cli("school", "add", "2290417", "--secret", "-", "--name", "实验学校", data_dir=tmp_path,
                  input="fixture-secret\n")
    assert out.returncode == 0, out.stderr
    out = run_cli("school", "list", data_dir=tmp_path)
    assert "2290417" in out.stdout and "实验学校" in out.stdout
    assert "fixture-secret" not in out.stdout
    if os.name == "posix":
        assert (tmp_path / "config.json").stat().st_mode & 0o077 == 0
    out = run_cli("school", "add", "1", "--secret", "x", "--timezone", "Mars/Olympus", data_dir=tmp_path)
    assert out.returncode == 2 and "time zone" in out.stderr


@pytest.mark.slow
def test_data_dir_from_environment(tmp_path):
    env_dir = tmp_path / "from-env"
    import subprocess
    from ..helpers import ROOT
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "school", "add", "5", "--secret", "abcd"],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "CLASSWATCH_DATA_DIR": str(env_dir)})
    assert out.returncode == 0, out.stderr
    assert (env_dir / "config.json").exists()


@pytest.mark.slow
async def test_events_filters_and_quarantined(data_dir):
    serve = ServeProcess(data_dir)
    try:
        async with aiohttp.ClientSession() as session:
            for name in ("inclass_enter.json", "Net.json", "Check.json"):
                async with session.post(serve.url + "/classin", data=orjson.dumps(fixture(name))):
                    pass
            async with session.post(serve.url + "/classin", data=b"{broken"):
                pass
            other = new_push("Net", class_id=1, UID=5)
            async with session.post(serve.url + "/classin", data=orjson.dumps(other)):
                pass
    finally:
        serve.stop()
    lines = [json.loads(x) for x in run_cli("events", data_dir=data_dir).stdout.splitlines()]
    assert [e["payload"]["_id"] for e in lines[:3]] == [fixture(n)["_id"] for n in
                                                        ("inclass_enter.json", "Net.json", "Check.json")]
    assert all(set(e) == {"received_at", "source", "payload"} and e["source"] == "classin" for e in lines)
    assert lines[0]["payload"] == fixture("inclass_enter.json")
    by_class = run_cli("events", "--class-id", "1", data_dir=data_dir).stdout.splitlines()
    assert len(by_class) == 1
    by_cmd = run_cli("events", "--cmd", "67371107", data_dir=data_dir).stdout.splitlines()
    assert len(by_cmd) == 1
    assert len(run_cli("events", "--cmd", "Net", "--class-id", "508113967",
                       data_dir=data_dir).stdout.splitlines()) == 1
    assert run_cli("events", "--since", str(time.time() + 60), data_dir=data_dir).stdout == ""
    q = [json.loads(x) for x in run_cli("events", "--quarantined", data_dir=data_dir).stdout.splitlines()]
    assert len(q) == 1 and q[0]["reason"].startswith("body is not JSON") and q[0]["payload"] == "{broken"


@pytest.mark.slow
def test_the_app_without_a_display_says_what_to_do(tmp_path):
    import subprocess
    from ..helpers import ROOT
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 1
    assert "no display" in out.stderr and "main.py serve" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.slow
@pytest.mark.parametrize("core", ["process", "inline"])
def test_both_serves_print_the_tunnels_public_urls_once(data_dir, core):
    """The tunnel's lines come from the core, wherever it runs: the same three, once."""
    from storage.config import ConfigStore
    from ..tunnel_support import Serve, free_port
    port = free_port()
    public = f"http://127.0.0.1:{port}"     # an external tunnel that is this receiver itself
    serve = Serve("--data-dir", str(data_dir), "--port", str(port), "--core", core,
                  "--tunnel", "external", "--public-url", public)
    try:
        at = serve.wait_line(serve.out, r"^public gensee callbacks: ", timeout=30)
        token = ConfigStore(data_dir).current().gensee_token
        assert [line.rstrip("\n") for line in serve.out[at - 2:at + 1]] == [
            f"public URL: {public}", f"public ClassIn push URL: {public}/classin",
            f"public gensee callbacks: {public}/gensee/{token}/"]
    finally:
        code = serve.stop()
    assert code == 0, "".join(serve.err)
    assert sum(line.startswith("public URL: ") for line in serve.out) == 1, serve.out
