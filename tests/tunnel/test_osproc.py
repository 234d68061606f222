"""The per-platform process choices of tunnel/osproc.py, run for real on
real processes: the POSIX branch where the tests run, and the Windows
branch as far as it runs outside Windows (the tree kill, the plain signal
handler); what needs Windows itself is checked there only."""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time

import psutil
import pytest

from tunnel import osproc

from ..tunnel_support import pid_alive

posix_only = pytest.mark.skipif(osproc.IS_WINDOWS, reason="POSIX process groups and signals")


def _tree() -> tuple[subprocess.Popen, list[int]]:
    """A shell in a group of its own with two grandchildren; (shell, grandchildren)."""
    shell = subprocess.Popen(["sh", "-c", "sleep 60 & echo $!; sleep 60 & echo $!; wait"],
                             stdout=subprocess.PIPE, text=True, **osproc.new_group_options(windows=False))
    grandchildren = [int(shell.stdout.readline()), int(shell.stdout.readline())]
    assert {p.pid for p in psutil.Process(shell.pid).children()} == set(grandchildren)
    return shell, grandchildren


def _all_gone(shell: subprocess.Popen, pids: list[int], timeout: float = 5) -> bool:
    shell.wait(timeout)
    shell.stdout.close()
    deadline = time.monotonic() + timeout
    while any(pid_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not any(pid_alive(p) for p in pids)


@pytest.mark.slow
@posix_only
def test_posix_child_leads_a_session_and_process_group_of_its_own():
    assert osproc.new_group_options(windows=False) == {"start_new_session": True}
    shell, grandchildren = _tree()
    try:
        assert os.getpgid(shell.pid) == shell.pid and os.getsid(shell.pid) == shell.pid
        assert all(os.getpgid(p) == shell.pid for p in grandchildren)
        assert os.getpgid(shell.pid) != os.getpgid(0)   # a Ctrl+C to us does not reach it
    finally:
        osproc.end_group(shell.pid, hard=True, windows=False)
        assert _all_gone(shell, grandchildren)


@pytest.mark.slow
@pytest.mark.skipif(not osproc.IS_WINDOWS, reason="subprocess has the Windows flags on Windows only")
def test_windows_child_gets_its_own_process_group_and_no_console_window():
    flags = osproc.new_group_options(windows=True)["creationflags"]
    assert flags == subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW


@pytest.mark.slow
@posix_only
def test_posix_end_group_asks_the_whole_group_then_kills_it():
    # A shell that survives SIGTERM (a handler: an ignored signal would be inherited).
    shell = subprocess.Popen(["sh", "-c", "trap 'echo term' TERM; sleep 60 & echo $!; "
                                          "while :; do sleep 0.1; done"],
                             stdout=subprocess.PIPE, text=True, **osproc.new_group_options(windows=False))
    try:
        sleeper = int(shell.stdout.readline())
        while psutil.Process(sleeper).name() != "sleep":  # before its exec it is a shell with the trap
            time.sleep(0.01)
        osproc.end_group(shell.pid, hard=False, windows=False)
        assert shell.stdout.readline() == "term\n"
        time.sleep(0.3)
        # SIGTERM reached the whole group: the sleep is gone, the shell chose to stay
        assert not pid_alive(sleeper) and shell.poll() is None
    finally:
        if shell.poll() is None:
            osproc.end_group(shell.pid, hard=True, windows=False)
        shell.stdout.close()
    assert shell.wait(5) == -signal.SIGKILL


@pytest.mark.slow
@posix_only  # the tree is built with sh; the kill itself is the Windows branch
def test_windows_end_group_kills_the_program_and_everything_it_started():
    shell, grandchildren = _tree()
    try:
        osproc.end_group(shell.pid, hard=False, windows=True)   # Windows has nothing polite: killed at once
        assert _all_gone(shell, grandchildren)
        assert shell.returncode == -signal.SIGKILL
    finally:
        if shell.poll() is None:   # a failure left it running (a reaped pid may name another group)
            osproc.end_group(shell.pid, hard=True, windows=False)


def test_stop_signals_per_platform():
    assert osproc.stop_signals(windows=False) == [signal.SIGINT, signal.SIGTERM]
    expected = [signal.SIGINT, signal.SIGBREAK] if osproc.IS_WINDOWS else [signal.SIGINT]
    assert osproc.stop_signals(windows=True) == expected   # SIGBREAK exists on Windows only


async def _assert_stops(sig: int, windows: bool) -> None:
    loop = asyncio.get_running_loop()
    stopped = asyncio.Event()
    before = {s: signal.getsignal(s) for s in osproc.stop_signals(windows)}
    osproc.on_stop_signals(loop, stopped.set, windows=windows)
    try:
        os.kill(os.getpid(), sig)
        await asyncio.wait_for(stopped.wait(), 5)
    finally:
        for s, handler in before.items():
            if not windows:
                loop.remove_signal_handler(s)
            signal.signal(s, handler)


@posix_only
async def test_posix_stop_signals_go_through_the_loop():
    await _assert_stops(signal.SIGTERM, windows=False)
    await _assert_stops(signal.SIGINT, windows=False)


@posix_only  # os.kill(self, SIGINT) would end the process on Windows; the handler is the same
async def test_windows_stop_signal_handler_wakes_the_loop_without_add_signal_handler():
    await _assert_stops(signal.SIGINT, windows=True)
