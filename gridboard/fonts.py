"""The bundled CJK font, registered with Qt once for the screens and the printouts alike (QtGui only)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from gridboard import bundled

FONT_FILE = "NotoSansSC-Subset.otf"


def install_fonts() -> str:
    """Register the bundled CJK font so a fresh machine renders Chinese; returns its family."""
    data = bundled.files().joinpath("fonts", FONT_FILE).read_bytes()
    font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""
