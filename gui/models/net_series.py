"""Net samples of one lesson as numpy arrays, and what the charts draw from them.

Qt-free on purpose: `load_series` runs in a reader thread (gui.worker.in_thread),
the UI thread only appends live samples and asks for aggregates. A day of
1,000 users is ~100k samples: everything here is vectorised, never a Python
loop per sample, and the lesson-level curves are per-bin statistics across
users so the chart never draws a line per user."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np

from lessons.diagnostics import NetSample
from app.history import net_samples

FIELDS = ("good", "normal", "bad", "poor", "not_reach", "avg_delay_ms", "loss_percent",
          "cpu_low", "cpu_medium", "cpu_high", "cpu_busy")
QUALITY = ("good", "normal", "bad", "poor", "not_reach")
CPU = ("cpu_low", "cpu_medium", "cpu_high", "cpu_busy")
SPREAD = ("avg_delay_ms", "loss_percent")    # drawn as median with a p10–p90 band
BIN_SECONDS = 300                            # ClassIn sends Net every 5 minutes per user


@dataclass(frozen=True)
class Aggregate:
    """Lesson-level curves: one point per time bin across all users."""
    time: np.ndarray                       # bin centres (unix seconds)
    users: np.ndarray                      # users reporting in the bin
    mean: dict[str, np.ndarray]            # every field
    p10: dict[str, np.ndarray]             # SPREAD fields
    p50: dict[str, np.ndarray]
    p90: dict[str, np.ndarray]


@dataclass(frozen=True)
class UserScore:
    uid: int
    degraded: float        # mean share of bad + poor + not reached probes
    delay_ms: float        # mean average delay (NaN when never reported)
    loss_percent: float
    samples: int


class NetSeries:
    def __init__(self, time: np.ndarray, uid: np.ndarray, values: Mapping[str, np.ndarray]) -> None:
        self._pending: list[tuple[float, int, tuple[float, ...]]] = []
        self._aggregate: Aggregate | None = None
        self._aggregate_bin = 0
        self._set(time, uid, values)

    def _set(self, time: np.ndarray, uid: np.ndarray, values: Mapping[str, np.ndarray]) -> None:
        order = np.argsort(time, kind="stable")
        self.time = np.asarray(time, dtype=np.float64)[order]
        self.uid = np.asarray(uid, dtype=np.int64)[order]
        self.values = {f: np.asarray(values[f], dtype=np.float64)[order] for f in FIELDS}

    @classmethod
    def empty(cls) -> NetSeries:
        return cls(np.empty(0), np.empty(0, dtype=np.int64), {f: np.empty(0) for f in FIELDS})

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> NetSeries:
        """Rows of storage.history.net_samples (None -> NaN)."""
        rows = [r for r in rows if r.get("uid") is not None]
        time = np.fromiter((r["time"] for r in rows), dtype=np.float64, count=len(rows))
        uid = np.fromiter((r["uid"] for r in rows), dtype=np.int64, count=len(rows))
        values = {f: np.array([r[f] for r in rows], dtype=np.float64) for f in FIELDS}
        return cls(time, uid, values)

    def __len__(self) -> int:
        return len(self.time) + len(self._pending)

    # --- live ------------------------------------------------------------------------------
    def append(self, uid: int, sample: NetSample) -> None:
        """Queue a live sample; merged in one concatenate at the next read."""
        q, cpu = sample.quality, sample.cpu
        row = (*(getattr(q, f) if q else np.nan for f in QUALITY), _nan(sample.avg_delay_ms),
               _nan(sample.loss_percent),
               *(getattr(cpu, f.removeprefix("cpu_")) if cpu else np.nan for f in CPU))
        self._pending.append((float(sample.time), uid, row))

    def _flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        time = np.concatenate([self.time, [p[0] for p in pending]])
        uid = np.concatenate([self.uid, np.array([p[1] for p in pending], dtype=np.int64)])
        columns = np.array([p[2] for p in pending], dtype=np.float64).reshape(len(pending), len(FIELDS))
        values = {f: np.concatenate([self.values[f], columns[:, i]]) for i, f in enumerate(FIELDS)}
        self._set(time, uid, values)

    def contains(self, uid: int, time: float) -> bool:
        """Whether this user's sample of that time is in already (live vs loaded overlap)."""
        self._flush()
        return bool(((self.uid == uid) & (self.time == time)).any())

    def has_user(self, uid: int) -> bool:
        return any(p[1] == uid for p in self._pending) or bool((self.uid == uid).any())

    # --- reads ---------------------------------------------------------------------------------
    def user(self, uid: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        self._flush()
        mask = self.uid == uid
        return self.time[mask], {f: v[mask] for f, v in self.values.items()}

    def scores(self) -> list[UserScore]:
        """Per user, worst (most degraded probes) first."""
        self._flush()
        if not len(self.time):
            return []
        users, inverse = np.unique(self.uid, return_inverse=True)
        degraded = self.values["bad"] + self.values["poor"] + self.values["not_reach"]
        means = {name: _group_mean(inverse, len(users), values)
                 for name, values in (("degraded", degraded), ("delay", self.values["avg_delay_ms"]),
                                      ("loss", self.values["loss_percent"]))}
        counts = np.bincount(inverse, minlength=len(users))
        order = np.lexsort((-np.nan_to_num(means["delay"], nan=-1), -np.nan_to_num(means["degraded"], nan=-1)))
        return [UserScore(int(users[i]), float(means["degraded"][i]), float(means["delay"][i]),
                          float(means["loss"][i]), int(counts[i])) for i in order]

    def aggregate(self, bin_seconds: int = BIN_SECONDS) -> Aggregate:
        """Cached; live samples only recompute the bins from the oldest new one on
        (a redraw per second must not re-aggregate a whole day)."""
        first_new = min((p[0] for p in self._pending), default=None)
        self._flush()
        cached = self._aggregate if self._aggregate_bin == bin_seconds else None
        if cached is not None and first_new is None:
            return cached
        keep_before = np.floor(first_new / bin_seconds) * bin_seconds if cached is not None else -np.inf
        tail = int(np.searchsorted(self.time, keep_before)) if cached is not None else 0
        fresh = _aggregate(self.time[tail:], self.uid[tail:],
                           {f: v[tail:] for f, v in self.values.items()}, bin_seconds)
        if cached is not None:
            fresh = _splice(cached, fresh, keep_before)
        self._aggregate, self._aggregate_bin = fresh, bin_seconds
        return fresh


def load_series(class_id: int, since: float | None = None, until: float | None = None) -> NetSeries:
    """For `await in_thread(load_series, ...)`: query, convert and aggregate off the UI thread."""
    series = NetSeries.from_rows(net_samples(class_id=class_id, since=since, until=until))
    series.aggregate()
    return series


def _nan(value: float | None) -> float:
    return np.nan if value is None else float(value)


def _aggregate(time: np.ndarray, uid: np.ndarray, values: Mapping[str, np.ndarray],
               bin_seconds: int) -> Aggregate:
    """Per-bin statistics over time-sorted samples (no np.unique: bins of sorted
    times are runs, found with one diff)."""
    bins = np.floor(time / bin_seconds).astype(np.int64)
    starts = np.flatnonzero(np.diff(bins, prepend=bins[:1] - 1)) if len(bins) else np.empty(0, np.int64)
    n = len(starts)
    groups = np.repeat(np.arange(n), np.diff(np.append(starts, len(bins))))
    # Distinct users per bin: sort (bin, uid) keys once and count the runs.
    keys = np.sort(groups * (int(uid.max()) + 1 if len(uid) else 1) + uid)
    firsts = keys[np.flatnonzero(np.diff(keys, prepend=-1))]
    users = np.bincount(firsts // (int(uid.max()) + 1 if len(uid) else 1), minlength=n)
    mean = {f: _group_mean(groups, n, v) for f, v in values.items()}
    p10, p50, p90 = {}, {}, {}
    for f in SPREAD:
        p10[f], p50[f], p90[f] = _group_quantiles(groups, n, values[f], (0.1, 0.5, 0.9))
    return Aggregate((bins[starts] + 0.5) * bin_seconds, users, mean, p10, p50, p90)


def _splice(old: Aggregate, new: Aggregate, boundary: float) -> Aggregate:
    """Old bins before `boundary`, recomputed bins from it on."""
    k = int(np.searchsorted(old.time, boundary))

    def join(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {f: np.concatenate([a[f][:k], b[f]]) for f in a}
    return Aggregate(np.concatenate([old.time[:k], new.time]), np.concatenate([old.users[:k], new.users]),
                     join(old.mean, new.mean), join(old.p10, new.p10), join(old.p50, new.p50),
                     join(old.p90, new.p90))


def _group_mean(groups: np.ndarray, n: int, values: np.ndarray) -> np.ndarray:
    ok = ~np.isnan(values)
    total = np.bincount(groups[ok], weights=values[ok], minlength=n)
    count = np.bincount(groups[ok], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def _group_quantiles(groups: np.ndarray, n: int, values: np.ndarray,
                     quantiles: tuple[float, ...]) -> list[np.ndarray]:
    """Nearest-rank quantiles per group, vectorised: sort by (group, value) once,
    then index into each group's run."""
    ok = ~np.isnan(values)
    g, v = groups[ok], values[ok]
    order = np.lexsort((v, g))
    g, v = g[order], v[order]
    count = np.bincount(g, minlength=n)
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    result = []
    for q in quantiles:
        out = np.full(n, np.nan)
        has = count > 0
        out[has] = v[start[has] + np.floor(q * (count[has] - 1)).astype(np.int64)]
        result.append(out)
    return result
