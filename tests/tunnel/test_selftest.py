"""The self-test against a real receiver: the exact answer, ack or not,
stored or not, and the command's exit code."""
from __future__ import annotations

import asyncio

import pytest

from storage.dburl import DbUrl
from tunnel import run_selftest

from ..helpers import SECRET, SID, run_cli
from ..tunnel_support import free_port


async def test_selftest_is_acked_and_finds_its_push_stored(receiver):
    r = await run_selftest(receiver.url, SID, SECRET, db=receiver.db)
    assert (r.status, r.acked, r.stored, r.ok) == (200, True, True, True)
    assert '"errno":1' in r.body and r.push_url == receiver.url + "/classin"
    assert 0 < r.elapsed < 5


async def test_selftest_with_a_wrong_secret_shows_the_refusal(receiver):
    r = await run_selftest(receiver.url, SID, "not-the-secret", db=receiver.db)
    assert r.status == 403 and not r.acked and not r.ok
    assert "wrong SafeKey" in r.body
    assert r.stored is False and r.stored_note.startswith("NOT found in ")


async def test_selftest_without_a_local_database_cannot_check_storage(receiver, tmp_path):
    r = await run_selftest(receiver.url, SID, SECRET, db=DbUrl.sqlite(tmp_path / "elsewhere.db"))
    assert r.acked and r.stored is None and r.ok
    assert r.stored_note == "cannot be checked from here (no local database)"


async def test_selftest_when_nothing_answers():
    r = await run_selftest(f"http://127.0.0.1:{free_port()}", SID, SECRET, timeout=5)
    assert r.status is None and not r.ok and r.body.startswith("connection failed: ")


@pytest.mark.slow
async def test_selftest_command_output_and_exit_codes(receiver, data_dir, tmp_path):
    ok = await asyncio.to_thread(run_cli, "selftest", "--url", receiver.url, data_dir=data_dir)
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert lines[0].startswith(f"POST {receiver.url}/classin  (Test push for SID {SID}, _id ")
    assert lines[1:2] == ["HTTP status: 200"] and lines[4:5] == ["ClassIn success ack: yes"]
    assert lines[5].startswith("stored: yes (found in ") and lines[-1] == "result: OK"

    bad = await asyncio.to_thread(run_cli, "selftest", "--url", receiver.url, "--sid", str(SID),
                                  "--secret", "-", data_dir=data_dir, input="wrong-secret\n")
    assert bad.returncode == 1 and "HTTP status: 403" in bad.stdout and "result: FAILED" in bad.stdout

    empty = tmp_path / "empty"
    none = await asyncio.to_thread(run_cli, "selftest", "--url", receiver.url, data_dir=empty)
    assert none.returncode == 2 and "no school configured" in none.stderr
