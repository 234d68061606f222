"""Argument types shared by the commands: a bad value is a one-line error
(exit 2) at parse time, not a traceback when it is finally used."""
from __future__ import annotations

import argparse

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
