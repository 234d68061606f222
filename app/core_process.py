"""`serve` in two processes: one receives, one thinks.

On two cores one Python process could not both answer ClassIn and keep the
lesson state, alarms and derived rows: every push's parse, fold and
projection ran under the same GIL as the HTTP and the commit, and the acks
waited for them (bench/ingest.py: 0.19x bare aiohttp at C=64). So `serve`
runs the receiver (role "store": HTTP, SafeKey, dedupe, commit, ack) in the
process the user started, and the Monitor with everything else in a child
(role "core"): it follows the store for the pushes (app.team.TeamFeed, as a
team desk does), makes their derived rows after the store's cursor, and gets
what only the receiver sees (refusals, held pushes, re-sends, storage
failures) as events on its stdin. Its stdout comes back to the parent's.

The child runs on the CPU time the receiver leaves: on Linux as SCHED_IDLE,
elsewhere at a lower priority. On SQLite one thread of it keeps the normal
policy (at NICE): the one its derived-row transactions run on (lower_priority),
while its fold gives way (app.core.Monitor.gives_way). They hold the store's
write turn, and a SCHED_IDLE thread holding it was set aside by every thread
of the receiving process that woke, whose next commit waited behind it: 8 % of
a C=64 run's time went in waits for the turn, the child's holds p99 29 ms (now
C=64 acks +6.5 %, their p99 24 -> 17 ms; C=1 unchanged). A nice value alone
was not enough: the child's bursts (a fold, a chunk of derived rows) still
held a core the receiver's threads woke up for, which cost the serial queue's
acks ~0.6 ms at p99 (bench/ingest.py C=1: 2.1-2.3 ms with nice 5, 1.5-1.6 ms
as SCHED_IDLE). Should the machine stay saturated, such a child would get no
CPU at all, so it watches its own loop: once it ran late by STARVED_AFTER it
takes a share again (nice 5), in place where the system allows it, else by
ending with STARVED_EXIT and being started again at that priority.

The wire: length-prefixed pickles on the child's stdin, from our own parent
only; the first is the child's settings (the database URL and tunnel token
among them: never on a command line), then receiver events.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import os
import pickle
import struct
import sys
import threading
from pathlib import Path
from typing import IO, Any, Callable

from receiver.events import PushStored, ReceiverEvent

log = logging.getLogger(__name__)

CHILD_COMMAND = "_core"      # main.py's hidden command for the child
READY = "\x00classwatch-core-ready "   # the child's line once it runs (then its banner lines, as JSON)
NICE = 5                     # the child's priority below the receiver's (POSIX nice)
IDLE, LOW = "idle", "low"    # the child's priority: spare CPU only (Linux SCHED_IDLE), or below normal
STARVED_AFTER = 10.0         # s the child's loop ran late before it takes a share of the CPU again
STARVED_EXIT = 75            # the child's exit code when it could not: start it again at LOW
START_TIMEOUT = 120.0        # a first start reads 12 h of history
STOP_TIMEOUT = 30.0
RESTART_DELAY = 2.0
MAX_BACKLOG = 16 * 1024 * 1024   # bytes of events waiting for a stuck child before they are dropped
_LENGTH = struct.Struct(">I")
STOP = "stop"                # the parent's last frame: finish and exit
TURNS_THREAD = "classwatch-turns"   # the child's thread that kept the normal policy


def command() -> list[str]:
    """How to start the child: the same program as this one (a bundle's exe, or main.py)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_COMMAND]
    return [sys.executable, str(Path(__file__).resolve().parent.parent / "main.py"), CHILD_COMMAND]


def frame(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def read_frame(stream: IO[bytes]) -> Any:
    """The next object from `stream`; EOFError when the parent is gone."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


class CoreProcess:
    """The child, seen from the receiving process: started with `settings`
    (see cli.serve_core), told every receiver event but stored pushes (it
    reads those from the store), restarted when it dies, stopped last."""

    def __init__(self, settings: dict[str, Any]):
        self.settings = {"priority": IDLE if hasattr(os, "SCHED_IDLE") else LOW, **settings}
        self.banner: list[str] = []
        self._proc: asyncio.subprocess.Process | None = None
        self._supervisor: asyncio.Task | None = None
        self._stopping = False
        self._dropped = 0
        # Events while no child runs (before the first start, during a restart): sent to the next one.
        self._pending: list[bytes] = []
        self._pending_bytes = 0

    async def start(self) -> None:
        """Start the child and wait until it runs; RuntimeError when it cannot."""
        self.banner = await self._spawn()
        self._supervisor = asyncio.create_task(self._supervise(), name="core-process")

    async def _spawn(self) -> list[str]:
        self._proc = await asyncio.create_subprocess_exec(
            *command(), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        self._proc.stdin.write(frame(self.settings))
        pending, self._pending, self._pending_bytes = self._pending, [], 0
        self._proc.stdin.write(b"".join(pending))
        try:
            return await asyncio.wait_for(self._until_ready(self._proc), START_TIMEOUT)
        except (asyncio.TimeoutError, EOFError):
            await self._end(self._proc)
            raise RuntimeError(f"the core process did not start (exit code {self._proc.returncode}; "
                               f"its reason is in the log above)") from None

    @staticmethod
    async def _until_ready(proc: asyncio.subprocess.Process) -> list[str]:
        while True:
            line = await proc.stdout.readline()
            if not line:
                raise EOFError
            text = line.decode("utf-8", "replace").rstrip("\n")
            if text.startswith(READY):
                return json.loads(text[len(READY):])
            print(text, flush=True)

    async def _supervise(self) -> None:
        """Pass the child's stdout on; start a new child when one dies."""
        while True:
            proc = self._proc
            while line := await proc.stdout.readline():
                print(line.decode("utf-8", "replace").rstrip("\n"), flush=True)
            code = await proc.wait()
            if self._stopping:
                return
            if code == STARVED_EXIT:
                self.settings["priority"] = LOW
                log.warning("the core process got no CPU time for %g s (this machine is saturated): "
                            "it runs again at low priority, beside the receiver", STARVED_AFTER)
            else:
                log.error("the core process stopped (exit code %s): lesson state, alarms and derived rows "
                          "pause until it is back; restarting it", code)
                await asyncio.sleep(RESTART_DELAY)
            try:
                await self._spawn()
                log.info("the core process runs again")
            except (RuntimeError, OSError) as exc:
                log.error("%s; next try in %g s", exc, RESTART_DELAY)

    def forward(self, event: ReceiverEvent) -> None:
        """A receiver listener (on the loop; never waits)."""
        if isinstance(event, PushStored) or self._stopping:
            return
        running = self._proc is not None and self._proc.returncode is None
        waiting = self._proc.stdin.transport.get_write_buffer_size() if running else self._pending_bytes
        if waiting > MAX_BACKLOG:
            self._dropped += 1
            if self._dropped == 1 or self._dropped % 1000 == 0:
                log.error("the core process reads no events: %d dropped (its alarms miss them)", self._dropped)
            return
        data = frame(event)
        if running:
            try:
                self._proc.stdin.write(data)
                return
            except (ConnectionError, RuntimeError):   # it just died: the supervisor restarts it
                pass
        self._pending.append(data)
        self._pending_bytes += len(data)

    async def stop(self) -> None:
        """Its stdin closes: it finishes (derived rows, alarms, tunnel) and exits."""
        self._stopping = True
        if self._proc is not None:
            await self._end(self._proc)
        if self._supervisor is not None:
            self._supervisor.cancel()
            await asyncio.gather(self._supervisor, return_exceptions=True)

    @staticmethod
    async def _end(proc: asyncio.subprocess.Process) -> None:
        if proc.returncode is None and not proc.stdin.is_closing():
            proc.stdin.write(frame(STOP))
            proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), STOP_TIMEOUT)
        except asyncio.TimeoutError:
            log.error("the core process did not stop within %g s: killed", STOP_TIMEOUT)
            proc.kill()
            await proc.wait()


