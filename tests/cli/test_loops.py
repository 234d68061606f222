"""cli.loops: the loop `serve` and its core process run on."""
from __future__ import annotations

import asyncio
import gc
import os
import sys
import warnings

import pytest

from cli import loops

posix = pytest.mark.skipif(os.name != "posix", reason="uvloop has no Windows build")


async def loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__.split(".")[0]


@posix
def test_auto_runs_on_uvloop_where_it_is_installed():
    assert loops.run(loop_module()) == "uvloop"
    assert loops.run(loop_module(), loops.UVLOOP) == "uvloop"


def test_asyncio_runs_on_asyncios_own():
    assert loops.run(loop_module(), loops.ASYNCIO) == "asyncio"


def test_without_uvloop_auto_falls_back_and_uvloop_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvloop", None)   # import uvloop raises ImportError
    assert loops.run(loop_module()) == "asyncio"
    main = loop_module()
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # "coroutine was never awaited" would be a warning
        with pytest.raises(loops.LoopUnavailable, match="uvloop is not installed"):
            loops.run(main, loops.UVLOOP)
        assert main.cr_frame is None     # closed, not left for the collector to complain about
        gc.collect()
