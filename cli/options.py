"""Argument types shared by the commands: a bad value is a one-line error
(exit 2) at parse time, not a traceback when it is finally used."""
from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from storage.dburl import DbUrl, DbUrlError


def port(text: str) -> int:
    """A TCP port; 0 asks the system for a free one."""
    value = _int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0-65535)")
    return value


def positive(text: str) -> int:
    value = _int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def db_url(text: str) -> DbUrl:
    """--db: a database URL; the error names it with its password masked."""
    try:
        return DbUrl.parse(text)
    except DbUrlError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return value


def http_url(text: str) -> str:
    """An http(s) URL with a host: what ClassIn, Gensee or a receiver can be reached at."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL like https://example.com")
    try:
        parts.port
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} has a bad port") from None
    return text.strip()
