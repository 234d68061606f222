"""Translations: every UI string goes through tr(); Chinese (zh_CN) ships in
resources/i18n. The desk's choice (--lang, CLASSWATCH_LANG, config.json's
"language": app.startup.chosen_language) wins over the system locale."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_keep: list[QTranslator] = []
_language = "en"      # of the window's own words: what the exports for people speak too


def install_translator(app: QApplication, chosen: str | None = None) -> str:
    """The language installed, as a locale name ("zh_CN", "en_US")."""
    global _language
    name = chosen or os.environ.get("CLASSWATCH_LANG") or QLocale.system().name()
    locale = QLocale(name)
    for directory, prefix in ((I18N_DIR, "classwatch_"),
                              (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_")):
        translator = QTranslator(app)
        if translator.load(locale, prefix.rstrip("_"), "_", str(directory)):
            app.installTranslator(translator)
            _keep.append(translator)
            if prefix == "classwatch_":
                _language = locale.name()
    return locale.name()


def report_language() -> str:
    """"zh" or "en" (reports.Labels): the language the window speaks, which is
    not QLocale()'s when CLASSWATCH_LANG chose it."""
    return "zh" if _language.startswith("zh") else "en"


def remove_translators(app: QApplication) -> None:
    """Undo install_translator (tests switch languages within one QApplication)."""
    global _language
    _language = "en"
    while _keep:
        translator = _keep.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
