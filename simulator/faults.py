"""Deliberate trouble for demos and tests, and its `--faults` spelling.

    --faults wrong-secret,broken-json,duplicates=5,burst=400,gap=600   (or: all)

Times are seconds of the day's clock after the start, so they scale with --speed.
"""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Faults:
    # Pushes sent in [at, at + for) are signed with a stale secret: refused with
    # 403 and re-sent until the period is over, then signed right and drained.
    wrong_secret_at: float | None = None
    wrong_secret_for: float = 240.0
    # The first push sent once the day's clock is this far goes out as a truncated body.
    broken_json_at: float | None = None
    # This many acked pushes are sent again, as if our ack had been lost.
    duplicates: int = 0
    # Auditors pouring into the last lesson at its start (hundreds of enters at once).
    burst: int = 0
    # Nothing is sent in [at, at + for); the backlog follows in one go.
    gap_at: float | None = None
    gap_for: float = 300.0


# name -> (what a bare name means, what name=VALUE sets)
_FAULTS = {
    "wrong-secret": (dict(wrong_secret_at=120.0), "wrong_secret_for"),
    "broken-json": (dict(broken_json_at=60.0), "broken_json_at"),
    "duplicates": (dict(duplicates=3), "duplicates"),
    "burst": (dict(burst=300), "burst"),
    "gap": (dict(gap_at=900.0), "gap_for"),
}
FAULT_NAMES = tuple(_FAULTS)


def parse_faults(text: str) -> Faults:
    """'' -> no faults; 'all' -> every fault with its defaults; ValueError on a bad item."""
    faults = Faults()
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = item.partition("=")
        names = FAULT_NAMES if name == "all" and not value else (name,)
        for one in names:
            if one not in _FAULTS:
                raise ValueError(f"unknown fault {one!r} (known: {', '.join(FAULT_NAMES)}, all)")
            defaults, field_name = _FAULTS[one]
            faults = replace(faults, **defaults)
            if value:
                number = _number(one, value)
                kind = type(getattr(faults, field_name))
                faults = replace(faults, **{field_name: kind(number)})
    return faults


def _number(name: str, value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"fault {name}: {value!r} is not a number") from None
    if number < 0:
        raise ValueError(f"fault {name}: {value!r} is negative")
    return number
