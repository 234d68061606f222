"""Tables for the terminal whose columns line up with Chinese in them: a CJK
character takes two columns there, where str.ljust counts one."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from lessons.texts import text_width


def table(rows: Iterable[Sequence[object]], right: Collection[int] = (), indent: str = "") -> list[str]:
    """`rows` (headers first, if any) as lines: each column as wide as its
    widest cell, two spaces apart; the columns numbered in `right` (numbers)
    right-aligned; the last column left as it is, for no trailing blanks."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(text_width(row[i]) for row in cells) for i in range(len(cells[0]))] if cells else []
    lines = []
    for row in cells:
        padded = []
        for i, cell in enumerate(row):
            fill = " " * (widths[i] - text_width(cell))
            padded.append(fill + cell if i in right else cell if i == len(row) - 1 else cell + fill)
        lines.append(indent + "  ".join(padded))
    return lines
