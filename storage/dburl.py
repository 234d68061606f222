"""Where the data lives: `--db URL`, else $CLASSWATCH_DB, else the data dir's
classwatch.db. A URL may carry a database password: `str()` and `repr()` of a
DbUrl mask it, and `mask_urls` masks any URL in a text (argparse errors,
driver messages, tracebacks), so it never reaches a screen or a log."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .paths import DB_NAME

ENV_DB = "CLASSWATCH_DB"
SCHEMES = ("sqlite", "postgresql", "postgres")

# user:password@ in any URL-looking text; the password part is replaced.
_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@\s]*)@")
# libpq's key=value form (password=...), as drivers sometimes echo it.
_KEYWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def mask_urls(text: str) -> str:
    """`text` with the password of every URL (and libpq password=) replaced by ***."""
    text = _CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
    return _KEYWORD.sub(lambda m: f"{m[1]}***", text)


class DbUrlError(ValueError):
    """Not a database URL this ClassWatch can use (the message is masked)."""


@dataclass(frozen=True)
class DbUrl:
    kind: str                           # "sqlite" | "postgresql"
    url: str = field(repr=False)        # the full URL, password included: for the driver only
    path: Path | None = None            # sqlite: the file

    def __str__(self) -> str:
        return mask_urls(self.url)

    def __repr__(self) -> str:
        return f"DbUrl({self})"

    @property
    def is_sqlite(self) -> bool:
        return self.kind == "sqlite"

    @property
    def password(self) -> str | None:
        if self.kind != "postgresql":
            return None
        try:
            pw = urlsplit(self.url).password
        except ValueError:
            return None
        return unquote(pw) if pw else None

    @classmethod
    def sqlite(cls, path: Path | str) -> "DbUrl":
        path = Path(path)
        return cls("sqlite", f"sqlite:///{path}", path)

    @classmethod
    def parse(cls, text: str) -> "DbUrl":
        scheme, sep, rest = text.partition("://")
        if not sep or scheme.lower() not in SCHEMES:
            raise DbUrlError(f"{mask_urls(text)!s} is not a database URL "
                             "(sqlite:///PATH or postgresql://USER:PASS@HOST:PORT/DB)")
        if scheme.lower() == "sqlite":
            # sqlite:///relative/or/absolute: three slashes then the path as given
            path = rest[1:] if rest.startswith("/") else rest
            if rest.startswith("//"):      # sqlite:////abs/path (SQLAlchemy's absolute form)
                path = rest[1:]
            if not path:
                raise DbUrlError("sqlite:/// needs a file path")
            return cls.sqlite(Path(path).expanduser())
        try:
            parts = urlsplit(text)
            parts.port      # raises on a bad port
        except ValueError as exc:
            raise DbUrlError(f"bad database URL {mask_urls(text)}: {mask_urls(str(exc))}") from None
        if not parts.path.strip("/") and "dbname=" not in (parts.query or ""):
            raise DbUrlError(f"{mask_urls(text)} names no database (postgresql://USER:PASS@HOST:PORT/DB)")
        return cls("postgresql", "postgresql://" + rest)


def resolve_db(arg: "DbUrl | str | None", data_dir: Path) -> DbUrl:
    """--db, else $CLASSWATCH_DB, else data_dir/classwatch.db."""
    if isinstance(arg, DbUrl):
        return arg
    text = arg or os.environ.get(ENV_DB)
    if text:
        return DbUrl.parse(text)
    return DbUrl.sqlite(Path(data_dir) / DB_NAME)


def as_db_url(where: "DbUrl | Path | str") -> DbUrl:
    """A DbUrl from a DbUrl, a URL, or a plain SQLite file path (tests, tools)."""
    if isinstance(where, DbUrl):
        return where
    text = str(where)
    if "://" in text:
        return DbUrl.parse(text)
    return DbUrl.sqlite(where)
