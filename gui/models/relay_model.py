"""Relay destinations (storage.relay.DestinationStatus, read by the core's
relay) as a table: what each school's own system got, what it still has to
get, since when it fails and why, in the desk's language."""
from __future__ import annotations

import re
import time
from typing import Any

from PySide6.QtGui import QBrush

from alarms.model import Severity
from relay.rule import shown_url
from app.settings import ConfigStore

from ..alarm_texts import SEVERITY_COLOURS
from ..formatting import duration, local_time
from .labels import named, school_timezone
from .table import RIGHT, TableModel, brush

FAILING = brush(SEVERITY_COLOURS[Severity.CRITICAL])
PAUSED = brush("#757575")


class RelayModel(TableModel):
    COLUMNS = ("name", "school", "state", "delivered", "pending", "oldest", "failing_since", "last_error", "url")
    NUMBERS = ("delivered", "pending", "oldest")

    def __init__(self, config: ConfigStore, parent=None):
        super().__init__(parent)
        self.config = config
        self.now = time.time()

    def set_rows(self, rows: list[Any]) -> None:
        self.now = time.time()
        super().set_rows(rows)

    def headers(self) -> dict[str, str]:
        return {"name": self.tr("Destination"), "school": self.tr("School"), "state": self.tr("State"),
                "delivered": self.tr("Delivered"), "pending": self.tr("Pending"),
                "oldest": self.tr("Oldest pending"), "failing_since": self.tr("Failing since"),
                "last_error": self.tr("Last error"), "url": self.tr("URL")}

    # -- wording ----------------------------------------------------------------------------
    def state(self, s: Any) -> str:
        if s.destination.paused:
            return self.tr("Paused")
        if s.failing_since is not None:
            return self.tr("Failing, retrying")
        return self.tr("Delivering") if s.pending else self.tr("Up to date")

    def error(self, text: str | None) -> str:
        """The relay's reasons (relay.rule) in the desk's language."""
        if not text:
            return ""
        for pattern, template in (
                (r"HTTP (\d+)$", self.tr("HTTP {}")),
                (r"answered errno (.+)$", self.tr("answered errno {}")),
                (r"no answer within (\S+) s$", self.tr("no answer within {} s")),
                (r"cannot connect: (.+)$", self.tr("cannot connect: {}"))):
            m = re.match(pattern, text)
            if m:
                return template.format(self._reasons().get(m.group(1), m.group(1)))
        fixed = {"HTTP 200 but the answer is not JSON": self.tr("HTTP 200 but the answer is not JSON"),
                 "HTTP 200 without error_info.errno": self.tr("HTTP 200 without error_info.errno")}
        return fixed.get(text, text)

    def _reasons(self) -> dict[str, str]:
        """Why a connection failed, as the OS says it (os.strerror, lower case)."""
        return {"connection refused": self.tr("connection refused"),
                "no route to host": self.tr("no route to host"),
                "network is unreachable": self.tr("network is unreachable"),
                "connection timed out": self.tr("connection timed out"),
                "name or service not known": self.tr("unknown host name")}

    # -- hooks ------------------------------------------------------------------------------
    def text(self, s: Any, column: str) -> Any:
        d = s.destination
        if column == "name":
            return named(d.name, ",".join(d.cmds)) if d.cmds else d.name
        if column == "school":
            school = self.config.current().schools.get(d.sid)
            return named(school.name if school else None, d.sid)
        if column == "state":
            return self.state(s)
        if column == "delivered":
            return str(s.delivered)
        if column == "pending":
            return str(s.pending)
        if column == "oldest":
            return "—" if s.oldest_pending_at is None else duration(max(0.0, self.now - s.oldest_pending_at))
        if column == "failing_since":
            return "—" if s.failing_since is None else local_time(
                s.failing_since, school_timezone(self.config, d.sid), with_date=True)
        if column == "last_error":
            return self.error(s.last_error)
        if column == "url":
            return shown_url(d.url)
        return None

    def foreground(self, s: Any, column: str) -> QBrush | None:
        if s.destination.paused:
            return PAUSED
        if column in ("state", "last_error", "failing_since") and s.failing_since is not None:
            return FAILING
        return None

    def alignment(self, s: Any, column: str) -> int | None:
        return RIGHT if column in self.NUMBERS else None
