"""The participant columns: one definition shared by the CSV, XLSX and PDF
writers, so the three files always carry the same columns in the same order.

The CONTRACT.md columns come first, in CONTRACT order; the extras the summary
producer adds follow. Each writer turns a `Kind` into its own cell type.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .labels import Labels


class Kind(Enum):
    INT = "int"
    DURATION = "duration"   # whole seconds
    TIME = "time"           # unix seconds, shown in the school's zone
    BOOL = "bool"
    TEXT = "text"           # str, or a list of str joined with "; "
    PERCENT = "percent"     # a fraction 0..1


@dataclass(frozen=True)
class Column:
    key: str
    header: str     # English; labels.py holds the translations
    kind: Kind
    # Labels key prefix for translating the (English) values people read,
    # e.g. "role" turns "student" into labels("role.student").
    vocabulary: str | None = None

    def label(self, labels: Labels) -> str:
        return labels(self.key, self.header)

    def word(self, value: str, labels: Labels) -> str:
        """A value as people read it (CSV keeps the raw value for scripts)."""
        return labels(f"{self.vocabulary}.{value}", value) if self.vocabulary else value

    def raw(self, row: Mapping[str, Any]) -> Any:
        # .get: extras may be missing from an older or hand-made summary.
        return row.get(self.key)


PARTICIPANT_COLUMNS: tuple[Column, ...] = (
    # CONTRACT.md order
    Column("uid", "UID", Kind.INT),
    Column("name", "Name", Kind.TEXT),
    Column("identity", "Identity code", Kind.INT),
    Column("present", "Present", Kind.BOOL),
    Column("attended_seconds", "Attended", Kind.DURATION),
    Column("first_in", "First in", Kind.TIME),
    Column("last_out", "Last out", Kind.TIME),
    Column("entries", "Entries", Kind.INT),
    Column("hands_up", "Hands up", Kind.INT),
    Column("awards", "Awards", Kind.INT),
    Column("stage_up_count", "Stage ups", Kind.INT),
    Column("stage_seconds", "On stage", Kind.DURATION),
    # extras
    Column("identity_label", "Role", Kind.TEXT, vocabulary="role"),
    Column("late", "Late", Kind.BOOL),
    Column("left_early", "Left early", Kind.BOOL),
    Column("abnormal_exits", "Abnormal exits", Kind.INT),
    Column("hands_up_seconds", "Hand raised", Kind.DURATION),
    Column("mute_count", "Mutes", Kind.INT),
    Column("kicks", "Kicked out", Kind.INT),
    Column("authorize_count", "Authorized", Kind.INT),
    Column("deputies", "Deputy", Kind.INT),
    Column("device", "Device code", Kind.INT),
    Column("device_label", "Device", Kind.TEXT),
    Column("net_quality", "Network quality", Kind.PERCENT),
    Column("device_problems", "Device problems", Kind.TEXT),
    Column("network_problems", "Network problems", Kind.TEXT),
)

_BY_KEY = {column.key: column for column in PARTICIPANT_COLUMNS}


def columns(keys: tuple[str, ...]) -> tuple[Column, ...]:
    """The named columns, in the given order (writers that show a subset)."""
    return tuple(_BY_KEY[key] for key in keys)
