"""Logging to a rotating file in the data dir (and stderr for `serve`), with
every configured secret masked before a line is written anywhere."""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from concurrent_log_handler import ConcurrentRotatingFileHandler

from .paths import LOG_NAME

MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def _secret_segment(segment: str) -> bool:
    """A path segment that looks like a key (a token, a UUID), not a word like
    'robot' or 'v2': webhook URLs carry their access token in the path or query."""
    return len(segment) >= 12 or (len(segment) >= 6 and any(c.isdigit() for c in segment)
                                  and any(c.isalpha() for c in segment))


def url_secrets(url: str) -> list[str]:
    """The parts of a webhook URL that grant access: user info, query values,
    key-like path segments."""
    parts = urlsplit(url)
    found = [v for v in (parts.username, parts.password) if v]
    found += [value for _, value in parse_qsl(parts.query, keep_blank_values=False)]
    found += [s for s in parts.path.split("/") if _secret_segment(s)]
    return [s for s in found if len(s) >= 4]


def mask_url(url: str) -> str:
    """`url` with its access parts replaced: enough to recognise the robot."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    if parts.username or parts.password:
        host = f"***@{host}"
    path = "/".join("***" if _secret_segment(s) else s for s in parts.path.split("/"))
    query = "&".join(f"{k}=***" for k, _ in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((parts.scheme, host, path, query, ""))


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    # Longest first: a token inside a masked URL must not leave the rest of the URL.
    for secret in sorted(secrets, key=len, reverse=True):
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


class PrivateRotatingFile(ConcurrentRotatingFileHandler):
    """The log (and every rotated one) readable by the user only; a write that
    fails (disk full) is told once a minute in one line, not as a traceback
    per record: the failure that filled the disk is reported elsewhere.

    The app and `serve` share this file. A RotatingFileHandler in each would
    rotate under the other (POSIX: one goes on writing to the renamed file,
    lines are lost) or fail to (Windows: a file the other holds open cannot be
    renamed). This one rotates under a lock file and, on Windows, holds the log
    open only while writing."""

    def __init__(self, path: Path):
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", chmod=0o600)
        # It opens the file at the first line: an unusable one is an error now, not then.
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))
        if os.name == "posix":
            os.chmod(path, 0o600)

    _last_error = 0.0

    def handleError(self, record: logging.LogRecord) -> None:
        now = time.monotonic()
        if now - self._last_error >= 60:
            self._last_error = now
            error = sys.exc_info()[1]
            try:
                sys.stderr.write(f"classwatch: cannot write the log {self.baseFilename}: {error}\n")
            except (OSError, ValueError):
                pass


def setup_logging(data_dir: Path, secrets: Callable[[], Iterable[str]], *, stderr: bool,
                  debug: bool = False) -> None:
    root = logging.getLogger()
    root.handlers.clear()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    redact = RedactSecrets(secrets)
    path = Path(data_dir) / LOG_NAME
    handlers: list[logging.Handler] = []
    try:
        handlers.append(PrivateRotatingFile(path))
    except OSError:
        # A read-only data dir: no log file. Without any handler, logging's last
        # resort would print every logged traceback on stderr.
        handlers.append(logging.NullHandler())
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(redact)
        root.addHandler(handler)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    # aiohttp logs each malformed request with a traceback: once per cause a minute instead.
    logging.getLogger("aiohttp.server").addFilter(OncePerCause())


class OncePerCause(logging.Filter):
    """Keeps the first record of each message a minute, without its traceback."""

    def __init__(self, interval: float = 60.0):
        super().__init__()
        self.interval = interval
        self._last: dict[str, float] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        cause = f"{record.msg}:{type(error).__name__}" if error else str(record.msg)
        now = time.monotonic()
        if now - self._last.get(cause, -self.interval) < self.interval:
            return False
        if len(self._last) > 1000:
            self._last.clear()
        self._last[cause] = now
        if error is not None:
            record.msg = f"{record.getMessage()}: {type(error).__name__}: {error}"[:500]
            record.args, record.exc_info, record.exc_text = None, None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
