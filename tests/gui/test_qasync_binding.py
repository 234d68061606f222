"""Guards the PySide6 pin: 6.12.0 + qasync aborts under a busy loop (PITFALLS.md)."""
import os
import subprocess
import sys

import pytest

from ..helpers import ROOT


@pytest.mark.slow
def test_qt_binding_survives_a_busy_qasync_loop_with_the_receiver():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "qasync_stress.py"), "4"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    assert "survived" in proc.stdout
    acked = int(proc.stdout.split(",")[1].split()[0])
    assert acked > 100
