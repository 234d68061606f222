"""The command line's own words in the desk's language (--lang, else
$CLASSWATCH_LANG, else the config's "language"), from the catalogue the
window loads: alarms.language reads it without Qt. A template is marked
QT_TRANSLATE_NOOP("Cli", "…") where it is written, so that lupdate finds it."""
from __future__ import annotations

from typing import Callable

from alarms.language import Wording
from app.startup import chosen_language
from lessons.texts import QT_TRANSLATE_NOOP
from storage.config import ConfigStore

CONTEXT = "Cli"
# `relay add` and `school add` refuse a SID alike.
SID_NOT_POSITIVE = QT_TRANSLATE_NOOP("Cli", "SID must be a positive number")


def wording(args, config: ConfigStore | None) -> Wording:
    """The desk's language (for times: Wording.time)."""
    return Wording(chosen_language(args, config))


def translator(args, config: ConfigStore | None) -> Callable[[str], str]:
    """tr(template): the template in the desk's language (as it is in English)."""
    words = wording(args, config)
    return lambda template: words.tr(template, CONTEXT)
