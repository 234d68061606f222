"""Tunnel pieces without processes: settings, command lines, install advice,
backoff, state flags, the self-test's push."""
from __future__ import annotations

import pytest

from cli.serve_cmd import TunnelPrinter
from protocol.classin import CMD_TEST, verify_safekey
from storage.config import ConfigStore
from tunnel import Backoff, Tunnel, TunnelConfigError, TunnelSettings, TunnelState, TunnelStatus
from tunnel import providers
from tunnel.providers import make_provider
from tunnel.selftest import push_url_of, registration_push

from ..helpers import SECRET, SID


@pytest.fixture
def on_path(monkeypatch):
    """Every program is 'installed' at /opt/bin/NAME."""
    monkeypatch.setattr(providers.shutil, "which", lambda name: f"/opt/bin/{name}")


def test_settings_come_from_the_config_and_cli_overrides_win(tmp_path):
    store = ConfigStore(tmp_path)
    saved = TunnelSettings(provider="ssh", ssh_host="relay.school.example", remote_port=9000,
                           public_url="https://push.school.example/", token="tok-secret-123",
                           health_interval=30)
    store.update(lambda c: c.settings.update(saved.to_settings()))
    config = ConfigStore(tmp_path).current()
    assert "tok-secret-123" in config.secrets()  # flat "tunnel_token" key: masked in logs
    s = TunnelSettings.from_settings(config.settings, remote_port=9100, ssh_user=None)
    assert (s.provider, s.ssh_host, s.remote_port, s.public_url, s.health_interval) == (
        "ssh", "relay.school.example", 9100, "https://push.school.example", 30.0)
    assert "tok-secret-123" not in repr(s)


def test_settings_accept_numbers_written_as_strings():
    s = TunnelSettings.from_settings({"tunnel_provider": "ssh", "tunnel_remote_port": "9000",
                                      "tunnel_health_interval": "15"})
    assert s.remote_port == 9000 and s.health_interval == 15.0


def test_ssh_command_is_a_batch_reverse_forward(on_path, tmp_path):
    key = tmp_path / "id_ed25519"
    key.write_text("key")
    p = make_provider(TunnelSettings(provider="ssh", ssh_host="relay", ssh_user="cw", ssh_port=2222,
                                     remote_port=9000, identity_file=str(key),
                                     strict_host_key_checking="yes", public_url="https://push.example"))
    p.check()
    argv = p.command("127.0.0.1", 8765)
    line = " ".join(argv)
    assert argv[0] == "/opt/bin/ssh" and argv[-1] == "cw@relay"
    for part in ("-N", "-R 9000:127.0.0.1:8765", "-o ExitOnForwardFailure=yes", "-o BatchMode=yes",
                 "-o ServerAliveInterval=15", "-o StrictHostKeyChecking=yes", f"-i {key}", "-p 2222"):
        assert part in line
    assert p.stable


@pytest.mark.parametrize("settings, message", [
    (dict(remote_port=9000, public_url="https://x"), "needs --tunnel-host"),
    (dict(ssh_host="relay", public_url="https://x"), "needs --tunnel-remote-port"),
    (dict(ssh_host="relay", remote_port=9000), "needs --public-url"),
    (dict(ssh_host="relay", remote_port=9000, public_url="https://x", strict_host_key_checking="ask"),
     "StrictHostKeyChecking must be one of"),
])
def test_ssh_refuses_an_incomplete_setup(on_path, settings, message):
    with pytest.raises(TunnelConfigError, match=message):
        make_provider(TunnelSettings(provider="ssh", **settings)).check()


def test_named_cloudflared_tunnel_gets_its_token_through_the_environment(on_path):
    token = "eyJhIjoiNDk0In0-named-tunnel-token"
    p = make_provider(TunnelSettings(provider="cloudflared", token=token,
                                     public_url="https://push.school.example"))
    p.check()
    assert p.command("127.0.0.1", 8765) == ["/opt/bin/cloudflared", "tunnel", "--no-autoupdate", "run"]
    assert p.env() == {"TUNNEL_TOKEN": token} and p.stable
    with pytest.raises(TunnelConfigError, match="needs --public-url"):
        make_provider(TunnelSettings(provider="cloudflared", token=token)).check()


def test_quick_and_ngrok_commands(on_path):
    quick = make_provider(TunnelSettings(provider="cloudflared"))
    assert quick.command("127.0.0.1", 8765) == [
        "/opt/bin/cloudflared", "tunnel", "--no-autoupdate", "--url", "http://127.0.0.1:8765"]
    assert not quick.stable and quick.env() == {}
    assert quick._quick_url("2024-05-06T10:11:14Z INF |  https://a-b-c.trycloudflare.com   |") \
        == "https://a-b-c.trycloudflare.com"
    assert quick._quick_url("INF https://developers.cloudflare.com/cloudflare-one/") is None
    ngrok = make_provider(TunnelSettings(provider="ngrok", ngrok_domain="cw.ngrok.app", token="ntok"))
    assert ngrok.command("127.0.0.1", 8765) == [
        "/opt/bin/ngrok", "http", "127.0.0.1:8765", "--log", "stdout", "--domain=cw.ngrok.app"]
    assert ngrok.env() == {"NGROK_AUTHTOKEN": "ntok"} and ngrok.stable
    assert not make_provider(TunnelSettings(provider="ngrok")).stable


