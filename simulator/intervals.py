"""Arithmetic on lists of [start, end) second intervals (End's durations)."""
from __future__ import annotations

Interval = tuple[int, int]


def union(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    return merged


def overlap(a: list[Interval], b: list[Interval]) -> int:
    """Seconds covered by both; each list may overlap itself."""
    total = 0
    for s1, e1 in union(a):
        for s2, e2 in union(b):
            total += max(0, min(e1, e2) - max(s1, s2))
    return total
