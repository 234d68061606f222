"""The event loop a headless process (`serve` and its core process) runs on.

uvloop where it is installed (Linux, macOS; it has no Windows build): its
transports and callbacks are C, and `serve` acked ~30 % more pushes with it at
C=64 on two cores (0.32x -> 0.43x bare aiohttp on asyncio's loop, in one
bench/compare.sh run). Otherwise asyncio's own, which Windows and the window
(qasync) always use; `serve --loop asyncio` asks for it anywhere.
"""
from __future__ import annotations

import asyncio
from typing import Any, Callable, Coroutine

AUTO, UVLOOP, ASYNCIO = "auto", "uvloop", "asyncio"
CHOICES = (AUTO, UVLOOP, ASYNCIO)


class LoopUnavailable(RuntimeError):
    pass


def loop_factory(choice: str = AUTO) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """What makes the loop (None: asyncio's own, through its policy)."""
    if choice == ASYNCIO:
        return None
    try:
        import uvloop
    except ImportError:
        if choice == UVLOOP:
            raise LoopUnavailable("uvloop is not installed here (pip install uvloop; "
                                  "there is none for Windows)") from None
        return None
    return uvloop.new_event_loop


def run(main: Coroutine[Any, Any, Any], choice: str = AUTO) -> Any:
    """asyncio.run(main) on the chosen loop."""
    try:
        factory = loop_factory(choice)
    except LoopUnavailable:
        main.close()
        raise
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(main)
