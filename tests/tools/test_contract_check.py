"""The outside check (tools/contract_check.py) as part of the suite.

Runs the groups of the check that drive the receiver end to end as a user and
ClassIn would (subprocesses, real `serve`, loopback HTTP); the whole check,
every group, is `python tools/contract_check.py`.
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GROUPS = "serve,kill9,verify,relay"


@pytest.mark.slow
def test_contract_check_groups_pass():
    p = subprocess.run([sys.executable, str(ROOT / "tools" / "contract_check.py"), "--only", GROUPS],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    failures = [ln for ln in p.stdout.splitlines() if ln.startswith("FAIL") or ln.startswith("      ")]
    assert p.returncode == 0, "\n".join(failures) or p.stdout[-2000:] + p.stderr[-2000:]
    assert " PASS, 0 FAIL" in p.stdout
