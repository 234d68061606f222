"""The core process of a split `serve` (app.core_process): the same Monitor
as the window's and `serve --core inline`'s, without a socket of its own;
started by the receiving process, never by hand."""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys

from app import heap
from app.core import Monitor
from app.core_process import (LOW, STARVED_EXIT, announce_ready, lower_priority, read_events, read_frame,
                               runs_idle, watch_starvation)
from app.startup import open_context
from receiver.app import Receiver

from . import loops
from .serve_cmd import serve_monitor

log = logging.getLogger(__name__)


def run() -> int:
    heap.pace()
    try:
        settings = read_frame(sys.stdin.buffer)
    except EOFError:
        return 1
    # Ctrl+C reaches the whole process group: the parent stops this one in turn, after its last acks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    turns = lower_priority(settings.get("priority", LOW))
    args = argparse.Namespace(data_dir=str(settings["data_dir"]), db=settings["db"], debug=settings["debug"],
                              lang=settings["lang"])
    ctx = open_context(args, log_to_stderr=True)
    receiver = Receiver(ctx.data_dir, config=ctx.config, db=ctx.db, role="core", url=settings["url"])
    if receiver.db.is_sqlite:
        receiver.writer.turn_runner = turns
    elif turns is not None:   # PostgreSQL has no write turn between the processes
        turns.shutdown()
    if loops.run(_run(serve_monitor(ctx, args, receiver, settings["tunnel"])), settings["loop"]):
        # At once: the thread reading the parent's pipe is still in its read, which
        # the interpreter's shutdown would abort on.
        logging.shutdown()
        sys.stdout.flush()
        os._exit(STARVED_EXIT)
    return 0


async def _run(monitor: Monitor) -> bool:
    """True when it stopped for want of CPU time (app.core_process.watch_starvation)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    starved = False

    def starving() -> None:
        nonlocal starved
        starved = True
        stop.set()
    if sys.platform != "win32":   # Windows stops it through the pipe alone
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    await monitor.start()
    heap.settle()
    # Read only now: the events that came meanwhile wait in the pipe for the state they change.
    read_events(loop, monitor.receiver.emit, stop.set)
    # Counted from now: a core stopped before the task's first step was starved all the same.
    watch = asyncio.create_task(watch_starvation(starving, loop.time())) if runs_idle() else None
    try:
        announce_ready(monitor.receiver.services_banner())
        await stop.wait()
    finally:
        if watch is not None:
            watch.cancel()
        await monitor.stop()
    log.info("core process stopped %s", "for want of CPU time" if starved else "cleanly")
    return starved
