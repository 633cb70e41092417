"""Chinese renders from the bundled font, and the Chinese translation is used when chosen."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QRawFont

from gridboard.ui.resources import FONT_FILE, install_translations, wants_chinese

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent


def test_bundled_font_covers_every_translated_character(gui) -> None:
    raw = QRawFont(str(ROOT / "resources" / "fonts" / FONT_FILE), 12)
    assert raw.isValid()
    text = set()
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        for translation in ET.parse(ts).getroot().iter("translation"):
            text |= set("".join(translation.itertext()))
    missing = sorted(c for c in text if ord(c) > 0x2E80 and not raw.supportsCharacter(ord(c)))
    assert missing == []


def test_application_font_falls_back_to_bundled_cjk_family(gui) -> None:
    families = gui.font().families()
    assert any("CJK" in f or "SC" in f for f in families), families


def test_language_choice(gui, qtbot, small) -> None:
    from gridboard.ui.main_window import MainWindow

    assert wants_chinese("zh_CN") and not wants_chinese("en")
    install_translations("zh_CN")
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    install_translations("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    install_translations(str(QSettings().value("language", "auto")))


def test_font_object_is_usable(gui) -> None:
    assert QFont().pointSizeF() > 0


def test_qts_own_buttons_speak_chinese(gui, qtbot) -> None:
    """Message boxes and button boxes use Qt's words (OK, Cancel, Yes, No): those come in Chinese too."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    install_translations("zh_CN")
    try:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)
        texts = {b.text().replace("&", "") for b in buttons.buttons()}
        assert {"确定", "取消"} <= {t.split("(")[0] for t in texts}, texts
        box = QMessageBox(
            QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        qtbot.addWidget(box)
        assert {b.text().replace("&", "").split("(")[0] for b in box.buttons()} == {"是", "否"}
    finally:
        install_translations(str(QSettings().value("language", "auto")))
