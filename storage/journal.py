"""The relay's delivery journal: push ids a destination has taken that the
database does not know yet.

Why not commit each delivery: the next push may only go once the last one
is recorded, and a commit per delivery through the writer capped a
destination at ~30 pushes/s while ClassIn pushed at C=64, and ~220/s beside
a light ingest (bench/relay.py). An append to this file costs a system call
on the loop; the relay folds the ids into the database every batch or
second, then empties the file. What the OS has survives kill -9, so after a
crash only the push in flight goes again. The file is not synced: after a
power cut up to one fold's worth may go again (at least once, never lost),
where a sync per delivery would cost 2-10 ms on a laptop disk.
"""
from __future__ import annotations

import os
import struct
from pathlib import Path

_RECORD = struct.Struct("<q")


class DeliveryJournal:
    @classmethod
    def of(cls, data_dir: Path, dest) -> DeliveryJournal:
        """The journal of a destination (storage.relay.Destination), in the data dir. Named
        by its creation too: SQLite may give a removed destination's id to a new one."""
        return cls(Path(data_dir) / f"relay-{dest.id}-{int(dest.created_at * 1000)}.journal")

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def read(self) -> list[int]:
        """The ids recorded since the last clear (a torn last record is ignored)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        whole = len(data) - len(data) % _RECORD.size
        return [value for (value,) in _RECORD.iter_unpack(data[:whole])]

    def append(self, push_id: int) -> None:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0),
                               0o600)
        os.write(self._fd, _RECORD.pack(push_id))

    def clear(self) -> None:
        """Everything recorded is in the database now."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
        elif self.path.exists():
            self.path.write_bytes(b"")

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)
