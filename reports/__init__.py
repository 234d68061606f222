"""Lesson reports: one or more lesson-summary dicts to json, csv, xlsx or pdf.

The summaries are what lessons.summary produces, plus `school_name` and
`timezone` (an IANA name; times are written in that zone).
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .csv_export import render_csv, render_people_csv
from .labels import Labels
from .pdf_export import render_pdf
from .pdf_fonts import FontNotFoundError, find_cjk_font
from .values import Summary
from .xlsx_export import render_xlsx

__all__ = ["EXTENSIONS", "FORMATS", "FontNotFoundError", "Labels", "find_cjk_font", "render_report",
           "write_bytes", "write_per_lesson", "write_report"]


def _render_json(summaries: Sequence[Summary], labels: Labels) -> bytes:
    # labels: the JSON is the machine format, its keys are the interface.
    document = summaries[0] if len(summaries) == 1 else list(summaries)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_RENDERERS: dict[str, Callable[[Sequence[Summary], Labels], bytes]] = {
    "json": _render_json,
    "csv": render_csv,
    "people-csv": render_people_csv,
    "xlsx": render_xlsx,
    "pdf": render_pdf,
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)
# The CSV for people is a .csv file too.
EXTENSIONS = {fmt: "csv" if fmt == "people-csv" else fmt for fmt in FORMATS}
# CSV is read by scripts as much as by people: by default its header row is
# the summary's own keys, like the JSON. The other formats are for people.
_DEFAULT_LANG = {"csv": "keys"}

SummaryOrMany = Summary | Sequence[Summary]


def render_report(summaries: SummaryOrMany, fmt: str, *, lang: str | None = None,
                  labels: Mapping[str, str] | None = None) -> bytes:
    """The file's bytes. `lang`: "en", "zh" or "keys"; `labels`: the caller's
    own (translated) texts by key, overriding `lang`'s."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    many = [summaries] if isinstance(summaries, Mapping) else list(summaries)
    if not many:
        raise ValueError("no lesson to report")
    return _RENDERERS[fmt](many, Labels(lang or _DEFAULT_LANG.get(fmt, "en"), labels))


def write_bytes(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Returns where the bytes went: `path`, or a free name beside it when
    `path` is locked (Windows: the last export is still open in Excel)."""
    # A reader (Excel, a sync client) never sees a half-written report.
    # (Not tempfile.mkstemp: its 0600 mode would stick to the report.)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as out:
            out.write(data)
        try:
            os.replace(temp, path)
        except PermissionError:
            if not path.is_file():
                raise
            path = free_name(path)
            os.replace(temp, path)
        return path
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def free_name(path: Path) -> Path:
    """'report (2).xlsx', '(3)'...: the first name beside `path` that is not taken."""
    number = 2
    while (candidate := path.with_name(f"{path.stem} ({number}){path.suffix}")).exists():
        number += 1
    return candidate


def write_report(summaries: SummaryOrMany, fmt: str, out_path: str | os.PathLike[str], *,
                 lang: str | None = None, labels: Mapping[str, str] | None = None) -> Path:
    """One file for one or several lessons (csv: one table with class_id first;
    xlsx: an Index sheet; pdf: a page run per lesson; json: a list). Returns the
    file written: another name than `out_path` when that one is locked."""
    return write_bytes(render_report(summaries, fmt, lang=lang, labels=labels), out_path)


def write_per_lesson(summaries: Sequence[Summary], fmt: str, out_dir: str | os.PathLike[str], *,
                     lang: str | None = None, labels: Mapping[str, str] | None = None) -> list[Path]:
    """One file per lesson, named lesson-<class_id>.<extension>, in out_dir."""
    folder = Path(out_dir)
    return [write_report(summary, fmt, folder / f"lesson-{summary['class_id']}.{EXTENSIONS[fmt]}",
                         lang=lang, labels=labels) for summary in summaries]
