"""Per school with live lessons: is what the Live page shows still current?
A blocked ClassIn queue (a refused push re-sent every 10 s) or a long quiet
spell means the page shows the past; say so on the page itself, not only as
an alarm elsewhere."""
from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel, QWidget

from app.desk import Desk
from app.receiving import PushStored

from ..bridge import MonitorBridge

# A busy lesson pushes every few seconds (enters, hands, Net every 5 min per user):
# a minute without any push while lessons run is worth a word, well before the
# silence alarm (10 min).
STALE_AFTER = 60


class Freshness(QLabel):
    def __init__(self, bridge: MonitorBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk = bridge.desk
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3cd; color: #212121; padding: 4px 8px; border: 1px solid #e0a800;")
        self.stored_at: dict[int, float] = {}      # last push stored, per SID
        bridge.receiverEvent.connect(self._on_receiver_event)
        self.hide()

    def _on_receiver_event(self, event) -> None:
        if isinstance(event, PushStored) and event.sid is not None:
            self.stored_at[event.sid] = max(event.received_at, self.stored_at.get(event.sid, 0.0))

    def last_stored(self, sid: int) -> float | None:
        # Before this session's first push: the last one the core saw (loaded at start).
        return self.stored_at.get(sid) or self.desk.last_push_at(sid)

    def warnings(self, now: float) -> list[str]:
        schools = self.desk.config.current().schools
        lines = []
        for sid in sorted({lesson.sid for lesson in self.desk.live_lessons(now) if lesson.sid is not None}):
            school = schools.get(sid)
            name = (school.name or str(sid)) if school is not None else str(sid)
            last = self.last_stored(sid)
            quiet = int(now - last) if last is not None else None
            stuck = self.desk.alarm("stuck:{}".format(sid))
            if stuck is not None and stuck.open:
                lines.append(self.tr("{}: data may be stale — ClassIn's queue is blocked by a refused push; "
                                     "no push stored for {} s.").format(name, quiet if quiet is not None else "?"))
            elif quiet is not None and quiet >= STALE_AFTER:
                lines.append(self.tr("{}: data may be stale — no push for {} s although lessons are live.")
                             .format(name, quiet))
        return lines

    def refresh(self, now: float | None = None) -> None:
        lines = self.warnings(time.time() if now is None else now)
        self.setText("\n".join("⚠ " + line for line in lines))
        self.setVisible(bool(lines))
