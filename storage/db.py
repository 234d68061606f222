"""Opening the database: schema version, migrations (with a backup where the
engine allows one), the same steps on SQLite and PostgreSQL.

`database` (models.database) is a proxy so tests and tools can point the
models at any store (the Vorta pattern)."""
from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Callable

from .backends import StoreUnavailable, backend_for
from .dburl import DbUrl
from . import models
from .models import database

log = logging.getLogger(__name__)

SCHEMA_VERSION = 8


def _create_v1(db) -> None:
    # Creates the tables as the models are now (with every later index): the
    # later steps therefore use IF NOT EXISTS and stay no-ops on a new store.
    db.create_tables(models.RAW_MODELS)


def _v2_push_uid_cmd_index(db) -> None:
    db.execute_sql("CREATE INDEX IF NOT EXISTS push_uid_cmd_class_id ON push(uid, cmd, class_id)")


def _v3_alarm_table(db) -> None:
    db.create_tables([models.AlarmRow], safe=True)


def _v4_relay_tables(db) -> None:
    db.create_tables([models.RelayDestination, models.RelayOutbox], safe=True)


def _v5_relay_lease(db) -> None:
    # A store made at version 4 has the table without these (a new one has them already).
    have = {c.name for c in db.get_columns("relay_destination")}
    for column, kind in (("owner", "TEXT"), ("lease_until", "DOUBLE PRECISION")):
        if column not in have:
            db.execute_sql(f"ALTER TABLE relay_destination ADD COLUMN {column} {kind}")


def _v6_alarm_acknowledgements(db) -> None:
    have = {column.name for column in db.get_columns("alarm")}
    for name in ("acknowledged_by", "acknowledged_at", "ack_note"):
        if name not in have:   # a new store got them from v3's create_tables
            field = models.AlarmRow._meta.fields[name]
            kind = db.field_types.get(field.field_type, field.field_type)
            db.execute_sql(f"ALTER TABLE alarm ADD COLUMN {name} {kind}")


def _v7_one_uid_index(db) -> None:
    # push(uid, cmd, class_id) serves every look-up by user (the Inspector's
    # filter included); a second uid index only cost each commit its pages
    # (a 56-push batch: 1.25 -> 1.01 ms).
    db.execute_sql("DROP INDEX IF EXISTS push_uid_action_time")


def _v8_projection_queue(db) -> None:
    db.create_tables([models.Unprojected], safe=True)


# version -> step that brings the schema from version-1 to version.
MIGRATIONS: dict[int, Callable[[object], None]] = {
    1: _create_v1, 2: _v2_push_uid_cmd_index, 3: _v3_alarm_table, 4: _v4_relay_tables,
    5: _v5_relay_lease, 6: _v6_alarm_acknowledgements, 7: _v7_one_uid_index,
    8: _v8_projection_queue}
# Derived tables register their own creation here (storage.derived) so that
# `rebuild` can drop and recreate them without touching raw pushes.
DERIVED_SETUP: list[Callable[[object], None]] = []


class SchemaError(Exception):
    pass


class DatabaseDamaged(StoreUnavailable):
    """The file fails SQLite's own check: refused, and left exactly as it is."""


def check_integrity(path: Path | str) -> None:
    """`PRAGMA quick_check` before a receiver acks anything into the file: a
    damaged page found later would fail reads of pushes we had promised to keep."""
    path = Path(path)
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        raise DatabaseDamaged(f"{path} is damaged ({rows[0]}); it was left untouched: "
                              f"move it away (or restore a backup) and start again")


def make_private(path: Path | str) -> None:
    """Personal data and replayable SafeKeys: readable by the user only."""
    if os.name != "posix":
        return   # a Windows profile directory is private already
    try:
        os.chmod(path, 0o700 if os.path.isdir(path) else 0o600)
    except FileNotFoundError:
        pass


def private_files(path: Path) -> None:
    """The database with its WAL/SHM and backups next to it, and their dir."""
    make_private(path.parent)
    for item in path.parent.glob(f"{path.name}*"):
        make_private(item)


def _read_version(db) -> int:
    if not db.table_exists("meta"):
        return 0
    row = db.execute_sql("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def backup(where: DbUrl | Path | str, suffix: str) -> Path | None:
    """A copy of the store before a risky step; None where the engine has its own (pg_dump)."""
    return backend_for(where).backup(suffix)


def open_database(where: DbUrl | Path | str, migrate: bool = True):
    """Open (and create or migrate) the store at `where` (a DbUrl, a URL or a
    SQLite file) and bind the models to it."""
    backend = backend_for(where)
    if migrate and backend.kind == "sqlite":
        backend.remove_partial_backups()
        if not backend.path.exists():
            # SQLite gives a new file the process's umask (its WAL follows the file's mode).
            os.close(os.open(backend.path, os.O_WRONLY | os.O_CREAT, 0o600))
    db = backend.database()
    db.connect(reuse_if_open=True)
    database.initialize(db)
    try:
        if not backend.may_change_schema(db):
            # A team desk's read-mostly role: the team's `serve` (the owner) keeps the schema.
            if _read_version(db) < SCHEMA_VERSION:
                raise SchemaError(f"{backend} is at an older schema (version {_read_version(db)}): "
                                  "start the team's serve once to bring it up to date")
            return db
        if migrate:
            _migrate(db, backend)
        with backend.migration(db):
            for setup in DERIVED_SETUP:
                setup(db)
    except BaseException:
        db.close()   # a refused (newer) store must not stay open behind the proxy
        raise
    return db


def _migrate(db, backend) -> None:
    version = _read_version(db)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{backend} was written by a newer ClassWatch (schema {version}, this one knows {SCHEMA_VERSION})")
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        kept = backend.backup(f"v{version}-{int(time.time())}")
        if kept is not None:
            log.info("backed up the database to %s before migrating", kept)
    with backend.migration(db):
        version = _read_version(db)  # another process may have migrated meanwhile
        for step in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step](db)
            log.info("database schema migrated to version %d", step)
        db.run("INSERT INTO meta(key, value) VALUES('schema_version', ?)"
               " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))
