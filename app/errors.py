"""A failure the user can act on, as one line: the command line prints it
(exit 1, or `code`), the window shows it. No Python noise in it."""
from __future__ import annotations

import os


class UserError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def describe_os_error(exc: OSError) -> str:
    """'Permission denied: /x/y' — the reason and the file, without Python's [Errno n] noise."""
    reason = exc.strerror or type(exc).__name__
    name = exc.filename2 or exc.filename      # a failed rename: the target, not our temporary file
    return f"{reason}: {os.fsdecode(name)}" if name else reason
