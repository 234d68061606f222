"""Tunnel against stand-ins for cloudflared and ngrok (tests/standins/): the
URL is read the way the real programs give it, traffic really goes through
the "public" side (TLS on 127.0.0.1), dying programs come back with backoff."""
from __future__ import annotations

import logging
import os
import re
import sys
from types import SimpleNamespace

import orjson
import pytest

from protocol.classin import is_ack
from tunnel import Backoff, Tunnel, TunnelSettings, TunnelState, TunnelStatus

from ..helpers import new_push, run_cli
from ..tunnel_support import free_port, make_cert, pid_alive, public_session, standin_bin, wait_status

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stand-ins are POSIX shell wrappers")

QUICK = re.compile(r"https://[a-z]+(-[a-z]+)+\.trycloudflare\.com")


@pytest.fixture
def standins(tmp_path, monkeypatch):
    cert, key = make_cert(tmp_path)
    bindir = standin_bin(tmp_path / "bin", "cloudflared", "ngrok")
    port = free_port()
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("STANDIN_PUBLIC_PORT", str(port))
    monkeypatch.setenv("STANDIN_TLS_CERT", str(cert))
    monkeypatch.setenv("STANDIN_TLS_KEY", str(key))
    return SimpleNamespace(port=port, cert=cert)


@pytest.fixture
async def public(standins):
    """An HTTP client for which the printed public host names lead to the stand-in."""
    async with public_session(standins.port, standins.cert) as session:
        yield session


def make_tunnel(receiver, public, **settings) -> Tunnel:
    return Tunnel(TunnelSettings(**settings), lambda: receiver.url, http=public,
                  url_timeout=10, recheck_interval=0.2)


@pytest.mark.slow
async def test_cloudflared_quick_tunnel_url_from_its_output_carries_pushes(receiver, public):
    tunnel = make_tunnel(receiver, public, provider="cloudflared")
    await tunnel.start()
    try:
        up = await wait_status(tunnel, lambda s: s.state is TunnelState.UP)
        assert QUICK.fullmatch(up.public_url), up.public_url
        assert not up.stable_url and up.warning.startswith("note:")  # a URL that changes per start
        push = new_push("Net")
        async with public.post(up.push_url, data=orjson.dumps(push)) as resp:
            assert resp.status == 200 and is_ack(await resp.read())
        assert receiver.stats.stored == 1
        pid = tunnel.pid
    finally:
        await tunnel.stop()
    assert tunnel.status.state is TunnelState.STOPPED
    assert not pid_alive(pid), "stop() left the provider running"


@pytest.mark.slow
async def test_quick_tunnel_url_differing_from_the_registered_one_is_flagged(receiver, public, caplog):
    registered = "https://old-words-from-last-week.trycloudflare.com/classin"
    tunnel = make_tunnel(receiver, public, provider="cloudflared", registered_url=registered)
    await tunnel.start()
    try:
        up = await wait_status(tunnel, lambda s: s.state is TunnelState.UP)
    finally:
        await tunnel.stop()
    assert up.url_changed and up.registered_url == registered
    assert up.warning.startswith(f"WARNING: the public URL {up.public_url} is not the URL registered")
    assert any(r.levelno == logging.WARNING and r.getMessage() == up.warning for r in caplog.records)


@pytest.mark.slow
async def test_quick_tunnel_url_matching_the_registered_one_is_not_flagged(receiver, public, monkeypatch):
    monkeypatch.setenv("STANDIN_QUICK_WORDS", "brave-lantern-quiet-harbor")
    registered = "https://brave-lantern-quiet-harbor.trycloudflare.com/classin/"
    tunnel = make_tunnel(receiver, public, provider="cloudflared", registered_url=registered)
    await tunnel.start()
    try:
        up = await wait_status(tunnel, lambda s: s.state is TunnelState.UP)
    finally:
        await tunnel.stop()
    assert not up.url_changed and up.warning is None


async def crashing(receiver, public, monkeypatch, backoff: Backoff, stable_after: float, downs: int,
                   timeout: float) -> list[TunnelStatus]:
    """Every status of a cloudflared stand-in that dies 0.7 s after each start,
    until it has gone down `downs` times."""
    monkeypatch.setenv("STANDIN_DIE_AFTER", "0.7")
    tunnel = make_tunnel(receiver, public, provider="cloudflared")
    tunnel.backoff, tunnel.stable_after = backoff, stable_after
    seen: list[TunnelStatus] = []
    tunnel.listeners.append(seen.append)
    await tunnel.start()
    try:
        await wait_status(tunnel, lambda s: sum(x.state is TunnelState.DOWN for x in seen) >= downs, timeout)
    finally:
        await tunnel.stop()
    return seen


