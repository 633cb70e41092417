"""The bundled CJK font, registered with Qt once for the screens and the printouts alike (QtGui only)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from gridboard import bundled

FONT_FILE = "NotoSansSC-Subset.otf"


def install_fonts() -> str:
    """Register the bundled CJK font so a fresh machine renders Chinese; returns its family. Once per
    process: the window and the printouts both ask, and each registration read and parsed the 9 MB file
    again (80 ms, in the first preview's wait) and kept another copy of it."""
    if not _registered:
        data = bundled.files().joinpath("fonts", FONT_FILE).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _registered.append(families[0] if families else "")
    return _registered[0]


_registered: list[str] = []
