"""Tunnel programs left running by a process that died: the records in the
data dir, and what the next start ends (and what it must never touch), on
real processes. The whole story through `serve` and a real sshd is in
tests/tunnel/test_ssh.py."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import psutil
import pytest

from tunnel import leftovers, osproc

from ..helpers import ROOT
from ..tunnel_support import pid_alive

# An owner like a ClassWatch: starts a program (which starts a helper), records it, runs on.
OWNER = """
import subprocess, sys, time
from tunnel import leftovers, osproc
program = subprocess.Popen(["sh", "-c", "sleep 60 & echo $!; wait"], stdout=subprocess.PIPE,
                           text=True, **osproc.new_group_options())
helper = program.stdout.readline().strip()
leftovers.record(sys.argv[1], program.pid, "/bin/sh")
print(program.pid, helper, flush=True)
time.sleep(60)
"""


def _program() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], **osproc.new_group_options())


def _wait_gone(pids: list[int], timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while any(pid_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not any(pid_alive(p) for p in pids)


@pytest.mark.slow
@pytest.mark.skipif(osproc.IS_WINDOWS, reason="the program is an sh script")
def test_a_program_whose_owner_was_killed_is_ended_with_its_helpers(tmp_path):
    owner = subprocess.Popen([sys.executable, "-c", OWNER, str(tmp_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    program, helper = map(int, owner.stdout.readline().split())
    owner.kill()
    owner.wait(10)
    owner.stdout.close()
    assert pid_alive(program) and pid_alive(helper), "killing the owner ended its program: nothing to test"

    ended = leftovers.end_orphans(tmp_path)

    assert ended == [f"ended sh (pid {program}), left running by ClassWatch process {owner.pid} that is gone"]
    assert _wait_gone([program, helper])
    assert not list(tmp_path.glob(leftovers.RECORD_GLOB))


@pytest.mark.slow
def test_the_program_of_a_live_owner_is_left_alone(tmp_path):
    # Two ClassWatch processes may share a data dir, each with its own tunnel.
    program = _program()
    try:
        record = leftovers.record(tmp_path, program.pid, sys.executable)
        assert leftovers.end_orphans(tmp_path) == []
        assert program.poll() is None and record.exists()
        leftovers.forget(record)
        assert not record.exists()
    finally:
        program.kill()
        program.wait()


@pytest.mark.slow
def test_a_pid_that_now_names_another_process_is_never_touched(tmp_path):
    other = _program()
    try:
        record = leftovers.record(tmp_path, other.pid, sys.executable)
        # As if both pids had been given to new processes since the record was written.
        doc = json.loads(record.read_text())
        doc["started"] -= 5
        doc["owner_started"] -= 5
        record.write_text(json.dumps(doc))
        assert leftovers.end_orphans(tmp_path) == []
        time.sleep(0.2)
        assert other.poll() is None and psutil.Process(other.pid).status() != psutil.STATUS_ZOMBIE
        assert not record.exists()
    finally:
        other.kill()
        other.wait()


def test_unreadable_records_are_dropped_and_half_written_ones_ignored(tmp_path):
    (tmp_path / "tunnel-123.pid").write_text("{not json")
    (tmp_path / "tunnel-456.pid").write_text('{"pid": 456}')
    (tmp_path / "tunnel-789.tmp").write_text('{"pid": 7')
    assert leftovers.end_orphans(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tunnel-789.tmp"]
