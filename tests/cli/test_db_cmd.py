"""`db copy` as a real subprocess: a desk's SQLite history into a (real
PostgreSQL) team store and back, twice, storing nothing twice."""
from __future__ import annotations

import re

import pytest

from storage.dburl import DbUrl
from storage.db import open_database
from storage.history import lesson_summary

from ..helpers import db_rows, fixture, fixture_names, run_cli, store_directly

pytestmark = pytest.mark.slow


def _copy(tmp_path, source: DbUrl, target: DbUrl):
    result = run_cli("db", "copy", "--from", source.url, "--to", target.url, data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    for password in filter(None, (source.password, target.password)):
        assert password not in result.stdout + result.stderr
    return result


def test_copy_into_the_team_store_is_idempotent(tmp_path, store):
    desk = DbUrl.sqlite(tmp_path / "desk.db")
    bodies = [(1_747_300_000.0 + n, fixture(name)) for n, name in enumerate(fixture_names())]
    store_directly(desk, bodies)
    # The team store already holds one of the same pushes (ClassIn sent it there too).
    store_directly(store, bodies[:1])

    first = _copy(tmp_path, desk, store)
    assert f"{len(bodies) - 1} of {len(bodies)} push rows new" in first.stdout
    assert "push:" in first.stderr            # progress
    second = _copy(tmp_path, desk, store)
    assert f"0 of {len(bodies)} push rows new" in second.stdout

    keys = lambda where: sorted(db_rows(where, "SELECT dedupe_key, received_at, payload FROM push"))
    assert keys(store) == keys(desk)
    # The copied pushes are in the lesson state and derived tables like received ones.
    db = open_database(store)
    try:
        on_team = lesson_summary(508113967, now=1_747_400_000)
    finally:
        db.close()
    db = open_database(desk)
    try:
        assert on_team == lesson_summary(508113967, now=1_747_400_000)
    finally:
        db.close()
    assert db_rows(store, "SELECT COUNT(*) FROM net_sample") == db_rows(desk, "SELECT COUNT(*) FROM net_sample")


def test_copy_from_a_missing_store_is_one_line(tmp_path, store):
    result = run_cli("db", "copy", "--from", f"sqlite:///{tmp_path}/none.db", "--to", store.url,
                     data_dir=tmp_path / "d")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "does not exist" in result.stderr


def test_copy_reports_in_chinese(tmp_path):
    desk, team = DbUrl.sqlite(tmp_path / "desk.db"), DbUrl.sqlite(tmp_path / "team.db")
    bodies = [(1_747_300_000.0 + n, fixture(name)) for n, name in enumerate(fixture_names()[:3])]
    store_directly(desk, bodies)
    result = run_cli("db", "copy", "--from", desk.url, "--to", team.url, "--lang", "zh", data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"已将 \S+ 复制到 \S+，用时 \d+\.\d 秒：新增 3 行，共 3 行（push 表）(；新增 0 行，共 0 行（\w+ 表）)+\n",
                        result.stdout), result.stdout
    assert "push：已读取 3 条，新增 3 条" in result.stderr
