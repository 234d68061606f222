"""What every command needs: the data dir, the store (--db), the config store, logging."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.backends import backend_for
from storage.config import ConfigError, ConfigStore
from storage.dburl import DbUrl, resolve_db
from storage.logs import setup_logging
from storage.paths import resolve_data_dir

from .errors import CliError, describe_os_error


@dataclass
class Context:
    data_dir: Path
    config: ConfigStore
    db: DbUrl               # --db, $CLASSWATCH_DB, else the data dir's classwatch.db

    def require_database(self) -> DbUrl:
        """For commands that read what was received: none is never made up."""
        if not backend_for(self.db).exists():
            raise CliError(f"no database {self.db}: nothing has been received there yet "
                           f"(another --data-dir or --db?)")
        return self.db


def open_context(args, *, log_to_stderr: bool = False, existing: bool = False) -> Context:
    """`existing`: a command that only reads (events, export...) never creates
    the data dir its database would be in; a missing one is a one-line error."""
    try:
        data_dir = resolve_data_dir(args.data_dir, create=False)
        # Parsed at the command line already (options.db_url); the environment's here.
        db = resolve_db(getattr(args, "db", None), data_dir)
        if existing and not data_dir.is_dir() and db.is_sqlite and db.path.parent == data_dir:
            raise CliError(f"no data dir {data_dir} (another --data-dir, or $CLASSWATCH_DATA_DIR?)")
        resolve_data_dir(data_dir)
    except OSError as exc:
        raise CliError(f"cannot use data dir {args.data_dir or exc.filename}: {exc.strerror}") from None
    try:
        config = ConfigStore(data_dir)
        passwords = database_passwords(args, db)
        setup_logging(data_dir, lambda: [*config.current().secrets(), *passwords], stderr=log_to_stderr,
                      debug=getattr(args, "debug", False))
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot use data dir {data_dir}: {describe_os_error(exc)}") from None
    return Context(data_dir, config, db)


def database_passwords(args, *more: DbUrl) -> list[str]:
    """The password of every database URL given (--db, db copy's --from/--to)."""
    urls = [v for v in vars(args).values() if isinstance(v, DbUrl)] + list(more)
    return [url.password for url in urls if url.password]
