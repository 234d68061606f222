"""For the support-desk view tests (checks, alarms, inspector, history,
settings): collect each test's garbage on the main thread.

Every run_gui() leaves a closed qasync loop and a deleted window in
reference cycles. If Python's GC happens to collect them later from a reader
thread (in_thread, aiohttp), a QObject destructor runs off its thread, its
timers stay registered, and a later test's event loop segfaults in
QTimerInfoList::activateTimers (seen with gdb when all GUI test files ran
together). Collecting right after each test keeps destructors on the main
thread. tests/gui_support.run_gui is the better home for this.
"""
from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def collect_on_main_thread():
    yield
    gc.collect()
