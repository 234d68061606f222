"""JSON out of whatever JSON came in. orjson parses 1,024 levels of nesting
but refuses to write more than 255, and the standard library recurses: a
stored push must still be printable (`events`) and hashable (dedupe)."""
from __future__ import annotations

from typing import Any

import orjson


def dumps(value: Any, *, sort_keys: bool = False) -> bytes:
    """orjson's output where it can; the same JSON at any depth where it cannot."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0)
    except orjson.JSONEncodeError:
        return b"".join(_pieces(value, sort_keys))


class _Raw:
    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data


_COMMA, _END_OBJECT, _END_LIST = _Raw(b","), _Raw(b"}"), _Raw(b"]")


def _pieces(value: Any, sort_keys: bool) -> list[bytes]:
    out: list[bytes] = []
    stack: list[Any] = [value]        # items to write, last first
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            out.append(item.data)
        elif isinstance(item, dict):
            out.append(b"{")
            stack.append(_END_OBJECT)
            keys = sorted(item) if sort_keys else list(item)
            for n, key in enumerate(reversed(keys)):
                stack.append(item[key])
                stack.append(_Raw(orjson.dumps(str(key)) + b":"))
                if n < len(keys) - 1:
                    stack.append(_COMMA)
        elif isinstance(item, (list, tuple)):
            out.append(b"[")
            stack.append(_END_LIST)
            for n, child in enumerate(reversed(item)):
                stack.append(child)
                if n < len(item) - 1:
                    stack.append(_COMMA)
        else:
            out.append(orjson.dumps(item))
    return out
