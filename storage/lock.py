"""One receiver per data dir: two writing the same file would each answer
ClassIn for pushes the other's derived tables and alarms never see."""
from __future__ import annotations

import os
from pathlib import Path

LOCK_NAME = "classwatch.lock"


class LockError(Exception):
    """The data dir cannot be locked for a receiver (one line for the user)."""


class AlreadyRunning(LockError):
    pass


class DataDirLock:
    """An exclusive OS lock on a file in the data dir, held while the receiver
    runs. The OS drops it when the process dies (kill -9 included), so a stale
    lock file never blocks a restart."""

    def __init__(self, data_dir: Path | str):
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:   # a read-only or missing data dir
            raise LockError(f"cannot use {self.path.parent} for receiving: {exc.strerror}") from None
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise AlreadyRunning(f"another ClassWatch receiver is using {self.path.parent} "
                                 f"(stop it first, or give this one another --data-dir)") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def held_elsewhere(self) -> bool:
        """True while another process holds the lock (a receiver runs on this data dir)."""
        try:
            self.acquire()
        except AlreadyRunning:
            return True
        self.release()
        return False

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)    # closing drops the lock
            self._fd = None


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
