"""The app and `serve` write one log file: both rotate it, no line is lost or
doubled, no "Logging error" is printed, secrets stay masked."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from ..helpers import ROOT

LINES = 300
WRITER = """
import logging, sys
from pathlib import Path
from storage import logs
logs.MAX_BYTES = 20_000          # rotate every ~110 lines
logs.setup_logging(Path(sys.argv[1]), lambda: ["s3cret-token"], stderr=False)
logging.raiseExceptions = True   # a failing handler must show here
log = logging.getLogger("writer")
for i in range({lines}):
    log.info("%s line %05d s3cret-token %s", sys.argv[2], i, "x" * 100)
"""


@pytest.mark.slow
def test_two_processes_rotate_one_log_without_losing_a_line(tmp_path):
    writers = [subprocess.Popen([sys.executable, "-c", WRITER.format(lines=LINES), str(tmp_path), name],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name in ("app", "serve")]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and err == "", err
    files = sorted(tmp_path.glob("classwatch.log*"))
    assert len(files) >= 4, files                      # it did rotate, several times
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    for name in ("app", "serve"):
        numbers = sorted(int(n) for n in re.findall(rf"{name} line (\d+)", text))
        assert numbers == list(range(LINES)), name     # every line once
    assert "s3cret-token" not in text
    if os.name == "posix":
        assert all(f.stat().st_mode & 0o077 == 0 for f in files)
