"""Words of Qt's own dialogs that Qt's Chinese translation (qtbase_zh_CN) leaves in English.

lupdate reads these into the "guide" area; our translators are installed after Qt's, so they win.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
)
