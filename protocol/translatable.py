"""QT_TRANSLATE_NOOP without Qt, for the English labels of protocol/ and
lessons/: pyside6-lupdate matches the name, so this stand-in is enough for it
to extract them; the GUI and the command line translate them later. Here, in the
lowest layer, so that protocol/ can mark its own labels where they are defined."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
