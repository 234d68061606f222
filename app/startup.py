"""What the command line and the window need before they run: the data dir,
the store (--db), the config store, logging; and why a receiver or a store
could not start, in one line. Both entries call this; neither says it twice."""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from storage.backends import StoreUnavailable, backend_for
from storage.config import ConfigError, ConfigStore
from storage.dburl import DbUrl, resolve_db
from storage.lock import LockError
from storage.logs import mask_secrets, setup_logging
from storage.paths import resolve_data_dir
from storage.writer import StorageError

from .errors import UserError, describe_os_error

_PORT_IN_USE = (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1))
LANG_ENV = "CLASSWATCH_LANG"
LANGUAGE_SETTING = "language"      # config.json's settings: the desk's language ("en", "zh_CN")


@dataclass
class Context:
    data_dir: Path
    config: ConfigStore
    db: DbUrl               # --db, $CLASSWATCH_DB, else the data dir's classwatch.db
    passwords: tuple[str, ...] = ()   # of the database URLs given

    def require_database(self) -> DbUrl:
        """For commands that read what was received: none is never made up."""
        if not backend_for(self.db).exists():
            raise UserError(f"no database {self.db}: nothing has been received there yet "
                            f"(another --data-dir or --db?)")
        return self.db

    def secrets(self) -> list[str]:
        return [*self.config.current().secrets(), *self.passwords]

    def mask(self, text: str) -> str:
        """`text` without any secret of the config or password of the database."""
        return mask_secrets(text, self.secrets())


def open_context(args, *, log_to_stderr: bool = False, existing: bool = False) -> Context:
    """`existing`: a command that only reads (events, export...) never creates
    the data dir its database would be in; a missing one is a one-line error."""
    try:
        data_dir = resolve_data_dir(args.data_dir, create=False)
        # Parsed at the command line already (options.db_url); the environment's here.
        db = resolve_db(getattr(args, "db", None), data_dir)
        if existing and not data_dir.is_dir() and db.is_sqlite and db.path.parent == data_dir:
            raise UserError(f"no data dir {data_dir} (another --data-dir, or $CLASSWATCH_DATA_DIR?)")
        resolve_data_dir(data_dir)
    except OSError as exc:
        raise UserError(f"cannot use data dir {args.data_dir or exc.filename}: {exc.strerror}") from None
    try:
        ctx = Context(data_dir, ConfigStore(data_dir), db, tuple(database_passwords(args, db)))
        setup_logging(data_dir, ctx.secrets, stderr=log_to_stderr, debug=getattr(args, "debug", False))
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot use data dir {data_dir}: {describe_os_error(exc)}") from None
    return ctx


def chosen_language(args, config: ConfigStore | None) -> str | None:
    """The language the desk chose for the window, `alarms` and the chat robots:
    --lang, else $CLASSWATCH_LANG, else config.json's "language" (`config`
    None: no data dir to read it from); None when nobody chose (the command
    line then speaks English, the window the system's)."""
    return (getattr(args, "lang", None) or os.environ.get(LANG_ENV)
            or (config.current().settings.get(LANGUAGE_SETTING) if config is not None else None) or None)


def database_passwords(args, *more: DbUrl) -> list[str]:
    """The password of every database URL given (--db, db copy's --from/--to)."""
    urls = [v for v in vars(args).values() if isinstance(v, DbUrl)] + list(more)
    return [url.password for url in urls if url.password]


def start_failure(exc: BaseException, host: str, port: int) -> str | None:
    """Why the core could not start (the data dir locked by another receiver or
    read-only, the store unreachable or damaged, the port taken), in one line;
    None for anything else, which is a bug whose traceback is wanted."""
    if isinstance(exc, (LockError, StoreUnavailable, StorageError)):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.errno in _PORT_IN_USE:
            return (f"cannot listen on {host}:{port}: the port is in use "
                    f"(another ClassWatch running? choose --port)")
        return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None
