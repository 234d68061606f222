"""`python main.py simulate`: push a simulated school day to any receiver URL."""
from __future__ import annotations

import argparse
import asyncio
import datetime
import random
import signal
import sys
import time
from typing import Callable
from urllib.parse import urlsplit

from simulator.delivery import DeliveryStats, run_day
from simulator.faults import FAULT_NAMES, Faults, parse_faults

PROGRESS_EVERY = 2.0      # seconds between progress lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, type=_url,
                        help="the receiver's ClassIn endpoint, e.g. http://127.0.0.1:8765/classin "
                             "(a bare base URL gets /classin)")
    parser.add_argument("--sid", required=True, type=int, help="school ID (SID)")
    parser.add_argument("--secret", required=True, help="the school's secret for the SafeKey")
    parser.add_argument("--lessons", type=_positive(int), default=3, help="concurrent lessons (default 3)")
    parser.add_argument("--students", type=_positive(int), default=6, help="students per lesson (default 6)")
    parser.add_argument("--speed", type=_positive(float), default=45.0,
                        help="time compression: 45 plays a 45-minute lesson in a minute (default 45)")
    parser.add_argument("--seed", type=int, default=None,
                        help="makes the day reproducible (default: random, printed at the end)")
    parser.add_argument("--faults", type=_faults, default=Faults(),
                        help=f"comma-separated: {', '.join(FAULT_NAMES)} or all; "
                             "wrong-secret=S, duplicates=N, burst=N, gap=S set the size")
    parser.add_argument("--duration-limit", type=_positive(float), default=None, metavar="S",
                        help="stop after S real seconds")
    parser.add_argument("--start", type=_start, default=None,
                        help="the day's 'now' (unix seconds or ISO date-time); default: now")
    parser.add_argument("--timeout", type=_positive(float), default=10.0,
                        help="real seconds to wait for one answer (default 10)")


def run(args: argparse.Namespace) -> int:
    """0 when every push was acked, 1 otherwise (stopped, time limit, refusals)."""
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    progress = _Progress()
    try:
        asyncio.run(_simulate(args, seed, progress))
    except KeyboardInterrupt:       # where the loop cannot take over SIGINT (Windows)
        print("stopped", flush=True)
    stats = progress.stats
    if stats is None:
        print(f"nothing sent (seed {seed})", flush=True)
        return 1
    print(f"{'done' if stats.done else 'incomplete'}: {stats.summary()} (seed {seed})", flush=True)
    if stats.stuck:
        print(f"stuck at: {stats.stuck}", flush=True)
    return 0 if stats.done else 1


async def _simulate(args: argparse.Namespace, seed: int, progress: _Progress) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    try:
        loop.add_signal_handler(signal.SIGINT, stop.set)
    except (NotImplementedError, RuntimeError):
        pass
    if args.duration_limit is not None:
        loop.call_later(args.duration_limit, stop.set)
    print(f"simulating {args.lessons} lessons x {args.students} students for SID {args.sid} "
          f"at x{args.speed:g} -> {args.url}", flush=True)
    await run_day(args.url, args.sid, args.secret, lessons=args.lessons, students=args.students,
                  speed=args.speed, seed=seed, faults=args.faults, start=args.start,
                  stop_event=stop, on_progress=progress, timeout=args.timeout)


class _Progress:
    """Keeps the latest stats and prints a line every few seconds."""

    def __init__(self) -> None:
        self.stats: DeliveryStats | None = None
        self._last = 0.0

    def __call__(self, stats: DeliveryStats) -> None:
        self.stats = stats
        now = time.monotonic()
        if now - self._last < PROGRESS_EVERY:
            return
        self._last = now
        clock = datetime.datetime.fromtimestamp(stats.day_time).strftime("%H:%M:%S")
        line = f"[day {clock}] {stats.acked}/{stats.total} acked, {stats.retries} re-sends"
        print(line + (f", STUCK {stats.stuck}" if stats.stuck else ""), flush=True)


# --- argument types (argparse turns their errors into exit code 2) --------------------------
def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def convert(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text} is not positive")
        return value
    convert.__name__ = getattr(kind, "__name__", "number")   # argparse names it in its error
    return convert


def _url(text: str) -> str:
    try:
        parts = urlsplit(text)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:      # a port out of range
        ok = False
    if not ok:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    # A receiver's base URL (as `serve` prints it) means its ClassIn endpoint.
    return text.rstrip("/") + "/classin" if parts.path in ("", "/") else text


def _faults(text: str) -> Faults:
    try:
        return parse_faults(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _start(text: str) -> int:
    if text.strip().isdigit():
        return int(text)
    try:
        return int(datetime.datetime.fromisoformat(text).timestamp())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is neither unix seconds nor an ISO date-time") from None


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (python -m simulator.cli) until main.py wires `simulate`."""
    parser = argparse.ArgumentParser(prog="simulate", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
