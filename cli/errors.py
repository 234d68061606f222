"""Errors the command line reports as one line (exit 1, or 2 for bad arguments)."""
from __future__ import annotations

import os
import sqlite3


class CliError(Exception):
    """A failure the user can act on: printed as one line, exit code 1 (or `code`)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def describe_os_error(exc: OSError) -> str:
    """'Permission denied: /x/y' — the reason and the file, without Python's [Errno n] noise."""
    reason = exc.strerror or type(exc).__name__
    name = exc.filename2 or exc.filename      # a failed rename: the target, not our temporary file
    return f"{reason}: {os.fsdecode(name)}" if name else reason


def describe(exc: BaseException) -> str:
    """One line for an error nobody turned into a CliError."""
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if _is_database_error(exc):
        text = str(exc)
        if "not a database" in text or "malformed" in text:
            return (f"the database is damaged or not a ClassWatch database ({text}): "
                    f"move it aside or restore a backup")
        return f"database error: {text}"
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _is_database_error(exc: BaseException) -> bool:
    # peewee wraps sqlite3's (and psycopg's) errors in its own DatabaseError family.
    return isinstance(exc, sqlite3.DatabaseError) or any(
        cls.__name__ == "DatabaseError" for cls in type(exc).__mro__)
