"""`relay add|list|remove|status|pause|resume|replay` as a user runs them."""
from __future__ import annotations

import json

import pytest

from ..helpers import SID, run_cli


@pytest.mark.slow
def test_add_list_status_remove(data_dir):
    out = run_cli("relay", "add", "lms", "--sid", str(SID), "--url", "https://lms.example/hook?token=s3cret",
                  "--cmd", "End,Net", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert "from now on" in out.stdout and "s3cret" not in out.stdout
    listed = run_cli("relay", "list", data_dir=data_dir)
    assert "lms" in listed.stdout and "End,Net" in listed.stdout and "token=***" in listed.stdout
    assert "s3cret" not in listed.stdout

    status = run_cli("relay", "status", "--json", data_dir=data_dir)
    row = json.loads(status.stdout)
    assert row == {"name": "lms", "sid": SID, "url": "https://lms.example/hook?token=***",
                   "cmds": ["End", "Net"], "paused": False, "delivered": 0, "pending": 0,
                   "oldest_pending_age": None, "failing_since": None, "last_error": None,
                   "last_delivered_at": None}
    text = run_cli("relay", "status", data_dir=data_dir).stdout
    assert "delivered 0, pending 0" in text

    assert run_cli("relay", "pause", "lms", data_dir=data_dir).returncode == 0
    assert json.loads(run_cli("relay", "status", "--json", data_dir=data_dir).stdout)["paused"] is True
    assert "0 push(es) queued again" in run_cli("relay", "replay", "lms", "--since", "0",
                                                data_dir=data_dir).stdout

    again = run_cli("relay", "add", "lms", "--sid", str(SID), "--url", "http://x/", data_dir=data_dir)
    assert again.returncode == 1 and "exists" in again.stderr
    assert run_cli("relay", "remove", "lms", data_dir=data_dir).returncode == 0
    gone = run_cli("relay", "remove", "lms", data_dir=data_dir)
    assert gone.returncode == 1 and "no relay destination" in gone.stderr
    assert run_cli("relay", "status", "--json", data_dir=data_dir).stdout == ""


@pytest.mark.slow
def test_bad_arguments_are_one_line_exit_2(data_dir):
    for args in (["--url", "ftp://x/"], ["--url", "http:///nohost"], ["--url", "http://x/", "--cmd", ","]):
        out = run_cli("relay", "add", "lms", "--sid", str(SID), *args, data_dir=data_dir)
        assert out.returncode == 2, (args, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
