"""Where ClassWatch keeps its files: --data-dir, else $CLASSWATCH_DATA_DIR,
else the platform's per-user data directory."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "CLASSWATCH_DATA_DIR"
DB_NAME = "classwatch.db"
CONFIG_NAME = "config.json"
LOG_NAME = "classwatch.log"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("ClassWatch", appauthor=False))


def resolve_data_dir(arg: str | os.PathLike | None = None, create: bool = True) -> Path:
    path = Path(arg).expanduser() if arg else default_data_dir()
    if create:
        # The directory holds secrets and lesson data: private to the user.
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path.resolve()
