"""What every command needs: the data dir, the config store, logging."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.config import ConfigError, ConfigStore
from storage.logs import setup_logging
from storage.paths import DB_NAME, resolve_data_dir

from .errors import CliError


@dataclass
class Context:
    data_dir: Path
    config: ConfigStore

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME


def open_context(args, *, log_to_stderr: bool = False) -> Context:
    try:
        data_dir = resolve_data_dir(args.data_dir)
    except OSError as exc:
        raise CliError(f"cannot use data dir {args.data_dir or ''}: {exc.strerror}") from None
    try:
        config = ConfigStore(data_dir)
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    setup_logging(data_dir, lambda: config.current().secrets(), stderr=log_to_stderr,
                  debug=getattr(args, "debug", False))
    return Context(data_dir, config)
