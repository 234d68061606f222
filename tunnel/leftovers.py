"""Tunnel programs left running by a ClassWatch that never stopped them
(killed, crashed, power cut): they hold the remote port, so the next start's
`ssh -R` fails. Each running program is recorded in a file in the data dir,
removed when it exits; a tunnel that starts ends the recorded programs whose
owner is gone before it starts its own.

A record names the program and its owner each by pid and creation time:
together they are the process's identity (as for psutil's own is_running),
so a pid the system has since given to another process is never touched.
Records of a live owner are left alone: two ClassWatch processes may share
a data dir, each with its tunnel.
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import psutil

from .osproc import end_group

log = logging.getLogger(__name__)

RECORD_GLOB = "tunnel-*.pid"
# psutil's creation time on Linux is the boot time (which follows clock
# adjustments) plus the ticks since boot: allow for the clock having moved.
SAME_START = 1.0
GRACE = 3.0     # seconds between asking an orphan to exit and killing it


def record(directory: Path, pid: int, program: str) -> Path | None:
    """Record the running program `pid`; the record's path, None when it is gone already."""
    try:
        started = psutil.Process(pid).create_time()
        owner = psutil.Process()
        doc = {"pid": pid, "started": started, "program": os.path.basename(program),
               "owner": owner.pid, "owner_started": owner.create_time()}
    except psutil.NoSuchProcess:
        return None
    path = Path(directory) / f"tunnel-{pid}.pid"
    tmp = path.with_suffix(".tmp")  # a crash mid-write must not leave half a record
    tmp.write_text(json.dumps(doc), encoding="utf-8")
    os.replace(tmp, path)
    return path


def forget(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only data dir: the next start finds the program gone


def end_orphans(directory: Path) -> list[str]:
    """End the recorded programs whose owner is gone; one line per program ended."""
    ended = []
    for path in sorted(Path(directory).glob(RECORD_GLOB)):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            pid, started = int(doc["pid"]), float(doc["started"])
            owner, owner_started = int(doc["owner"]), float(doc["owner_started"])
            program = str(doc.get("program") or "the tunnel program")
        except FileNotFoundError:
            continue  # its owner removed it meanwhile
        except (OSError, ValueError, KeyError, TypeError):
            forget(path)
            continue
        if _running(owner, owner_started) is not None:
            continue
        proc = _running(pid, started)
        if proc is not None:
            if not _end(proc):
                ended.append(f"could not end {program} (pid {pid}), left running by "
                             f"ClassWatch process {owner} that is gone")
                continue  # the record stays: the next start tries again
            ended.append(f"ended {program} (pid {pid}), left running by ClassWatch "
                         f"process {owner} that is gone")
        forget(path)
    return ended


def _running(pid: int, started: float) -> psutil.Process | None:
    """The process `pid` if it still is the one created at `started`."""
    try:
        proc = psutil.Process(pid)
        if abs(proc.create_time() - started) >= SAME_START:
            return None  # the pid now belongs to another process
        return None if proc.status() == psutil.STATUS_ZOMBIE else proc
    except psutil.Error:
        return None


def _end(proc: psutil.Process) -> bool:
    end_group(proc.pid, hard=False)
    if _gone(proc, GRACE):
        return True
    end_group(proc.pid, hard=True)
    return _gone(proc, GRACE)


def _gone(proc: psutil.Process, timeout: float) -> bool:
    # Not proc.wait(): an orphan is not our child, and where nobody reaps it
    # (a container's init) it stays a zombie, dead but still listed.
    deadline = time.monotonic() + timeout
    while True:
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
