"""Frozen, slotted dataclasses that are quick to make.

A frozen dataclass's own __init__ sets each field through object.__setattr__
(~150 ns a field), and the typed event of every push is made of dozens of
fields (`lessons.events.parse` runs for every push, live and in every
replay). This __init__ sets the slots through their descriptors instead:
the same instances (fields, defaults, keyword-only, equality, hash,
immutability), made in half the time.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False) -> Any:
    """`@dataclass(frozen=True, slots=True)`, with a quicker __init__."""
    def wrap(cls: type[T]) -> type[T]:
        cls = dataclasses.dataclass(cls, frozen=True, slots=True, kw_only=kw_only)
        cls.__init__ = _slot_init(cls)
        return cls
    return wrap if cls is None else wrap(cls)


def _slot_init(cls: type) -> Callable[..., None]:
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(
            not f.init or f.default_factory is not dataclasses.MISSING for f in fields):
        return cls.__init__   # nothing here needs those: dataclasses' own __init__ does them
    names = {"__set_" + f.name: getattr(cls, f.name).__set__ for f in fields}
    positional, keyword = [], []
    for f in fields:
        default = "" if f.default is dataclasses.MISSING else f"=__default_{f.name}"
        if default:
            names["__default_" + f.name] = f.default
        (keyword if f.kw_only else positional).append(f.name + default)
    params = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    body = "".join(f"    __set_{f.name}(self, {f.name})\n" for f in fields) or "    pass\n"
    exec(f"def __init__({params}):\n{body}", names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init
