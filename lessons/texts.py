"""Sentences as data: an English template and its arguments, so that exports
get English and the GUI its own language from the same source.

`str()` gives the English sentence. The GUI calls `render()` with its
translator, its catalogue context ("Timeline") and its names for the labels.
Templates are marked with QT_TRANSLATE_NOOP (protocol.translatable's Qt-free
stand-in, which pyside6-lupdate matches by name).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from protocol.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Label:
    """A name from protocol/ or lessons.diagnostics used as an argument: `english`
    for exports; the GUI names it in its own words by `table` and `code`."""
    table: str            # "device", "exit_reason" (by code) or "problem" (by its English line)
    english: str
    code: int | None = None

    def __str__(self) -> str:
        return self.english


# translate(context, English source) -> the desk's words
Translate = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class Text:
    """`template.format(*args)`; args that are Text or Label are rendered too,
    anything else is data shown as it is (names, numbers, URLs)."""
    template: str
    args: tuple[Any, ...] = ()
    # The template's catalogue context where it is not the renderer's: the words every
    # context shares (lessons.timeline_words' "Name (ID)" and Cmd labels, in "labels").
    context: str | None = None

    def __str__(self) -> str:
        return render(self)


Detail = Text | Label | str     # str: the user's own words (a help message, a URL), never translated


def listing(items: Sequence[Text | Label | str], pair: str = QT_TRANSLATE_NOOP("Timeline", "{}; {}")) -> Text:
    """Items separated by "; ", each pair through one template, so that a
    translation gives the language's separator (Chinese "；"). `pair`: that
    template marked in the caller's own context (alarms.texts': "AlarmTexts")."""
    if len(items) < 2:
        return Text("{}" * len(items), tuple(items))
    return Text(pair, (items[0], listing(items[1:], pair)))


def render(detail: Detail, translate: Translate | None = None, context: str = "",
           label: Callable[[Label], str] = str) -> str:
    """`detail` as text: each template through `translate` in `context` (or its
    own), English without; each label through `label`."""
    if isinstance(detail, Label):
        return label(detail)
    if isinstance(detail, Text):
        args = (render(a, translate, context, label) if isinstance(a, (Text, Label)) else a for a in detail.args)
        template = detail.template if translate is None else translate(detail.context or context, detail.template)
        return template.format(*args)
    return detail


def text_width(text: str) -> int:
    """Columns a text takes: CJK characters two (a terminal's, Excel's character-width
    unit and a PDF's too)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
