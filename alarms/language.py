"""The desk's language where there is no window: the command line and the
chat robots say an alarm (alarms.texts) in English or Chinese, from the same
translations the window loads (resources/i18n/classwatch_<language>.ts, read
as XML: no Qt here), with every time in the school's zone, labelled.
"""
from __future__ import annotations

import datetime as dt
import functools
import xml.etree.ElementTree as ET
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from lessons.texts import Detail, Label, Text, Translate, render
from lessons.timeline_words import detail_words, named

from . import texts
from .model import Alarm

LANGUAGES = ("en", "zh_CN")
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def language(name: str | None) -> str:
    """One of LANGUAGES for a locale-like name ("zh", "zh-CN", "zh_CN.UTF-8",
    "en_US"); English for anything without a translation."""
    return "zh_CN" if (name or "").strip().lower().replace("-", "_").startswith("zh") else "en"


@functools.cache
def _catalog(lang: str) -> dict[tuple[str, str], str]:
    """(context, English source) -> translation; finished messages only."""
    if lang == "en":
        return {}
    table = {}
    for context in ET.parse(I18N_DIR / f"classwatch_{lang}.ts").getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                table[(name, message.findtext("source"))] = translation.text
    return table


def local_time(unix: float | None, zone: str, with_date: bool = True,
               translate: Translate = lambda context, source: source) -> str:
    """'2025-05-14 09:10:00 (Asia/Shanghai)': a time where the school is, and which zone that is,
    in the brackets of `translate`'s language (a Wording's: 2025-05-14 09:10:00（Asia/Shanghai）)."""
    if unix is None:
        return "—"
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz, zone = dt.timezone.utc, "UTC"
    try:
        when = dt.datetime.fromtimestamp(float(unix), tz)
    except (TypeError, ValueError, OverflowError, OSError):
        return "?"
    return named(when.strftime("%Y-%m-%d %H:%M:%S" if with_date else "%H:%M:%S"), zone, translate)


@dataclass(frozen=True)
class SaidAlarm:
    title: str
    detail: str      # one fact per line
    advice: str


class Wording:
    """Alarm words, chat messages and times in one language."""

    def __init__(self, lang: str = "en"):
        self.language = language(lang)
        self._table = _catalog(self.language)

    def translate(self, context: str, source: str) -> str:
        """A template of the catalogue in this language (lessons.texts.Translate)."""
        return self._table.get((context, source), source)

    def tr(self, template: str, context: str = texts.CONTEXT) -> str:
        return self.translate(context, template)

    def time(self, unix: float | None, zone: str, with_date: bool = True) -> str:
        return local_time(unix, zone, with_date, self.translate)

    def render(self, text: Text | Label | str, zone: str) -> str:
        def label(item: Label) -> str:
            if item.table == "problem":
                return self.render(texts.problem_words(item.english), zone)
            if item.table in ("time", "datetime"):
                return self.time(item.code, zone, with_date=item.table == "datetime")
            return item.english
        return render(text, self.translate, texts.CONTEXT, label)

    def timeline_detail(self, detail: Detail) -> str:
        """A lesson timeline's detail in words, as the window's export writes it."""
        return detail_words(detail, self.translate, lambda line: self.render(texts.problem_words(line), "UTC"))

    def alarm(self, alarm: Alarm, names: texts.Names | None, zone: str) -> SaidAlarm:
        words = texts.describe(alarm, names)
        return SaidAlarm(self.render(words.title, zone), "\n".join(self.render(line, zone) for line in words.lines),
                         self.render(words.advice, zone))
