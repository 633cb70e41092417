"""Loads bundled fonts and translations (gridboard.bundled finds them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont

from gridboard import bundled

# The font is registered by gridboard/fonts.py (the printouts need it too); read here as before.
from gridboard.fonts import FONT_FILE as FONT_FILE
from gridboard.fonts import install_fonts as install_fonts

# QTranslator.load(data) does not copy the bytes: keep them alive beside their translator.
_translators: list[tuple[QTranslator, bytes]] = []


def ui_font(family: str, point_size: float = 10.0) -> QFont:
    font = QFont()
    # The system UI font first for Latin; our CJK font fills in every Chinese glyph.
    font.setFamilies([QFont().family(), family] if family else [QFont().family()])
    font.setPointSizeF(point_size)
    return font


def wants_chinese(language: str) -> bool:
    """`language` is "zh_CN", "en" or "auto" (Chinese on a Chinese system)."""
    if language == "auto":
        return QLocale.system().language() == QLocale.Language.Chinese
    return language.startswith("zh")


def install_translations(language: str) -> bool:
    """Install every area's compiled Chinese translation when Chinese is wanted."""
    app = QCoreApplication.instance()
    for translator, _data in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if not wants_chinese(language):
        return False
    # Qt's own words first (OK, Cancel, Yes, No in message boxes and file dialogs), ours over them.
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN",):
        translator = QTranslator(app)
        if translator.load(name, qt_folder):
            app.installTranslator(translator)
            _translators.append((translator, b""))
    folder = bundled.files().joinpath("translations")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith("_zh_CN.qm"):
            translator = QTranslator(app)
            data = entry.read_bytes()
            if translator.load(data):
                app.installTranslator(translator)
                _translators.append((translator, data))
    return bool(_translators)
