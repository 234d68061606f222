"""The command line's own words in the desk's language (--lang, else
$CLASSWATCH_LANG, else the config's "language"), from the catalogue the
window loads: alarms.language reads it without Qt. A template is marked
QT_TRANSLATE_NOOP("Cli", "…") where it is written, so that lupdate finds it."""
from __future__ import annotations

from typing import Any, Callable

from alarms.language import Wording
from app.errors import UserError
from app.startup import Context, chosen_language, open_context
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


def checked_context(args, check: Callable[[Any, Callable[[str], str]], None],
                    **options: Any) -> tuple[Context, Callable[[str], str]]:
    """open_context(args, **options) and tr, with `check(args, tr)` run on the
    options: contradictory ones are bad arguments (exit 2), said in the config's
    language, and even where the data dir is missing (said first then, in the
    language --lang or $CLASSWATCH_LANG names)."""
    try:
        ctx = open_context(args, **options)
    except UserError:
        check(args, translator(args, None))
        raise
    tr = translator(args, ctx.config)
    check(args, tr)
    return ctx, tr
