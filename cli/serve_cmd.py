"""`serve`: the receiver alone, on the plain asyncio loop (no Qt)."""
from __future__ import annotations

import asyncio
import errno
import logging
import signal
import sys

from receiver.app import Receiver

from .context import open_context
from .errors import CliError

log = logging.getLogger(__name__)


def add_parser(sub, parents) -> None:
    p = sub.add_parser("serve", parents=parents, help="run the receiver without a window")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 = any free port)")
    p.add_argument("--max-body", type=int, default=16 * 1024 * 1024, metavar="BYTES",
                   help="largest accepted body (default 16 MiB)")


def run(args) -> int:
    ctx = open_context(args, log_to_stderr=True)
    receiver = Receiver(ctx.data_dir, config=ctx.config, max_body=args.max_body,
                        sync_delay=_sync_delay())
    try:
        asyncio.run(_serve(receiver, args))
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            raise CliError(f"cannot listen on {args.host}:{args.port}: the port is in use "
                           f"(another ClassWatch running? choose --port)") from None
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0


def _sync_delay() -> float:
    # Benchmarks emulate a laptop disk's fsync latency (bench/ingest.py).
    import os
    return float(os.environ.get("CLASSWATCH_EMULATE_SYNC_MS", "0") or 0) / 1000


async def _serve(receiver: Receiver, args) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signame in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, signame, None)
        if sig is None:
            continue
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: no loop signal handlers
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
    url = await receiver.start(args.host, args.port)
    try:
        for line in receiver.banner():
            print(line, flush=True)
        await stop.wait()
        print("stopping: finishing in-flight pushes", file=sys.stderr, flush=True)
    finally:
        await receiver.stop()
    log.info("serve stopped cleanly (%s)", url)
