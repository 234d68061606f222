"""Schema versions on real files: an older file is backed up, then upgraded in
place with its data kept; a file from a newer ClassWatch is refused."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import db as dbmod
from storage.db import SCHEMA_VERSION, SchemaError, open_database
from storage.history import user_lessons
from storage.inspector import PushFilter, search
from storage.paths import DB_NAME

from ..helpers import fixture, fixture_names, run_cli, store_directly

V2_INDEX = "push_uid_cmd_class_id"
V3_TABLE = "alarm"


def query(path: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def version_of(path: Path) -> int:
    return int(query(path, "SELECT value FROM meta WHERE key='schema_version'")[0][0])


def indexes_of(path: Path, table: str) -> set[str]:
    return {name for (name,) in query(path, "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=?",
                                      table)}


def tables_of(path: Path) -> set[str]:
    return {name for (name,) in query(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def set_version(path: Path, version: int, *statements: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version),))
    conn.close()


@pytest.fixture
def v2_file(tmp_path) -> Path:
    """A file as ClassWatch schema 2 left it, with the fixture pushes in it."""
    path = tmp_path / DB_NAME
    store_directly(path, [(1_747_300_000.0 + n, fixture(name)) for n, name in enumerate(fixture_names())])
    set_version(path, 2, f"DROP TABLE {V3_TABLE}")
    return path


@pytest.fixture
def v1_file(v2_file) -> Path:
    """A file as ClassWatch schema 1 left it, with the fixture pushes in it."""
    set_version(v2_file, 1, f"DROP INDEX {V2_INDEX}")
    return v2_file


def test_a_new_file_gets_the_current_schema_without_a_backup(tmp_path):
    path = tmp_path / DB_NAME
    open_database(path).close()
    assert version_of(path) == SCHEMA_VERSION == max(dbmod.MIGRATIONS)
    assert V2_INDEX in indexes_of(path, "push") and V3_TABLE in tables_of(path)
    assert list(tmp_path.glob("*.bak")) == []


def test_v1_file_is_backed_up_then_upgraded_with_its_data(v1_file):
    pushes = query(v1_file, "SELECT * FROM push ORDER BY id")
    quarantine = query(v1_file, "SELECT * FROM quarantine")
    open_database(v1_file).close()

    assert version_of(v1_file) == SCHEMA_VERSION
    assert V2_INDEX in indexes_of(v1_file, "push") and V3_TABLE in tables_of(v1_file)
    assert query(v1_file, "SELECT * FROM push ORDER BY id") == pushes and len(pushes) == len(fixture_names())
    assert query(v1_file, "SELECT * FROM quarantine") == quarantine
    assert query(v1_file, "PRAGMA integrity_check") == [("ok",)]
    # The backup is the file as it was before the upgrade.
    (backup,) = v1_file.parent.glob(f"{DB_NAME}.v1-*.bak")
    assert version_of(backup) == 1 and V2_INDEX not in indexes_of(backup, "push")
    assert query(backup, "SELECT * FROM push ORDER BY id") == pushes
    # Opening again changes nothing and backs up nothing more.
    open_database(v1_file).close()
    assert len(list(v1_file.parent.glob("*.bak"))) == 1


def test_v2_file_is_backed_up_then_gets_the_alarm_table(v2_file):
    pushes = query(v2_file, "SELECT * FROM push ORDER BY id")
    open_database(v2_file).close()

    assert version_of(v2_file) == SCHEMA_VERSION
    assert V3_TABLE in tables_of(v2_file) and query(v2_file, f"SELECT * FROM {V3_TABLE}") == []
    assert query(v2_file, "SELECT * FROM push ORDER BY id") == pushes
    (backup,) = v2_file.parent.glob(f"{DB_NAME}.v2-*.bak")
    assert version_of(backup) == 2 and V3_TABLE not in tables_of(backup)


def test_the_upgraded_index_serves_user_lessons(v1_file):
    database = open_database(v1_file)
    try:
        assert [r["class_id"] for r in user_lessons(41200902)] == [508113967]
        plan = query(v1_file, "EXPLAIN QUERY PLAN SELECT DISTINCT class_id FROM push WHERE uid=? AND cmd=?",
                     41200902, "67371107")
        assert any(V2_INDEX in row[-1] for row in plan), plan
    finally:
        database.close()


def test_v6_file_loses_its_second_uid_index_and_the_inspector_finds_users_by_the_other(v2_file):
    """Schema 7: push(uid, action_time) cost every commit its pages; the user
    filter of the Inspector reads push(uid, cmd, class_id) instead."""
    set_version(v2_file, 6, "CREATE INDEX push_uid_action_time ON push(uid, action_time)")
    pushes = query(v2_file, "SELECT * FROM push ORDER BY id")
    database = open_database(v2_file)
    try:
        assert version_of(v2_file) == SCHEMA_VERSION
        assert "push_uid_action_time" not in indexes_of(v2_file, "push") and V2_INDEX in indexes_of(v2_file, "push")
        assert query(v2_file, "SELECT * FROM push ORDER BY id") == pushes
        found = [p for p in search(PushFilter(uid=41200902), limit=50).rows if p.kind == "stored"]
        assert found and {p.uid for p in found} == {41200902}
        assert len(found) == query(v2_file, "SELECT COUNT(*) FROM push WHERE uid = 41200902")[0][0]
        plan = query(v2_file, "EXPLAIN QUERY PLAN SELECT id FROM push WHERE uid = ? "
                              "ORDER BY received_at DESC, id DESC LIMIT 50", 41200902)
        assert any(V2_INDEX in row[-1] for row in plan), plan
    finally:
        database.close()
    (backup,) = v2_file.parent.glob(f"{DB_NAME}.v6-*.bak")
    assert "push_uid_action_time" in indexes_of(backup, "push")

def test_a_failing_step_leaves_the_file_at_its_old_version(v1_file, monkeypatch):
    def broken(database) -> None:
        database.execute_sql(f"CREATE INDEX {V2_INDEX} ON push(uid, cmd, class_id)")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(dbmod.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError):
        open_database(v1_file)
    assert version_of(v1_file) == 1 and V2_INDEX not in indexes_of(v1_file, "push")  # rolled back
    assert len(list(v1_file.parent.glob("*.bak"))) == 1


@pytest.mark.slow
def test_a_file_from_a_newer_classwatch_is_refused_untouched(tmp_path):
    path = tmp_path / DB_NAME
    open_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.close()

    with pytest.raises(SchemaError, match=f"newer ClassWatch .*schema {SCHEMA_VERSION + 1}"):
        open_database(path)
    assert version_of(path) == SCHEMA_VERSION + 1
    assert list(tmp_path.glob("*.bak")) == []
    # What a user sees from the command line: one clear line, exit code 1.
    result = run_cli("events", data_dir=tmp_path)
    assert result.returncode == 1
    assert "newer ClassWatch" in result.stderr and "Traceback" not in result.stderr


def test_a_derived_table_added_later_is_filled_from_older_pushes(v1_file):
    """course_push came after the first files were written: opening such a file
    fills it from the stored course pushes, no `rebuild` needed."""
    conn = sqlite3.connect(v1_file)
    with conn:
        conn.execute("DROP TABLE course_push")
    conn.close()
    open_database(v1_file).close()
    course_pushes = query(v1_file, "SELECT id FROM push WHERE cmd IN ('eeoCourseInfoChange', 'eeoCourseStudentChange')")
    assert query(v1_file, "SELECT push_id, course_id FROM course_push ORDER BY push_id") == \
        [(push_id, 31877204) for (push_id,) in sorted(course_pushes)] != []
