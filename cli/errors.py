"""Errors the command line reports as one line (exit 1, or 2 for bad arguments)."""
from __future__ import annotations

import sqlite3

from app.errors import UserError, describe_os_error


class CliError(UserError):
    """A command's failure the user can act on: printed as one line, exit code 1 (or `code`)."""


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
