"""Run database reads off the UI thread and await them on the qasync loop."""
from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

# Two readers: one long history query must not hold up a quick lookup.
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="classwatch-read")


async def in_thread(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`await in_thread(storage.history.lessons_between, start, end)`: peewee gives
    each reader thread its own connection to the same WAL database."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool, functools.partial(fn, *args, **kwargs))
