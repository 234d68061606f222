"""The command line answers bad input with one line and the contract's exit
code (2 bad arguments, 1 anything else), never a traceback; read-only commands
never create a data dir; export's format follows --out's extension."""
from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path

import pytest

from cli.errors import describe
from cli.version import version

from ..helpers import ROOT, SID, fixture_variant, post_push

CLASS_ID = 508113967
# Qt's offscreen platform (the tests' display) says this when a window opens.
QT_NOISE = ("This plugin does not support propagateSizeHints()",)
PG_URL = "postgresql://desk:Pa55w0rd@db.example:5432/classwatch"


def cli(*args: str, data_dir: Path | None = None, env: dict | None = None):
    import subprocess
    extra = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, *extra], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={**os.environ, **(env or {})})


def one_clear_line(out, code: int) -> str:
    assert "Traceback" not in out.stderr + out.stdout, out.stderr
    assert out.returncode == code, (out.returncode, out.stderr)
    lines = [line for line in out.stderr.splitlines() if line.strip() and line not in QT_NOISE]
    assert len(lines) == 1, out.stderr
    return lines[0]


@pytest.fixture(scope="module")
def lesson_dir(tmp_path_factory):
    """A data dir holding one stored lesson with Chinese names."""
    from receiver.app import Receiver
    from storage.config import ConfigStore
    import aiohttp

    data_dir = tmp_path_factory.mktemp("lesson")
    ConfigStore(data_dir).add_school(SID, "fixture-secret", "第一实验学校")

    async def store() -> None:
        receiver = Receiver(data_dir)
        await receiver.start("127.0.0.1", 0)
        try:
            async with aiohttp.ClientSession() as http:
                for name in ("张三", "李四"):
                    status, answer = await post_push(http, receiver.url, fixture_variant(
                        "inclass_enter.json", NickName=name, UID=hash(name) % 10**8))
                    assert status == 200 and answer["error_info"]["errno"] == 1, answer
        finally:
            await receiver.stop()
    asyncio.run(store())
    return data_dir


# -- pure parts ------------------------------------------------------------------------
def test_errors_are_described_without_python_noise(tmp_path):
    try:
        open(tmp_path / "missing" / "x")
    except OSError as exc:
        assert describe(exc) == f"No such file or directory: {tmp_path / 'missing' / 'x'}"
    import sqlite3
    (tmp_path / "bad.db").write_bytes(b"not a database at all, just text" * 100)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        sqlite3.connect(tmp_path / "bad.db").execute("select * from sqlite_master")
    assert "damaged" in describe(caught.value)


def test_version_comes_from_pyproject():
    declared = re.search(r'^version = "(.+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    assert version() == declared


# -- every command with bad input, as a real process -------------------------------------
BAD_ARGS = [  # (arguments, exit code, words of the one line)
    (["--port", "70000"], 2, "not a port"),
    (["nosuchcommand"], 2, "invalid choice"),
    (["serve", "--port", "-1"], 2, "not a port"),
    (["serve", "--tunnel-health-interval", "-5"], 2, "positive"),
    (["serve", "--tunnel-health-interval", "nan"], 2, "positive"),
    (["serve", "--max-body", "0"], 2, "positive"),
    (["serve", "--tunnel", "carrier-pigeon"], 2, "invalid choice"),
    (["serve", "--registered-url", "classin"], 2, "http(s) URL"),
    (["school", "add", "abc", "--secret", "s"], 2, "invalid int"),
    (["school", "add", "5"], 2, "--secret"),
    (["school", "add", "5", "--secret", " "], 2, "empty"),
    (["school", "add", "5", "--secret", "abcd", "--timezone", "Mars/Base"], 2, "time zone"),
    (["school"], 2, "required"),
    (["events", "--since", "yesterday"], 2, "invalid float"),
    (["events", "--class-id", "x"], 2, "invalid int"),
    (["export"], 2, "required"),
    (["export", "--class-id", "1", "--from", "2025-01-01"], 2, "not allowed"),
    (["export", "--class-id", "1", "--to", "2025-01-02"], 2, "--to belongs to a batch"),
    (["export", "--class-id", "1", "--sid", "5"], 2, "--sid belongs to a batch"),
    (["export", "--class-id", "1", "--school", "5", "--to", "2025-01-02"], 2, "--to and --school belong"),
    (["export", "--gensee-room", "r1", "--out", "r.pdf", "--format", "xlsx"], 2, "but --format is xlsx"),
    (["export", "--class-id", "1", "--out", "r.xlsx", "--format", "csv"], 2, ".xlsx file but --format is csv"),
    (["export", "--class-id", "1", "--out", "r.txt"], 2, "cannot tell the format"),
    (["export", "--class-id", "1", "--out", "r.pdf", "--format", "people-csv"], 2, ".pdf file but --format is people-csv"),
    (["export", "--class-id", "1", "--format", "pdf"], 2, "needs --out"),
    (["export", "--from", "2025-13-01"], 2, "not a date"),
    (["export", "--from", "2025-01-05", "--to", "2025-01-01"], 2, "before --from"),
    (["export", "--class-id", "1", "--format", PG_URL], 2, "invalid choice"),
    (["simulate", "--url", "x", "--sid", "1", "--secret", "s"], 2, "URL"),
    (["selftest", "--url", "notaurl"], 2, "http(s) URL"),
    (["selftest", "--url", "https://x.example", "--timeout", "-1"], 2, "positive"),
    (["selftest", "--url", "https://x.example", "--secret", "s"], 2, "--secret needs --sid"),
    (["gensee", "url", "--public-url", "ftp://x"], 2, "http(s) URL"),
    (["gensee", "cobrowse", "set", "r1", "--json", "/nonexistent.json"], 2, "cannot read"),
    (["gensee", "cobrowse", "remove", "nosuchroom"], 1, "no co-browse JSON"),
    (["alarm-channel"], 2, "required"),
    (["alarm-channel", "add", "x", "--kind", "nosuch", "--url", "http://x"], 2, "invalid choice"),
    (["alarm-channel", "add", "x", "--kind", "webhook", "--url", "notaurl"], 2, "http"),
    (["alarm-channel", "remove", "nosuch"], 1, "no channel nosuch"),
    (["school", "remove", "999"], 1, "no school 999"),
    (["export", "--class-id", "1"], 1, "no lesson with ClassID 1"),
]


@pytest.mark.slow
@pytest.mark.parametrize("args,code,words", BAD_ARGS, ids=[" ".join(a[0])[:60] for a in BAD_ARGS])
def test_bad_input_gets_one_line_and_the_exit_code(args, code, words, lesson_dir):
    line = one_clear_line(cli(*args, data_dir=lesson_dir), code)
    assert words in line, line
    assert "Pa55w0rd" not in line


@pytest.mark.slow
@pytest.mark.parametrize("command", [["events"], ["rebuild"], ["export", "--class-id", "1"],
                                     ["events", "--quarantined"]])
def test_read_only_commands_never_create_a_data_dir(tmp_path, command):
    missing = tmp_path / "typo"
    line = one_clear_line(cli(*command, data_dir=missing), 1)
    assert str(missing) in line and "no data dir" in line
    assert not missing.exists()
    (empty := tmp_path / "empty").mkdir()
    line = one_clear_line(cli(*command, data_dir=empty), 1)
    assert "no database" in line and not (empty / "classwatch.db").exists()


@pytest.mark.slow
@pytest.mark.parametrize("command", [["school", "add", "5", "--secret", "abcd"], ["school", "list"],
                                     ["serve", "--port", "0"], ["gensee", "url"], []])
def test_an_unusable_data_dir_is_one_line_even_before_logging_starts(tmp_path, command):
    (tmp_path / "file").write_text("a file, not a folder")
    line = one_clear_line(cli(*command, data_dir=tmp_path / "file" / "data"), 1)
    assert "cannot use data dir" in line
    # The config file cannot be read: logging is not there yet to take a traceback.
    (tmp_path / "d" / "config.json").mkdir(parents=True)
    line = one_clear_line(cli(*command, data_dir=tmp_path / "d"), 1)
    assert "config.json" in line


@pytest.mark.slow
@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["events"], ["rebuild"],
                                     ["export", "--class-id", "1"], []])
