"""Logging to a rotating file in the data dir (and stderr for `serve`), with
every configured secret masked before a line is written anywhere."""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Callable, Iterable

from .paths import LOG_NAME

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, "***")
    return text


class RedactSecrets(logging.Filter):
    """Masks secrets in the message, its arguments and any attached traceback."""

    def __init__(self, secrets: Callable[[], Iterable[str]]):
        super().__init__()
        self._secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = list(self._secrets())
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = mask_secrets(message, secrets), None
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text, secrets)
        record.exc_info = None if record.exc_text else record.exc_info
        return True


def setup_logging(data_dir: Path, secrets: Callable[[], Iterable[str]], *, stderr: bool,
                  debug: bool = False) -> None:
    root = logging.getLogger()
    root.handlers.clear()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    redact = RedactSecrets(secrets)
    path = Path(data_dir) / LOG_NAME
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=5 * 1024 * 1024,
                                                        backupCount=5, encoding="utf-8")
    if os.name == "posix":
        os.chmod(path, 0o600)
    handlers: list[logging.Handler] = [file_handler]
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(redact)
        root.addHandler(handler)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
