"""On/off histories kept in event-time order: presence per device, hands,
stage, mute, authorisation.

Pushes arrive late and in bursts, so switches are inserted in order by
(event time, `_id`, arrival) instead of applied as they come: the same set
of pushes then yields the same history whatever the arrival order (ClassIn's
`_id` is an ObjectId, so it also orders two switches within one second).
Inserting near the end is the common case and costs O(1).
"""
from __future__ import annotations

import bisect
from typing import Any, Iterator, NamedTuple


class Switch(NamedTuple):
    time: int
    tiebreak: str               # the push's `_id` ("" without one)
    seq: int                    # arrival order: unique, so the tuple never compares `info`
    on: bool
    info: Any = None            # e.g. the exit Reason


def insert_in_order(items: list, item: tuple) -> None:
    if not items or items[-1] <= item:
        items.append(item)
    else:
        bisect.insort(items, item)


class OnOffHistory:
    __slots__ = ("switches",)

    def __init__(self) -> None:
        self.switches: list[Switch] = []

    def add(self, switch: Switch) -> None:
        insert_in_order(self.switches, switch)

    def __iter__(self) -> Iterator[Switch]:
        return iter(self.switches)

    def __bool__(self) -> bool:
        return bool(self.switches)

    @property
    def last(self) -> Switch | None:
        return self.switches[-1] if self.switches else None

    @property
    def is_on(self) -> bool:
        return bool(self.switches) and self.switches[-1].on

    def intervals(self, until: int | None) -> list[tuple[int, int]]:
        """(on, off) pairs. A repeated "on" keeps the earlier start and an "off"
        while off is ignored (lost pushes); a still-open stretch ends at `until`."""
        result: list[tuple[int, int]] = []
        start: int | None = None
        for s in self.switches:
            if s.on and start is None:
                start = s.time
            elif not s.on and start is not None:
                result.append((start, s.time))
                start = None
        if start is not None and until is not None:
            result.append((start, max(start, until)))
        return result

    def switch_ons(self) -> int:
        count, on = 0, False
        for s in self.switches:
            if s.on and not on:
                count += 1
            on = s.on
        return count

    def seconds(self, until: int | None) -> int:
        return sum(end - start for start, end in self.intervals(until))

    def first_on(self) -> int | None:
        return next((s.time for s in self.switches if s.on), None)

    def last_off(self) -> Switch | None:
        return next((s for s in reversed(self.switches) if not s.on), None)

    def on_at(self, moment: int) -> bool:
        """On at `moment`, an "off" exactly then still counting as on (a lesson
        closing at 10:00 had everyone who left at 10:00 inside)."""
        return any(start <= moment <= end for start, end in self.intervals(moment))


def overlap_seconds(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Seconds covered by both sorted, non-overlapping interval lists."""
    total = i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if end > start:
            total += end - start
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total
