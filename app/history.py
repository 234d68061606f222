"""What the views read from the store, with the user's thresholds applied the
same way as live (so History, charts and exports agree with the live view).
Blocking reads (models bound): callers run them off the event loop."""
from __future__ import annotations

from typing import Any, Callable

from lessons.diagnostics import thresholds_from
from lessons.state import LessonState
from lessons.texts import Detail
from storage import history
from storage.config import Config
from storage.history import device_checks, lessons_between, net_samples  # noqa: F401  (the views' reads)
from storage.school import school_report_between  # noqa: F401  (the School view's read)


def lesson_state(class_id: int, config: Config) -> LessonState | None:
    return history.lesson_state(class_id, thresholds_from(config.settings))


def lesson_summary(class_id: int, config: Config, now: float | None = None,
                   detail_text: Callable[[Detail], str] = str) -> dict[str, Any] | None:
    """`detail_text`: the timeline details in words (lessons.summary)."""
    return history.lesson_summary(class_id, now, thresholds_from(config.settings), detail_text)
