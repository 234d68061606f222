"""Helpers for the tunnel tests: free ports, a throw-away TLS certificate for
the stand-ins' "public" side, an HTTP session that resolves the fake public
host names to that side on 127.0.0.1, waiting for tunnel states, and `serve`
as a subprocess whose output is read as it comes."""
from __future__ import annotations

import asyncio
import re
import shutil
import socket
import ssl
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import aiohttp
import psutil
import pytest
from aiohttp.abc import AbstractResolver

from app.core_process import CHILD_COMMAND
from tunnel import Tunnel, TunnelStatus

from .helpers import ROOT

STANDINS = ROOT / "tests" / "standins"


def tunnels(receiver) -> list:
    """The receiver's services that are tunnels (the relay is one too, always there)."""
    return [service for service in receiver.services if isinstance(service, Tunnel)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_cert(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for the stand-ins' public host names."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl (Debian package openssl) is needed to make the stand-ins' certificate")
    cert, key = directory / "public.crt", directory / "public.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=classwatch stand-in",
                    "-addext", "subjectAltName=DNS:*.trycloudflare.com,DNS:*.ngrok-free.app,"
                               "DNS:classwatch-test.ngrok.app",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=30)
    return cert, key


def standin_bin(directory: Path, *names: str) -> Path:
    """A directory with executables `names` that run the stand-in scripts with
    this interpreter (put it first on PATH)."""
    directory.mkdir(exist_ok=True)
    for name in names:
        exe = directory / name
        exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{STANDINS / (name + ".py")}" "$@"\n')
        exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return directory


class PublicSide(AbstractResolver):
    """Resolves every name to 127.0.0.1:`port`, where the stand-in listens:
    the URL the provider printed is used exactly as printed."""

    def __init__(self, port: int):
        self.port = port

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET):
        return [{"hostname": host, "host": "127.0.0.1", "port": self.port, "family": socket.AF_INET,
                 "proto": 0, "flags": socket.AI_NUMERICHOST}]

    async def close(self) -> None:
        pass


def public_session(port: int, cert: Path) -> aiohttp.ClientSession:
    context = ssl.create_default_context(cafile=str(cert))
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(resolver=PublicSide(port), ssl=context))


async def wait_status(tunnel: Tunnel, predicate: Callable[[TunnelStatus], bool],
                      timeout: float = 10) -> TunnelStatus:
    """The first status (current or coming) that satisfies `predicate`."""
    if predicate(tunnel.status):
        return tunnel.status
    found: asyncio.Future[TunnelStatus] = asyncio.get_running_loop().create_future()

    def listener(status: TunnelStatus) -> None:
        if predicate(status) and not found.done():
            found.set_result(status)
    tunnel.listeners.append(listener)
    try:
        return await asyncio.wait_for(found, timeout)
    finally:
        tunnel.listeners.remove(listener)


def pid_alive(pid: int) -> bool:
    """Running; a zombie is dead (orphans stay zombies where init does not reap them)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


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

    def core_pid(self) -> int:
        """The process running serve's tunnel: its core process (app.core_process), or itself (--core inline)."""
        for child in psutil.Process(self.proc.pid).children():
            try:
                if CHILD_COMMAND in child.cmdline():
                    return child.pid
            except psutil.Error:   # one just gone
                pass
        return self.proc.pid

    def tunnel_pid(self) -> int:
        """The tunnel program serve runs: the only live child of its core."""
        children = [p.pid for p in psutil.Process(self.core_pid()).children() if pid_alive(p.pid)]
        assert len(children) == 1, f"serve runs {len(children)} programs"
        return children[0]

    def stop(self) -> int:
        """SIGTERM (a clean stop); the exit code."""
        if self.proc.poll() is None:
            self.proc.terminate()
        return self.proc.wait(30)