# -- the child's side --------------------------------------------------------------------------
def lower_priority(priority: str) -> concurrent.futures.Executor | None:
    """Before any thread starts: the threads started later inherit it. As
    SCHED_IDLE, the thread for the store's write turns (storage.writer.Writer.
    turn_runner), started before and so at the normal policy (at NICE): an
    unprivileged thread may not leave SCHED_IDLE later. None otherwise."""
    try:
        if hasattr(os, "nice"):
            os.nice(NICE)
        else:   # Windows
            import psutil
            psutil.Process().nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
    except Exception:   # not allowed: the same priority then
        pass
    if priority != IDLE or not hasattr(os, "SCHED_IDLE"):
        return None
    turns = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=TURNS_THREAD)
    turns.submit(int).result()   # its thread starts now, before this one lowers itself
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except OSError:
        turns.shutdown()
        return None
    return turns


def runs_idle() -> bool:
    return hasattr(os, "SCHED_IDLE") and os.sched_getscheduler(0) == os.SCHED_IDLE


def _take_a_share() -> bool:
    """Every thread of this process from SCHED_IDLE back to the normal policy
    (at its nice value); False when the system does not allow it (an
    unprivileged process may not leave SCHED_IDLE on its own)."""
    try:
        for tid in os.listdir("/proc/self/task"):
            os.sched_setscheduler(int(tid), os.SCHED_OTHER, os.sched_param(0))
    except (OSError, ValueError):
        return False
    return True


async def watch_starvation(starved: Callable[[], None], since: float) -> None:
    """While this process runs as SCHED_IDLE: once its loop ran STARVED_AFTER
    late, it takes a share of the CPU in place, or calls `starved()` (the
    process then ends with STARVED_EXIT, to be started again at LOW).
    `since`: the loop's time when it was made; a process starved before its
    first step counts from there."""
    loop = asyncio.get_running_loop()
    before = since
    while True:
        await asyncio.sleep(1.0)
        now = loop.time()
        late, before = now - before - 1.0, now
        if late >= STARVED_AFTER:
            if _take_a_share():
                log.warning("the core process got no CPU time for %.0f s (this machine is saturated): "
                            "it runs at low priority from now on, beside the receiver", late)
            else:
                starved()
            return


def read_events(loop: asyncio.AbstractEventLoop, emit: Callable[[ReceiverEvent], None],
                stop: Callable[[], None], stream: IO[bytes] | None = None) -> threading.Thread:
    """A thread that hands each event from the parent to `emit` on `loop`, and
    calls `stop` there when the parent says so. A parent gone without a word
    (killed, crashed) takes this process with it at once, as one `serve`
    killed: a clean stop here would still send the chat messages it gathered,
    which another receiver on the team's database sends too when it takes over."""
    stream = stream or sys.stdin.buffer

    def run() -> None:
        while True:
            try:
                event = read_frame(stream)
            except (EOFError, OSError):
                log.error("the receiving process is gone: the core process ends with it")
                logging.shutdown()
                os._exit(1)
            except Exception:
                log.exception("an event from the receiving process could not be read")
                continue
            try:
                if event == STOP:
                    loop.call_soon_threadsafe(stop)
                    return
                loop.call_soon_threadsafe(emit, event)
            except RuntimeError:   # the loop closed
                return

    thread = threading.Thread(target=run, name="classwatch-core-events", daemon=True)
    thread.start()
    return thread


def announce_ready(banner: list[str]) -> None:
    print(READY + json.dumps(banner), flush=True)

