"""Translations: every UI string goes through tr(); Chinese (zh_CN) ships in
resources/i18n. CLASSWATCH_LANG=zh_CN|en overrides the system locale."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_keep: list[QTranslator] = []


def install_translator(app: QApplication) -> str:
    name = os.environ.get("CLASSWATCH_LANG") or QLocale.system().name()
    locale = QLocale(name)
    for directory, prefix in ((I18N_DIR, "classwatch_"),
                              (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_")):
        translator = QTranslator(app)
        if translator.load(locale, prefix.rstrip("_"), "_", str(directory)):
            app.installTranslator(translator)
            _keep.append(translator)
    return locale.name()


def remove_translators(app: QApplication) -> None:
    """Undo install_translator (tests switch languages within one QApplication)."""
    while _keep:
        translator = _keep.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
