"""The ssh reverse tunnel end to end through a REAL sshd on loopback: `serve
--tunnel ssh` opens it, a push through the forwarded port is stored, the
tunnel comes back by itself after its ssh is killed, `selftest` through the
public URL is acked and finds its push stored, and nothing is left running."""
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
import threading
import time
from pathlib import Path

import orjson
import pytest
import urllib.request

from protocol.classin import is_ack

from .helpers import ROOT, new_push, run_cli
from .tunnel_support import free_port, pid_alive

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


class Serve:
    """`python main.py serve` with both output streams collected line by line."""

    def __init__(self, *args: str):
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        self.out: list[str] = []
        self.err: list[str] = []
        for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=lambda s=stream, l=lines: l.extend(s), daemon=True).start()

    def wait_line(self, lines: list[str], pattern: str, start: int = 0, timeout: float = 15) -> int:
        """Index of the first line at or after `start` matching `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i in range(start, len(lines)):
                if re.search(pattern, lines[i]):
                    return i
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"no line matching {pattern!r}:\n{''.join(self.out)}\n{''.join(self.err)}")

    def ssh_pid(self) -> int:
        """The ssh that serve runs (its child, found in /proc)."""
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                comm = stat.read_text().split("(", 1)[1].rsplit(")", 1)[0]
            except (OSError, IndexError):
                continue
            if comm == "ssh" and int(fields[1]) == self.proc.pid and fields[0] != "Z":
                return int(stat.parent.name)
        raise AssertionError("serve runs no ssh")


def _post(url: str, payload: dict) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=orjson.dumps(payload),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as resp:
        return resp.status, resp.read()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds serve's ssh child in /proc")
def test_serve_ssh_tunnel_through_a_real_sshd(sshd, data_dir):
    forwarded = free_port()
    public = f"http://127.0.0.1:{forwarded}"
    serve = Serve("--data-dir", str(data_dir), "--port", "0",
                  "--tunnel", "ssh", "--tunnel-host", "127.0.0.1", "--tunnel-user", getpass.getuser(),
                  "--tunnel-ssh-port", str(sshd["port"]), "--tunnel-remote-port", str(forwarded),
                  "--tunnel-key", str(sshd["key"]), "--tunnel-strict-host-key", "accept-new",
                  "--tunnel-known-hosts", str(sshd["known_hosts"]), "--public-url", public,
                  "--tunnel-health-interval", "0.5")
    try:
        serve.wait_line(serve.out, rf"^public URL: {re.escape(public)}$")

        push = new_push("Net")
        status, body = _post(public + "/classin", push)
        assert status == 200 and is_ack(body)
        events = run_cli("events", data_dir=data_dir)
        assert push["_id"] in [json.loads(line)["payload"].get("_id") for line in events.stdout.splitlines()]

        first_ssh = serve.ssh_pid()
        os.kill(first_ssh, signal.SIGKILL)
        down = serve.wait_line(serve.err, r"tunnel ssh down: ssh was killed by signal 9\b.*; restarting in 1 s$")
        serve.wait_line(serve.err, rf"tunnel ssh up: {re.escape(public)}", start=down)
        second_ssh = serve.ssh_pid()
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
