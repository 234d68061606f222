"""The two engines behind one storage interface. Backends differ in
connection, dialect and notification only: every caller writes the same SQL
(`?` placeholders, ON CONFLICT, LEAST/GREATEST) through a `Conn`, and the
backend translates what its engine spells differently."""
from __future__ import annotations

from ..dburl import DbUrl, as_db_url
from .base import PUSH_CHANNEL, QUEUED_CHANNEL, Backend, Conn, StoreUnavailable

__all__ = ["PUSH_CHANNEL", "QUEUED_CHANNEL", "Backend", "Conn", "StoreUnavailable", "backend_for"]


def backend_for(where: "DbUrl | str") -> Backend:
    url = as_db_url(where)
    if url.is_sqlite:
        from .sqlite import SqliteBackend
        return SqliteBackend(url)
    from .postgres import PostgresBackend
    return PostgresBackend(url)
