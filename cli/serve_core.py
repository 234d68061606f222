"""The core process of a split `serve` (app.core_process): the same Monitor
as the window's and `serve --core inline`'s, without a socket of its own;
started by the receiving process, never by hand."""
from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from app.core import Monitor
from app.core_process import announce_ready, lower_priority, read_events, read_frame
from app.startup import open_context
from receiver.app import Receiver

from .serve_cmd import serve_monitor

log = logging.getLogger(__name__)


def run() -> int:
    try:
        settings = read_frame(sys.stdin.buffer)
    except EOFError:
        return 1
    # Ctrl+C reaches the whole process group: the parent stops this one in turn, after its last acks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lower_priority()
    args = argparse.Namespace(data_dir=str(settings["data_dir"]), db=settings["db"], debug=settings["debug"],
                              lang=settings["lang"])
    ctx = open_context(args, log_to_stderr=True)
    receiver = Receiver(ctx.data_dir, config=ctx.config, db=ctx.db, role="core", url=settings["url"])
    asyncio.run(_run(serve_monitor(ctx, args, receiver, settings["tunnel"])))
    return 0


async def _run(monitor: Monitor) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    if sys.platform != "win32":   # Windows stops it through the pipe alone
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    await monitor.start()
    # Read only now: the events that came meanwhile wait in the pipe for the state they change.
    read_events(loop, monitor.receiver.emit, stop.set)
    try:
        announce_ready(monitor.receiver.services_banner())
        await stop.wait()
    finally:
        await monitor.stop()
    log.info("core process stopped cleanly")