@pytest.mark.parametrize("platform, advice", [
    ("windows", "winget install --id Cloudflare.cloudflared"),
    ("macos", "brew install cloudflared"),
    ("linux", "https://pkg.cloudflare.com"),
])
def test_missing_program_message_says_how_to_install_it(monkeypatch, platform, advice):
    monkeypatch.setattr(providers.shutil, "which", lambda name: None)
    monkeypatch.setattr(providers, "_platform", lambda: platform)
    with pytest.raises(TunnelConfigError) as err:
        make_provider(TunnelSettings(provider="cloudflared")).check()
    assert str(err.value).startswith("cloudflared is not installed (not found on PATH). Install it: ")
    assert advice in str(err.value)


def test_every_provider_has_install_advice_for_every_platform():
    for cls in (providers.Cloudflared, providers.Ngrok, providers.Ssh):
        assert set(cls.install) == {"windows", "macos", "linux"}


def test_unknown_provider_and_external_without_url():
    with pytest.raises(TunnelConfigError, match="unknown tunnel provider 'frp'"):
        make_provider(TunnelSettings(provider="frp"))
    with pytest.raises(TunnelConfigError, match="needs --public-url"):
        make_provider(TunnelSettings(provider="external")).check()


def test_backoff_doubles_up_to_the_cap_and_resets():
    b = Backoff(1, 60)
    assert [b.next() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    b.reset()
    assert b.next() == 1


def test_state_reasons_never_carry_the_token():
    token = "secret-token-value"
    tunnel = Tunnel(TunnelSettings(provider="external", public_url="https://x", token=token), lambda: None)
    seen = []
    tunnel.listeners.append(seen.append)
    tunnel._set(TunnelState.DOWN, reason=f"auth failed for {token}")
    assert seen[0].reason == "auth failed for ***"
    tunnel._set(TunnelState.DOWN, reason=f"auth failed for {token}")
    assert len(seen) == 1, "an unchanged state must not be reported again"


def test_selftest_push_is_a_signed_registration_test_with_a_fresh_id():
    a, b = registration_push(SID, SECRET), registration_push(SID, SECRET)
    assert a["Cmd"] == CMD_TEST and a["Msg"] == "Register test." and a["SID"] == SID
    assert verify_safekey(SECRET, a) is None
    assert a["_id"] != b["_id"]
    assert push_url_of("https://x.example/") == "https://x.example/classin"
    assert push_url_of("https://x.example/classin") == "https://x.example/classin"


def test_serve_prints_the_public_url_when_up_and_again_when_it_changes(capsys, tmp_path):
    config = ConfigStore(tmp_path)
    printer = TunnelPrinter(config)
    up = TunnelStatus(TunnelState.UP, "cloudflared", public_url="https://a-b.trycloudflare.com",
                      stable_url=False, registered_url="https://a-b.trycloudflare.com")
    printer(TunnelStatus(TunnelState.STARTING, "cloudflared", public_url=up.public_url))
    printer(up)
    printer(TunnelStatus(TunnelState.DOWN, "cloudflared", reason="exited"))
    printer(up)  # back with the same URL: nothing new to say
    printer(TunnelStatus(TunnelState.UP, "cloudflared", public_url="https://c-d.trycloudflare.com",
                         stable_url=False, registered_url=up.registered_url, url_changed=True))
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("public URL: ")] == [
        "public URL: https://a-b.trycloudflare.com", "public URL: https://c-d.trycloudflare.com"]
    assert out[-1].startswith("WARNING: the public URL https://c-d.trycloudflare.com is not the URL registered")
    token = config.current().gensee_token
    assert f"public gensee callbacks: https://c-d.trycloudflare.com/gensee/{token}/" in out


async def test_stop_right_after_start_never_hangs(receiver):
    """On Python 3.11 asyncio.wait_for could swallow stop()'s cancellation when the
    external provider's URL was ready at once; the supervisor then ran forever."""
    import asyncio

    from tunnel.service import Tunnel, TunnelState
    from tunnel.settings import TunnelSettings

    settings = TunnelSettings(provider="external", public_url=receiver.url)
    for _ in range(20):
        tunnel = Tunnel(settings, lambda: receiver.url, recheck_interval=0.05)
        await tunnel.start()
        await asyncio.sleep(0)
        async with asyncio.timeout(5):
            await tunnel.stop()
        assert tunnel.status.state is TunnelState.STOPPED