@pytest.mark.slow
async def test_a_dying_provider_is_restarted_with_exponential_backoff(receiver, public, monkeypatch):
    seen = await crashing(receiver, public, monkeypatch, Backoff(0.2, 0.5), 30, downs=4, timeout=15)
    downs = [s for s in seen if s.state is TunnelState.DOWN]
    assert [d.retry_in for d in downs[:4]] == [0.2, 0.4, 0.5, 0.5]  # doubling, capped
    assert all("cloudflared exited with code 1" in d.reason and "stand-in died" in d.reason for d in downs)
    urls = {s.public_url for s in seen if s.state is TunnelState.UP}
    assert len(urls) >= 4, "it did not come back up between the crashes (new quick URL each time)"


@pytest.mark.slow
async def test_backoff_starts_over_after_a_stable_run(receiver, public, monkeypatch):
    seen = await crashing(receiver, public, monkeypatch, Backoff(0.2, 5), 0.3, downs=2, timeout=10)
    assert [s.retry_in for s in seen if s.state is TunnelState.DOWN][:2] == [0.2, 0.2]


@pytest.mark.slow
async def test_ngrok_url_comes_from_its_agent_api_and_the_token_stays_out_of_logs(
        receiver, public, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    api = f"127.0.0.1:{free_port()}"
    monkeypatch.setenv("STANDIN_NGROK_API", api)
    token = "ngrok-authtoken-do-not-log-me"
    tunnel = make_tunnel(receiver, public, provider="ngrok", ngrok_api=f"http://{api}",
                         ngrok_domain="classwatch-test.ngrok.app", token=token)
    await tunnel.start()
    try:
        up = await wait_status(tunnel, lambda s: s.state is TunnelState.UP)
        push = new_push("Net")
        async with public.post(up.push_url, data=orjson.dumps(push)) as resp:
            assert resp.status == 200 and is_ack(await resp.read())
    finally:
        await tunnel.stop()
    assert up.public_url == "https://classwatch-test.ngrok.app" and up.stable_url and up.warning is None
    assert "ngrok: t=" in caplog.text  # its output is logged (debug) ...
    assert token not in caplog.text    # ... but never the token


@pytest.mark.slow
async def test_public_side_gone_makes_the_tunnel_unhealthy_with_the_reason(receiver, public):
    tunnel = make_tunnel(receiver, public, provider="cloudflared")
    await tunnel.start()
    try:
        await wait_status(tunnel, lambda s: s.state is TunnelState.UP)
        await receiver.stop()  # the tunnel runs on, but nothing answers behind it
        tunnel.check_now()     # instead of waiting for the minute's check
        bad = await wait_status(tunnel, lambda s: s.state is TunnelState.UNHEALTHY)
    finally:
        await tunnel.stop()
    assert bad.reason.startswith("the receiver itself does not answer at http://127.0.0.1:")


@pytest.mark.slow
async def test_missing_program_is_a_permanent_down_with_install_advice(receiver, public, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    tunnel = make_tunnel(receiver, public, provider="ngrok")
    await tunnel.start()
    try:
        down = await wait_status(tunnel, lambda s: s.state is TunnelState.DOWN)
    finally:
        await tunnel.stop()
    assert down.retry_in is None
    assert down.reason.startswith("ngrok is not installed (not found on PATH). Install it: ")


@pytest.mark.slow
def test_serve_refuses_a_tunnel_whose_program_is_missing(data_dir, tmp_path):
    out = run_cli("serve", "--port", "0", "--tunnel", "cloudflared", data_dir=data_dir,
                  env={"PATH": str(tmp_path / "empty")}, timeout=30)
    assert out.returncode == 1
    assert out.stderr.startswith("error: tunnel: cloudflared is not installed (not found on PATH). Install it: ")
    assert "--tunnel-binary" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.slow
def test_serve_refuses_an_ssh_tunnel_without_its_options(data_dir):
    out = run_cli("serve", "--port", "0", "--tunnel", "ssh", data_dir=data_dir, timeout=30)
    assert out.returncode == 1
    assert out.stderr.strip() == ("error: tunnel: the ssh tunnel needs --tunnel-host: "
                                  "the ssh server that opens the public port")
