"""The ssh reverse tunnel end to end through a REAL sshd on loopback: `serve
--tunnel ssh` opens it, a push through the forwarded port is stored, the
tunnel comes back by itself after its ssh is killed, `selftest` through the
public URL is acked and finds its push stored, and nothing is left running;
an ssh left running by a killed `serve` is ended by the next one, and
tunnel settings changed in config.json reach a running `serve`."""
from __future__ import annotations

import getpass
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
import urllib.request

from protocol.classin import is_ack
from storage.config import ConfigStore
from tunnel import TunnelSettings

from ..helpers import new_push, run_cli
from ..tunnel_support import Serve, free_port, pid_alive

SSHD = Path("/usr/sbin/sshd")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="the test sshd is POSIX-only"),
    pytest.mark.skipif(not SSHD.exists(), reason="/usr/sbin/sshd is absent (Debian package openssh-server)"),
]


def _wait_port(port: int, proc: subprocess.Popen, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"sshd exited: {proc.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("sshd does not listen")


@pytest.fixture
def sshd(tmp_path):
    """sshd on a random loopback port, as the current user, with throw-away
    host and user keys; only key logins and remote forwards."""
    if shutil.which("ssh-keygen") is None or shutil.which("ssh") is None:
        pytest.skip("ssh and ssh-keygen are absent (Debian package openssh-client)")
    d = tmp_path / "sshd"
    d.mkdir()
    for name in ("host_key", "user_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(d / name)], check=True)
    (d / "authorized_keys").write_text((d / "user_key.pub").read_text())
    if os.geteuid() == 0:
        # sshd started by root insists on its privilege-separation directory
        # (the Debian service creates it at boot).
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    port = free_port()
    (d / "sshd_config").write_text("\n".join([
        f"ListenAddress 127.0.0.1:{port}",
        f"HostKey {d / 'host_key'}",
        f"PidFile {d / 'sshd.pid'}",
        f"AuthorizedKeysFile {d / 'authorized_keys'}",
        "AuthenticationMethods publickey",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "StrictModes no",  # tmp_path's modes are not sshd's business here
        "UsePAM no",
        "AllowTcpForwarding remote",
        "PermitRootLogin prohibit-password",
        "LogLevel VERBOSE",
    ]) + "\n")
    proc = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(d / "sshd_config")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_port(port, proc)
        yield {"port": port, "key": d / "user_key", "known_hosts": d / "known_hosts"}
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def _post(url: str, payload: dict) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=orjson.dumps(payload),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as resp:
        return resp.status, resp.read()


def _ssh_options(sshd, forwarded: int) -> list[str]:
    return ["--tunnel", "ssh", "--tunnel-host", "127.0.0.1", "--tunnel-user", getpass.getuser(),
            "--tunnel-ssh-port", str(sshd["port"]), "--tunnel-remote-port", str(forwarded),
            "--tunnel-key", str(sshd["key"]), "--tunnel-strict-host-key", "accept-new",
            "--tunnel-known-hosts", str(sshd["known_hosts"]), "--public-url", f"http://127.0.0.1:{forwarded}",
            "--tunnel-health-interval", "0.5"]


def test_serve_ssh_tunnel_through_a_real_sshd(sshd, data_dir):
    forwarded = free_port()
    public = f"http://127.0.0.1:{forwarded}"
    serve = Serve("--data-dir", str(data_dir), "--port", "0", *_ssh_options(sshd, forwarded))
    try:
        serve.wait_line(serve.out, rf"^public URL: {re.escape(public)}$")

        push = new_push("Net")
        status, body = _post(public + "/classin", push)
        assert status == 200 and is_ack(body)
        events = run_cli("events", data_dir=data_dir)
        assert push["_id"] in [json.loads(line)["payload"].get("_id") for line in events.stdout.splitlines()]

        first_ssh = serve.tunnel_pid()
        os.kill(first_ssh, signal.SIGKILL)
        down = serve.wait_line(serve.err, r"tunnel ssh down: ssh was killed by signal 9\b.*; restarting in 1 s$")
        serve.wait_line(serve.err, rf"tunnel ssh up: {re.escape(public)}", start=down)
        second_ssh = serve.tunnel_pid()
        assert second_ssh != first_ssh

        test = run_cli("selftest", "--url", public, data_dir=data_dir, timeout=30)
        assert test.returncode == 0, test.stdout + test.stderr
        assert "HTTP status: 200\n" in test.stdout
        assert "ClassIn success ack: yes\n" in test.stdout
        assert "stored: yes (found in " in test.stdout
        assert test.stdout.rstrip().endswith("result: OK")
    finally:
        if serve.proc.poll() is None:
            serve.proc.send_signal(signal.SIGTERM)
        code = serve.proc.wait(30)
    assert code == 0, "".join(serve.err)
    assert not pid_alive(second_ssh), "serve left its ssh running"


def test_an_ssh_left_running_by_a_killed_serve_is_ended_by_the_next_one(sshd, data_dir):
    forwarded = free_port()
    public = f"http://127.0.0.1:{forwarded}"
    options = ["--data-dir", str(data_dir), "--port", "0", *_ssh_options(sshd, forwarded)]
    crashed = Serve(*options)
    try:
        crashed.wait_line(crashed.out, rf"^public URL: {re.escape(public)}$")
        orphan, owner = crashed.tunnel_pid(), crashed.core_pid()
    finally:
        crashed.proc.kill()
        crashed.proc.wait(10)
    time.sleep(0.5)
    assert pid_alive(orphan), "the ssh did not outlive its serve: nothing to test"
    assert list(data_dir.glob("tunnel-*.pid"))

    serve = Serve(*options)
    try:
        serve.wait_line(serve.err, rf"tunnel: ended ssh \(pid {orphan}\), left running by ClassWatch "
                                   rf"process {owner} that is gone$")
        assert not pid_alive(orphan)
        # Its -R needs the remote port the orphan held (ExitOnForwardFailure=yes).
        serve.wait_line(serve.out, rf"^public URL: {re.escape(public)}$")
        new_ssh = serve.tunnel_pid()
        status, body = _post(public + "/classin", new_push("Net"))
        assert status == 200 and is_ack(body)
    finally:
        code = serve.stop()
        if pid_alive(orphan):  # the fix failed: the sshd fixture's stop would not end it
            os.kill(orphan, signal.SIGKILL)
    assert code == 0, "".join(serve.err)
    assert not pid_alive(new_ssh)
    assert not list(data_dir.glob("tunnel-*.pid")), "a clean stop left its record"


def _forwards(port: int) -> bool:
    try:
        status, body = _post(f"http://127.0.0.1:{port}/classin", new_push("Net"))
    except OSError:
        return False
    return status == 200 and is_ack(body)


def test_serve_follows_tunnel_settings_changed_in_the_config(sshd, data_dir):
    first, second = free_port(), free_port()
    serve = Serve("--data-dir", str(data_dir), "--port", "0")
    store = ConfigStore(data_dir)
    token = "tunnel-token-never-logged"

    def ssh_settings(port: int, **more) -> None:
        settings = TunnelSettings(provider="ssh", ssh_host="127.0.0.1", ssh_user=getpass.getuser(),
                                  ssh_port=sshd["port"], remote_port=port, identity_file=str(sshd["key"]),
                                  known_hosts=str(sshd["known_hosts"]), public_url=f"http://127.0.0.1:{port}",
                                  health_interval=0.5, **more)
        store.update(lambda c: c.settings.update(settings.to_settings()))
    try:
        url = re.match(r"listening on (\S+)", serve.out[serve.wait_line(serve.out, "^listening on ")]).group(1)
        assert "tunnel" not in "".join(serve.out)

        store.update(lambda c: c.settings.update(tunnel_provider="external", tunnel_public_url=url))
        at = serve.wait_line(serve.err, r"the tunnel settings in config.json changed "
                                        r"\(provider, public_url\): starting the tunnel$")
        serve.wait_line(serve.out, rf"^public URL: {re.escape(url)}$")

        ssh_settings(first)
        at = serve.wait_line(serve.err, r"changed \(provider, public_url, ssh_host, ssh_user, ssh_port, "
                                        r"remote_port, identity_file, known_hosts, health_interval\): "
                                        r"restarting the tunnel$", start=at)
        serve.wait_line(serve.out, rf"^public URL: http://127.0.0.1:{first}$")
        first_ssh = serve.tunnel_pid()
        assert _forwards(first)

        ssh_settings(second, token=token)
        at = serve.wait_line(serve.err, r"changed \(public_url, token, remote_port\): restarting the tunnel$",
                             start=at)
        serve.wait_line(serve.out, rf"^public URL: http://127.0.0.1:{second}$")
        assert not pid_alive(first_ssh)
        assert _forwards(second) and not _forwards(first)
        second_ssh = serve.tunnel_pid()

        store.update(lambda c: c.settings.update(tunnel_remote_port="not a port"))
        at = serve.wait_line(serve.err, r"the tunnel settings in config.json cannot be read .*: "
                                        r"the tunnel keeps the ones it has$", start=at)
        store.update(lambda c: c.settings.update(tunnel_remote_port=second, tunnel_key="/nonexistent/key"))
        at = serve.wait_line(serve.err, r"changed \(identity_file\) but cannot work: the ssh key "
                                        r"/nonexistent/key does not exist; the tunnel keeps the ones it has$",
                             start=at)
        assert serve.tunnel_pid() == second_ssh and _forwards(second)

        store.update(lambda c: c.settings.pop("tunnel_provider"))
        serve.wait_line(serve.err, r"changed \(provider\): stopping the tunnel$", start=at)
        deadline = time.monotonic() + 10
        while pid_alive(second_ssh) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not pid_alive(second_ssh)
    finally:
        code = serve.stop()
    assert code == 0, "".join(serve.err)
    logged = "".join(serve.err) + (data_dir / "classwatch.log").read_text(encoding="utf-8")
    assert token not in logged
