"""A tunnel's child process: started in its own process group, its output
read line by line, and the whole group ended on stop.

Plain `subprocess.Popen` with two daemon threads instead of asyncio's
subprocess API: the desktop app runs on qasync, whose loop does not
implement subprocess transports (qasync issue #65), and threads work under
any loop (so asyncio's need for the Proactor loop on Windows does not arise).
Results are handed to the loop with call_soon_threadsafe.
"""
from __future__ import annotations

import asyncio
import atexit
import collections
import logging
import os
import subprocess
import threading
from pathlib import Path
from typing import Callable, Mapping, Sequence

from . import leftovers
from .osproc import end_group, new_group_options

log = logging.getLogger(__name__)

TAIL_LINES = 20

# Children still running, killed at interpreter exit if nobody stopped them
# (an exception that bypassed stop() must not leave a tunnel holding the port).
_live: "set[ChildProcess]" = set()


class ChildProcess:
    """One run of an external program. `lines` keeps the last output lines
    (for the reason shown when it dies); `on_line` sees each line on the loop."""

    def __init__(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None,
                 on_line: Callable[[str], None] | None = None, record_dir: Path | None = None):
        """`record_dir`: where the running program is recorded (see leftovers)."""
        self.argv = list(argv)
        self.lines: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
        self._env = dict(env or {})
        self._on_line = on_line
        self._proc: subprocess.Popen[str] | None = None
        self._exited: asyncio.Future[int] | None = None
        self._new_line = asyncio.Event()
        self._count = 0
        self._record_dir = record_dir
        self._record: Path | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def running(self) -> bool:
        return self._exited is not None and not self._exited.done()

    def start(self) -> None:
        """Spawn the program (raises OSError when it cannot be executed)."""
        loop = asyncio.get_running_loop()
        self._proc = subprocess.Popen(
            self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            env={**os.environ, **self._env}, text=True, encoding="utf-8", errors="replace",
            bufsize=1, **new_group_options())
        self._exited = loop.create_future()
        _live.add(self)
        if self._record_dir is not None:
            try:
                self._record = leftovers.record(self._record_dir, self._proc.pid, self.argv[0])
            except OSError as exc:
                log.warning("cannot record the tunnel program in %s (a crash would leave it "
                            "running): %s", self._record_dir, exc)
        reader = threading.Thread(target=self._read, args=(loop,), daemon=True,
                                  name=f"tunnel-out-{self._proc.pid}")
        reader.start()
        threading.Thread(target=self._wait, args=(loop, reader), daemon=True,
                         name=f"tunnel-wait-{self._proc.pid}").start()

    def _read(self, loop: asyncio.AbstractEventLoop) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        with self._proc.stdout:
            for line in self._proc.stdout:
                if not _call_soon(loop, self._got_line, line.rstrip("\r\n")):
                    return

    def _got_line(self, line: str) -> None:
        self.lines.append(line)
        self._count += 1
        self._new_line.set()
        if self._on_line is not None:
            self._on_line(line)

    def _wait(self, loop: asyncio.AbstractEventLoop, reader: threading.Thread) -> None:
        assert self._proc is not None
        code = self._proc.wait()
        leftovers.forget(self._record)
        # Its last words (the reason it died) are queued before the exit; a
        # grandchild still holding the pipe must not delay the exit for long.
        reader.join(2.0)
        _call_soon(loop, self._set_exited, code)

    def _set_exited(self, code: int) -> None:
        _live.discard(self)
        if self._exited is not None and not self._exited.done():
            self._exited.set_result(code)
        self._new_line.set()  # wake wait_for_line: no more lines will come

    async def wait(self) -> int:
        """The exit code, once the program has exited."""
        assert self._exited is not None, "not started"
        return await asyncio.shield(self._exited)

    async def wait_for_line(self, match: Callable[[str], str | None]) -> str | None:
        """The first non-None `match(line)` over past and future lines; None if
        the program exits first."""
        seen = 0
        while True:
            self._new_line.clear()
            # `lines` is bounded: look only at what arrived since the last pass.
            fresh = min(self._count - seen, len(self.lines))
            seen = self._count
            for line in list(self.lines)[len(self.lines) - fresh:]:
                found = match(line)
                if found is not None:
                    return found
            if not self.running:
                return None
            await self._new_line.wait()

    async def stop(self, grace: float = 5.0) -> int | None:
        """Ask the whole process group to exit, kill it after `grace` seconds
        (on Windows it is killed at once, see end_group)."""
        if self._proc is None or self._exited is None:
            return None
        if self.running:
            end_group(self._proc.pid, hard=False)
            try:
                async with asyncio.timeout(grace):
                    return await self.wait()
            except TimeoutError:
                log.warning("%s did not exit within %.0f s: killing it", self.argv[0], grace)
                end_group(self._proc.pid, hard=True)
        return await self.wait()

    def kill_now(self) -> None:
        """Synchronous last resort (interpreter exit): kill the group."""
        if self._proc is not None and self._proc.poll() is None:
            end_group(self._proc.pid, hard=True)
        leftovers.forget(self._record)


def _call_soon(loop: asyncio.AbstractEventLoop, fn: Callable, *args) -> bool:
    try:
        loop.call_soon_threadsafe(fn, *args)
        return True
    except RuntimeError:  # the loop is closed: nobody is listening any more
        return False


@atexit.register
def _kill_leftovers() -> None:
    for child in list(_live):
        child.kill_now()
