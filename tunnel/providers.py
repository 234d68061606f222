"""Tunnel providers: which program to run, with which arguments, and where
its public URL comes from.

Nothing is downloaded at run time: a missing program is reported with how
to install it on the user's platform. Tokens go to the child through its
environment, never on the command line (visible to every local user in the
process list, and in our own log of the command).
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import sys
from typing import ClassVar

import aiohttp

from .process import ChildProcess
from .settings import PROVIDERS, STRICT_HOST_KEY_CHOICES, TunnelSettings


class TunnelConfigError(Exception):
    """A setup problem that retrying cannot fix (missing program or option)."""


def _platform() -> str:
    if sys.platform == "win32":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


class Provider:
    name: ClassVar[str]
    program: ClassVar[str | None] = None          # executable looked up on PATH
    install: ClassVar[dict[str, str]] = {}        # platform -> how to install `program`
    stable: ClassVar[bool] = True                 # the public URL survives a restart

    def __init__(self, settings: TunnelSettings):
        self.settings = settings

    def check(self) -> None:
        """Raise TunnelConfigError when the provider cannot possibly work."""
        if self.program is not None:
            self.executable()

    def executable(self) -> str:
        if self.settings.binary:
            if os.path.isfile(self.settings.binary) and os.access(self.settings.binary, os.X_OK):
                return self.settings.binary
            raise TunnelConfigError(f"{self.settings.binary} (the configured {self.program}) "
                                    f"is not an executable file")
        found = shutil.which(self.program or "")
        if found is None:
            raise TunnelConfigError(
                f"{self.program} is not installed (not found on PATH). "
                f"Install it: {self.install[_platform()]}; then start again, "
                f"or give its full path with --tunnel-binary.")
        return found

    def command(self, host: str, port: int) -> list[str] | None:
        """The program and its arguments to expose host:port; None = no process."""
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return {}

    async def public_url(self, child: ChildProcess | None, http: aiohttp.ClientSession) -> str | None:
        """The public base URL once known; None when the child exited first."""
        return self.settings.public_url

    def _require(self, option: str, value: object, why: str) -> None:
        if value in (None, ""):
            raise TunnelConfigError(f"the {self.name} tunnel needs {option}: {why}")


class Cloudflared(Provider):
    name = "cloudflared"
    program = "cloudflared"
    install = {
        "windows": "winget install --id Cloudflare.cloudflared",
        "macos": "brew install cloudflared",
        "linux": "the cloudflared package from https://pkg.cloudflare.com "
                 "(or the .deb/.rpm from https://github.com/cloudflare/cloudflared/releases)",
    }
    QUICK_URL = re.compile(r"https://[-a-z0-9]+\.trycloudflare\.com")

    @property
    def quick(self) -> bool:
        # Without the user's tunnel token it is a quick tunnel: a random URL per start.
        return not self.settings.token

    @property
    def stable(self) -> bool:  # type: ignore[override]
        return not self.quick

    def check(self) -> None:
        if not self.quick:
            self._require("--public-url", self.settings.public_url,
                          "the hostname routed to this tunnel in Cloudflare's dashboard")
        super().check()

    def command(self, host: str, port: int) -> list[str]:
        # --no-autoupdate: cloudflared would otherwise download a new version and restart.
        if self.quick:
            return [self.executable(), "tunnel", "--no-autoupdate", "--url", f"http://{host}:{port}"]
        # Named tunnel: the dashboard routes the hostname to http://HOST:PORT;
        # the token is read from TUNNEL_TOKEN (same as `run --token`).
        return [self.executable(), "tunnel", "--no-autoupdate", "run"]

    def env(self) -> dict[str, str]:
        return {} if self.quick else {"TUNNEL_TOKEN": self.settings.token or ""}

    async def public_url(self, child: ChildProcess | None, http: aiohttp.ClientSession) -> str | None:
        if not self.quick:
            return self.settings.public_url
        assert child is not None
        return await child.wait_for_line(self._quick_url)

    def _quick_url(self, line: str) -> str | None:
        # cloudflared also prints https://www.cloudflare.com/... links: match the host.
        m = self.QUICK_URL.search(line)
        return m.group(0) if m and not m.group(0).startswith("https://api.") else None


class Ngrok(Provider):
    name = "ngrok"
    program = "ngrok"
    install = {
        "windows": "winget install ngrok.ngrok (then: ngrok config add-authtoken TOKEN)",
        "macos": "brew install ngrok (then: ngrok config add-authtoken TOKEN)",
        "linux": "the ngrok package from https://ngrok.com/download (apt repository or snap), "
                 "then: ngrok config add-authtoken TOKEN",
    }
    API_POLL = 0.5

    def __init__(self, settings: TunnelSettings):
        super().__init__(settings)
        self._port: int | None = None

    @property
    def stable(self) -> bool:  # type: ignore[override]
        return bool(self.settings.ngrok_domain)

    def command(self, host: str, port: int) -> list[str]:
        # --log stdout: its log lines (errors included) come to our pipe, not a console UI.
        self._port = port
        argv = [self.executable(), "http", f"{host}:{port}", "--log", "stdout"]
        if self.settings.ngrok_domain:
            argv.append(f"--domain={self.settings.ngrok_domain}")
        return argv

    def env(self) -> dict[str, str]:
        return {"NGROK_AUTHTOKEN": self.settings.token} if self.settings.token else {}

    async def public_url(self, child: ChildProcess | None, http: aiohttp.ClientSession) -> str | None:
        """Poll the agent API until our tunnel shows up (the agent needs a moment
        to connect; several agents on one machine each list only their own)."""
        assert child is not None
        api = self.settings.ngrok_api.rstrip("/") + "/api/tunnels"
        while child.running:
            try:
                async with http.get(api, timeout=aiohttp.ClientTimeout(total=3)) as resp:
                    doc = await resp.json(content_type=None) if resp.status == 200 else {}
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                doc = {}
            for tunnel in (doc.get("tunnels") or []) if isinstance(doc, dict) else []:
                if isinstance(tunnel, dict) and self._ours(tunnel):
                    return tunnel["public_url"]
            await asyncio.sleep(self.API_POLL)
        return None

    def _ours(self, tunnel: dict) -> bool:
        # Another agent (another program's tunnel) may own the default API
        # address: only an https tunnel to our port counts.
        url, config = tunnel.get("public_url"), tunnel.get("config")
        addr = str(config.get("addr", "")) if isinstance(config, dict) else ""
        return (isinstance(url, str) and url.startswith("https://")
                and addr.endswith(f":{self._port}"))


class Ssh(Provider):
    name = "ssh"
    program = "ssh"
    install = {
        "windows": "Settings > Apps > Optional features > add 'OpenSSH Client' "
                   "(or: Add-WindowsCapability -Online -Name OpenSSH.Client~~~~0.0.1.0)",
        "macos": "it comes with macOS (/usr/bin/ssh)",
        "linux": "sudo apt install openssh-client (Fedora: sudo dnf install openssh-clients)",
    }
    ALIVE_INTERVAL = 15

    def check(self) -> None:
        s = self.settings
        self._require("--tunnel-host", s.ssh_host, "the ssh server that opens the public port")
        self._require("--tunnel-remote-port", s.remote_port, "the port opened on that server")
        self._require("--public-url", s.public_url,
                      "the address ClassIn reaches that port at (e.g. https://push.school.example)")
        if s.strict_host_key_checking not in STRICT_HOST_KEY_CHOICES:
            raise TunnelConfigError(f"StrictHostKeyChecking must be one of "
                                    f"{', '.join(STRICT_HOST_KEY_CHOICES)}")
        if s.identity_file and not os.path.isfile(s.identity_file):
            raise TunnelConfigError(f"the ssh key {s.identity_file} does not exist")
        super().check()

    def command(self, host: str, port: int) -> list[str]:
        s = self.settings
        argv = [self.executable(), "-N", "-T",
                # Die instead of running without the forward (port taken on the server):
                # then we see it, report it and retry.
                "-o", "ExitOnForwardFailure=yes",
                # A dead connection makes ssh exit after ~45 s, which restarts it.
                "-o", f"ServerAliveInterval={self.ALIVE_INTERVAL}", "-o", "ServerAliveCountMax=3",
                # Never wait for a password or a yes/no prompt nobody can answer.
                "-o", "BatchMode=yes",
                "-o", f"StrictHostKeyChecking={s.strict_host_key_checking}"]
        if s.known_hosts:
            argv += ["-o", f"UserKnownHostsFile={s.known_hosts}"]
        if s.identity_file:
            argv += ["-i", s.identity_file, "-o", "IdentitiesOnly=yes"]
        if s.ssh_port:
            argv += ["-p", str(s.ssh_port)]
        argv += ["-R", f"{s.remote_port}:{host}:{port}"]
        argv.append(f"{s.ssh_user}@{s.ssh_host}" if s.ssh_user else str(s.ssh_host))
        return argv


class External(Provider):
    """Someone else exposes the receiver (a router's port forward, a reverse
    proxy): no process, only the health check of the URL the user gives."""
    name = "external"

    def check(self) -> None:
        self._require("--public-url", self.settings.public_url, "the URL ClassIn posts to")

    def command(self, host: str, port: int) -> None:
        return None


_BY_NAME: dict[str, type[Provider]] = {p.name: p for p in (Cloudflared, Ngrok, Ssh, External)}
assert tuple(_BY_NAME) == PROVIDERS


def make_provider(settings: TunnelSettings) -> Provider:
    try:
        return _BY_NAME[settings.provider](settings)
    except KeyError:
        raise TunnelConfigError(f"unknown tunnel provider {settings.provider!r} "
                                f"(one of: {', '.join(PROVIDERS)})") from None