def test_a_corrupt_database_is_one_line(tmp_path, command):
    (tmp_path / "classwatch.db").write_bytes(b"this is no SQLite file " * 400)
    line = one_clear_line(cli(*command, data_dir=tmp_path), 1)
    assert "damaged" in line


@pytest.mark.slow
def test_export_format_follows_the_extension(lesson_dir, tmp_path):
    for name, magic in (("r.xlsx", b"PK"), ("r.PDF", b"%PDF"), ("r.csv", b"\xef\xbb\xbfuid"), ("r.json", b"{")):
        out = cli("export", "--class-id", str(CLASS_ID), "--out", str(tmp_path / name), data_dir=lesson_dir)
        assert out.returncode == 0, out.stderr
        assert (tmp_path / name).read_bytes().lstrip().startswith(magic), name
    assert "张三" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["class_id"] == CLASS_ID
    people = tmp_path / "给学校.csv"
    out = cli("export", "--class-id", str(CLASS_ID), "--format", "people-csv", "--lang", "zh", "--out",
              str(people), data_dir=lesson_dir)
    assert out.returncode == 0, out.stderr
    header = people.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("用户ID,姓名,") and "uid" not in header


@pytest.mark.slow
def test_export_onto_a_folder_or_an_unwritable_path_is_one_clear_line(lesson_dir, tmp_path):
    line = one_clear_line(cli("export", "--class-id", str(CLASS_ID), "--out", str(tmp_path),
                              "--format", "csv", data_dir=lesson_dir), 1)
    assert "is a folder" in line and ".tmp" not in line
    (tmp_path / "file").write_text("x")
    line = one_clear_line(cli("export", "--class-id", str(CLASS_ID), "--out",
                              str(tmp_path / "file" / "r.xlsx"), data_dir=lesson_dir), 1)
    assert line == f"error: cannot write {tmp_path / 'file' / 'r.xlsx'}: part of that path is a file, not a folder"
    assert list(tmp_path.iterdir()) == [tmp_path / "file"]


def test_an_export_open_in_excel_goes_to_a_new_name(tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds open (WinError 32): the
    report is written beside it instead, under a name that says so."""
    from reports import write_report
    from ..reports_samples import lesson
    target = tmp_path / "report.csv"
    target.write_text("the old report, open in Excel")
    (tmp_path / "report (2).csv").write_text("an older copy")
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == target:
            raise PermissionError(13, "The process cannot access the file because it is being "
                                      "used by another process", str(dst))
        real_replace(src, dst)
    monkeypatch.setattr(os, "replace", locked)
    written = write_report(lesson(), "csv", target)
    assert written == tmp_path / "report (3).csv"
    assert target.read_text() == "the old report, open in Excel"
    assert "张三" in written.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report (2).csv", "report (3).csv", "report.csv"]
