"""What every command needs: the data dir, the store (--db), the config store, logging."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.config import ConfigError, ConfigStore
from storage.logs import setup_logging
from storage.dburl import DbUrl, resolve_db
from storage.paths import resolve_data_dir

from .errors import CliError


@dataclass
class Context:
    data_dir: Path
    config: ConfigStore
    db: DbUrl               # --db, $CLASSWATCH_DB, else the data dir's classwatch.db


def open_context(args, *, log_to_stderr: bool = False) -> Context:
    try:
        data_dir = resolve_data_dir(args.data_dir)
    except OSError as exc:
        raise CliError(f"cannot use data dir {args.data_dir or ''}: {exc.strerror}") from None
    try:
        config = ConfigStore(data_dir)
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    # Parsed at the command line already (options.db_url); the environment's here.
    db = resolve_db(getattr(args, "db", None), data_dir)
    passwords = database_passwords(args, db)
    setup_logging(data_dir, lambda: [*config.current().secrets(), *passwords], stderr=log_to_stderr,
                  debug=getattr(args, "debug", False))
    return Context(data_dir, config, db)


def database_passwords(args, *more: DbUrl) -> list[str]:
    """The password of every database URL given (--db, db copy's --from/--to)."""
    urls = [v for v in vars(args).values() if isinstance(v, DbUrl)] + list(more)
    return [url.password for url in urls if url.password]
