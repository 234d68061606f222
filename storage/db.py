"""Opening the database: pragmas, schema version, migrations with a backup.

`database` (models.database) is a proxy so tests and tools can point the
models at any file (the Vorta pattern)."""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Callable

from peewee import SqliteDatabase

from . import models
from .models import database

log = logging.getLogger(__name__)

# WAL lets `export` and the app read while `serve` writes; FULL makes a commit
# survive power loss, which is what an ack promises (PITFALLS.md: it costs
# little once commits are batched).
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "busy_timeout": 10000,
    "foreign_keys": 1,
}

SCHEMA_VERSION = 3


def _create_v1(db: SqliteDatabase) -> None:
    # Creates the tables as the models are now (with every later index): the
    # later steps therefore use IF NOT EXISTS and stay no-ops on a new file.
    db.create_tables(models.RAW_MODELS)


def _v2_push_uid_cmd_index(db: SqliteDatabase) -> None:
    db.execute_sql("CREATE INDEX IF NOT EXISTS push_uid_cmd_class_id ON push(uid, cmd, class_id)")


def _v3_alarm_table(db: SqliteDatabase) -> None:
    db.create_tables([models.AlarmRow], safe=True)


# version -> step that brings the schema from version-1 to version.
MIGRATIONS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _create_v1, 2: _v2_push_uid_cmd_index, 3: _v3_alarm_table}
# Derived tables register their own creation here (storage.derived) so that
# `rebuild` can drop and recreate them without touching raw pushes.
DERIVED_SETUP: list[Callable[[SqliteDatabase], None]] = []


class SchemaError(Exception):
    pass


def _read_version(db: SqliteDatabase) -> int:
    if not db.table_exists("meta"):
        return 0
    row = db.execute_sql("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def backup(path: Path, suffix: str) -> Path:
    target = path.with_name(f"{path.name}.{suffix}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def open_database(path: Path | str, migrate: bool = True) -> SqliteDatabase:
    """Open (and create or migrate) the database at `path` and bind the models to it."""
    path = Path(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=10)
    db.connect(reuse_if_open=True)
    database.initialize(db)
    if migrate:
        try:
            _migrate(db, path)
        except BaseException:
            db.close()   # a refused (newer) file must not stay open behind the proxy
            raise
    for setup in DERIVED_SETUP:
        setup(db)
    return db


def _migrate(db: SqliteDatabase, path: Path) -> None:
    version = _read_version(db)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{path} was written by a newer ClassWatch (schema {version}, this one knows {SCHEMA_VERSION})")
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        kept = backup(path, f"v{version}-{int(time.time())}")
        log.info("backed up the database to %s before migrating", kept)
    with db.atomic("IMMEDIATE"):
        version = _read_version(db)  # another process may have migrated meanwhile
        for step in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step](db)
            log.info("database schema migrated to version %d", step)
        db.execute_sql("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)",
                       (str(SCHEMA_VERSION),))

